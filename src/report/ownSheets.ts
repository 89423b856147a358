/**
 * Our output sheets and the defined names that mark them. Sheet and defined names are compared
 * without regard to case, as Excel does. A sheet or a name of the user's that happens to have one of
 * our names is never taken over, and one of our sheets is never replaced while it holds something the
 * user added (a formula, or anything outside the area we wrote last time): the run stops and says where.
 */
import { cellAddress, issue, parseCellAddress } from '../core/address';
import type { InputIssue } from '../core/types';
import { cellKey, sameName, type SheetData, type WorkbookData } from '../workbook/port';

export { sameName };

export const TABLES_SHEET = 'Avvikelsetabeller';
export const COMMENTS_SHEET = 'Kommentarer';
/** Defined names that mark our own output sheets. */
export const TABLES_NAME = 'Avvikelse_Tabeller';
export const COMMENTS_NAME = 'Avvikelse_Kommentarer';
export { HISTORY_NAME, HISTORY_SHEET } from '../workbook/ownSheetNames';
import { HISTORY_NAME, HISTORY_SHEET } from '../workbook/ownSheetNames';

/** Each output sheet with the defined name that marks it. */
export const OWN_SHEETS = [
  { sheet: TABLES_SHEET, name: TABLES_NAME },
  { sheet: COMMENTS_SHEET, name: COMMENTS_NAME },
  { sheet: HISTORY_SHEET, name: HISTORY_NAME },
] as const;

/** A global defined name as the workbook spells it, found without regard to case. */
function definedNameKey(data: WorkbookData, name: string): string | undefined {
  if (name in data.names) return name;
  return Object.keys(data.names).find((n) => sameName(n, name));
}

/** A global defined name's reference, found without regard to case. */
export function definedName(data: WorkbookData, name: string): string | undefined {
  const key = definedNameKey(data, name);
  return key === undefined ? undefined : data.names[key];
}

/** The sheet of a reference such as `'Avvikelse tabeller'!$A$1:$I$40` (undefined for `#REF!…`). */
export function refSheet(ref: string): string | undefined {
  const m = /^\s*=?(?:'((?:[^']|'')+)'|([^'!]+))!/.exec(ref);
  if (!m) return undefined;
  return m[1] !== undefined ? m[1].replace(/''/g, "'") : m[2];
}

/** The rectangle (0-based, inclusive) of a reference such as `Kommentarer!$A$1:$H$20`. */
function refArea(ref: string): { top: number; left: number; bottom: number; right: number } | undefined {
  const m = /!\$?([A-Za-z]{1,3}\$?\d+)(?::\$?([A-Za-z]{1,3}\$?\d+))?\s*$/.exec(ref);
  if (!m) return undefined;
  try {
    const a = parseCellAddress(m[1].replace(/\$/g, ''));
    const b = parseCellAddress((m[2] ?? m[1]).replace(/\$/g, ''));
    return { top: Math.min(a.row, b.row), left: Math.min(a.col, b.col), bottom: Math.max(a.row, b.row), right: Math.max(a.col, b.col) };
  } catch {
    return undefined;
  }
}

/** A worksheet by name: the exact name, else the same name in another letter case. */
export function findSheet(data: WorkbookData, name: string): SheetData | undefined {
  return data.sheets.find((s) => s.name === name) ?? data.sheets.find((s) => sameName(s.name, name));
}

/** Is this sheet one of ours: named as our output sheet, and marked by our defined name pointing at it? */
export function isOurSheet(data: WorkbookData, sheet: string): boolean {
  return OWN_SHEETS.some((own) => {
    if (!sameName(sheet, own.sheet)) return false;
    const ref = definedName(data, own.name);
    const target = ref === undefined ? undefined : refSheet(ref);
    return target !== undefined && sameName(target, own.sheet);
  });
}

/** Is this one of our output sheet names (whoever the sheet belongs to)? */
export function isOwnSheetName(sheet: string): boolean {
  return OWN_SHEETS.some((own) => sameName(sheet, own.sheet));
}

/** The cells (`cellKey`) of one of our sheets whose formulas are ours (the åtgärder section's totals). */
export type OurFormulas = (sheet: SheetData) => ReadonlySet<string>;

/**
 * Why our output cannot be written as it stands: a sheet of the user's with our sheet's name, our
 * defined name used by the user for something else, or something of the user's in our own sheet.
 * `keepColumnsFrom`: per sheet, the first column whose cells are carried over rather than refused.
 */
export function ownSheetIssues(data: WorkbookData, sheets: readonly string[], keepColumnsFrom: Record<string, number> = {}, ourFormulas: Record<string, OurFormulas> = {}): InputIssue[] {
  const issues: InputIssue[] = [];
  for (const own of OWN_SHEETS.filter((o) => sheets.includes(o.sheet))) {
    const taken = [...data.sheets.map((s) => s.name), ...(data.otherSheets ?? [])].find((n) => sameName(n, own.sheet));
    if (taken !== undefined && !isOurSheet(data, taken)) {
      const clash = taken === own.sheet ? '' : ` (Excel skiljer inte på stora och små bokstäver, så den krockar med ${own.sheet})`;
      issues.push(issue(taken, undefined, `fliken ${taken} finns redan men är inte skapad av Avvikelse; byt namn på den så skrivs inget över${clash}`));
      continue;
    }
    const ref = definedName(data, own.name);
    const target = ref === undefined ? undefined : refSheet(ref);
    if (target !== undefined && !sameName(target, own.sheet)) {
      const spelled = definedNameKey(data, own.name) ?? own.name;
      const clash = spelled === own.name ? '' : ` (Excel skiljer inte på stora och små bokstäver, så det krockar med ${own.name})`;
      issues.push(issue('', undefined, `namnet ${spelled} finns redan i arbetsboken och pekar på ${ref}, inte på fliken ${own.sheet}${clash}; byt namn på det så tas det inte över`));
      continue;
    }
    const sheet = taken === undefined ? undefined : findSheet(data, taken);
    if (sheet) issues.push(...foreignContent(sheet, ref === undefined ? undefined : refArea(ref), keepColumnsFrom[own.sheet], ourFormulas[own.sheet]?.(sheet)));
  }
  return issues;
}

/** Cells of ours that hold something we never write: a formula (but those of ours), or anything outside our last area. */
function foreignContent(sheet: SheetData, area: ReturnType<typeof refArea>, keepFrom = Infinity, ours: ReadonlySet<string> = new Set()): InputIssue[] {
  const cells = new Map<string, [number, number]>();
  for (const key of sheet.formulas.keys()) {
    if (ours.has(key)) continue;
    const [r, c] = key.split(',').map(Number);
    cells.set(key, [r, c]);
  }
  sheet.values.forEach((row, r) =>
    row?.forEach((v, c) => {
      if (v === null || v === undefined || v === '' || c >= keepFrom || !area) return;
      if (r < area.top || r > area.bottom || c < area.left || c > area.right) cells.set(cellKey(r, c), [r, c]);
    }),
  );
  if (cells.size === 0) return [];
  const sorted = [...cells.values()].sort((a, b) => a[0] - b[0] || a[1] - b[1]).map(([r, c]) => cellAddress(r, c));
  const where = `${sorted.slice(0, 5).join(', ')}${sorted.length > 5 ? ` och ${sorted.length - 5} till` : ''}`;
  return [issue(sheet.name, undefined, `fliken har innehåll som inte är skrivet av Avvikelse (${where}) och skulle skrivas över; flytta det till en egen flik eller ta bort det, så skrivs fliken om`)];
}
