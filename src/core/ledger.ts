/**
 * Ledger extracts (huvudboksutdrag): one row per account and activity, tens of thousands to a million
 * rows (`Konto | Ansvar | Budget … | Utfall …`). They are aggregated in one pass into cells of
 * (verksamhet, driftredovisning category) by the account map, with exact sums (`ExactSum`), and come out
 * as an ordinary drift `SourceTable` whose rows are those cells, so the standard tables are built the
 * same way as for a forecast sheet. Accounts the map does not cover are kept on their own rows
 * (`Ej mappade konton`) and listed; the column totals of the extract are summed independently and
 * checked against the cells, to the öre.
 */
import type Decimal from 'decimal.js';
import { accountLookup, accountNumber, activityFor, type AccountMap, type AccountRule, type ActivityMap } from './accountMap';
import { cellAddress, issue } from './address';
import { Dec } from './decimal';
import { ExactSums } from './exactSum';
import { countText, fromInputUnit } from './money';
import { amountReader } from './separatorStyle';
import { periodBudget } from './periodize';
import { firstWord, userSumKind } from './rowTypes';
import { conventionSentence, periodBudgetMissing, unknownPeriodIssue, type LedgerInfo, type SourceTable, type UnmappedAccount } from './sourceTable';
import { cellText } from './sourceRows';
import { toSigned } from './variance';
import { AMOUNT_ROLES, type AmountRole, type HeaderMap, type InputIssue, type RawValue, type RowType, type SignConvention, type SourceRow, type TableSettings } from './types';

export const UNMAPPED_LABEL = 'Ej mappade konton';
export const UNMAPPED_ACTIVITY = 'Ej mappad verksamhet';

export type { LedgerInfo, UnmappedAccount } from './sourceTable';

const ACCOUNT_WORDS = /^(konto|kontonr|kontonummer|kto|ktonr|account)$/;
const SAMPLE = 400;

/**
 * A ledger extract: the label column is headed `Konto` and holds account numbers, and accounts recur
 * (an extract has one row per account and activity) or there are many rows. A forecast sheet with one
 * row per account (`3010 Taxor`) stays a drift sheet: its rows are the table.
 */
export function isLedgerSheet(grid: RawValue[][], header: HeaderMap): boolean {
  if (!ACCOUNT_WORDS.test(firstWord(header.labelHeader))) return false;
  const label = header.columns.label ?? 0;
  let labelled = 0;
  let accounts = 0;
  const seen = new Set<string>();
  let repeats = 0;
  let rows = 0;
  for (let r = header.firstDataRow; r < grid.length; r++) {
    const v = grid[r]?.[label];
    if (v === null || v === undefined || v === '' || (typeof v === 'string' && userSumKind(v))) continue;
    rows++;
    if (labelled >= SAMPLE) {
      if (rows > 500) break; // enough seen: a sample of labels and more rows than a forecast sheet has
      continue;
    }
    labelled++;
    const a = accountNumber(v);
    if (a === undefined) continue;
    accounts++;
    if (seen.has(a)) repeats++;
    else seen.add(a);
  }
  return labelled > 0 && accounts >= labelled * 0.7 && (repeats > 0 || rows > 500);
}

/**
 * The column of the verksamheter: a column headed `Verksamhet` when the extract has one beside `Ansvar`
 * (an ansvar is finer than a verksamhet), else the header's grouping column.
 */
function activityColumn(grid: RawValue[][], header: HeaderMap): number | undefined {
  for (let r = header.firstHeaderRow; r < header.firstDataRow; r++) {
    const c = (grid[r] ?? []).findIndex((v) => typeof v === 'string' && /^verksamhet(er)?$/.test(firstWord(v)));
    if (c >= 0 && c !== header.columns.label) return c;
  }
  return header.columns.group;
}

interface Cell {
  activity: string;
  /** undefined = an unmapped account (one cell per activity and account). */
  rule?: AccountRule;
  account?: string;
  firstRow: number;
  rows: number;
  /** Its sums are `cellSums` at base + 0 … base + n − 1 (one per amount column). */
  base: number;
}

/** The type an unmapped account is read with in the unsigned convention: class 3 revenue, else cost. */
function classType(account: string): RowType {
  return account[0] === '3' ? 'revenue' : 'cost';
}

const MAX_ISSUES = 200;

