/**
 * Header detection: finds the header row(s) of a forecast sheet and says which column holds budget,
 * prognos, utfall, avvikelse … and which holds the row label, type, group, target and years. The
 * columns are classified in `headerColumns.ts`, their roles (and column blocks) given in `headerRoles.ts`.
 */
import type { ColumnBlock, ComponentColumns, HeaderMap, IgnoredColumn, RawValue, Role } from './types';
import { AMOUNT_ROLES, DEVIATION_ROLES } from './types';
import { normalizeHeader, periodFromText } from './headerWords';
import type { TextKind } from './headerWords';
import { buildColumns, isContextRow, isMeasured, rowTexts, type Column } from './headerColumns';
import { assignMeasureRoles, blockName, type BlockRange } from './headerRoles';
import { resultFundColumns } from './resultFund';
import { namesResults, rowSumColumns } from './rowSums';

export { normalizeHeader, periodFromText } from './headerWords';

const DEFAULT_SCAN_ROWS = 30;

type LabelCandidate = Column & { kind: { kind: 'text'; text: Extract<TextKind, { role: 'label' }> } };

function isLabelCandidate(col: Column): col is LabelCandidate {
  return col.kind.kind === 'text' && col.kind.text.role === 'label';
}

/** Whether the cells under the header in a column are mostly words (labels), not figures. */
type TextColumnTest = (col: number) => boolean;

/** Label and (coarser) group among the label-like columns; fallback to the first plain text column that holds words. */
function assignLabel(columns: Column[], map: Partial<Record<Role, number>>, firstValue: number, holdsWords: TextColumnTest): void {
  const all = columns.filter(isLabelCandidate);
  const leftOfValues = all.filter((c) => c.index < firstValue);
  const candidates = leftOfValues.length > 0 ? leftOfValues : all;
  if (candidates.length > 0) {
    const maxTier = Math.max(...candidates.map((c) => c.kind.text.tier));
    const label = candidates.find((c) => c.kind.text.tier === maxTier);
    if (label) map.label = label.index;
    if (map.group === undefined) {
      let group: LabelCandidate | undefined;
      for (const c of candidates) {
        if (c.kind.text.tier < maxTier && (!group || c.kind.text.tier > group.kind.text.tier)) group = c;
      }
      if (group) map.group = group.index;
    }
    return;
  }
  for (const col of columns) {
    if (col.index >= firstValue) break;
    if (col.kind.kind === 'none' && /\p{L}/u.test(col.textHeader) && holdsWords(col.index)) {
      map.label = col.index;
      return;
    }
  }
  map.label = 0;
}

/** A test on the (up to 20) rows under a header: does a column hold words rather than figures? */
/** Words and figures in a column's first 20 cells under the header. */
function wordCounts(rows: RawValue[][], firstDataRow: number, c: number): { words: number; figures: number } {
  let words = 0;
  let figures = 0;
  for (let r = firstDataRow; r < Math.min(rows.length, firstDataRow + 20); r++) {
    const v = rows[r]?.[c];
    if (typeof v === 'number') figures++;
    else if (typeof v === 'string' && v.trim() !== '') (/\p{L}{2}/u.test(v) ? words++ : figures++);
  }
  return { words, figures };
}

function wordsUnder(rows: RawValue[][], firstDataRow: number): TextColumnTest {
  return (c) => {
    const { words, figures } = wordCounts(rows, firstDataRow, c);
    return words >= figures;
  };
}

/** Whether a column's cells under the header name rows: some words, and at least as many words as figures. */
function namedRows(rows: RawValue[][], firstDataRow: number, c: number): boolean {
  const { words, figures } = wordCounts(rows, firstDataRow, c);
  return words > 0 && words >= figures;
}

const COUNTED_ROLES: readonly Role[] = [...AMOUNT_ROLES, ...DEVIATION_ROLES];

/** role → column for the columns of a range (the first column with a role wins). */
function roleMap(columns: Column[], range: BlockRange): Partial<Record<Role, number>> {
  const map: Partial<Record<Role, number>> = {};
  for (const col of columns.slice(range.from, range.to)) {
    if (col.role !== undefined && map[col.role] === undefined) map[col.role] = col.index;
  }
  return map;
}

