/**
 * Reads a worksheet part into the engine's grid: values as Excel stores them (formula cells give
 * their cached result), formulas as text (shared formulas translated to each cell), merged cells
 * carrying their top-left value, as Excel shows them.
 */
import { cellAddress, columnIndex, columnLetters, parseCellAddress } from '../../core/address';
import type { RawValue } from '../../core/types';
import { cellKey } from '../port';
import { checkCellCount, checkCellText, checkMergedCells } from './limits';
import { attributes, decodeXml, elements } from './xml';

/** What SpreadsheetML does not allow inside a part (a Swedish detail); the package names the part. */
export class SheetFormatError extends Error {}

/** Excel's limits: 1 048 576 rows, 16 384 columns (A–XFD). */
const MAX_ROW = 1_048_575;
const MAX_COL = 16_383;

/** Shared strings: the text of each `<si>`, phonetic runs left out. */
export function readSharedStrings(xml: string | undefined): string[] {
  if (!xml) return [];
  return elements(xml, 'si').map((si, i) => {
    const body = si.replace(/<rPh\b[\s\S]*?<\/rPh>/g, '');
    let text = '';
    const re = /<t(?:\s[^>]*)?(?:\/>|>([\s\S]*?)<\/t>)/g;
    let m: RegExpExecArray | null;
    while ((m = re.exec(body))) text += decodeXml(m[1] ?? '');
    checkCellText(text, `den delade texten nr ${i}`);
    return text;
  });
}