export function readLedger(sheet: string, grid: RawValue[][], header: HeaderMap, settings: TableSettings, map: AccountMap, activityMap?: ActivityMap): SourceTable {
  const cols = header.columns;
  const labelCol = cols.label ?? 0;
  const groupCol = activityColumn(grid, header);
  const roles = AMOUNT_ROLES.filter((r) => cols[r] !== undefined);
  const roleCols = roles.map((r) => cols[r] as number);
  const n = roles.length;
  const lookup = accountLookup(map);
  const issues: InputIssue[] = [];
  const amounts = amountReader(sheet, grid, roleCols, header.firstDataRow, issues);
  let extraIssues = 0;
  const report = (r: number, c: number, message: string) => {
    if (issues.length < MAX_ISSUES) issues.push(issue(sheet, cellAddress(r, c), message));
    else extraIssues++;
  };
  // exact sums side by side: totals at 0 … n−1, cells at their base + column
  const totals = new ExactSums(n);
  const cellSums = new ExactSums(64 * n);
  const filled = new Array<boolean>(n).fill(false);
  const cells = new Map<string, Cell>();
  const activityNames = new Map<string, string>();
  const unmappedActivities = new Set<string>();
  const accounts = new Set<string>();
  const sumRows: number[] = [];
  let dataRows = 0;
  let blankCells = 0;
  let activityText = '';

  const activityOf = (text: string): string => {
    let name = activityNames.get(text);
    if (name === undefined) {
      if (!activityMap || text === '') name = text;
      else {
        name = activityFor(activityMap, text) ?? UNMAPPED_ACTIVITY;
        if (name === UNMAPPED_ACTIVITY) unmappedActivities.add(text);
      }
      activityNames.set(text, name);
    }
    return name;
  };

  for (let r = header.firstDataRow; r < grid.length; r++) {
    const row = grid[r];
    if (!row || row.length === 0) continue;
    const labelValue = row[labelCol];
    const account = accountNumber(labelValue);
    if (groupCol !== undefined) {
      const g = row[groupCol];
      if (g !== null && g !== undefined && g !== '') {
        const t = typeof g === 'string' ? g.trim() : cellText(g);
        if (t && !userSumKind(t)) activityText = t;
      }
    }
    if (account === undefined) {
      const text = cellText(labelValue);
      if (userSumKind(text) || (!text && groupCol !== undefined && userSumKind(cellText(row[groupCol])))) {
        sumRows.push(r + 1);
        continue;
      }
      if (!roleCols.some((c) => row[c] !== null && row[c] !== undefined && row[c] !== '')) continue; // a blank separator or a heading
      report(r, labelCol, text ? `"${text}" är inget kontonummer` : 'raden har belopp men inget konto');
      continue;
    }
    dataRows++;
    accounts.add(account);
    const activity = activityOf(activityText);
    const rule = lookup(account);
    const key = rule ? `${activity}\u0000${rule.index}` : `${activity}\u0000#${account}`;
    let cell = cells.get(key);
    if (!cell) {
      cell = { activity, rule, account: rule ? undefined : account, firstRow: r + 1, rows: 0, base: cells.size * n };
      cells.set(key, cell);
      cellSums.ensure(cells.size * n);
    }
    cell.rows++;
    const base = cell.base;
    for (let i = 0; i < n; i++) {
      const v = row[roleCols[i]];
      if (typeof v === 'number' && Number.isFinite(v)) {
        cellSums.addNumber(base + i, v);
        totals.addNumber(i, v);
        filled[i] = true;
        continue;
      }
      const parsed = amounts.parse(v, r, roleCols[i]);
      if (parsed.kind === 'amount') {
        cellSums.addDecimal(base + i, parsed.value);
        totals.addDecimal(i, parsed.value);
        filled[i] = true;
      } else if (parsed.kind === 'blank') blankCells++;
      else report(r, roleCols[i], parsed.message);
    }
  }
  if (extraIssues > 0) issues.push(issue(sheet, undefined, `och ${extraIssues} fel till av samma slag i fliken (de första ${MAX_ISSUES} visas)`));

  const kr = (sums: ExactSums, i: number) => fromInputUnit(sums.value(i), settings.inputUnit);
  const list = [...cells.values()];
  const detected = detectLedgerConvention(list, cellSums, n);
  const convention = settings.convention ?? detected.convention;
  const conventionNote = conventionSentence(settings, convention, detected.why);
  const months = settings.months ?? header.months;
  const derive = periodBudgetMissing(header) && !!months;

  // rows: verksamheter in natural order of their codes, categories in the map's order, unmapped last
  const collator = new Intl.Collator('sv', { numeric: true });
  list.sort((a, b) => collator.compare(a.activity, b.activity) || (a.rule?.index ?? Infinity) - (b.rule?.index ?? Infinity) || collator.compare(a.account ?? '', b.account ?? ''));
  const rows: SourceRow[] = [];
  const cellTotals = roles.map(() => new Dec(0) as Decimal);
  // accounts outside the map: their cells (one per verksamhet) added up per account, in the sheet's sign
  const unmapped = new Map<string, UnmappedAccount>();
  for (const cell of list) {
    const type = cell.rule?.type ?? classType(cell.account as string);
    const amounts: Partial<Record<AmountRole, Decimal>> = {};
    let missing: UnmappedAccount | undefined;
    if (!cell.rule) {
      const account = cell.account as string;
      missing = unmapped.get(account) ?? { account, rows: 0, firstRow: cell.firstRow, amounts: {} };
      missing.rows += cell.rows;
      missing.firstRow = Math.min(missing.firstRow, cell.firstRow);
      unmapped.set(account, missing);
    }
    for (let i = 0; i < n; i++) {
      const raw = kr(cellSums, cell.base + i);
      cellTotals[i] = cellTotals[i].plus(raw);
      if (filled[i]) amounts[roles[i]] = toSigned(raw, type, convention);
      if (missing) missing.amounts[roles[i]] = (missing.amounts[roles[i]] ?? new Dec(0)).plus(raw);
    }
    if (derive && amounts.budgetHelar) amounts.budgetPeriod = periodBudget(amounts.budgetHelar, months as number, settings.profile);
    const source: SourceRow = { row: cell.firstRow, label: cell.rule?.category ?? UNMAPPED_LABEL, type: cell.rule ? type : 'cost', groups: cell.activity ? [cell.activity] : [], amounts };
    if (!cell.rule) source.unmapped = true;
    rows.push(source);
  }

  const totalsKr: LedgerInfo['totals'] = {};
  let reconciled = true;
  roles.forEach((role, i) => {
    totalsKr[role] = kr(totals, i);
    if (!totalsKr[role]!.eq(cellTotals[i])) reconciled = false;
  });
  if (!reconciled) issues.push(issue(sheet, undefined, 'internt fel: tabellens summor stämmer inte mot underlaget; ingenting skrivs'));
  const unmappedList = [...unmapped.values()].sort((a, b) => collator.compare(a.account, b.account));
  for (const u of unmappedList) {
    issues.push(issue(sheet, cellAddress(u.firstRow - 1, labelCol), `konto ${u.account} (${countText(u.rows, 'rad', 'rader')}) finns inte i kontoplanen och redovisas på raden "${UNMAPPED_LABEL}"`, 'warning'));
  }
  if (unmappedActivities.size > 0) {
    const codes = [...unmappedActivities].sort(collator.compare);
    issues.push(issue(sheet, undefined, `${codes.length} ansvar/verksamheter finns inte i verksamhetskartan och redovisas som "${UNMAPPED_ACTIVITY}": ${codes.slice(0, 20).join(', ')}${codes.length > 20 ? ' …' : ''}`, 'warning'));
  }
  if (dataRows === 0 && issues.length === 0) issues.push(issue(sheet, undefined, 'huvudboksutdraget har inga rader med konto'));

  const presentRoles = new Set(roles.filter((_, i) => filled[i]));
  if (derive && presentRoles.has('budgetHelar') && presentRoles.has('utfallPeriod')) presentRoles.add('budgetPeriod');
  if (periodBudgetMissing(header) && !months) issues.push(unknownPeriodIssue(sheet));
  const ledger: LedgerInfo = {
    dataRows,
    accounts: accounts.size,
    activities: new Set(list.map((c) => c.activity)).size,
    blankCells,
    unmapped: unmappedList,
    unmappedActivities: [...unmappedActivities],
    totals: totalsKr,
    reconciled,
    sumRows,
  };
  return {
    sheet,
    kind: 'drift',
    header,
    settings,
    months,
    convention,
    conventionNote,
    rows,
    sheetRows: [],
    issues,
    derivedPeriodBudget: derive && presentRoles.has('budgetPeriod'),
    presentRoles,
    categoryOrder: map.categories.map((c) => c.name),
    ledger,
  };
}

/**
 * Signed when the cost cells are mostly negative; the ledger's own signs (debet +, kredit −) when costs
 * are positive and revenue negative; unsigned when both are positive. Judged on the first amount column.
 */
function detectLedgerConvention(cells: Cell[], sums: ExactSums, n: number): { convention: SignConvention; why: string } {
  let costPos = 0;
  let costNeg = 0;
  let revPos = 0;
  let revNeg = 0;
  for (const cell of cells) {
    if (!cell.rule) continue;
    let v: Decimal | undefined;
    for (let i = 0; i < n && (!v || v.isZero()); i++) v = sums.value(cell.base + i);
    if (!v || v.isZero()) continue;
    if (cell.rule.type === 'cost') v.isNegative() ? costNeg++ : costPos++;
    else v.isNegative() ? revNeg++ : revPos++;
  }
  if (costNeg > costPos) return { convention: 'signed', why: 'kostnadskontona har negativa belopp' };
  if (revNeg > revPos) return { convention: 'ledger', why: 'kostnadskontona har positiva och intäktskontona negativa belopp' };
  return { convention: 'unsigned', why: costPos + revPos > 0 ? 'alla konton har positiva belopp' : 'inga belopp visar tecknet' };
}
