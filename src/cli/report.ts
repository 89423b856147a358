/** `avvikelse report <input.xlsx> --out <output.xlsx> [--json <file>] [options]` */
import { extname } from 'node:path';
import { formatIssue } from '../core/address';
import { reportJson } from '../report/json';
import { runReport } from '../report/run';
import { stringOption, UsageError, type ParsedArgs } from './args';
import { openWorkbook, printInputErrors, readWorkbookFile, type CliIO } from './io';
import { reserveTemps } from './atomicWrite';
import { commitOutputs, planOutputs, type OutputRequest } from './outputs';
import { readSettings } from './settingsArgs';
import { shortRunTier } from './shortRun';

export { REPORT_OPTIONS, REPORT_USAGE } from './commandSpecs';

/** Excel opens a workbook only under the extension of its kind: a macro-enabled one stays .xlsm. */
function extensionMessage(input: string, output: string, kind: string): string {
  const what = kind === 'xlsm' ? 'innehåller makron' : kind === 'xlsx' ? 'är en vanlig arbetsbok utan makron' : `är av typen .${kind}`;
  const fixed = `${output.slice(0, output.length - extname(output).length)}.${kind}`;
  return `${input} ${what}, så utdata måste sluta på .${kind} för att Excel ska öppna den (t.ex. --out ${fixed})`;
}

export async function report(args: ParsedArgs, io: CliIO): Promise<number> {
  const { out } = io;
  const input = args.positional[0];
  const output = stringOption(args, 'out');
  const json = stringOption(args, 'json');
  if (!input || !output) throw new UsageError('ange indatafil och --out <utdata.xlsx>');
  if (args.positional.length > 1) throw new UsageError(`okänt argument "${args.positional[1]}"`);
  const source = readWorkbookFile(input);
  shortRunTier(source.bytes);
  const { settings, reads } = readSettings(args);
  const previousPath = stringOption(args, 'previous');
  const previousFile = previousPath === undefined ? undefined : readWorkbookFile(previousPath);
  const requests: OutputRequest[] = [{ option: '--out', path: output, kind: 'xlsx' }];
  if (json) requests.push({ option: '--json', path: json, kind: 'json' });
  const inputs = [{ label: 'indata', file: source }, ...(previousFile ? [{ label: 'föregående prognos', file: previousFile }] : []), ...reads];
  const [outPlan, jsonPlan] = planOutputs(requests, inputs, !!args.options.force);
  reserveTemps([outPlan, jsonPlan].flatMap((p) => (p ? [p.target] : [])));
  const workbook = openWorkbook(source, io);
  if (!workbook) return 2;
  const kind = workbook.fileExtension;
  if (extname(output).slice(1).toLowerCase() !== kind) throw new UsageError(extensionMessage(input, output, kind));
  const previousBook = previousFile ? openWorkbook(previousFile, io) : undefined;
  if (previousFile && !previousBook) return 2;
  const result = await runReport(workbook, settings, undefined, { previous: previousBook ? await previousBook.read() : undefined });
  if (result.cancelled) return 3;
  const errors = result.issues.filter((i) => i.severity === 'error');
  if (errors.length > 0) return printInputErrors(errors, io);
  const outputs = [{ plan: outPlan, data: workbook.toBuffer() as Uint8Array | string }];
  if (jsonPlan) outputs.push({ plan: jsonPlan, data: JSON.stringify(reportJson(result.model, result.notes), null, 2) + '\n' });
  commitOutputs(outputs);
  if (!args.options.quiet) {
    for (const n of result.notes) out(n);
    for (const w of result.issues.filter((i) => i.severity === 'warning')) out(`Varning: ${formatIssue(w)}`);
    const flagged = result.model.tables.flatMap((t) => t.rows.filter((r) => r.flag));
    out(`${result.model.tables.length} tabeller, ${flagged.length} flaggade rader, ${result.model.comments.length} kommentarsutkast, ${result.cellsWritten} celler ifyllda.`);
    out(`Skrev ${output}${json ? ` och ${json}` : ''}`);
  }
  return 0;
}
