/**
 * The shared vocabulary of the engine. Everything here is plain data: no Office.js, no DOM, no I/O.
 *
 * Internal convention for money: every amount is a `Decimal` in **kronor**, **signed**
 * (revenue / income positive, costs / expenditure negative), unrounded. Presentation (unit, rounding,
 * showing costs as positive numbers) happens only when a table cell is produced.
 */
import type Decimal from 'decimal.js';

/** What a spreadsheet cell can hold, as every adapter hands it to the engine. */
export type RawValue = null | undefined | number | string | boolean | Date | CellErrorValue;
/** An Excel error value such as `#N/A`, `#REF!`, `#DIV/0!`. */
export interface CellErrorValue {
  error: string;
  /** A Swedish explanation to show instead of the generic one (e.g. a formula without a value). */
  message?: string;
}

/** Amount columns read from a source sheet. */
export type AmountRole =
  | 'budgetHelar'
  | 'prognosHelar'
  | 'budgetPeriod'
  | 'utfallPeriod'
  | 'utfallFgAr'
  | 'utfallFgAr2';
/** Deviation columns: computed by us (and filled into the user's sheet when empty). */
export type DeviationRole = 'avvikelseHelar' | 'avvikelsePeriod';
/** Deviation in percent of |budget|. */
export type PercentRole = 'avvikelsePctHelar' | 'avvikelsePctPeriod';
/** Non-amount columns. `group1`/`group2` are the `Nivå 1`/`Nivå 2` columns of a nested portfolio. */
export type TextRole = 'label' | 'type' | 'group' | 'group1' | 'group2' | 'target';
export type Role = AmountRole | DeviationRole | PercentRole | TextRole;

export const AMOUNT_ROLES: readonly AmountRole[] = [
  'budgetHelar',
  'prognosHelar',
  'budgetPeriod',
  'utfallPeriod',
  'utfallFgAr',
  'utfallFgAr2',
];
export const DEVIATION_ROLES: readonly DeviationRole[] = ['avvikelseHelar', 'avvikelsePeriod'];

export type Unit = 'tkr' | 'mnkr';
export type InputUnit = 'kr' | 'tkr' | 'mnkr';
/**
 * `signed`: revenue positive, costs negative. `unsigned`: every amount positive, the row type says which.
 * `ledger`: the ledger's own signs (debet positive, kredit negative: costs positive, revenue negative).
 */
export type SignConvention = 'signed' | 'unsigned' | 'ledger';
export type RowType = 'revenue' | 'cost';
export type FlagLevel = 'observe' | 'comment';
export type Direction = 'positive' | 'negative';

/** A problem with the input, always tied to a sheet and (when known) a cell such as `E14`. */
export interface InputIssue {
  sheet: string;
  cell?: string;
  message: string;
  severity: 'error' | 'warning';
}

/** One threshold level: a deviation crosses it when |avvikelse| ≥ amountTkr OR |avvikelse %| ≥ percent. */
export interface ThresholdLevel {
  amountTkr?: Decimal;
  percent?: Decimal;
}
export interface Thresholds {
  observe: ThresholdLevel;
  comment: ThresholdLevel;
}

/** How blank amount cells are read: as an error (default) or as 0. */
export type BlankPolicy = 'error' | 'zero';

/** Settings for one source table (the CLI's options, possibly overridden per sheet). */
export interface TableSettings {
  inputUnit: InputUnit;
  unit: Unit;
  /** Length of the period in months (1–12); drives even periodization and the `jan–aug` title. */
  months?: number;
  /** Twelve monthly weights for profiled periodization (used instead of even periodization). */
  profile?: Decimal[];
  /** undefined = detect from the figures. */
  convention?: SignConvention;
  blanks: BlankPolicy;
  thresholds: Thresholds;
  /** false: no period budget is derived from the annual one (projects whose spending does not follow the calendar). */
  periodBudget?: boolean;
  /** true / false: the table's utfall is (not) the whole year's; undefined = decided from its columns and the months. */
  annual?: boolean;
  /** true / false: headings carry (do not carry) their group's totals; undefined = when the sheet has no sum rows. */
  headingTotals?: boolean;
  /** true / false: the table gets (no) charts; undefined = by its type (on for drift, nettokostnad, investeringar; off for indikatorer). */
  charts?: boolean;
  /** Where the unit and convention settings came from: the whole workbook's settings, or this sheet's. */
  given?: Partial<Record<'inputUnit' | 'unit' | 'convention' | 'blanks', 'global' | 'sheet'>>;
}

