/**
 * Pass 1 of reading a source table: every data row's cells parsed to Decimal, every bad cell
 * reported with its address, grouping carried down, headings and blank rows told apart from data.
 */
import type Decimal from 'decimal.js';
import { cellAddress, issue } from './address';
import { AmountStore, viewOf, type RowRef } from './amountStore';
import { decFromOre, oreOf, ZERO } from './decimal';
import { withoutNoteRef } from './labels';
import { fromInputUnit, kronorPer } from './money';
import { amountReader } from './separatorStyle';
import { fold, labelsMayBeAccounts, typeFromAccount, typeFromTypCell, type UserSumKind } from './rowTypes';
import type { SheetMarker } from './sourceTable';
import { AMOUNT_ROLES, type AmountRole, type HeaderMap, type InputIssue, type InputUnit, type RawValue, type RowType, type TableSettings } from './types';

export function cellText(v: RawValue): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v.trim();
  if (typeof v === 'number') return String(v);
  if (typeof v === 'boolean') return v ? 'SANT' : 'FALSKT'; // as Swedish Excel shows them
  // a date cell whose number lies outside every date (a serial of 1e15, which Excel shows as ####) has no text
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? '' : v.toISOString().slice(0, 10);
  return v.error;
}

/** A dash printed for nothing (`–`, `-`, `−`): a figure of 0 in a printed table. */
export function isLoneDash(v: RawValue): boolean {
  return typeof v === 'string' && /^\s*[-\u2012-\u2015\u2212]\s*$/.test(v);
}

export interface ParsedRow {
  row: number;
  label: string;
  typeCell: ReturnType<typeof typeFromTypCell> | undefined;
  typeText: string;
  /** A type implied by a heading above the row (`Intäkter`, `Kostnader`). */
  typeHint?: RowType;
  groups: string[];
  /** Amounts in kronor, sheet sign; blank cells as 0 once the row is known to be data (a view of `store`). */
  raw: Partial<Record<AmountRole, Decimal>>;
  /** The row's place in the store of its amounts (`ParsedRows.store`), shared by its views. */
  ref: RowRef;
  /** Leading spaces of the label as written (an indented row belongs to a breakdown above it). */
  indent: number;
}

export interface ParsedRows {
  rows: ParsedRow[];
  /** Amount roles with at least one filled cell: a column with no input is left out of the tables. */
  filledRoles: Set<AmountRole>;
  /** Headings and sum rows without figures, in sheet order. */
  markers: SheetMarker[];
  /** Most decimals any amount is written with, in the sheet's own unit (at most 3). */
  decimals: number;
  /** 1-based rows that are data in another column block but blank in this one. */
  absent: number[];
  /** The amounts of the rows, in columns of öre (amountStore.ts). */
  store: AmountStore;
}

/**
 * A parsed row whose amounts view is made when read, not kept: a row lives only while its table is
 * read, and a view per row (a Proxy) kept that long is a million more objects for the collector to copy.
 */
class ParsedRecord implements ParsedRow {
  constructor(
    readonly row: number,
    readonly label: string,
    readonly typeCell: ParsedRow['typeCell'],
    readonly typeText: string,
    readonly typeHint: RowType | undefined,
    public groups: string[],
    readonly ref: RowRef,
    readonly indent: number,
  ) {}

  get raw(): Partial<Record<AmountRole, Decimal>> {
    return viewOf(this.ref, 'parsed');
  }
}

export interface ParseOptions {
  /** Which labels are sums (not data) in this layout. */
  sumKind(label: string): UserSumKind | undefined;
  /** Whether account numbers in the label make a row data (an operating account). */
  accounts: boolean;
  /** 0-based rows with figures in some column block: blank here, they are absent, not headings. */
  dataElsewhere?: ReadonlySet<number>;
}

