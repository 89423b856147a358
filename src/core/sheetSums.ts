/**
 * Sum rows a sheet leaves blank, filled the way the table adds up (`structure.ts`): `Summa …`, a
 * result that is the previous result plus the lines since, a heading that carries its group's total
 * (where the sheet has no sum rows at all) — in every column of figures, the computed ones included.
 * In the unsigned convention each row adds in its own direction (a net cost is costs − revenue).
 */
import type Decimal from 'decimal.js';
import { columnLetters } from './address';
import { Dec } from './decimal';
import { filledKey, type FilledCells } from './derivedColumns';
import { withoutNoteRef } from './labels';
import { MAX_AMOUNT, parseAmountCell } from './money';
import { fold, type UserSumKind } from './rowTypes';
import { cellText, isLoneDash, leadingSpaces } from './sourceRows';
import { breakdownExtentOf, EVERY, sumFit, type FigureRow } from './groupTotals';
import type { SourceKind } from './sourceTable';
import type { Structure, StructureLine, StructureOptions, SumDef } from './structure';
import { structureOf } from './structures';
import type { RawValue, RowType, SignConvention } from './types';

export interface GridLine extends StructureLine {
  /** 0-based sheet row. */
  row: number;
  blank: boolean;
}

/** A cell that shows a figure: an amount, or a dash printed for nothing (`–`, `-`). */
export function showsFigure(v: RawValue): boolean {
  // a number is an amount when parseAmountCell would take it: finite and within range (no Decimal needed to say so)
  if (typeof v === 'number') return Number.isFinite(v) && Math.abs(v) < MAX_AMOUNT;
  return parseAmountCell(v).kind === 'amount' || isLoneDash(v);
}

/** Footnotes under a table (`1) Det ingående …`, `Källa: …`, a long sentence) are no rows of it. */
function isFootnote(label: string): boolean {
  return /^(\d+\)|\*|not:|kalla:|anm)/i.test(fold(label)) || label.length > 90;
}

/** The table's rows from its first data row: labelled or with figures, up to two blank rows after the last figure. */
export function gridLines(grid: RawValue[][], first: number, labelCol: number, columns: number[], sumKind: (label: string) => UserSumKind | undefined, typeAt: (row: number) => RowType | undefined, isData: (row: number) => boolean = () => false): GridLine[] {
  const lines: GridLine[] = [];
  let blanks = 0;
  for (let r = first; r < grid.length; r++) {
    const cells = grid[r] ?? [];
    const raw = cellText(cells[labelCol] ?? null);
    // a row the reader took for data (a Typ cell, an account) is a line of figures even with its cells empty
    const figures = isData(r) || columns.some((c) => showsFigure(cells[c]));
    if (!raw && !figures) {
      if (++blanks >= 2 && lines.some((l) => !l.blank)) break;
      continue;
    }
    blanks = 0;
    const label = withoutNoteRef(raw);
    if (!figures && isFootnote(label)) continue;
    const sum = label ? sumKind(label) : undefined;
    const line: GridLine = { index: lines.length, row: r, label, kind: sum ? 'sum' : figures ? 'item' : 'heading', blank: !figures };
    if (sum) line.sumKind = sum === 'costs' || sum === 'revenue' || sum === 'net' || sum === 'subtotal' || sum === 'result' ? sum : 'total';
    const type = typeAt(r);
    if (type) line.type = type;
    const indent = leadingSpaces(cells[labelCol]);
    if (indent) line.indent = indent;
    lines.push(line);
  }
  return lines;
}

/**
 * Whether `gridLines` could give a line without figures (`blank`): a row from `first` with a label, no
 * figure and not read as data. False means it gives none (it never does without such a row).
 */
export function mayHaveBlankLine(grid: RawValue[][], first: number, labelCol: number, columns: number[], isData: (row: number) => boolean): boolean {
  for (let r = first; r < grid.length; r++) {
    const cells = grid[r] ?? [];
    if (isData(r) || !cellText(cells[labelCol] ?? null)) continue;
    if (!columns.some((c) => showsFigure(cells[c]))) return true;
  }
  return false;
}

/** Headings carry their group's totals when the sheet has headings over rows and no sum row at all. */
export function headingTotals(lines: StructureLine[]): boolean {
  return !lines.some((l) => l.kind === 'sum') && lines.some((l, i) => l.kind === 'heading' && lines[i + 1]?.kind === 'item' && lines[i + 2]?.kind === 'item');
}

/** A row's direction in the unsigned convention: revenue +1, a cost −1; a result by its words. */
function direction(line: StructureLine): 1 | -1 {
  if (line.kind === 'sum') {
    if (line.sumKind === 'subtotal' || line.sumKind === 'result') return /nettokostnad/.test(fold(line.label)) ? -1 : 1;
    if (line.sumKind === 'revenue') return 1;
    if (line.sumKind === 'costs' || line.sumKind === 'net') return -1;
  }
  return line.type === 'revenue' ? 1 : -1;
}

export interface SheetSums {
  lines: GridLine[];
  sums: SumDef[];
  /** Filled sum cells (and the derived cells given in). */
  filled: FilledCells;
}

