/**
 * The settings as a workbook stores them and as `--config` writes them: plain JSON, the port's
 * vocabulary (the adapters load and save it), built into the engine's settings by `report/settings.ts`.
 */
import type { AccountRuleInput } from '../core/accountMap';

/** A setting as written in JSON or on the command line (numbers may be Swedish text). */
export interface SettingsInput {
  /** `kr`, `tkr` or `mnkr`: the unit of the sheets' figures (else what the sheet says, else kr). */
  inputUnit?: string;
  unit?: string;
  months?: number | string;
  profile?: (number | string)[];
  signed?: boolean;
  convention?: string;
  blankAsZero?: boolean;
  thresholdAmount?: number | string;
  thresholdPercent?: number | string;
  observeAmount?: number | string;
  observePercent?: number | string;
  kind?: string;
  skip?: boolean;
  /** false: derive no period budget from the annual one (projects whose spending does not follow the calendar). Per sheet or for all. */
  periodBudget?: boolean;
  /** true / false: the utfall of an annual-looking table is (not) the whole year's. Per sheet or for all. */
  annual?: boolean;
  /** true / false: headings (do not) carry their group's totals; default: when the sheet has no sum rows. Per sheet or for all. */
  headingTotals?: boolean;
  /** true / false: charts (not) drawn for the tables; default: on for drift, nettokostnad and investeringar, off for indikatorer. Per sheet or for all. */
  charts?: boolean;
  /** Role → column letter, overriding header detection (`{ "budgetHelar": "C" }`). Per sheet. */
  columns?: Record<string, string>;
  /** 1-based row of the (bottom) header row, when detection must be overridden. Per sheet. */
  headerRow?: number;
  /** Per-sheet overrides (top level only). */
  sheets?: Record<string, SettingsInput>;
  /** Report year (top level only). */
  year?: number;
  /** The account map of ledger extracts (top level only); the Kommun-Bas default when left out. */
  kontoplan?: AccountRuleInput[];
  /** Activity code → verksamhet for ledger extracts (top level only), e.g. `{ "41": "Grundskola" }`. */
  verksamheter?: Record<string, string>;
}