function ignoredColumns(columns: Column[]): IgnoredColumn[] {
  const out: IgnoredColumn[] = [];
  for (const col of columns) if (col.kind.kind === 'ignored' && col.fullText) out.push({ column: col.index, header: col.fullText, reason: col.kind.reason });
  return out;
}

/** The period a header names, read from the columns of actuals and budgets (`Prognos per aug` is no period). */
function headerPeriod(columns: Column[], top: string[] | null): { months: number; periodText: string } | undefined {
  for (const col of columns) {
    if (isMeasured(col) && col.kind.measure === 'prognos') continue;
    const text = col.fullText;
    const period = text === '' ? undefined : periodFromText(text);
    if (period) return period;
  }
  for (const cell of top ?? []) {
    const period = cell ? periodFromText(cell) : undefined;
    if (period) return period;
  }
  return undefined;
}

/** Outside an indicator table (`Indikator`, `Nyckeltal`) a bare year (`2018` under `Kommunen`) is that year's actuals. */
function yearsAsActuals(columns: Column[], rows: RawValue[][], firstDataRow: number): void {
  if (columns.some((c) => isLabelCandidate(c) && c.kind.text.indicator)) return;
  // years over rows that are figures (`€ | 1997 | 1998 …` over `15000 | 0,23 | …`, a rate table) are no
  // accounts: the rows must be named in words, left of the years
  const firstYear = columns.findIndex((c) => c.kind.kind === 'year');
  if (firstYear < 0 || !columns.slice(0, firstYear).some((c) => namedRows(rows, firstDataRow, c.index))) return;
  for (const col of columns) {
    if (col.kind.kind !== 'year') continue;
    const year = Number(col.kind.year);
    col.kind = { kind: 'measure', measure: 'utfall', ctx: { fgAr: false, period: false, helar: false }, year, bokslut: false, net: false, koncern: col.kind.koncern };
  }
}

/** Revenue, cost and net columns paired by the measure and year they stand under. */
function componentColumns(columns: Column[]): ComponentColumns[] {
  const byKey = new Map<string, ComponentColumns>();
  for (const col of columns) {
    if (col.kind.kind !== 'component') continue;
    const entry = byKey.get(col.kind.key) ?? {};
    if (entry[col.kind.part] === undefined) entry[col.kind.part] = col.index;
    byKey.set(col.kind.key, entry);
  }
  for (const col of columns) {
    if (!isMeasured(col) || !namesNetText(col.fullText)) continue;
    const key = `${col.kind.measure === 'utfall' ? 'utfall' : col.kind.measure}|${col.kind.year ?? ''}`;
    const entry = byKey.get(key) ?? byKey.get(`|${col.kind.year ?? ''}`) ?? (byKey.size === 1 ? [...byKey.values()][0] : undefined);
    if (entry && entry.net === undefined) entry.net = col.index;
  }
  return [...byKey.values()].filter((e) => e.revenue !== undefined || e.cost !== undefined);
}

const namesNetText = (text: string) => /netto/.test(normalizeHeader(text));

/** `Urspr budget | Om-budget | Budget 2023`: the parts, and the budget column after them. */
function budgetParts(columns: Column[], map: Partial<Record<Role, number>>): HeaderMap['budgetParts'] {
  const parts = columns.filter((c) => c.kind.kind === 'budgetPart').map((c) => c.index);
  const total = map.budgetHelar ?? map.budgetPeriod;
  if (parts.length < 2 || total === undefined || total < Math.max(...parts)) return undefined;
  return { parts, total };
}