function formulaOf(col: number, terms: { row: number; coef: 1 | -1 }[]): string {
  const letter = columnLetters(col);
  const ranges = (coef: 1 | -1) => {
    const rows = terms.filter((t) => t.coef === coef).map((t) => t.row + 1).sort((a, b) => a - b);
    const out: string[] = [];
    for (let i = 0; i < rows.length; ) {
      let j = i;
      while (j + 1 < rows.length && rows[j + 1] === rows[j] + 1) j++;
      out.push(j > i ? `${letter}${rows[i]}:${letter}${rows[j]}` : `${letter}${rows[i]}`);
      i = j + 1;
    }
    return out;
  };
  const plus = ranges(1);
  const minus = ranges(-1);
  const part = (list: string[]) => (list.length === 1 && !list[0].includes(':') ? list[0] : `SUM(${list.join(',')})`);
  if (minus.length === 0) return part(plus);
  return plus.length === 0 ? `-${part(minus)}` : `${part(plus)}-${part(minus)}`;
}

/**
 * The sums of a sheet and the blank sum cells they fill, in every column given. `filled` holds the
 * derived cells already computed (their values count like figures); a sum is filled only where every
 * one of its rows has a figure or a filled cell in that column, or is empty (0).
 */
export function sheetSums(grid: RawValue[][], lines: GridLine[], columns: number[], convention: SignConvention, derived: FilledCells, headingTotalsOption?: boolean, kind?: SourceKind): SheetSums {
  const headings = headingTotalsOption ?? headingTotals(lines);
  const roles = columns.map(String);
  const typed = figureRows(lines, columns, (r, c) => cellValue(grid, derived, r, c));
  // a line typed over others is their total when its figures are their sum, to a thousandth
  const fits = (line: number, terms: number[]) => EVERY(sumFit(typed.rows([line, ...terms]), typed.at(line), terms, roles, EXACT));
  const read = (list: GridLine[], options: StructureOptions) => structureOf(kind, list, { ...options, fits, blankCarries: true });
  // first without figures, to compute the lines a breakdown may break down; then where the breakdowns end.
  // The first pass is made only when a breakdown asks where it ends: `breakdowns` asks before the
  // structure reader changes any line, so the copy is of the lines as they were; a sheet without a
  // breakdown heading (most, and every large one) reads its structure once.
  let figures: ReturnType<typeof figureRows> | undefined;
  const firstFigures = () => {
    const first = computeSums(grid, structuredCopy(lines), columns, convention, derived, read, { headingTotals: headings });
    return figureRows(lines, columns, (r, c) => cellValue(grid, first.filled, r, c));
  };
  const breakdownExtent = (parent: number, items: number[]) => breakdownExtentOf((figures ??= firstFigures()).rows([parent, ...items]), roles, EXACT)(parent, items);
  return computeSums(grid, lines, columns, convention, derived, read, { headingTotals: headings, breakdownExtent });
}

const EXACT = new Dec(1).div(new Dec(10).pow(3));

/**
 * The lines' figures by column, read only for the lines a sum is tried on: a sheet of 100 000 items
 * and no sum rows needs none of them, and reading every cell as a Decimal would be most of its cost.
 */
function figureRows(lines: GridLine[], columns: number[], value: (row: number, col: number) => Decimal | undefined): { at: (i: number) => FigureRow; rows: (wanted: number[]) => FigureRow[] } {
  const known: FigureRow[] = [];
  const at = (i: number): FigureRow => (known[i] ??= { values: Object.fromEntries(columns.map((c) => [String(c), value(lines[i].row, c)])) });
  return {
    at,
    rows: (wanted) => {
      for (const i of wanted) at(i);
      return known;
    },
  };
}

function structuredCopy(lines: GridLine[]): GridLine[] {
  return lines.map((l) => ({ ...l }));
}

function cellValue(grid: RawValue[][], filled: FilledCells, r: number, c: number): Decimal | undefined {
  const own = filled.get(filledKey(r, c))?.value;
  if (own) return own;
  const p = parseAmountCell(grid[r]?.[c]);
  return p.kind === 'amount' ? p.value : undefined;
}

function computeSums(grid: RawValue[][], lines: GridLine[], columns: number[], convention: SignConvention, derived: FilledCells, read: (lines: GridLine[], options: StructureOptions) => Structure, options: StructureOptions): SheetSums {
  const { sums } = read(lines, options);
  const filled: FilledCells = new Map(derived);
  const adding = sums.filter((s) => s.kind !== 'breakdown' && s.kind !== 'varav');
  const byLine = new Map(adding.map((s) => [s.line, s]));
  const valueAt = (i: number, c: number, seen: Set<number>): Decimal | undefined => {
    const r = lines[i].row;
    const own = filled.get(filledKey(r, c))?.value;
    if (own) return own;
    const p = parseAmountCell(grid[r]?.[c]);
    if (p.kind === 'amount') return p.value;
    const sum = byLine.get(i);
    if (!sum || !lines[i].blank || seen.has(i)) return p.kind === 'blank' && !sum ? new Dec(0) : undefined;
    seen.add(i);
    const coef = (t: number) => (convention === 'unsigned' ? direction(lines[t]) * direction(lines[i]) : 1) as 1 | -1;
    let total: Decimal = new Dec(0);
    for (const t of sum.terms) {
      const v = valueAt(t, c, seen);
      if (v === undefined) return undefined;
      total = coef(t) === 1 ? total.plus(v) : total.minus(v);
    }
    filled.set(filledKey(r, c), { value: total, formula: formulaOf(c, sum.terms.map((t) => ({ row: lines[t].row, coef: coef(t) }))) });
    return total;
  };
  for (const s of adding) {
    if (!lines[s.line].blank) continue;
    for (const c of columns) valueAt(s.line, c, new Set());
  }
  return { lines, sums, filled };
}
