/**
 * Reads the data rows of one recognised source table into signed kronor, collecting every bad cell
 * (not just the first) as a Swedish message with its address. The same steps for every kind of table;
 * what differs (row types, sums, the sign convention) is asked of its layout (`layouts/`).
 */
import type Decimal from 'decimal.js';
import { cellAddress, columnLetters, issue } from './address';
import { ROW_REF, viewOf, type LinkedRow, type RowRef } from './amountStore';
import { layoutOf, type Layout } from './layouts';
import { contradictsNetCosts } from './layouts/netCost';
import { parseAmountCell } from './money';
import { periodShare } from './periodize';
import { cellText, parseRows, type ParsedRow } from './sourceRows';
import { conventionSentence, conventionText, periodBudgetMissing, unknownPeriodIssue, type SheetRow, type SourceKind, type SourceTable } from './sourceTable';
import { detectKind } from './tableKind';
import { takeTotalsAbove } from './totalsAbove';
import { AMOUNT_ROLES, type AmountRole, type HeaderMap, type InputIssue, type RawValue, type RowType, type SignConvention, type SourceRow, type TableSettings } from './types';
import { negatedWhenSigned } from './variance';

export type { SheetRow, SourceKind, SourceTable } from './sourceTable';
export { conventionSentence, conventionText, periodBudgetMissing, unknownPeriodIssue } from './sourceTable';
export { detectKind } from './tableKind';
export { cellText };

type Amounts = Partial<Record<AmountRole, Decimal>>;
/** A data row and the type it is known to have; its amounts are the parsed row's (a view made when read). */
class Typed {
  constructor(
    readonly p: ParsedRow,
    readonly type: RowType | undefined,
  ) {}

  get raw(): Amounts {
    return this.p.raw;
  }

  /** The reference of the parsed view `raw` makes (signs are counted through it, no view made). */
  get parsedRef(): RowRef {
    return this.p.ref;
  }
}

export interface ReadOptions {
  /** 0-based rows with figures in some column block (a row blank in this block is absent here, not a heading). */
  dataElsewhere?: ReadonlySet<number>;
  /** The block's name when this is a further column block of the sheet. */
  blockName?: string;
}

/** Where the words of a net-cost table's convention differ from the category wording. */
function netCostText(c: SignConvention): string {
  return c === 'signed' ? 'med tecken (nettokostnader negativa)' : 'utan tecken (nettokostnader positiva)';
}

/**
 * The convention, and the sentence that says so. A net-cost table whose figures all contradict a
 * convention set for the whole workbook is read by its figures (it says so): a verksamhet's net cost is
 * never revenue, and the other reading would turn every overrun into a favourable deviation. A
 * convention set for this very sheet is obeyed.
 */
function chooseConvention(kind: SourceKind, layout: Layout, settings: TableSettings, typed: Typed[]): { convention: SignConvention; note: string } {
  const detected = layout.detectConvention(typed);
  const text = kind === 'nettokostnad' ? netCostText : conventionText;
  const forced = settings.convention;
  if (forced && kind === 'nettokostnad' && settings.given?.convention !== 'sheet' && contradictsNetCosts(typed, forced)) {
    const setting = forced === 'signed' ? 'med tecken' : forced === 'unsigned' ? 'utan tecken' : 'med bokföringens tecken';
    return {
      convention: detected.convention,
      note: `Beloppen läses ${text(detected.convention)}, eftersom ${detected.why}: inställningen ${setting} gäller inte här, där varje överskridelse annars skulle bli en positiv avvikelse (ange tecken för just den här fliken för att ändå läsa den så).`,
    };
  }
  const convention = forced ?? detected.convention;
  return { convention, note: conventionSentence(settings, convention, detected.why, text) };
}

/** The periodized budget when the sheet has none and the period length is known (`derive`: periodBudget). */
function periodBudgetOf(raw: Amounts, months: number | undefined, settings: TableSettings, derive: (budgetHelar: Decimal) => Decimal): Decimal | undefined {
  if (raw.budgetPeriod || !raw.budgetHelar || !months || raw.utfallPeriod === undefined || settings.periodBudget === false) return undefined;
  return derive(raw.budgetHelar);
}

