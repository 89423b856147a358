/** `avvikelse audit <file.xlsx> [--json <file>]` — being built (issue 4). */
import { UsageError, type ParsedArgs } from './args';
import type { CliIO } from './io';

export const AUDIT_USAGE = '  avvikelse audit <arbetsbok.xlsx> [--json <fynd.json>]';

export async function audit(_args: ParsedArgs, _io: CliIO): Promise<number> {
  throw new UsageError('audit är inte klart ännu');
}
