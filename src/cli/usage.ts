/** The help texts: one per command, and the whole. */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { ACCURACY_USAGE, AUDIT_USAGE, EXPORT_USAGE, REPORT_USAGE } from './commandSpecs';

const SETTINGS_HELP = `Val för report (och export):
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
  --no-charts                inga diagram (standard: diagram till driftredovisning, nettokostnad
                             och investeringar, i arbetsboken och i Word-filen)
  --year ÅÅÅÅ                rapportår (rubriker som Jan–aug 2026)
  --config <fil.json>        samma inställningar per flik: { "sheets": { "Flik": { "unit": "mnkr" } } }`;

const PREVIOUS_HELP = `  --previous <förra.xlsx>    förra periodens arbetsbok (t.ex. delårsrapporten per april): kolumnerna
                             Föregående prognos och Förändring, och dess prognoshistorik förs vidare`;

const COMMON_HELP = `Gemensamma val:
  --force                    ersätt en befintlig utdatafil som inte är Avvikelses egen, oförändrade utdata
  --quiet                    skriv bara fel
  --help, -h                 visa hjälpen;  --version visar versionen

Indatafilen ändras aldrig. Utdata skrivs färdigt till en tillfällig fil och ersätter sedan den gamla
i ett steg, så ett avbrott lämnar aldrig en halvskriven fil.`;

const AUDIT_HELP = `Val för audit:
  --json <fynd.json>         skriv fynden som JSON
  --months N                 periodens längd i månader (1–12), om rubrikerna inte säger det`;

export const USAGE = `Användning:
${REPORT_USAGE}
${EXPORT_USAGE}
${AUDIT_USAGE}
${ACCURACY_USAGE}

${SETTINGS_HELP}

${AUDIT_HELP}

${COMMON_HELP}
`;

const COMMAND_HELP: Record<string, string> = {
  report: `Användning:\n${REPORT_USAGE}\n\nLäser prognosarken, fyller avvikelsekolumnerna och skriver flikarna Avvikelsetabeller, Kommentarer och Prognoshistorik.\n\n${PREVIOUS_HELP}\n\n${SETTINGS_HELP}\n\n${COMMON_HELP}\n`,
  export: `Användning:\n${EXPORT_USAGE}\n\nSkriver tabellerna och kommentarerna som ett Word-dokument.\n\n${SETTINGS_HELP}\n\n${COMMON_HELP}\n`,
  accuracy: `Användning:\n${ACCURACY_USAGE}\n\nSkriver prognossäkerheten: varje prognos under året jämförd med bokslutet, ur arbetsbokens Prognoshistorik.\n\n  --json <fil.json>          skriv tabellerna som JSON\n\n${COMMON_HELP}\n`,
  audit: `Användning:\n${AUDIT_USAGE}\n\nGranskar tabeller i arbetsboken (även inskrivna för hand) och pekar ut celler som inte stämmer.\n\n${AUDIT_HELP}\n\n${COMMON_HELP}\n`,
};

/** The help of one command, or the whole help. */
export function helpText(command: string | undefined): string {
  return (command && COMMAND_HELP[command]) || USAGE;
}

/** `avvikelse 0.1.0`, from the package.json above this file (in src/ and in dist/). */
export function versionText(): string {
  for (let dir = __dirname; dirname(dir) !== dir; dir = dirname(dir)) {
    const file = join(dir, 'package.json');
    if (!existsSync(file)) continue;
    const pkg = JSON.parse(readFileSync(file, 'utf8')) as { name?: string; version?: string };
    if (pkg.name === 'avvikelse') return `avvikelse ${pkg.version ?? ''}`.trim();
  }
  return 'avvikelse';
}