/** `periodBudget(budgetHelar, months, profile)` with the period's share worked out once, on first use. */
function periodBudgetWith(months: number, profile: TableSettings['profile']): (budgetHelar: Decimal) => Decimal {
  let share: Decimal | undefined;
  return (budgetHelar) => budgetHelar.times((share ??= periodShare(months, profile)));
}

/** Kinds whose period avvikelse needs a period budget: an unknown period length is an error there. */
const NEEDS_PERIOD: readonly SourceKind[] = ['drift', 'nettokostnad', 'resultatrakning'];

export function readSourceTable(sheet: string, grid: RawValue[][], header: HeaderMap, settings: TableSettings, kind = detectKind(header, sheet, grid), options: ReadOptions = {}): SourceTable {
  const layout = layoutOf(kind);
  const issues: InputIssue[] = [];
  const notes: string[] = [];
  const dataElsewhere = options.dataElsewhere ?? (header.blocks ? rowsWithFigures(grid, header) : undefined);
  const parsed = parseRows(sheet, grid, header, settings, { sumKind: layout.sumKind, accounts: layout.accounts, dataElsewhere }, issues);
  const isSum = (p: ParsedRow) => !!layout.sumKind(p.label) || p.typeCell === 'sum';
  const data: ParsedRow[] = [];
  const sums: ParsedRow[] = [];
  for (const p of parsed.rows) (isSum(p) ? sums : data).push(p);
  const roles = AMOUNT_ROLES.filter((r) => header.columns[r] !== undefined);
  const above = kind === 'resultatrakning' ? [] : takeTotalsAbove(data, roles, parsed.decimals, settings.inputUnit).totals;
  if (above.length > 0) notes.push(`${rowList(above.map((p) => p.row))} ${above.length === 1 ? 'bär summan' : 'bär summorna'} av raderna under ${above.length === 1 ? 'sig' : 'dem'} och räknas inte en gång till.`);
  if (parsed.absent.length > 0) notes.push(`${rowList(parsed.absent)} saknar belopp i kolumnerna ${blockColumns(header)} och ingår inte där.`);
  const context = { sheet, header, issues };
  const typed: Typed[] = data.filter((p) => !above.includes(p)).map((p) => new Typed(p, layout.knownType(p, context)));
  const { convention, note: conventionNote } = chooseConvention(kind, layout, settings, typed);
  const months = header.annual ? 12 : options.blockName ? header.months : settings.months ?? header.months;
  const { store } = parsed;
  // every row read has each column's amount (0 for a blank): with a period budget column none is derived
  const mayDerive = header.columns.budgetPeriod === undefined;
  const derive = periodBudgetWith(months ?? 12, settings.profile);
  if (mayDerive && months) store.remakeDerivedWith(derive);
  /** The row's amounts as in the sheet (a derived period budget added) and signed, over one reference. */
  const views = (p: ParsedRow, negated: boolean) => {
    const derived = mayDerive ? periodBudgetOf(p.raw, months, settings, derive) : undefined;
    if (derived) store.setDerivedPeriod(p.ref.i, derived);
    if (negated) store.setNegated(p.ref.i);
    return { ref: p.ref, sheet: viewOf(p.ref, 'sheet'), signed: viewOf(p.ref, 'signed') };
  };
  const reported = new Set(issues.map((i) => i.cell));
  const rows: SourceRow[] = [];
  const sheetRows: SheetRow[] = [];
  for (const { p, type: known } of typed) {
    const type = known ?? layout.resolveType(convention, p.raw);
    if (!type) {
      const typeCell = header.columns.type !== undefined ? cellAddress(p.row - 1, header.columns.type) : undefined;
      const labelCell = cellAddress(p.row - 1, header.columns.label ?? 0);
      if (!reported.has(typeCell) && !reported.has(labelCell)) issues.push(issue(sheet, labelCell, `kan inte avgöra om "${p.label}" är intäkt eller kostnad (lägg till en kolumn Typ)`));
      continue;
    }
    const { ref, sheet: raw, signed: amounts } = views(p, negatedWhenSigned(type, convention));
    const row: SourceRow & LinkedRow = { row: p.row, label: p.label, type, groups: p.groups, amounts, [ROW_REF]: ref };
    const sheetRow: SheetRow & LinkedRow = { row: p.row, label: p.label, type, raw, indent: p.indent, [ROW_REF]: ref };
    rows.push(row);
    sheetRows.push(sheetRow);
  }
  for (const p of [...sums, ...above]) {
    const sum = layout.sumKind(p.label) ?? 'total';
    const { ref, sheet: raw } = views(p, false);
    const sheetRow: SheetRow & LinkedRow = { row: p.row, label: p.label, type: layout.sumType(sum, p.label, convention), raw, sum, indent: p.indent, [ROW_REF]: ref };
    sheetRows.push(sheetRow);
  }
  if (!inRowOrder(sheetRows)) sheetRows.sort((a, b) => a.row - b.row);
  if (NEEDS_PERIOD.includes(kind) && periodBudgetMissing(header) && !months && settings.periodBudget !== false) issues.push(unknownPeriodIssue(sheet));
  const presentRoles = new Set(parsed.filledRoles);
  const derivedPeriodBudget = header.columns.budgetPeriod === undefined && rows.some((r) => r.amounts.budgetPeriod !== undefined);
  if (derivedPeriodBudget) presentRoles.add('budgetPeriod');
  const src: SourceTable = { sheet, kind, header, settings, months, convention, conventionNote, rows, sheetRows, issues, derivedPeriodBudget, presentRoles, markers: parsed.markers, notes, layoutSum: layout.sumKind };
  if (options.blockName) src.blockName = options.blockName;
  if (header.blocks && !options.blockName) src.blocks = readBlocks(sheet, grid, header, settings, kind, dataElsewhere);
  return src;
}