/** The row's label; a sum row may carry its label in a grouping column (`Summa nettokostnad` in A). */
function rowLabel(cells: RawValue[], cols: HeaderMap['columns'], options: ParseOptions): string {
  const label = cellText(cells[cols.label ?? 0]);
  if (label) return withoutNoteRef(label);
  for (const c of [cols.group, cols.group1, cols.group2]) {
    const text = c === undefined ? '' : cellText(cells[c]);
    if (text && options.sumKind(text)) return text;
  }
  return '';
}

/** Leading spaces of a label cell (`   Kostnader – utgifter` under `vilka består av:`). */
export function leadingSpaces(v: RawValue): number {
  if (typeof v !== 'string') return 0;
  let n = 0;
  while (n < v.length && (v.charCodeAt(n) === 0x20 || v.charCodeAt(n) === 0xa0)) n++;
  return n;
}

/** `Intäkter` / `Kostnader` as a heading: the type of the rows below it. */
function headingType(label: string): RowType | undefined {
  const t = fold(label);
  if (/^(verksamhetens )?(intakter|inkomster)$/.test(t)) return 'revenue';
  if (/^(verksamhetens )?(kostnader|utgifter)$/.test(t)) return 'cost';
  return undefined;
}

/** A row that says it is data even with every amount blank: a Typ cell or a drift account number. */
function declaresData(typeCell: ParsedRow['typeCell'], label: string, accounts: boolean): boolean {
  if (typeCell === 'revenue' || typeCell === 'cost') return true;
  return accounts && typeFromAccount(label) !== undefined;
}

/** Decimals an amount is written with (at most MAX_DECIMALS): öre of a number, or a Decimal in the sheet's unit. */
function decimalsOf(v: Decimal | number): number {
  if (typeof v !== 'number') return Math.min(MAX_DECIMALS, v.decimalPlaces());
  return v % 100 === 0 ? 0 : v % 10 === 0 ? 1 : 2;
}

/**
 * Stores an amount in kronor: öre of a cell number (exactly `fromInputUnit(new Dec(n))`'s öre, made
 * without a Decimal while the kronor stay below 1e11), or a Decimal in the sheet's unit.
 */
function storeAmount(store: AmountStore, role: AmountRole, at: number, v: Decimal | number, unit: InputUnit): void {
  if (typeof v !== 'number') return store.set(role, at, fromInputUnit(v, unit));
  const kr = v * kronorPer(unit); // exact while below 1e13 (< 2^53); beyond, it is at least 1e13
  if (kr < 1e13 && kr > -1e13) store.setOre(role, at, kr);
  else store.set(role, at, fromInputUnit(decFromOre(v), unit));
}

const BLANK_MESSAGE = 'tom cell där ett belopp behövs (skriv 0, eller välj att tomma celler räknas som 0)';
const MAX_DECIMALS = 3;

/** Whether `groups` are the row's grouping (`group1`, `group2` when the sheet has two levels, else `group`): no array made per row. */
function sameGroups(groups: string[], twoLevels: boolean, group: string, group1: string, group2: string): boolean {
  if (!twoLevels) return group ? groups.length === 1 && groups[0] === group : groups.length === 0;
  const wanted = group1 ? (group2 ? 2 : 1) : group2 ? 1 : 0;
  if (groups.length !== wanted) return false;
  return wanted === 2 ? groups[0] === group1 && groups[1] === group2 : wanted === 0 || groups[0] === (group1 || group2);
}

