/**
 * What the command line knows of each command before it loads it: its usage line and its options.
 * The commands themselves (and what they need: `docx` for export, the audit engine) are loaded only
 * when they run, so `report` does not pay for the others' modules at start-up.
 */
import { SETTINGS_OPTIONS } from './settingsArgs';

export const REPORT_USAGE = '  avvikelse report <indata.xlsx> --out <utdata.xlsx> [--json <fil.json>] [--previous <förra.xlsx>] [val]';
export const REPORT_OPTIONS = ['out', 'json', 'previous', 'force', 'quiet', 'help', ...SETTINGS_OPTIONS];

export const EXPORT_USAGE = '  avvikelse export <arbetsbok.xlsx> --docx <rapport.docx> [val]';
export const EXPORT_OPTIONS = ['docx', 'force', 'quiet', 'help', ...SETTINGS_OPTIONS];

export const AUDIT_USAGE = '  avvikelse audit <arbetsbok.xlsx> [--json <fynd.json>] [--months N] [--quiet]';
export const AUDIT_OPTIONS = ['json', 'months', 'force', 'quiet', 'help'];

export const ACCURACY_USAGE = '  avvikelse accuracy <arbetsbok.xlsx> [--json <fil.json>] [val]';
export const ACCURACY_OPTIONS = ['json', 'force', 'quiet', 'help', ...SETTINGS_OPTIONS];
