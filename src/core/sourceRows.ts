/**
 * Pass 1 of reading a source table: every data row's cells parsed to Decimal, every bad cell
 * reported with its address, grouping carried down, headings and blank rows told apart from data.
 */
import type Decimal from 'decimal.js';
import { cellAddress, issue } from './address';
import { Dec } from './decimal';
import { fromInputUnit } from './money';
import { amountReader } from './separatorStyle';
import { fold, labelsMayBeAccounts, typeFromAccount, typeFromTypCell, userSumKind } from './rowTypes';
import { AMOUNT_ROLES, type AmountRole, type HeaderMap, type InputIssue, type RawValue, type RowType, type TableSettings } from './types';

export function cellText(v: RawValue): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v.trim();
  if (typeof v === 'number') return String(v);
  if (typeof v === 'boolean') return v ? 'SANT' : 'FALSKT'; // as Swedish Excel shows them
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  return v.error;
}

export interface ParsedRow {
  row: number;
  label: string;
  typeCell: ReturnType<typeof typeFromTypCell> | undefined;
  typeText: string;
  /** A type implied by a heading above the row (`Intäkter`, `Kostnader`). */
  typeHint?: RowType;
  groups: string[];
  /** Amounts in kronor, sheet sign; blank cells as 0 once the row is known to be data. */
  raw: Partial<Record<AmountRole, Decimal>>;
}

export interface ParsedRows {
  rows: ParsedRow[];
  /** Amount roles with at least one filled cell: a column with no input is left out of the tables. */
  filledRoles: Set<AmountRole>;
}

/** The row's label; a sum row may carry its label in a grouping column (`Summa nettokostnad` in A). */
function rowLabel(cells: RawValue[], cols: HeaderMap['columns']): string {
  const label = cellText(cells[cols.label ?? 0]);
  if (label) return label;
  for (const c of [cols.group, cols.group1, cols.group2]) {
    const text = c === undefined ? '' : cellText(cells[c]);
    if (text && userSumKind(text)) return text;
  }
  return '';
}

/** `Intäkter` / `Kostnader` as a heading: the type of the rows below it. */
function headingType(label: string): RowType | undefined {
  const t = fold(label);
  if (/^(verksamhetens )?(intakter|inkomster)$/.test(t)) return 'revenue';
  if (/^(verksamhetens )?(kostnader|utgifter)$/.test(t)) return 'cost';
  return undefined;
}

/** A row that says it is data even with every amount blank: a Typ cell or a drift account number. */
function declaresData(typeCell: ParsedRow['typeCell'], label: string, drift: boolean): boolean {
  if (typeCell === 'revenue' || typeCell === 'cost') return true;
  return drift && typeFromAccount(label) !== undefined;
}

const BLANK_MESSAGE = 'tom cell där ett belopp behövs (skriv 0, eller välj att tomma celler räknas som 0)';

export function parseRows(sheet: string, grid: RawValue[][], header: HeaderMap, settings: TableSettings, drift: boolean, issues: InputIssue[]): ParsedRows {
  const cols = header.columns;
  const roles = AMOUNT_ROLES.filter((r) => cols[r] !== undefined);
  const rows: ParsedRow[] = [];
  const filledRoles = new Set<AmountRole>();
  const groupCols = cols.group !== undefined || cols.group1 !== undefined;
  const accounts = drift && labelsMayBeAccounts(header.labelHeader);
  let group = '';
  let group1 = '';
  let group2 = '';
  let typeHint: RowType | undefined;
  let groups: string[] = [];
  const amounts = amountReader(sheet, grid, roles.map((r) => cols[r] as number), header.firstDataRow, issues);
  const text = (cells: RawValue[], c: number | undefined) => (c === undefined ? '' : cellText(cells[c]));
  const groupText = (cells: RawValue[], c: number | undefined) => {
    const t = text(cells, c);
    return t && !userSumKind(t) ? t : '';
  };
  for (let r = header.firstDataRow; r < grid.length; r++) {
    const cells = grid[r] ?? [];
    const label = rowLabel(cells, cols);
    const raw: Partial<Record<AmountRole, Decimal>> = {};
    let missing: number[] | undefined;
    let bad: InputIssue[] | undefined;
    for (const role of roles) {
      const c = cols[role] as number;
      const parsed = amounts.parse(cells[c], r, c);
      if (parsed.kind === 'amount') raw[role] = parsed.value;
      else if (parsed.kind === 'error') (bad ??= []).push(issue(sheet, cellAddress(r, c), parsed.message));
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
    const blank = Object.keys(raw).length === 0 && !bad && !declaresData(typeCell, label, accounts);
    if (blank) {
      const hint = label ? headingType(label) : undefined;
      if (hint) typeHint = hint;
      else if (label && !groupCols && !userSumKind(label)) group = label;
      continue;
    }
    if (bad) issues.push(...bad);
    if (missing && settings.blanks !== 'zero') for (const c of missing) issues.push(issue(sheet, cellAddress(r, c), BLANK_MESSAGE));
    for (const role of roles) {
      if (raw[role]) filledRoles.add(role);
      raw[role] = fromInputUnit(raw[role] ?? new Dec(0), settings.inputUnit);
    }
    // rows of one group share one array (a sheet of 100 000 rows has a handful of groups)
    const current = cols.group1 !== undefined ? [group1, group2].filter(Boolean) : group ? [group] : [];
    if (current.length !== groups.length || current.some((x, i) => x !== groups[i])) groups = current;
    if (!label) issues.push(issue(sheet, cellAddress(r, cols.label ?? 0), 'raden har belopp men ingen benämning'));
    rows.push({ row: r + 1, label, typeCell, typeText, typeHint, groups, raw });
  }
  return { rows, filledRoles };
}
