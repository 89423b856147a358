/**
 * Header detection: finds the header row(s) of a forecast sheet and says which column holds budget,
 * prognos, utfall, avvikelse … and which holds the row label, type, group, target and years.
 */
import type { AmountRole, HeaderMap, RawValue, Role } from './types';
import { AMOUNT_ROLES, DEVIATION_ROLES } from './types';
import {
  headerContext,
  headerMeasure,
  hasContextWords,
  isBarePercent,
  isBokslut,
  isYearOnly,
  namesPeriodOnly,
  normalizeHeader,
  periodFromText,
  textKind,
  yearIn,
} from './headerWords';
import type { HeaderContext, Measure, TextKind } from './headerWords';

export { normalizeHeader, periodFromText } from './headerWords';

const DEFAULT_SCAN_ROWS = 30;
/** Excel's column limit; anything beyond is ignored. */
const MAX_COLUMNS = 16384;
/** Longer texts are notes, not headers. */
const MAX_HEADER_TEXT = 300;
/** A number written as digits (data, not a header word). */
const PLAIN_NUMBER = /^-?\d+(?:\.\d+)?(?:e[+-]?\d+)?$/i;

type ColumnKind =
  | { kind: 'text'; text: TextKind }
  | { kind: 'year'; year: string }
  | { kind: 'measure'; measure: Measure; ctx: HeaderContext; year?: number; bokslut: boolean }
  | { kind: 'barePercent' }
  | { kind: 'none' };

interface Column {
  index: number;
  /** Header text for text roles: the bottom cell, or the column's own top cell when the bottom is blank. */
  textHeader: string;
  kind: ColumnKind;
  /** Candidate role before duplicates are dropped. */
  role?: Role;
}

/** A cell as header text; numbers (years) become digits, everything else that is not text is blank. */
function cellText(value: RawValue): string {
  if (typeof value === 'string') return value.length > MAX_HEADER_TEXT ? '' : value.trim();
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  return '';
}

function rowTexts(row: RawValue[] | undefined): string[] {
  if (!Array.isArray(row)) return [];
  const width = Math.min(row.length, MAX_COLUMNS);
  const texts: string[] = new Array<string>(width);
  for (let c = 0; c < width; c++) texts[c] = cellText(row[c]);
  return texts;
}

/** A top cell that starts a (possibly merged and repeated) group. */
function startsGroup(top: string[], c: number): boolean {
  const t = top[c] ?? '';
  return t !== '' && (c === 0 || (top[c - 1] ?? '') !== t);
}

/** The row above is a context row when a context cell (Helår, Perioden jan–aug …) stands over a measure. */
function isContextRow(top: string[], bottom: string[]): boolean {
  for (let c = 0; c < top.length; c++) {
    const below = bottom[c] ?? '';
    if (below === '' || PLAIN_NUMBER.test(below) || !startsGroup(top, c)) continue;
    if (!hasContextWords(normalizeHeader(top[c]))) continue;
    if (headerMeasure(normalizeHeader(below)) !== undefined) return true;
  }
  return false;
}

function classify(own: string, topText: string, topStart: boolean, twoRow: boolean): ColumnKind {
  const textHeader = own !== '' ? own : topStart ? topText : '';
  const text = textKind(normalizeHeader(textHeader));
  if (text) return { kind: 'text', text };
  const combined = normalizeHeader(own === '' ? topText : topText === '' ? own : `${topText} ${own}`);
  if (isYearOnly(combined)) return { kind: 'year', year: combined };
  let measure = headerMeasure(combined);
  if (measure === undefined) {
    // The header's own words only (not a context carried from a merged cell to its right).
    const ownWords = normalizeHeader(twoRow ? textHeader : own);
    if (namesPeriodOnly(ownWords)) measure = 'utfall';
    else if (isBarePercent(normalizeHeader(own))) return { kind: 'barePercent' };
    else return { kind: 'none' };
  }
  return {
    kind: 'measure',
    measure,
    ctx: headerContext(combined),
    year: yearIn(combined),
    bokslut: isBokslut(combined),
  };
}

