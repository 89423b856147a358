/** The report settings from the command line, `--config` and `--kontoplan`, shared by report and export. */
import { buildSettings, SettingsError, type ReportSettings, type SettingsInput } from '../report/settings';
import { checkAccountFile, checkConfig } from '../report/settingsSchema';
import { stringOption, UsageError, type ParsedArgs } from './args';
import { readInputFile } from './inputFile';
import type { ReadFile } from './outputs';

/** Options of report and export that are settings. */
export const SETTINGS_OPTIONS = [
  'input-unit', 'unit', 'months', 'signed', 'unsigned', 'ledger-signs', 'kontoplan', 'threshold-amount', 'threshold-percent',
  'observe-amount', 'observe-percent', 'blank-as-zero', 'no-charts', 'year', 'config',
] as const;

/** Largest settings file read. */
const MAX_JSON_BYTES = 16 * 1024 * 1024;

/** `position 40` in a JSON.parse message → `rad 3, kolumn 5`. */
function jsonPosition(text: string, message: string): string {
  const at = /position (\d+)/.exec(message);
  if (!at) return message.startsWith('Unexpected end') ? 'filen tar slut mitt i' : 'ogiltig JSON';
  const before = text.slice(0, Number(at[1]));
  const line = before.split('\n').length;
  return `ogiltig JSON på rad ${line}, kolumn ${before.length - before.lastIndexOf('\n')}`;
}

/** A JSON file given on the command line; `what` names it in messages (`konfigurationen`). */
export function readJsonFile(path: string, what: string): { value: unknown; read: ReadFile } {
  const file = readInputFile(path, 'en JSON-fil', MAX_JSON_BYTES);
  const b = file.bytes;
  if ((b[0] === 0xff && b[1] === 0xfe) || (b[0] === 0xfe && b[1] === 0xff) || (b.length > 1 && (b[0] === 0 || b[1] === 0))) {
    throw new SettingsError(`kan inte läsa ${what} ${path}: filen är UTF-16-kodad; spara den som UTF-8`);
  }
  const text = b.toString('utf8').replace(/^\uFEFF/, '');
  try {
    return { value: JSON.parse(text), read: { label: what, file } };
  } catch (e) {
    throw new SettingsError(`kan inte läsa ${what} ${path}: ${jsonPosition(text, (e as Error).message)}`);
  }
}

export interface CliSettings {
  settings: ReportSettings;
  /** The settings files read, which no output may overwrite. */
  reads: ReadFile[];
}

/** The report settings from the command line (and `--config`, `--kontoplan`). */
export function readSettings(args: ParsedArgs): CliSettings {
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
  if (args.options['no-charts']) cli.charts = false;
  if (args.options['ledger-signs']) cli.convention = 'ledger';
  for (const k of Object.keys(cli) as (keyof SettingsInput)[]) if (cli[k] === undefined) delete cli[k];
  const reads: ReadFile[] = [];
  const configPath = stringOption(args, 'config');
  let config: SettingsInput | undefined;
  if (configPath) {
    const { value, read } = readJsonFile(configPath, 'konfigurationen');
    config = checkConfig(value);
    reads.push(read);
  }
  const mapPath = stringOption(args, 'kontoplan');
  if (mapPath) {
    const { value, read } = readJsonFile(mapPath, 'kontoplanen');
    Object.assign(cli, checkAccountFile(value));
    reads.push(read);
  }
  const year = stringOption(args, 'year');
  if (year !== undefined && (!/^\d{4}$/.test(year) || Number(year) < 1900 || Number(year) > 2200)) throw new UsageError(`--year: "${year}" är inget årtal`);
  return { settings: buildSettings(cli, config, year ? Number(year) : undefined), reads };
}
