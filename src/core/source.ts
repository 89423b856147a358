/**
 * Reads the data rows of one recognised source table into signed kronor, collecting every bad cell
 * (not just the first) as a Swedish message with its address.
 */
import type Decimal from 'decimal.js';
import { cellAddress, issue } from './address';
import { Dec } from './decimal';
import { fromInputUnit, parseAmountCell } from './money';
import { periodBudget } from './periodize';
import { fold, typeFromAccount, typeFromLabel, typeFromTypCell, userSumKind, type UserSumKind } from './rowTypes';
import { AMOUNT_ROLES, type AmountRole, type HeaderMap, type InputIssue, type RawValue, type RowType, type SignConvention, type SourceRow, type TableSettings } from './types';
import { toSigned } from './variance';

export type SourceKind = 'drift' | 'investeringar' | 'portfolj' | 'indikatorer';

/** A row as it stands in the sheet (sheet units, sheet sign): what the avvikelse formulas work on. */
export interface SheetRow {
  row: number;
  label: string;
  /** Direction of the avvikelse formula in the unsigned convention. */
  type: RowType;
  raw: Partial<Record<AmountRole, Decimal>>;
  sum?: UserSumKind;
}

export interface SourceTable {
  sheet: string;
  kind: SourceKind;
  header: HeaderMap;
  settings: TableSettings;
  months?: number;
  convention: SignConvention;
  /** Swedish sentence saying which convention was used and why. */
  conventionNote: string;
  rows: SourceRow[];
  sheetRows: SheetRow[];
  issues: InputIssue[];
  /** True when the period budget is annual budget × share (the sheet has no period budget). */
  derivedPeriodBudget: boolean;
}

export function detectKind(header: HeaderMap, sheet: string): SourceKind {
  if (header.columns.target !== undefined || (header.yearColumns && Object.keys(header.yearColumns).length > 0)) return 'indikatorer';
  if (header.columns.group1 !== undefined) return 'portfolj';
  const label = fold(header.labelHeader ?? '');
  if (/projekt|investering/.test(label) || /invest/.test(fold(sheet))) return 'investeringar';
  return 'drift';
}

export function cellText(v: RawValue): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v.trim();
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  return v.error;
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

interface ParsedRow {
  row: number;
  label: string;
  typeCell: ReturnType<typeof typeFromTypCell> | undefined;
  typeText: string;
  groups: string[];
  raw: Partial<Record<AmountRole, Decimal>>;
  blank: boolean;
}

/** Pass 1: parse cells; headings and blank rows update the group context. */
function parseRows(sheet: string, grid: RawValue[][], header: HeaderMap, settings: TableSettings, issues: InputIssue[]): ParsedRow[] {
  const cols = header.columns;
  const roles = AMOUNT_ROLES.filter((r) => cols[r] !== undefined);
  const out: ParsedRow[] = [];
  let group = '';
  let group1 = '';
  let group2 = '';
  for (let r = header.firstDataRow; r < grid.length; r++) {
    const cells = grid[r] ?? [];
    const label = rowLabel(cells, cols);
    const raw: Partial<Record<AmountRole, Decimal>> = {};
    const missing: number[] = [];
    const bad: InputIssue[] = [];
    for (const role of roles) {
      const c = cols[role] as number;
      const parsed = parseAmountCell(cells[c]);
      if (parsed.kind === 'amount') raw[role] = parsed.value;
      else if (parsed.kind === 'error') bad.push(issue(sheet, cellAddress(r, c), parsed.message));
      else missing.push(c);
    }
    const blank = Object.keys(raw).length === 0 && bad.length === 0;
    const groupText = (c: number | undefined) => (c === undefined ? '' : cellText(cells[c]));
    if (groupText(cols.group) && !userSumKind(groupText(cols.group))) group = groupText(cols.group);
    if (groupText(cols.group1) && !userSumKind(groupText(cols.group1))) {
      if (groupText(cols.group1) !== group1) group2 = '';
      group1 = groupText(cols.group1);
    }
    if (groupText(cols.group2) && !userSumKind(groupText(cols.group2))) group2 = groupText(cols.group2);
    if (blank) {
      if (label && cols.group === undefined && cols.group1 === undefined && !userSumKind(label)) group = label;
      out.push({ row: r + 1, label, typeCell: undefined, typeText: '', groups: [], raw, blank: true });
      continue;
    }
    issues.push(...bad);
    for (const c of missing) {
      if (settings.blanks === 'zero') continue;
      issues.push(issue(sheet, cellAddress(r, c), 'tom cell där ett belopp behövs (skriv 0, eller välj att tomma celler räknas som 0)'));
    }
    for (const role of roles) raw[role] = fromInputUnit(raw[role] ?? new Dec(0), settings.inputUnit);
    const typeText = cols.type !== undefined ? cellText(cells[cols.type]) : '';
    const groups = cols.group1 !== undefined ? [group1, group2].filter(Boolean) : group ? [group] : [];
    if (!label) issues.push(issue(sheet, cellAddress(r, cols.label ?? 0), 'raden har belopp men ingen benämning'));
    out.push({ row: r + 1, label, typeCell: typeText ? typeFromTypCell(typeText) : undefined, typeText, groups, raw, blank: false });
  }
  return out;
}

