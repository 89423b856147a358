/**
 * `avvikelse audit <file.xlsx> [--json <file>] [--months N] [--quiet]`: audits every table with a
 * recognisable header (hand-typed tables, and our own `Avvikelsetabeller`) and prints one line per
 * finding, the sign convention assumed for each table and a summary.
 *
 * Exit codes: 0 no errors (rounding differences only, or nothing); 1 at least one error, or no table
 * found to audit; 2 usage error (missing file, bad option, not an .xlsx file). The file is only read.
 */
import { sheetRef } from '../core/address';
import { auditJson, auditSummary, auditWorkbook, formatFinding } from '../audit';
import type { AuditOptions } from '../audit';
import { stringOption, UsageError, type ParsedArgs } from './args';
import { openWorkbook, readWorkbookFile, type CliIO } from './io';
import { reserveTemps } from './atomicWrite';
import { commitOutputs, planOutputs } from './outputs';

export { AUDIT_OPTIONS, AUDIT_USAGE } from './commandSpecs';

function auditOptions(args: ParsedArgs): AuditOptions {
  const months = stringOption(args, 'months');
  if (months === undefined) return {};
  const n = Number(months);
  if (!/^\d{1,2}$/.test(months) || n < 1 || n > 12) throw new UsageError(`--months: "${months}" är inget antal månader (1–12)`);
  return { months: n };
}

export async function audit(args: ParsedArgs, { out, err }: CliIO): Promise<number> {
  const input = args.positional[0];
  if (!input) throw new UsageError('ange arbetsboken som ska granskas');
  if (args.positional.length > 1) throw new UsageError(`okänt argument "${args.positional[1]}"`);
  const source = readWorkbookFile(input);
  const options = auditOptions(args);
  const json = stringOption(args, 'json');
  const plans = json ? planOutputs([{ option: '--json', path: json, kind: 'json' }], [{ label: 'indata', file: source }], !!args.options.force) : [];
  reserveTemps(plans.map((p) => p.target));
  const workbook = openWorkbook(source, { out, err });
  if (!workbook) return 2;
  const data = await workbook.read();
  const result = auditWorkbook(data, options);
  if (plans.length) commitOutputs([{ plan: plans[0], data: JSON.stringify(auditJson(result), null, 2) + '\n' }]);
  if (result.tables.length === 0) {
    err(`${input}: hittade ingen tabell med budget-, prognos-, utfalls- eller avvikelsekolumner att granska.`);
    return 1;
  }
  const quiet = !!args.options.quiet;
  if (!quiet) {
    for (const t of result.tables) out(`${sheetRef(t.sheet)}!${t.range}${t.title ? ` (${t.title})` : ''}: ${t.conventionNote}`);
  }
  for (const f of result.findings) if (!quiet || f.kind === 'error') out(formatFinding(f));
  if (!quiet) out(auditSummary(result));
  return result.findings.some((f) => f.kind === 'error') ? 1 : 0;
}
