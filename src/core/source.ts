/**
 * Reads the data rows of one recognised source table into signed kronor, collecting every bad cell
 * (not just the first) as a Swedish message with its address.
 */
import type Decimal from 'decimal.js';
import { cellAddress, issue } from './address';
import { periodBudget } from './periodize';
import { fold, labelsMayBeAccounts, typeFromAccount, typeFromLabel, userSumKind, type UserSumKind } from './rowTypes';
import { cellText, parseRows, type ParsedRow } from './sourceRows';
import { AMOUNT_ROLES, type AmountRole, type HeaderMap, type InputIssue, type RawValue, type RowType, type SignConvention, type SourceRow, type TableSettings } from './types';
import { toSigned } from './variance';
import type { LedgerInfo } from './ledger';

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
  /** Amount roles with input (a derived period budget included). */
  presentRoles: Set<AmountRole>;
  /** Row order of the driftredovisning categories (a ledger's account map); else first appearance. */
  categoryOrder?: string[];
  /** Set when the table was aggregated from a ledger extract. */
  ledger?: LedgerInfo;
}

export { cellText };

export function detectKind(header: HeaderMap, sheet: string): SourceKind {
  if (header.columns.target !== undefined || (header.yearColumns && Object.keys(header.yearColumns).length > 0)) return 'indikatorer';
  if (header.columns.group1 !== undefined) return 'portfolj';
  const label = fold(header.labelHeader ?? '');
  if (/projekt|investering/.test(label) || /invest/.test(fold(sheet))) return 'investeringar';
  return 'drift';
}

type Amounts = Partial<Record<AmountRole, Decimal>>;

/**
 * The row's type from its Typ cell, a Kommun-Bas account number (drift only: project numbers are not
 * accounts), words in the label, or a heading above it; undefined when only the sign can tell.
 */
function explicitType(p: ParsedRow, kind: SourceKind, sheet: string, header: HeaderMap, issues: InputIssue[]): RowType | undefined {
  const typeCol = header.columns.type;
  if (p.typeCell === 'revenue' || p.typeCell === 'cost') return p.typeCell;
  if (p.typeCell === 'unknown' && typeCol !== undefined) {
    issues.push(issue(sheet, cellAddress(p.row - 1, typeCol), `"${p.typeText}" är ingen radtyp (skriv Intäkt eller Kostnad)`));
    return undefined;
  }
  if (kind !== 'drift') return undefined;
  const byAccount = labelsMayBeAccounts(header.labelHeader) ? typeFromAccount(p.label) : undefined;
  if (byAccount === 'outside') {
    issues.push(issue(sheet, cellAddress(p.row - 1, header.columns.label ?? 0), `kontot i "${p.label}" hör inte till driftredovisningen (kontoklass 3–7)`));
    return undefined;
  }
  return byAccount ?? typeFromLabel(p.label) ?? p.typeHint;
}

/** The figure that shows a row's sign: the first non-zero of budget, prognos, then the others. */
function signFigure(raw: Amounts): Decimal | undefined {
  for (const role of ['budgetHelar', 'prognosHelar', ...AMOUNT_ROLES] as AmountRole[]) {
    const v = raw[role];
    if (v && !v.isZero()) return v;
  }
  return undefined;
}

/**
 * Drift: signed when most typed cost rows carry negative figures. Investments and portfolios (and
 * drift without types): signed as soon as any figure is negative — unsigned means every amount positive.
 */
function detectConvention(kind: SourceKind, rows: { type?: RowType; raw: Amounts }[]): { convention: SignConvention; why: string } {
  let negCost = 0;
  let posCost = 0;
  let negAny = 0;
  for (const r of rows) {
    const v = signFigure(r.raw);
    if (!v) continue;
    if (v.isNegative()) negAny++;
    if (r.type === 'cost') v.isNegative() ? negCost++ : posCost++;
  }
  if (kind === 'drift' && negCost + posCost > 0) {
    return negCost > posCost
      ? { convention: 'signed', why: 'kostnadsraderna har negativa belopp' }
      : { convention: 'unsigned', why: 'kostnadsraderna har positiva belopp' };
  }
  return negAny > 0 ? { convention: 'signed', why: 'negativa belopp förekommer' } : { convention: 'unsigned', why: 'alla belopp är positiva' };
}

/** Without a stated type: the sign tells in a signed sheet; unsigned investments are expenditure. */
function resolveType(known: RowType | undefined, kind: SourceKind, convention: SignConvention, raw: Amounts): RowType | undefined {
  if (known) return known;
  if (convention === 'signed') {
    const v = signFigure(raw);
    return v?.isNegative() ? 'cost' : 'revenue';
  }
  return kind === 'drift' ? undefined : 'cost';
}