/** The row's type from its Typ cell, account number or words; undefined when only the sign can tell. */
function explicitType(p: ParsedRow, kind: SourceKind, sheet: string, header: HeaderMap, issues: InputIssue[]): RowType | undefined {
  const typeCol = header.columns.type;
  if (p.typeCell === 'revenue' || p.typeCell === 'cost') return p.typeCell;
  if (p.typeCell === 'unknown' && typeCol !== undefined) {
    issues.push(issue(sheet, cellAddress(p.row - 1, typeCol), `"${p.typeText}" är ingen radtyp (skriv Intäkt eller Kostnad)`));
    return undefined;
  }
  const byAccount = typeFromAccount(p.label);
  if (byAccount === 'outside') {
    issues.push(issue(sheet, cellAddress(p.row - 1, header.columns.label ?? 0), `kontot i "${p.label}" hör inte till driftredovisningen (kontoklass 3–7)`));
    return undefined;
  }
  if (byAccount) return byAccount;
  if (kind !== 'drift') return 'cost';
  return typeFromLabel(p.label);
}

function firstAmount(raw: Partial<Record<AmountRole, Decimal>>): Decimal | undefined {
  for (const role of AMOUNT_ROLES) {
    const v = raw[role];
    if (v && !v.isZero()) return v;
  }
  return undefined;
}

/** Signed when typed cost rows (or, without types, any rows) carry negative budgets or forecasts. */
function detectConvention(rows: { type?: RowType; raw: Partial<Record<AmountRole, Decimal>> }[]): { convention: SignConvention; why: string } {
  let negCost = 0;
  let posCost = 0;
  let negAny = 0;
  for (const r of rows) {
    const v = r.raw.budgetHelar ?? r.raw.prognosHelar ?? firstAmount(r.raw);
    if (!v || v.isZero()) continue;
    if (v.isNegative()) negAny++;
    if (r.type === 'cost') v.isNegative() ? negCost++ : posCost++;
  }
  if (negCost + posCost > 0) {
    return negCost > posCost
      ? { convention: 'signed', why: 'kostnadsraderna har negativa belopp' }
      : { convention: 'unsigned', why: 'kostnadsraderna har positiva belopp' };
  }
  return negAny > 0 ? { convention: 'signed', why: 'negativa belopp förekommer' } : { convention: 'unsigned', why: 'alla belopp är positiva' };
}

export function conventionText(c: SignConvention): string {
  return c === 'signed' ? 'med tecken (kostnader negativa, intäkter positiva)' : 'utan tecken (radtypen anger intäkt eller kostnad)';
}

