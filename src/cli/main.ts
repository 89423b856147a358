#!/usr/bin/env node
/** The command line: `avvikelse <command> …`. Each command lives in its own module. */
import { SettingsError } from '../report/settings';
import { parseArgs, UsageError } from './args';
import type { CliIO } from './io';
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
  try {
    const args = parseArgs(argv);
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
