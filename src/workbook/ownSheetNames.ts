/**
 * The names of our forecast history sheet and of the defined name that marks it: below the report
 * layer, so that the audit can leave the sheet alone (it holds recorded figures, not a table to check).
 */
import { sameName, type WorkbookData } from './port';

export const HISTORY_SHEET = 'Prognoshistorik';
export const HISTORY_NAME = 'Avvikelse_Prognoshistorik';

/** Our history sheet: the name, and the defined name that marks it pointing at it. */
export function isHistorySheet(data: WorkbookData, sheet: string): boolean {
  if (!sameName(sheet, HISTORY_SHEET)) return false;
  const key = Object.keys(data.names).find((n) => sameName(n, HISTORY_NAME));
  return key !== undefined && data.names[key].replace(/^=/, '').replace(/'/g, '').toLocaleUpperCase('sv-SE').startsWith(`${HISTORY_SHEET.toLocaleUpperCase('sv-SE')}!`);
}
