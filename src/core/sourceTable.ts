/**
 * What a source table is once read: the shared shape of forecast sheets and ledger extracts, and the
 * sentences both readers print. A module below `source.ts` and `ledger.ts`, so neither imports the other.
 */
import type Decimal from 'decimal.js';
import { issue } from './address';
import type { FilledCells } from './derivedColumns';
import type { UserSumKind } from './rowTypes';
import type { AmountRole, HeaderMap, InputIssue, RowType, SignConvention, SourceRow, TableSettings } from './types';

/**
 * `drift`: an operating account by category (revenue and cost rows); `nettokostnad`: one net cost per
 * verksamhet; `resultatrakning`: an income statement with running subtotals; `investeringar`,
 * `balansrakning`: a balance sheet, read as it stands; `portfolj`: signed project lists; `indikatorer`:
 * measured values against targets.
 */
export type SourceKind = 'drift' | 'nettokostnad' | 'resultatrakning' | 'balansrakning' | 'investeringar' | 'portfolj' | 'indikatorer';

/** A row as it stands in the sheet (sheet units, sheet sign): what the avvikelse formulas work on. */
export interface SheetRow {
  row: number;
  label: string;
  /** Leading spaces of the label as written. */
  indent?: number;
  /** Direction of the avvikelse formula in the unsigned convention. */
  type: RowType;
  raw: Partial<Record<AmountRole, Decimal>>;
  sum?: UserSumKind;
}

/** A row of the sheet without figures that still says something: a heading, or a sum left blank. */
export interface SheetMarker {
  /** 1-based row. */
  row: number;
  label: string;
  kind: 'heading' | 'sum';
  /** Leading spaces of the label as written. */
  indent?: number;
}

/** An account the map does not cover, with its rows and sums (kronor, the sheet's sign). */
export interface UnmappedAccount {
  account: string;
  rows: number;
  /** 1-based row of its first occurrence. */
  firstRow: number;
  amounts: Partial<Record<AmountRole, Decimal>>;
}

export interface LedgerInfo {
  /** Rows that carried an account (aggregated). */
  dataRows: number;
  /** Distinct accounts and verksamheter. */
  accounts: number;
  activities: number;
  /** Blank amount cells on account rows, counted as 0 (an extract leaves a cell blank when nothing is booked). */
  blankCells: number;
  unmapped: UnmappedAccount[];
  /** Activity codes the activity map does not cover (their rows go to `Ej mappad verksamhet`). */
  unmappedActivities: string[];
  /** Column totals of the extract, summed independently of the cells (kronor, the sheet's sign). */
  totals: Partial<Record<AmountRole, Decimal>>;
  /** True when the cells add up to the totals exactly (always, unless there is a bug). */
  reconciled: boolean;
  /** 1-based rows skipped as sum rows (`Summa`, `Totalt`). */
  sumRows: number[];
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
  /** Headings and blank sum rows, in sheet order (the running subtotals of an income statement). */
  markers?: SheetMarker[];
  issues: InputIssue[];
  /** True when the period budget is annual budget × share (the sheet has no period budget). */
  derivedPeriodBudget: boolean;
  /** Amount roles with input (a derived period budget included). */
  presentRoles: Set<AmountRole>;
  /** Row order of the driftredovisning categories (a ledger's account map); else first appearance. */
  categoryOrder?: string[];
  /** Set when the table was aggregated from a ledger extract. */
  ledger?: LedgerInfo;
  /** Swedish sentences on what was assumed about the layout (kind, unit, blocks, ignored columns). */
  notes?: string[];
  /** The other column blocks of the sheet (`Totalt sedan start` beside the year), each read on its own. */
  blocks?: SourceTable[];
  /** For a block: its name as the sheet gives it (`Projektet totalt`). */
  blockName?: string;
  /** Cells the sheet leaves empty that the table determines (computed columns, sum rows), to be filled. */
  filled?: FilledCells;
  /** Which labels the table's layout reads as sums (for rows left blank). */
  layoutSum?: (label: string) => UserSumKind | undefined;
}

/** The sentence saying which sign convention the amounts are read with, and why. */
export function conventionSentence(settings: TableSettings, convention: SignConvention, why: string, text: (c: SignConvention) => string = conventionText): string {
  return settings.convention ? `Beloppen läses ${text(convention)}, enligt inställningen.` : `Beloppen antas vara ${text(convention)}, eftersom ${why}.`;
}

export function conventionText(c: SignConvention): string {
  if (c === 'ledger') return 'med bokföringens tecken (debet positivt: kostnader positiva, intäkter negativa)';
  return c === 'signed' ? 'med tecken (kostnader negativa, intäkter positiva)' : 'utan tecken (radtypen anger intäkt eller kostnad)';
}

/** A sheet with utfall for the period and an annual budget, but no period budget: one is derived. */
export function periodBudgetMissing(header: HeaderMap): boolean {
  const c = header.columns;
  return c.utfallPeriod !== undefined && c.budgetPeriod === undefined && c.budgetHelar !== undefined;
}

/** The error when a period budget must be derived but the period's length is not known. */
export function unknownPeriodIssue(sheet: string): InputIssue {
  return issue(sheet, undefined, 'periodens längd är okänd: ange antal månader (--months) eller lägg till en kolumn Budget period');
}
