/**
 * Reads a worksheet part into the engine's grid: values as Excel stores them (formula cells give
 * their cached result), formulas as text (shared formulas translated to each cell), merged cells
 * carrying their top-left value, as Excel shows them. One linear scan of the part, whatever prefix its
 * SpreadsheetML namespace is written with (`<c>`, `<x:c>`), transitional or strict.
 */
import { parseCellAddress } from '../../core/address';
import type { RawValue } from '../../core/types';
import { checkCellText, checkMergedCells } from './limits';
import { readRows, richText, SheetFormatError } from './sheetRows';
import { EMPTY, END, START, XmlScanner } from './xmlScanner';

export { SheetFormatError, shiftFormula } from './sheetRows';

/** Shared strings: the text of each `<si>`. */
export function readSharedStrings(xml: string | undefined): string[] {
  if (!xml) return [];
  const out: string[] = [];
  const s = new XmlScanner(xml);
  while (s.next()) {
    if ((s.kind !== START && s.kind !== EMPTY) || s.depth !== 2 || !s.is('si')) continue;
    const text = richText(s);
    checkCellText(text, () => `den delade texten nr ${out.length}`);
    out.push(text);
  }
  return out;
}

export interface SheetGrid {
  values: RawValue[][];
  formulas: Map<string, string>;
  protected: boolean;
  /** Merged areas as written (`A1:C2`). */
  merges: string[];
}

/**
 * `dateStyles`: the cell-format indexes whose number format is a date, so such cells read as dates.
 * `plainRows` false reads every row through the scanner (what the quick reading is tested against).
 */
export function readSheet(xml: string, shared: string[], dateStyles: ReadonlySet<number> = new Set(), plainRows = true): SheetGrid {
  const grid: SheetGrid = { values: [], formulas: new Map(), protected: false, merges: [] };
  const s = new XmlScanner(xml);
  while (s.next()) {
    if ((s.kind !== START && s.kind !== EMPTY) || s.depth !== 2) continue;
    if (s.is('sheetData')) readRows(s, grid, shared, dateStyles, plainRows);
    else if (s.is('mergeCells')) readMerges(s, grid);
    else if (s.is('sheetProtection')) grid.protected = ['1', 'true'].includes(s.attr('sheet') ?? '');
    else s.skip();
  }
  for (let r = 0; r < grid.values.length; r++) grid.values[r] ??= [];
  spreadMerges(grid);
  return grid;
}

function readMerges(s: XmlScanner, grid: SheetGrid): void {
  if (s.kind !== START) return;
  while (s.next()) {
    if (s.token() === END && s.depth === 2) return;
    if ((s.token() === START || s.token() === EMPTY) && s.depth === 3 && s.is('mergeCell')) {
      const ref = s.attr('ref');
      if (ref) grid.merges.push(ref);
    }
  }
}

/** Every cell of a merged area shows its top-left value. */
function spreadMerges(grid: SheetGrid): void {
  const { values } = grid;
  let merged = 0;
  for (const ref of grid.merges) {
    if (!ref.includes(':')) continue;
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
}