export function readSourceTable(sheet: string, grid: RawValue[][], header: HeaderMap, settings: TableSettings, kind = detectKind(header, sheet)): SourceTable {
  const issues: InputIssue[] = [];
  const parsed = parseRows(sheet, grid, header, settings, kind === 'drift', issues);
  const isSum = (p: ParsedRow) => !!userSumKind(p.label) || p.typeCell === 'sum';
  const typed = parsed.rows.filter((p) => !isSum(p)).map((p) => ({ p, type: explicitType(p, kind, sheet, header, issues), raw: p.raw }));
  const detected = detectConvention(kind, typed);
  const convention = settings.convention ?? detected.convention;
  const conventionNote = conventionSentence(settings, convention, detected.why);
  const months = settings.months ?? header.months;
  const withPeriod = (raw: Amounts) => (kind === 'drift' ? withPeriodBudget(raw, months, settings) : raw);
  const reported = new Set(issues.map((i) => i.cell));
  const rows: SourceRow[] = [];
  const sheetRows: SheetRow[] = [];
  for (const { p, type: known } of typed) {
    const type = resolveType(known, kind, convention, p.raw);
    if (!type) {
      const typeCell = header.columns.type !== undefined ? cellAddress(p.row - 1, header.columns.type) : undefined;
      const labelCell = cellAddress(p.row - 1, header.columns.label ?? 0);
      if (!reported.has(typeCell) && !reported.has(labelCell)) {
        issues.push(issue(sheet, labelCell, `kan inte avgöra om "${p.label}" är intäkt eller kostnad (lägg till en kolumn Typ)`));
      }
      continue;
    }
    const raw = withPeriod(p.raw);
    const amounts: Amounts = {};
    for (const role of AMOUNT_ROLES) {
      const v = raw[role];
      if (v) amounts[role] = toSigned(v, type, convention);
    }
    rows.push({ row: p.row, label: p.label, type, groups: p.groups, amounts });
    sheetRows.push({ row: p.row, label: p.label, type, raw });
  }
  for (const p of parsed.rows.filter(isSum)) {
    const sum = userSumKind(p.label) ?? 'total';
    const type: RowType = sum === 'revenue' ? 'revenue' : kind === 'drift' || convention === 'unsigned' ? 'cost' : 'revenue';
    sheetRows.push({ row: p.row, label: p.label, type, raw: withPeriod(p.raw), sum });
  }
  sheetRows.sort((a, b) => a.row - b.row);
  if (kind === 'drift' && periodBudgetMissing(header) && !months) issues.push(unknownPeriodIssue(sheet));
  const presentRoles = new Set(parsed.filledRoles);
  const derivedPeriodBudget = kind === 'drift' && header.columns.budgetPeriod === undefined && rows.some((r) => r.amounts.budgetPeriod !== undefined);
  if (derivedPeriodBudget) presentRoles.add('budgetPeriod');
  return { sheet, kind, header, settings, months, convention, conventionNote, rows, sheetRows, issues, derivedPeriodBudget, presentRoles };
}

/** The sentence saying which sign convention the amounts are read with, and why. */
export function conventionSentence(settings: TableSettings, convention: SignConvention, why: string): string {
  return settings.convention
    ? `Beloppen läses ${conventionText(convention)}, enligt inställningen.`
    : `Beloppen antas vara ${conventionText(convention)}, eftersom ${why}.`;
}

/** A drift sheet with utfall for the period and an annual budget, but no period budget: one is derived. */
export function periodBudgetMissing(header: HeaderMap): boolean {
  const c = header.columns;
  return c.utfallPeriod !== undefined && c.budgetPeriod === undefined && c.budgetHelar !== undefined;
}

/** The error when a period budget must be derived but the period's length is not known. */
export function unknownPeriodIssue(sheet: string): InputIssue {
  return issue(sheet, undefined, 'periodens längd är okänd: ange antal månader (--months) eller lägg till en kolumn Budget period');
}

export function conventionText(c: SignConvention): string {
  if (c === 'ledger') return 'med bokföringens tecken (debet positivt: kostnader positiva, intäkter negativa)';
  return c === 'signed' ? 'med tecken (kostnader negativa, intäkter positiva)' : 'utan tecken (radtypen anger intäkt eller kostnad)';
}

/** Adds the periodized budget when the sheet has none and the period length is known (drift only:
 * investment spending does not follow the calendar, so no period budget is invented for it). */
function withPeriodBudget(raw: Partial<Record<AmountRole, Decimal>>, months: number | undefined, settings: TableSettings): Partial<Record<AmountRole, Decimal>> {
  if (raw.budgetPeriod || !raw.budgetHelar || !months || raw.utfallPeriod === undefined) return raw;
  return { ...raw, budgetPeriod: periodBudget(raw.budgetHelar, months, settings.profile) };
}
