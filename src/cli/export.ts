/** `avvikelse export <workbook.xlsx> --docx <out.docx>` — being built (issue 4). */
import { UsageError, type ParsedArgs } from './args';
import type { CliIO } from './io';

export const EXPORT_USAGE = '  avvikelse export <arbetsbok.xlsx> --docx <rapport.docx>';

export async function exportCommand(_args: ParsedArgs, _io: CliIO): Promise<number> {
  throw new UsageError('export är inte klart ännu');
}
