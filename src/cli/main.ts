#!/usr/bin/env node
/** The command line: `avvikelse <command> …`. Each command lives in its own module. */
import { SettingsError } from '../report/settings';
import { parseArgs, UsageError } from './args';
import { workbookFormatMessage, type CliIO } from './io';
import { WorkbookFormatError } from '../workbook/xlsx/xlsxPackage';
import { audit, AUDIT_USAGE } from './audit';
import { exportCommand, EXPORT_USAGE } from './export';
import { report } from './report';

export const USAGE = `Användning:
  avvikelse report <indata.xlsx> --out <utdata.xlsx> [--json <fil.json>] [val]
${EXPORT_USAGE}
${AUDIT_USAGE}

Val för report (och export):
  --input-unit kr|tkr        enhet i källarken (standard kr)
  --unit tkr|mnkr            enhet i tabellerna (standard tkr)
  --months N                 periodens längd i månader (1–12), t.ex. 8 för jan–aug
  --signed | --unsigned      teckenkonvention i källan (standard: avgörs från siffrorna)
  --ledger-signs             bokföringens tecken: debet (kostnader) positivt, kredit (intäkter) negativt
  --kontoplan <fil.json>     kontoplan för huvudboksutdrag: [{ "konton": "60-63", "kategori": "Lokaler" }, …]
                             (standard Kommun-Bas: 3 intäkter, 4 köp av verksamhet och material,
                             5 personal, 6 lokaler, 7 övrigt); eller { "kontoplan": […], "verksamheter": { "41": "Grundskola" } }
  --threshold-amount T       flagga "kommentera" vid |avvikelse| ≥ T tkr (standard 1000)
  --threshold-percent P      flagga "kommentera" vid |avvikelse %| ≥ P (standard 10)
  --observe-amount T         flagga "bevaka" vid |avvikelse| ≥ T tkr (standard hälften)
  --observe-percent P        flagga "bevaka" vid |avvikelse %| ≥ P (standard hälften)
  --blank-as-zero            tomma beloppsceller räknas som 0
  --year ÅÅÅÅ                rapportår (rubriker som Jan–aug 2026)
  --config <fil.json>        samma inställningar per flik: { "sheets": { "Flik": { "unit": "mnkr" } } }
  --quiet                    skriv bara fel
`;

type Command = (args: ReturnType<typeof parseArgs>, io: CliIO) => Promise<number>;
const COMMANDS: Record<string, Command> = { report, export: exportCommand, audit };

export async function main(argv: string[], out = (s: string) => console.log(s), err = (s: string) => console.error(s)): Promise<number> {
  let input: string | undefined;
  try {
    const args = parseArgs(argv);
    input = args.positional[0];
    if (args.options.help || !args.command) {
      out(USAGE);
      return args.command || args.options.help ? 0 : 2;
    }
    const command = COMMANDS[args.command];
    if (!command) throw new UsageError(`okänt kommando "${args.command}"`);
    return await command(args, { out, err });
  } catch (e) {
    if (e instanceof UsageError || e instanceof SettingsError) {
      err(`avvikelse: ${e.message}`);
      return 2;
    }
    if (e instanceof WorkbookFormatError) {
      // a part inside the .xlsx is missing or broken: found while reading, before anything is written
      err(workbookFormatMessage(input, e));
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
