/** `avvikelse report <input.xlsx> --out <output.xlsx> [--json <file>] [options]` */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, extname, resolve } from 'node:path';
import { formatIssue } from '../core/address';
import { reportJson } from '../report/json';
import { runReport } from '../report/run';
import { buildSettings, SettingsError, type SettingsInput } from '../report/settings';
import { stringOption, UsageError, type ParsedArgs } from './args';
import { openWorkbook, printInputErrors, type CliIO } from './io';

/** The report settings from the command line (and `--config`). Shared by every command. */
export function settingsFrom(args: ParsedArgs) {
  const cli: SettingsInput = {
    inputUnit: stringOption(args, 'input-unit'),
    unit: stringOption(args, 'unit'),
    months: stringOption(args, 'months'),
    thresholdAmount: stringOption(args, 'threshold-amount'),
    thresholdPercent: stringOption(args, 'threshold-percent'),
    observeAmount: stringOption(args, 'observe-amount'),
    observePercent: stringOption(args, 'observe-percent'),
  };
  if (args.options.signed) cli.signed = true;
  if (args.options.unsigned) cli.signed = false;
  if (args.options['blank-as-zero']) cli.blankAsZero = true;
  if (args.options['ledger-signs']) cli.convention = 'ledger';
  for (const k of Object.keys(cli) as (keyof SettingsInput)[]) if (cli[k] === undefined) delete cli[k];
  const configPath = stringOption(args, 'config');
  const config = configPath ? readJson(configPath, 'konfigurationen') : undefined;
  const mapPath = stringOption(args, 'kontoplan');
  if (mapPath) Object.assign(cli, readAccountMapFile(mapPath));
  const year = stringOption(args, 'year');
  if (year !== undefined && !/^\d{4}$/.test(year)) throw new UsageError(`--year: "${year}" är inget årtal`);
  return buildSettings(cli, config, year ? Number(year) : undefined);
}

/** A JSON file given on the command line; `what` names it in the error (`kan inte läsa kontoplanen …`). */
function readJson(path: string, what: string): unknown {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    throw new SettingsError(`kan inte läsa ${what} ${path}: ${(e as Error).message}`);
  }
}

/**
 * `--kontoplan <fil.json>`: a list of rules `[{ "konton": "5", "kategori": "Personal" }, …]`, or an object
 * with `kontoplan` and/or `verksamheter`.
 */
function readAccountMapFile(path: string): Pick<SettingsInput, 'kontoplan' | 'verksamheter'> {
  const parsed = readJson(path, 'kontoplanen');
  if (Array.isArray(parsed)) return { kontoplan: parsed };
  if (typeof parsed === 'object' && parsed !== null && ('kontoplan' in parsed || 'verksamheter' in parsed)) {
    const { kontoplan, verksamheter } = parsed as SettingsInput;
    return { ...(kontoplan !== undefined ? { kontoplan } : {}), ...(verksamheter !== undefined ? { verksamheter } : {}) };
  }
  throw new SettingsError(`kontoplanen ${path} ska vara en lista med { "konton", "kategori" } eller ett objekt med "kontoplan"`);
}

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
  if (!input || !output) throw new UsageError('ange indatafil och --out <utdata.xlsx>');
  if (!existsSync(input)) throw new UsageError(`filen ${input} finns inte`);
  if (resolve(input) === resolve(output)) throw new UsageError('--out får inte vara samma fil som indata: indatafilen ändras aldrig');
  const settings = settingsFrom(args);
  const workbook = openWorkbook(input, io);
  if (!workbook) return 2;
  const kind = workbook.fileExtension;
  if (extname(output).slice(1).toLowerCase() !== kind) throw new UsageError(extensionMessage(input, output, kind));
  const result = await runReport(workbook, settings);
  const errors = result.issues.filter((i) => i.severity === 'error');
  if (errors.length > 0) return printInputErrors(errors, io);
  await workbook.save(output);
  const json = stringOption(args, 'json');
  if (json) {
    mkdirSync(dirname(resolve(json)), { recursive: true });
    writeFileSync(json, JSON.stringify(reportJson(result.model, result.notes), null, 2) + '\n');
  }
  if (!args.options.quiet) {
    for (const n of result.notes) out(n);
    for (const w of result.issues.filter((i) => i.severity === 'warning')) out(`Varning: ${formatIssue(w)}`);
    const flagged = result.model.tables.flatMap((t) => t.rows.filter((r) => r.flag));
    out(`${result.model.tables.length} tabeller, ${flagged.length} flaggade rader, ${result.model.comments.length} kommentarsutkast, ${result.cellsWritten} avvikelseceller ifyllda.`);
    out(`Skrev ${output}${json ? ` och ${json}` : ''}`);
  }
  return 0;
}
