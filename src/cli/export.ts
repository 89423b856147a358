/** `avvikelse export <workbook.xlsx> --docx <out.docx> [options]`: the tables and comments as a Word document. */
import { basename } from 'node:path';
import { commentTexts } from '../export/comments';
import { noTablesIssues } from '../report/analyze';
import { actionsForExport } from '../export/actionsText';
import { chartsUnder } from '../report/charts';
import { stringOption, UsageError, type ParsedArgs } from './args';
import { analyzeFile } from './analyzeFile';
import { printInputErrors, readWorkbookFile, type CliIO } from './io';
import { reserveTemps } from './atomicWrite';
import { commitOutputs, planOutputs } from './outputs';
import { readSettings } from './settingsArgs';

export { EXPORT_OPTIONS, EXPORT_USAGE } from './commandSpecs';

export async function exportCommand(args: ParsedArgs, io: CliIO): Promise<number> {
  const { out } = io;
  const input = args.positional[0];
  const output = stringOption(args, 'docx');
  if (!input || !output) throw new UsageError('ange arbetsbok och --docx <rapport.docx>');
  if (args.positional.length > 1) throw new UsageError(`okänt argument "${args.positional[1]}"`);
  const source = readWorkbookFile(input);
  if (!output.toLowerCase().endsWith('.docx')) throw new UsageError(`--docx: "${output}" ska sluta på .docx`);
  const { settings, reads } = readSettings(args);
  const [plan] = planOutputs([{ option: '--docx', path: output, kind: 'docx' }], [{ label: 'indata', file: source }, ...reads], !!args.options.force);
  reserveTemps([plan.target]);
  const analyzed = await analyzeFile(source, settings, io);
  if (!analyzed) return 2;
  const { data, model } = analyzed;
  const errors = model.issues.filter((i) => i.severity === 'error');
  if (model.tables.length === 0 && errors.length === 0) errors.push(...noTablesIssues(model));
  if (errors.length > 0) return printInputErrors(errors, io);
  const { comments, leftOut } = commentTexts(model, data);
  const actions = actionsForExport(model.tables, data);
  // docx is large and only this command uses it: loaded here, not at start-up
  const { exportDocx } = await import('../export/docx');
  const bytes = await exportDocx(model.tables, comments, { subtitle: `Underlag: ${basename(input)}`, chartsOf: chartsUnder(settings, model.history), actions });
  commitOutputs([{ plan, data: bytes }]);
  if (!args.options.quiet) {
    for (const n of model.notes) out(n);
    const edited = comments.filter((c) => c.edited).length;
    out(`${model.tables.length} tabeller, ${comments.length} kommentarer (${edited} egna texter från fliken Kommentarer).`);
    if (leftOut > 0) out(`${leftOut} egna kommentarer gäller rader som inte längre flaggas och togs inte med.`);
    out(`Skrev ${output}`);
  }
  return 0;
}
