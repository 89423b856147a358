#!/usr/bin/env node
/** `avvikelse report <input.xlsx> --out <output.xlsx> [--json <file>] [options]` */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { formatIssue } from '../core/address';
import { reportJson } from '../report/json';
import { runReport } from '../report/run';
import { buildSettings, SettingsError, type SettingsInput } from '../report/settings';
import { XlsxPackage } from '../workbook/xlsx/xlsxPackage';
import { parseArgs, stringOption, UsageError, type ParsedArgs } from './args';

export const USAGE = `Användning:
  avvikelse report <indata.xlsx> --out <utdata.xlsx> [--json <fil.json>] [val]

Val:
  --input-unit kr|tkr        enhet i källarken (standard kr)
  --unit tkr|mnkr            enhet i tabellerna (standard tkr)
  --months N                 periodens längd i månader (1–12), t.ex. 8 för jan–aug
  --signed | --unsigned      teckenkonvention i källan (standard: avgörs från siffrorna)
  --threshold-amount T       flagga "kommentera" vid |avvikelse| ≥ T tkr (standard 1000)
  --threshold-percent P      flagga "kommentera" vid |avvikelse %| ≥ P (standard 10)
  --observe-amount T         flagga "bevaka" vid |avvikelse| ≥ T tkr (standard hälften)
  --observe-percent P        flagga "bevaka" vid |avvikelse %| ≥ P (standard hälften)
  --blank-as-zero            tomma beloppsceller räknas som 0
  --year ÅÅÅÅ                rapportår (rubriker som Jan–aug 2026)
  --config <fil.json>        samma inställningar per flik: { "sheets": { "Flik": { "unit": "mnkr" } } }
  --quiet                    skriv bara fel
`;

function settingsFrom(args: ParsedArgs) {
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
  for (const k of Object.keys(cli) as (keyof SettingsInput)[]) if (cli[k] === undefined) delete cli[k];
  const configPath = stringOption(args, 'config');
  let config: unknown;
  if (configPath) {
    try {
      config = JSON.parse(readFileSync(configPath, 'utf8'));
    } catch (e) {
      throw new SettingsError(`kan inte läsa konfigurationen ${configPath}: ${(e as Error).message}`);
    }
  }
  const year = stringOption(args, 'year');
  if (year !== undefined && !/^\d{4}$/.test(year)) throw new UsageError(`--year: "${year}" är inget årtal`);
  return buildSettings(cli, config, year ? Number(year) : undefined);
}

async function report(args: ParsedArgs, out: (s: string) => void, err: (s: string) => void): Promise<number> {
  const input = args.positional[0];
  const output = stringOption(args, 'out');
  if (!input || !output) throw new UsageError('ange indatafil och --out <utdata.xlsx>');
  if (!existsSync(input)) throw new UsageError(`filen ${input} finns inte`);
  if (resolve(input) === resolve(output)) throw new UsageError('--out får inte vara samma fil som indata: indatafilen ändras aldrig');
  const settings = settingsFrom(args);
  let workbook: XlsxPackage;
  try {
    workbook = XlsxPackage.open(input);
  } catch (e) {
    err(`${input}: kan inte läsas som en .xlsx-fil (${(e as Error).message})`);
    return 2;
  }
  const result = await runReport(workbook, settings);
  const errors = result.issues.filter((i) => i.severity === 'error');
  if (errors.length > 0) {
    for (const i of errors) err(formatIssue(i));
    err(`${errors.length} fel hittades; ingenting skrevs.`);
    return 1;
  }
  await workbook.save(output);
  const json = stringOption(args, 'json');
  if (json) {
    mkdirSync(dirname(resolve(json)), { recursive: true });
    writeFileSync(json, JSON.stringify(reportJson(result.model, result.notes), null, 2) + '\n');
  }
  if (!args.options.quiet) {
    for (const n of result.notes) out(n);
    const flagged = result.model.tables.flatMap((t) => t.rows.filter((r) => r.flag));
    out(`${result.model.tables.length} tabeller, ${flagged.length} flaggade rader, ${result.model.comments.length} kommentarsutkast, ${result.cellsWritten} avvikelseceller ifyllda.`);
    out(`Skrev ${output}${json ? ` och ${json}` : ''}`);
  }
  return 0;
}

export async function main(argv: string[], out = (s: string) => console.log(s), err = (s: string) => console.error(s)): Promise<number> {
  try {
    const args = parseArgs(argv);
    if (args.options.help || !args.command) {
      out(USAGE);
      return args.command || args.options.help ? 0 : 2;
    }
    if (args.command === 'report') return await report(args, out, err);
    throw new UsageError(`okänt kommando "${args.command}"`);
  } catch (e) {
    if (e instanceof UsageError || e instanceof SettingsError) {
      err(`avvikelse: ${e.message}`);
      return 2;
    }
    throw e;
  }
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (e: unknown) => {
      console.error(`avvikelse: oväntat fel: ${e instanceof Error ? e.stack ?? e.message : String(e)}`);
      process.exit(3);
    },
  );
}