/** A further block of columns with roles of its own (a project's totals beside the year's figures). */
export interface ColumnBlock {
  /** The block's name as the sheet gives it (`Projektet totalt`), else its columns' headers. */
  name: string;
  /** role → 0-based column (amount, deviation and percent roles; labels come from the header). */
  columns: Partial<Record<Role, number>>;
  /** The group's figures (`Koncernen`, `Sammanställd redovisning`): audited, not read by the report. */
  koncern?: boolean;
  /** 0-based columns of the block, its columns without a role included. */
  from: number;
  to: number;
}

/** Revenue and cost columns and the net column they make (`Intäkter | Kostnader | Nettokostnad`). */
export interface ComponentColumns {
  revenue?: number;
  cost?: number;
  net?: number;
}

/** A column that adds up others on every row (`Resultat` of allocation, revenue and costs; `Balanskravsresultat`). */
export interface RowSum {
  total: number;
  /** The columns added; `cost` marks a cost column (subtracted where costs are shown positive). */
  parts: { column: number; cost?: boolean }[];
  /** What the total is, for messages (`resultatet av bidrag, intäkter och kostnader`). */
  what: string;
}

/** A column the header names but that is deliberately not read. */
export interface IgnoredColumn {
  /** 0-based column. */
  column: number;
  header: string;
  /** `note` (Not), `change` (Förändring % against last year), `consumed` (Förbrukat %), `koncern` (a Koncern block). */
  reason: 'note' | 'change' | 'consumed' | 'koncern';
}

/** A column role mapping found in a sheet's header (0-based row/column indexes). */
export interface HeaderMap {
  /** 0-based index of the first header row (the top row of a two-row header). */
  firstHeaderRow: number;
  /** 1 or 2. */
  headerRows: number;
  /** 0-based index of the first data row. */
  firstDataRow: number;
  /** role → 0-based column index. */
  columns: Partial<Record<Role, number>>;
  /** Period text found in the header, e.g. `jan–aug` (normalised with an en dash). */
  periodText?: string;
  /** Period length inferred from the header, e.g. 8 for `jan–aug`. */
  months?: number;
  /** For indicator tables: year → 0-based column index of that year's value. */
  yearColumns?: Record<string, number>;
  /** The header text of the label column (e.g. `Verksamhet`, `Projekt`). */
  labelHeader?: string;
  /** Further column blocks, each with its own roles; `columns` is the primary (this year's) block. */
  blocks?: ColumnBlock[];
  /** Columns not read, with why (`Not`, `Förändring %`, `Förbrukat %`, a `Koncern` block). */
  ignored?: IgnoredColumn[];
  /** The header's text over each column with a role or a measure word (top and own cell), by 0-based column. */
  texts?: Record<number, string>;
  /** True when a value column names a net amount (`Nettokostnad`, `Kommunbidrag`, `Ram`, `Nettobudget`). */
  netWords?: boolean;
  /** Revenue, cost and net columns that belong together (by measure and year). */
  components?: ComponentColumns[];
  /** Columns that add up others on every row (`rowSums.ts`). */
  rowSums?: RowSum[];
  /** `Urspr budget | Om-budget | Budget`: the parts and the budget they add up to. */
  budgetParts?: { parts: number[]; total: number };
  /** `Ingående resultat | Disposition | … | Årets resultat | Utgående resultat`: a nämnd's result carried between years. */
  resultFund?: { opening?: number; disposition?: number; result?: number; closing?: number };
  /** Set by the annual-table reading: the table's utfall is the whole year's (months = 12). */
  annual?: boolean;
  /** Set when the outcome is measured against a forecast, not a budget (`forecastYardstick.ts`). */
  yardstick?: 'prognos';
  /** The actuals and budget are a result (`Resultat`, `Budgeterat resultat`): a surplus positive. */
  results?: boolean;
}

