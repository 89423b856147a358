/**
 * `avvikelse accuracy <arbetsbok.xlsx> [--json <fil.json>] [val]`: prints the forecast accuracy
 * (Prognossäkerhet) from the history recorded in a workbook. The workbook is only read.
 *
 * Exit codes: 0 printed; 1 the workbook has errors, or no history with both forecasts and the year's
 * outcome; 2 usage error.
 */
import { accuracyJson } from '../report/historyJson';
import { tableText, THOUSANDS_SPACE, type TableText } from '../export/tableText';
import { stringOption, UsageError, type ParsedArgs } from './args';
import { analyzeFile } from './analyzeFile';
import { printInputErrors, readWorkbookFile, type CliIO } from './io';
import { reserveTemps } from './atomicWrite';
import { commitOutputs, planOutputs } from './outputs';
import { readSettings } from './settingsArgs';

export { ACCURACY_OPTIONS, ACCURACY_USAGE } from './commandSpecs';

/** A table as aligned plain text: the label column left, the figures right. */
export function plainTable(t: TableText): string[] {
  const lines = [t.title, ...(t.unitLine ? [t.unitLine] : [])];
  const header = t.groups ? ['', ...t.groups.flatMap((g) => [g.text, ...Array.from({ length: g.span - 1 }, () => '')])] : undefined;
  const grid = [...(header ? [header] : []), t.columnTitles, ...t.rows.map((r) => [`${'  '.repeat(r.indent)}${r.label}`, ...r.cells])];
  const widths = grid[0].map((_, c) => Math.max(...grid.map((row) => (row[c] ?? '').length)));
  for (const row of grid) lines.push(row.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join('  ').replace(new RegExp(THOUSANDS_SPACE, 'g'), ' ').trimEnd());
  return [...lines, ...t.notes];
}

export async function accuracy(args: ParsedArgs, io: CliIO): Promise<number> {
  const input = args.positional[0];
  if (!input) throw new UsageError('ange arbetsboken med prognoshistoriken');
  if (args.positional.length > 1) throw new UsageError(`okänt argument "${args.positional[1]}"`);
  const source = readWorkbookFile(input);
  const { settings, reads } = readSettings(args);
  const json = stringOption(args, 'json');
  const plans = json ? planOutputs([{ option: '--json', path: json, kind: 'json' }], [{ label: 'indata', file: source }, ...reads], !!args.options.force) : [];
  reserveTemps(plans.map((p) => p.target));
  const analyzed = await analyzeFile(source, settings, io);
  if (!analyzed) return 2;
  const { model } = analyzed;
  const errors = model.issues.filter((i) => i.severity === 'error');
  if (errors.length > 0) return printInputErrors(errors, io);
  const tables = model.tables.filter((t) => t.type === 'prognossakerhet');
  if (tables.length === 0) {
    io.err(`${input}: prognoshistoriken saknar ${model.history?.periods.some((p) => p.outcome) ? 'prognoser från samma år som bokslutet' : 'årets utfall (Bokslut)'}, så prognossäkerheten kan inte beräknas. Kör report för bokslutet med --previous <förra rapporten>.`);
    return 1;
  }
  if (plans.length) commitOutputs([{ plan: plans[0], data: JSON.stringify({ accuracy: accuracyJson(tables) }, null, 2) + '\n' }]);
  if (!args.options.quiet) for (const t of tables) io.out([...plainTable(tableText(t)), ''].join('\n'));
  return 0;
}