/**
 * Each further column block of the sheet, read on its own with the same labels. A block is not the
 * calendar's (a project's totals since its start): no period budget is derived for it.
 */
function readBlocks(sheet: string, grid: RawValue[][], header: HeaderMap, settings: TableSettings, kind: SourceKind, dataElsewhere?: ReadonlySet<number>): SourceTable[] {
  const { label, type, group, group1, group2 } = header.columns;
  const text = Object.fromEntries(Object.entries({ label, type, group, group1, group2 }).filter(([, c]) => c !== undefined));
  return (header.blocks ?? []).filter((block) => !block.koncern).map((block) => {
    const annual = header.annual && block.columns.budgetPeriod !== undefined && block.columns.budgetHelar === undefined;
    const own: HeaderMap = { ...header, columns: { ...text, ...block.columns }, blocks: undefined, annual: annual || undefined, months: annual ? 12 : undefined };
    return readSourceTable(sheet, grid, own, { ...settings, periodBudget: false }, kind, { dataElsewhere, blockName: block.name });
  });
}

/** 0-based rows with a figure in any amount column of any block. */
function rowsWithFigures(grid: RawValue[][], header: HeaderMap): Set<number> {
  const cols = [header.columns, ...(header.blocks ?? []).filter((b) => !b.koncern).map((b) => b.columns)].flatMap((m) => AMOUNT_ROLES.map((r) => m[r]).filter((c): c is number => c !== undefined));
  const rows = new Set<number>();
  for (let r = header.firstDataRow; r < grid.length; r++) {
    if (cols.some((c) => parseAmountCell(grid[r]?.[c]).kind === 'amount')) rows.add(r);
  }
  return rows;
}

/** Whether the rows are in sheet order already (a stable sort would leave them as they are). */
function inRowOrder(rows: readonly SheetRow[]): boolean {
  for (let i = 1; i < rows.length; i++) if (rows[i - 1].row > rows[i].row) return false;
  return true;
}

/** `Rad 5` / `Raderna 5, 9 och 12`. */
function rowList(rows: number[]): string {
  if (rows.length === 1) return `Rad ${rows[0]}`;
  const shown = rows.slice(0, 8);
  return `Raderna ${shown.slice(0, -1).join(', ')} och ${shown[shown.length - 1]}${rows.length > 8 ? ' m.fl.' : ''}`;
}

/** `C–F`: the letters of a header's amount columns. */
function blockColumns(header: HeaderMap): string {
  const cols = AMOUNT_ROLES.map((r) => header.columns[r]).filter((c): c is number => c !== undefined);
  if (cols.length === 0) return '';
  const lo = columnLetters(Math.min(...cols));
  const hi = columnLetters(Math.max(...cols));
  return lo === hi ? lo : `${lo}–${hi}`;
}