function buildColumns(top: string[] | null, bottom: string[]): Column[] {
  const width = Math.min(MAX_COLUMNS, Math.max(bottom.length, top?.length ?? 0));
  const columns: Column[] = [];
  // Wide sheets repeat the same few texts; classify each distinct combination once.
  const cache = new Map<string, ColumnKind>();
  let carried = '';
  for (let c = 0; c < width; c++) {
    const own = bottom[c] ?? '';
    let topText = '';
    let topStart = false;
    if (top) {
      const t = top[c] ?? '';
      if (t !== '') carried = t;
      topText = carried;
      topStart = startsGroup(top, c);
    }
    const textHeader = own !== '' ? own : topStart ? topText : '';
    let kind: ColumnKind | undefined;
    if (topText === '' && (own === '' || (PLAIN_NUMBER.test(own) && !isYearOnly(own)))) {
      kind = { kind: 'none' };
    } else {
      const key = `${topStart ? 1 : 0}\u0000${topText}\u0000${own}`;
      kind = cache.get(key);
      if (kind === undefined) {
        kind = classify(own, topText, topStart, top !== null);
        cache.set(key, kind);
      }
    }
    columns.push({ index: c, textHeader, kind });
  }
  return columns;
}

type Measured = Column & { kind: Extract<ColumnKind, { kind: 'measure' }> };

function isMeasured(col: Column): col is Measured {
  return col.kind.kind === 'measure';
}

function amountRole(col: Measured, maxYear: number | undefined): AmountRole | undefined {
  const { measure, ctx, year, bokslut } = col.kind;
  const older = year !== undefined && maxYear !== undefined && year < maxYear;
  if (measure === 'budget' || measure === 'prognos') {
    if (ctx.fgAr || older) return undefined;
    if (measure === 'prognos') return 'prognosHelar';
    return ctx.period ? 'budgetPeriod' : 'budgetHelar';
  }
  if (measure !== 'utfall') return undefined;
  if (ctx.helar && !ctx.period) return undefined; // `Utfall helår`: full-year actuals
  if (bokslut && older) return undefined; // `Bokslut 2025`: last year's closing figure
  if (older && year !== undefined && maxYear !== undefined) {
    const diff = maxYear - year;
    return diff === 1 ? 'utfallFgAr' : diff === 2 ? 'utfallFgAr2' : undefined;
  }
  return ctx.fgAr ? 'utfallFgAr' : 'utfallPeriod';
}

function deviationRole(col: Measured, columns: Column[]): Role | undefined {
  const { measure, ctx } = col.kind;
  if (ctx.fgAr) return undefined; // a deviation against last year is not a budget deviation
  let period: boolean;
  if (ctx.period !== ctx.helar) {
    period = ctx.period;
  } else {
    period = false;
    for (let c = col.index - 1; c >= 0; c--) {
      const role = columns[c].role;
      if (role !== undefined && (AMOUNT_ROLES as readonly Role[]).includes(role)) {
        period = role === 'budgetPeriod' || role === 'utfallPeriod';
        break;
      }
    }
  }
  if (measure === 'percent') return period ? 'avvikelsePctPeriod' : 'avvikelsePctHelar';
  return period ? 'avvikelsePeriod' : 'avvikelseHelar';
}

function assignMeasureRoles(columns: Column[]): void {
  const measured = columns.filter(isMeasured);
  let maxYear: number | undefined;
  let maxOtherYear: number | undefined;
  let undatedUtfall = false;
  for (const col of measured) {
    const { measure, year, ctx } = col.kind;
    if (measure === 'utfall' && year === undefined && !ctx.fgAr && !(ctx.helar && !ctx.period)) undatedUtfall = true;
    if (year === undefined || measure === 'deviation' || measure === 'percent') continue;
    if (maxYear === undefined || year > maxYear) maxYear = year;
    if (measure !== 'utfall' && (maxOtherYear === undefined || year > maxOtherYear)) maxOtherYear = year;
  }
  // `Utfall jan–aug | Utfall jan–aug 2025`: the undated column is this year, so every dated utfall
  // is an earlier year, unless a budget or forecast column dates the current year itself.
  if (undatedUtfall && maxYear !== undefined && (maxOtherYear === undefined || maxOtherYear < maxYear)) maxYear += 1;
  for (const col of measured) col.role = amountRole(col, maxYear);
  for (const col of measured) {
    if (col.kind.measure === 'deviation' || col.kind.measure === 'percent') {
      col.role = deviationRole(col, columns);
    }
  }
  for (const col of columns) {
    if (col.kind.kind !== 'barePercent' || col.index === 0) continue;
    const left = columns[col.index - 1].role;
    if (left === 'avvikelseHelar') col.role = 'avvikelsePctHelar';
    if (left === 'avvikelsePeriod') col.role = 'avvikelsePctPeriod';
  }
}