export function readSourceTable(sheet: string, grid: RawValue[][], header: HeaderMap, settings: TableSettings, kind = detectKind(header, sheet)): SourceTable {
  const issues: InputIssue[] = [];
  const parsed = parseRows(sheet, grid, header, settings, issues).filter((p) => !p.blank);
  const data = parsed.filter((p) => !userSumKind(p.label) && p.typeCell !== 'sum');
  const sums = parsed.filter((p) => userSumKind(p.label) || p.typeCell === 'sum');
  const typed = data.map((p) => ({ p, type: explicitType(p, kind, sheet, header, issues), raw: p.raw }));
  const detected = detectConvention(typed);
  const convention = settings.convention ?? detected.convention;
  const conventionNote = settings.convention
    ? `Beloppen läses ${conventionText(convention)}, enligt inställningen.`
    : `Beloppen antas vara ${conventionText(convention)}, eftersom ${detected.why}.`;
  const months = settings.months ?? header.months;
  const rows: SourceRow[] = [];
  const sheetRows: SheetRow[] = [];
  for (const { p, type: known } of typed) {
    let type = known;
    if (!type && convention === 'signed') {
      const v = p.raw.budgetHelar ?? firstAmount(p.raw);
      if (v) type = v.isNegative() ? 'cost' : 'revenue';
    }
    if (!type) {
      if (!issues.some((i) => i.cell && i.cell.endsWith(String(p.row)) && /radtyp|kontoklass/.test(i.message))) {
        issues.push(issue(sheet, cellAddress(p.row - 1, header.columns.label ?? 0), `kan inte avgöra om "${p.label}" är intäkt eller kostnad (lägg till en kolumn Typ)`));
      }
      continue;
    }
    const raw = kind === 'drift' ? withPeriodBudget(p.raw, months, settings) : p.raw;
    const amounts: Partial<Record<AmountRole, Decimal>> = {};
    for (const role of AMOUNT_ROLES) {
      const v = raw[role];
      if (v) amounts[role] = toSigned(v, type, convention);
    }
    rows.push({ row: p.row, label: p.label, type, groups: p.groups, amounts });
    sheetRows.push({ row: p.row, label: p.label, type, raw });
  }
  for (const p of sums) {
    const sum = userSumKind(p.label) ?? 'total';
    const type: RowType = sum === 'revenue' ? 'revenue' : kind === 'drift' || convention === 'unsigned' ? 'cost' : 'revenue';
    sheetRows.push({ row: p.row, label: p.label, type, raw: kind === 'drift' ? withPeriodBudget(p.raw, months, settings) : p.raw, sum });
  }
  sheetRows.sort((a, b) => a.row - b.row);
  if (kind === 'drift' && header.columns.utfallPeriod !== undefined && header.columns.budgetPeriod === undefined && header.columns.budgetHelar !== undefined && !months) {
    issues.push(issue(sheet, undefined, 'periodens längd är okänd: ange antal månader (--months) eller lägg till en kolumn Budget period'));
  }
  const derivedPeriodBudget = kind === 'drift' && header.columns.budgetPeriod === undefined && rows.some((r) => r.amounts.budgetPeriod !== undefined);
  return { sheet, kind, header, settings, months, convention, conventionNote, rows, sheetRows, issues, derivedPeriodBudget };
}

/** Adds the periodized budget when the sheet has none and the period length is known (drift only:
 * investment spending does not follow the calendar, so no period budget is invented for it). */
function withPeriodBudget(raw: Partial<Record<AmountRole, Decimal>>, months: number | undefined, settings: TableSettings): Partial<Record<AmountRole, Decimal>> {
  if (raw.budgetPeriod || !raw.budgetHelar || !months || raw.utfallPeriod === undefined) return raw;
  return { ...raw, budgetPeriod: periodBudget(raw.budgetHelar, months, settings.profile) };
}