/** One data row of a source sheet after parsing; amounts are signed kronor. */
export interface SourceRow {
  /** 1-based Excel row number. */
  row: number;
  label: string;
  type: RowType;
  /** Group path: `[Grupp]` or `[Nivå 1, Nivå 2]`; empty when ungrouped. */
  groups: string[];
  amounts: Partial<Record<AmountRole, Decimal>>;
  /** A ledger cell of accounts the account map does not cover (its own row in the driftredovisning). */
  unmapped?: boolean;
}

/** One deviation of a row that crosses a threshold. */
export interface RowFlag {
  column: DeviationRole;
  level: FlagLevel;
  direction: Direction;
}

/** A row of a standard table. `values` are unrounded, in kronor, already in display sign. */
export type RowKind = 'revenue' | 'cost' | 'item' | 'group' | 'sum' | 'net';
export interface TableRow {
  label: string;
  kind: RowKind;
  level: number;
  /** column id → unrounded value (kronor for amounts, percent for percent columns); null = shown as `–`. */
  values: Record<string, Decimal | null>;
  flag: FlagLevel | null;
  direction: Direction | null;
  /** Which deviation column raised the flag (the full year's when both reach the same level). */
  flagColumn?: DeviationRole;
  /** Every deviation of the row that crosses a threshold, the full year's first. */
  flags?: RowFlag[];
  /** Free text cells (indicator tables: target and assessment). */
  texts?: Record<string, string>;
  /** 1-based source rows aggregated into this row (for navigation). */
  sourceRows?: number[];
  /** Flags on columns outside the deviation columns (a forecast's change, a forecast's error), by column id. */
  cellFlags?: Record<string, { level: FlagLevel; direction: Direction }>;
}

export type TableType =
  | 'driftredovisning'
  | 'nettokostnad'
  | 'nettokostnadAr'
  | 'investeringar'
  | 'portfolj'
  | 'indikatorer'
  | 'resultatrakning'
  | 'balansrakning'
  | 'prognossakerhet';

/** A column of a standard table: its id (a role id, or e.g. `ar2026` for indicator years). */
export interface TableColumn {
  id: string;
  /** Top header (`Helår`, `Perioden jan–aug`, `Perioden fg år`), shared by adjacent columns. */
  group: string;
  /** Bottom header (`Budget`, `Prognos`, `Avvikelse`, `Utfall`, `Avvikelse %`). */
  title: string;
  format: 'amount' | 'percent' | 'number' | 'text';
}

export interface StandardTable {
  /** Source sheet name. */
  sheet: string;
  type: TableType;
  title: string;
  unit: Unit;
  /** First header cell, e.g. `Verksamhet, tkr`. */
  labelHeader: string;
  columns: TableColumn[];
  rows: TableRow[];
  /** Notes printed under the table (e.g. `Avrundningsdifferenser kan förekomma.`). */
  notes: string[];
  /** An annual table: its period columns are the whole year. */
  annual?: boolean;
  /** What the outcome is measured against when it is not the budget: a forecast (`forecastYardstick.ts`). */
  yardstick?: 'prognos';
}

export interface CommentStub {
  sheet: string;
  label: string;
  text: string;
}

/** Every column role, for validating a user's role mapping. */
export const ROLE_IDS: readonly Role[] = [
  ...AMOUNT_ROLES,
  ...DEVIATION_ROLES,
  'avvikelsePctHelar',
  'avvikelsePctPeriod',
  'label',
  'type',
  'group',
  'group1',
  'group2',
  'target',
];