type LabelCandidate = Column & { kind: { kind: 'text'; text: Extract<TextKind, { role: 'label' }> } };

function isLabelCandidate(col: Column): col is LabelCandidate {
  return col.kind.kind === 'text' && col.kind.text.role === 'label';
}

/** Label and (coarser) group among the label-like columns; fallback to the first plain text column. */
function assignLabel(columns: Column[], map: Partial<Record<Role, number>>, firstValue: number): void {
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
    if (col.kind.kind === 'none' && /\p{L}/u.test(col.textHeader)) {
      map.label = col.index;
      return;
    }
  }
  map.label = 0;
}

const COUNTED_ROLES: readonly Role[] = [...AMOUNT_ROLES, ...DEVIATION_ROLES];

function evaluate(
  top: { index: number; cells: string[] } | null,
  bottom: { index: number; cells: string[] },
): HeaderMap | null {
  const columns = buildColumns(top ? top.cells : null, bottom.cells);
  assignMeasureRoles(columns);

  const map: Partial<Record<Role, number>> = {};
  for (const col of columns) {
    if (col.role !== undefined && map[col.role] === undefined) map[col.role] = col.index;
  }
  const amountCount = COUNTED_ROLES.filter((r) => map[r] !== undefined).length;

  for (const col of columns) {
    if (col.kind.kind !== 'text' || col.kind.text.role === 'label') continue;
    const role = col.kind.text.role;
    if (map[role] === undefined) map[role] = col.index;
  }
  const yearColumns: Record<string, number> = {};
  for (const col of columns) {
    if (col.kind.kind === 'year' && yearColumns[col.kind.year] === undefined) {
      yearColumns[col.kind.year] = col.index;
    }
  }
  const indicator =
    columns.some((c) => isLabelCandidate(c) && c.kind.text.indicator) &&
    map.target !== undefined &&
    Object.keys(yearColumns).length > 0;
  if (amountCount < 2 && !indicator) return null;

  const valueIndexes = columns
    .filter((c) => c.role !== undefined || c.kind.kind === 'year')
    .map((c) => c.index);
  if (map.target !== undefined) valueIndexes.push(map.target);
  const firstValue = valueIndexes.length > 0 ? Math.min(...valueIndexes) : columns.length;
  assignLabel(columns, map, firstValue);

  const result: HeaderMap = {
    firstHeaderRow: top ? top.index : bottom.index,
    headerRows: top ? 2 : 1,
    firstDataRow: bottom.index + 1,
    columns: map,
  };
  const labelIndex = map.label;
  const labelHeader = labelIndex !== undefined ? columns[labelIndex]?.textHeader : undefined;
  if (labelHeader) result.labelHeader = labelHeader;
  const headerCells = top ? [...top.cells, ...bottom.cells] : bottom.cells;
  for (const cell of headerCells) {
    const period = cell === '' ? undefined : periodFromText(cell);
    if (period) {
      result.periodText = period.periodText;
      result.months = period.months;
      break;
    }
  }
  if (indicator) result.yearColumns = yearColumns;
  return result;
}

/**
 * Finds the header of a sheet (rows[r][c], 0-based) among its first `maxScanRows` rows (default 30).
 * Returns null when no row qualifies as a header.
 */
export function detectHeader(
  rows: RawValue[][],
  options?: { maxScanRows?: number },
): HeaderMap | null {
  if (!Array.isArray(rows)) return null;
  const requested = options?.maxScanRows;
  const scan =
    typeof requested === 'number' && Number.isFinite(requested) && requested >= 0
      ? Math.floor(requested)
      : DEFAULT_SCAN_ROWS;
  const limit = Math.min(rows.length, scan);
  let current = limit > 0 ? rowTexts(rows[0]) : [];
  for (let r = 0; r < limit; r++) {
    const next = r + 1 < limit ? rowTexts(rows[r + 1]) : null;
    if (next && isContextRow(current, next)) {
      const twoRow = evaluate({ index: r, cells: current }, { index: r + 1, cells: next });
      if (twoRow) return twoRow;
    }
    const single = evaluate(null, { index: r, cells: current });
    if (single) return single;
    if (next) current = next;
  }
  return null;
}