export function parseRows(sheet: string, grid: RawValue[][], header: HeaderMap, settings: TableSettings, options: ParseOptions, issues: InputIssue[]): ParsedRows {
  const cols = header.columns;
  const roles = AMOUNT_ROLES.filter((r) => cols[r] !== undefined);
  const rows: ParsedRow[] = [];
  const markers: SheetMarker[] = [];
  const absent: number[] = [];
  const groupCols = cols.group !== undefined || cols.group1 !== undefined;
  const accounts = options.accounts && labelsMayBeAccounts(header.labelHeader);
  let decimals = 0;
  let group = '';
  let group1 = '';
  let group2 = '';
  let typeHint: RowType | undefined;
  let groups: string[] = [];
  const store = new AmountStore(grid.length - header.firstDataRow);
  const columns = roles.map((r) => cols[r] as number);
  const amounts = amountReader(sheet, grid, columns, header.firstDataRow, issues);
  const found: (Decimal | number | undefined)[] = new Array<undefined>(roles.length); // one row's amounts, reused
  const filled = roles.map(() => false); // roles with a filled cell so far
  const filledRoles = new Set<AmountRole>(); // in order of first appearance
  const text = (cells: RawValue[], c: number | undefined) => (c === undefined ? '' : cellText(cells[c]));
  const groupText = (cells: RawValue[], c: number | undefined) => {
    const t = text(cells, c);
    return t && !options.sumKind(t) ? t : '';
  };
  for (let r = header.firstDataRow; r < grid.length; r++) {
    const cells = grid[r] ?? [];
    const label = rowLabel(cells, cols, options);
    const indent = leadingSpaces(cells[cols.label ?? 0]);
    let missing: number[] | undefined;
    let bad: InputIssue[] | undefined;
    let any = false;
    for (let j = 0; j < roles.length; j++) {
      const c = columns[j];
      const v = cells[c];
      const k = typeof v === 'number' ? oreOf(v) : undefined; // a number is never read in another separator style
      const parsed = k === undefined ? amounts.parse(v, r, c) : undefined;
      found[j] = k ?? (parsed?.kind === 'amount' ? parsed.value : undefined);
      if (found[j] !== undefined) {
        any = true;
        if (decimals < MAX_DECIMALS) decimals = Math.max(decimals, decimalsOf(found[j] as Decimal | number));
      } else if (parsed?.kind === 'error') (bad ??= []).push(issue(sheet, cellAddress(r, c), parsed.message));
      else (missing ??= []).push(c);
    }
    const g = groupText(cells, cols.group);
    if (g) group = g;
    const g1 = groupText(cells, cols.group1);
    if (g1) {
      if (g1 !== group1) group2 = '';
      group1 = g1;
    }
    const g2 = groupText(cells, cols.group2);
    if (g2) group2 = g2;
    const typeText = text(cells, cols.type);
    const typeCell = typeText ? typeFromTypCell(typeText) : undefined;
    const blank = !any && !bad && !declaresData(typeCell, label, accounts);
    if (blank) {
      if (options.dataElsewhere?.has(r)) {
        absent.push(r + 1);
        continue;
      }
      const hint = label ? headingType(label) : undefined;
      const sum = label ? options.sumKind(label) : undefined;
      if (label) markers.push({ row: r + 1, label, kind: sum ? 'sum' : 'heading', indent });
      if (hint) typeHint = hint;
      else if (label && !groupCols && !sum) group = label;
      continue;
    }
    if (bad) issues.push(...bad);
    if (missing && settings.blanks !== 'zero') for (const c of missing) issues.push(issue(sheet, cellAddress(r, c), BLANK_MESSAGE));
    const at = store.addRow();
    for (let j = 0; j < roles.length; j++) {
      if (found[j] !== undefined && !filled[j]) {
        filled[j] = true;
        filledRoles.add(roles[j]);
      }
      storeAmount(store, roles[j], at, found[j] ?? ZERO, settings.inputUnit);
    }
    // rows of one group share one array (a sheet of 100 000 rows has a handful of groups)
    if (!sameGroups(groups, cols.group1 !== undefined, group, group1, group2)) groups = cols.group1 !== undefined ? [group1, group2].filter(Boolean) : group ? [group] : [];
    if (!label) issues.push(issue(sheet, cellAddress(r, cols.label ?? 0), 'raden har belopp men ingen benämning'));
    rows.push(new ParsedRecord(r + 1, label, typeCell, typeText, typeHint, groups, { i: at, store }, indent));
  }
  return { rows, filledRoles, markers, decimals, absent, store };
}