/** Moves the relative references of a formula by (dRow, dCol): `C5-D5` → `C6-D6`. */
export function shiftFormula(formula: string, dRow: number, dCol: number): string {
  if (dRow === 0 && dCol === 0) return formula;
  // outside string literals and quoted sheet names only
  return formula
    .split(/("(?:[^"]|"")*"|'(?:[^']|'')*')/)
    .map((part, i) =>
      i % 2 === 1
        ? part
        : part.replace(/(^|[^A-Za-z0-9_.])(\$?)([A-Z]{1,3})(\$?)(\d+)(?![A-Za-z0-9_(!])/g, (_all, pre: string, cAbs: string, col: string, rAbs: string, row: string) => {
            const c = cAbs ? col : columnLetters(columnIndex(col) + dCol);
            const r = rAbs ? row : String(Number(row) + dRow);
            return `${pre}${cAbs}${c}${rAbs}${r}`;
          }),
    )
    .join('');
}

/** The column letters of a cell's `r` attribute, and its `t` attribute: read without a full attribute parse. */
const CELL_REF = /\br="\$?([A-Z]{1,3})\$?\d+"/;
const CELL_TYPE = /\bt="(\w+)"/;

export interface SheetGrid {
  values: RawValue[][];
  formulas: Map<string, string>;
  protected: boolean;
}

function cellValue(type: string | undefined, v: string | undefined, inner: string, shared: string[]): RawValue {
  switch (type) {
    case 's':
      return v === undefined ? null : shared[Number(v)] ?? null;
    case 'inlineStr': {
      let text = '';
      const re = /<t(?:\s[^>]*)?(?:\/>|>([\s\S]*?)<\/t>)/g;
      let m: RegExpExecArray | null;
      while ((m = re.exec(inner.replace(/<rPh\b[\s\S]*?<\/rPh>/g, '')))) text += decodeXml(m[1] ?? '');
      return text;
    }
    case 'str':
      return v === undefined ? null : decodeXml(v);
    case 'b':
      return v === undefined ? null : v === '1' || v === 'true';
    case 'e':
      return v === undefined ? null : { error: decodeXml(v) };
    case 'd':
      return v === undefined ? null : new Date(v);
    default:
      return v === undefined || v === '' ? null : Number(v);
  }
}

/** Excel's serial day number → the date (the 1900 system, as UTC midnight). */
export function serialToDate(serial: number): Date {
  return new Date(Date.UTC(1899, 11, 30) + Math.round(serial * 86_400_000));
}

/** `dateStyles`: the cell-format indexes whose number format is a date, so such cells read as dates. */
export function readSheet(xml: string, shared: string[], dateStyles: ReadonlySet<number> = new Set()): SheetGrid {
  const values: RawValue[][] = [];
  const formulas = new Map<string, string>();
  const masters = new Map<string, { formula: string; row: number; col: number }>();
  const dataStart = xml.indexOf('<sheetData');
  const dataEnd = xml.indexOf('</sheetData>');
  const data = dataStart >= 0 && dataEnd > dataStart ? xml.slice(dataStart, dataEnd) : '';
  const rowRe = /<row\b([^>]*?)(?:\/>|>([\s\S]*?)<\/row>)/g;
  const cellRe = /<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g;
  let rowMatch: RegExpExecArray | null;
  let lastRow = -1;
  let cellCount = 0;
  while ((rowMatch = rowRe.exec(data))) {
    const rAttr = /\br="(\d+)"/.exec(rowMatch[1]);
    const r = rAttr ? Number(rAttr[1]) - 1 : lastRow + 1;
    if (r < 0 || r > MAX_ROW) throw new SheetFormatError(`radnumret ${r + 1} ligger utanför Excels 1 048 576 rader`);
    lastRow = r;
    const body = rowMatch[2];
    if (!body) continue;
    const row: RawValue[] = (values[r] ??= []);
    let lastCol = -1;
    cellRe.lastIndex = 0;
    let cell: RegExpExecArray | null;
    while ((cell = cellRe.exec(body))) {
      const ref = CELL_REF.exec(cell[1]);
      const c = ref ? columnIndex(ref[1]) : lastCol + 1;
      lastCol = c;
      checkCellCount(++cellCount);
      if (c > MAX_COL) throw new SheetFormatError(`cellen ${cellAddress(r, c)} ligger utanför Excels sista kolumn XFD`);
      const inner = cell[2] ?? '';
      const v = inner ? /<v(?:\s[^>]*)?>([\s\S]*?)<\/v>/.exec(inner)?.[1] : undefined;
      const type = CELL_TYPE.exec(cell[1])?.[1];
      if (type === 's' && v !== undefined && shared[Number(v)] === undefined) {
        throw new SheetFormatError(`cellen ${cellAddress(r, c)} hänvisar till delad text nr ${v}, men arbetsboken har ${shared.length === 0 ? 'inga delade texter' : `bara ${shared.length}`}`);
      }
      row[c] = cellValue(type, v, inner, shared);
      if (typeof row[c] === 'string') checkCellText(row[c] as string, `cellen ${cellAddress(r, c)}`);
      if (dateStyles.size && typeof row[c] === 'number') {
        const style = /\bs="(\d+)"/.exec(cell[1]);
        if (style && dateStyles.has(Number(style[1]))) row[c] = serialToDate(row[c] as number);
      }
      if (!inner.includes('<f')) continue;
      const f = /<f\b([^>]*?)(?:\/>|>([\s\S]*?)<\/f>)/.exec(inner);
      if (!f) continue;
      const fAttrs = attributes(f[1]);
      const text = f[2] !== undefined ? decodeXml(f[2]) : undefined;
      let formula: string | undefined = text;
      if (fAttrs.t === 'shared' && fAttrs.si !== undefined) {
        if (text) masters.set(fAttrs.si, { formula: text, row: r, col: c });
        const master = masters.get(fAttrs.si);
        formula = master ? shiftFormula(master.formula, r - master.row, c - master.col) : undefined;
      }
      if (!formula) continue;
      formulas.set(cellKey(r, c), formula);
      // a formula saved without its result (written by a tool, never opened in Excel): no figure to read
      if (v === undefined) row[c] = { error: '#N/A', message: `formeln =${formula} saknar beräknat värde; öppna och spara filen i Excel så att värdet räknas fram` };
    }
  }
  for (let r = 0; r < values.length; r++) values[r] ??= [];
  let merged = 0;
  for (const m of elements(xml, 'mergeCell')) {
    const ref = attributes(m).ref;
    if (!ref || !ref.includes(':')) continue;
    let a: { row: number; col: number };
    let b: { row: number; col: number };
    try {
      [a, b] = ref.split(':').map(parseCellAddress);
    } catch {
      throw new SheetFormatError(`den sammanfogade cellen "${ref}" är ingen giltig cellreferens`);
    }
    const top = values[a.row]?.[a.col];
    if (top === undefined || top === null) continue;
    checkMergedCells((merged += Math.max(0, Math.min(b.row - a.row + 1, 1000)) * Math.max(0, Math.min(b.col - a.col + 1, 1000))));
    for (let r = a.row; r <= b.row && r - a.row < 1000; r++)
      for (let c = a.col; c <= b.col && c - a.col < 1000; c++) if (r !== a.row || c !== a.col) (values[r] ??= [])[c] = top;
  }
  const protection = /<sheetProtection\b([^>]*)\/?>/.exec(xml);
  const isProtected = protection ? ['1', 'true'].includes(attributes(protection[1]).sheet ?? '') : false;
  return { values, formulas, protected: isProtected };
}