function evaluate(top: { index: number; cells: string[] } | null, bottom: { index: number; cells: string[] }, rows: RawValue[][] = []): HeaderMap | null {
  const columns = buildColumns(top ? top.cells : null, bottom.cells);
  yearsAsActuals(columns, rows, bottom.index + 1);
  const { primary, others, koncernFrom } = assignMeasureRoles(columns);
  const map = roleMap(columns, primary);
  const parts = columns.filter((c) => c.kind.kind === 'component' || c.kind.kind === 'budgetPart').length;
  const amountCount = COUNTED_ROLES.filter((r) => map[r] !== undefined).length + Math.min(parts, 2);

  for (const col of columns) {
    if (col.kind.kind !== 'text' || col.kind.text.role === 'label') continue;
    const role = col.kind.text.role;
    if (map[role] === undefined) map[role] = col.index;
  }
  const yearColumns: Record<string, number> = {};
  for (const col of columns) {
    if (col.kind.kind === 'year' && yearColumns[col.kind.year] === undefined) yearColumns[col.kind.year] = col.index;
  }
  const indicator = columns.some((c) => isLabelCandidate(c) && c.kind.text.indicator) && map.target !== undefined && Object.keys(yearColumns).length > 0;
  if (amountCount < 2 && !indicator) return null;

  const valueIndexes = columns.filter((c) => c.role !== undefined || c.kind.kind === 'year' || c.kind.kind === 'component' || c.kind.kind === 'budgetPart').map((c) => c.index);
  if (map.target !== undefined) valueIndexes.push(map.target);
  const firstValue = valueIndexes.length > 0 ? Math.min(...valueIndexes) : columns.length;
  assignLabel(columns, map, firstValue, wordsUnder(rows, bottom.index + 1));

  const result: HeaderMap = {
    firstHeaderRow: top ? top.index : bottom.index,
    headerRows: top ? 2 : 1,
    firstDataRow: bottom.index + 1,
    columns: map,
  };
  const labelIndex = map.label;
  const labelHeader = labelIndex !== undefined ? columns[labelIndex]?.textHeader : undefined;
  if (labelHeader) result.labelHeader = labelHeader;
  const period = headerPeriod(columns, top ? top.cells : null);
  if (period) {
    result.periodText = period.periodText;
    result.months = period.months;
  }
  if (indicator) result.yearColumns = yearColumns;
  const texts: Record<number, string> = {};
  for (const col of columns) if (col.fullText && col.kind.kind !== 'text' && col.kind.kind !== 'ignored' && col.index !== map.label) texts[col.index] = col.fullText;
  result.texts = texts;
  if (columns.some((c) => c.role !== undefined && isMeasured(c) && c.kind.net)) result.netWords = true;
  const components = componentColumns(columns);
  if (components.length > 0) result.components = components;
  if (namesResults(texts, map)) result.results = true;
  const budget = budgetParts(columns, map);
  if (budget) result.budgetParts = budget;
  const fund = resultFundColumns(texts);
  if (fund) result.resultFund = fund;
  // a result carried between years computes its own result (`resultFund.ts`)
  const sums = rowSumColumns(columns, !fund);
  if (sums.length > 0) result.rowSums = sums;
  const blocks: ColumnBlock[] = others.map((r) => {
    const block: ColumnBlock = { name: blockName(columns, r), columns: roleMap(columns, r), from: r.from, to: r.to };
    if (koncernFrom !== undefined && r.from === koncernFrom) block.koncern = true;
    return block;
  });
  if (blocks.length > 0) result.blocks = blocks;
  const ignored = ignoredColumns(columns);
  if (ignored.length > 0) result.ignored = ignored;
  return result;
}

/**
 * Finds the header of a sheet (rows[r][c], 0-based) among its first `maxScanRows` rows (default 30).
 * Returns null when no row qualifies as a header.
 */
export function detectHeader(rows: RawValue[][], options?: { maxScanRows?: number }): HeaderMap | null {
  if (!Array.isArray(rows)) return null;
  const requested = options?.maxScanRows;
  const scan = typeof requested === 'number' && Number.isFinite(requested) && requested >= 0 ? Math.floor(requested) : DEFAULT_SCAN_ROWS;
  const limit = Math.min(rows.length, scan);
  let current = limit > 0 ? rowTexts(rows[0]) : [];
  for (let r = 0; r < limit; r++) {
    const next = r + 1 < limit ? rowTexts(rows[r + 1]) : null;
    if (next && isContextRow(current, next)) {
      const twoRow = evaluate({ index: r, cells: current }, { index: r + 1, cells: next }, rows);
      if (twoRow) return twoRow;
    }
    const single = evaluate(null, { index: r, cells: current }, rows);
    if (single) return single;
    if (next) current = next;
  }
  return null;
}
