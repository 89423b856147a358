/**
 * The audit's vocabulary. Public: `AuditFinding` (the `--json` contract), `AuditedTable`, `AuditResult`.
 * Internal: a table as printed (`TableModel` of `Line`s), its sums (`SumDef`) and the arithmetic it
 * must satisfy (`Constraint`).
 */
import type Decimal from 'decimal.js';
import type { StructureLine, SumDef, SumKind } from '../core/structure';
import type { AmountRole, DeviationRole, HeaderMap, PercentRole, SignConvention } from '../core/types';
import type { SourceKind } from '../core/sourceTable';

export type { SumDef, SumKind };

/** `error`: a figure that is wrong; `rounding`: a difference that rounding explains (*avrundningsdifferens*). */
export type FindingKind = 'error' | 'rounding';

/** One cell that disagrees with what the table's own figures say it should be. A contract: keep the shape. */
export interface AuditFinding {
  sheet: string;
  /** `D7`. */
  cell: string;
  /** The row's label (`Personal`). */
  label: string;
  /** A role id: `budgetHelar`, `avvikelseHelar`, `avvikelsePctPeriod` … */
  column: string;
  /** The figure as displayed (`-2482`, `40.6`). */
  found: number;
  /** What it should say, as displayed. */
  expected: number;
  kind: FindingKind;
  /** One Swedish sentence: what is wrong and why. */
  message: string;
}

/** A table the audit recognised and checked. */
export interface AuditedTable {
  sheet: string;
  /** From the header to the last row, e.g. `A3:H11`. */
  range: string;
  /** The text above the header (`Driftredovisning`), when there is one. */
  title?: string;
  /** `tkr`, `mnkr` or `kr` when stated; undefined when only the figures tell. */
  unit?: 'kr' | 'tkr' | 'mnkr';
  /** Decimals of the printed figures: 0 for tkr, 1 for mnkr. */
  decimals: number;
  convention: SignConvention;
  /** A Swedish sentence saying which sign convention was assumed and why. */
  conventionNote: string;
  /** Months of the period when the period budget was checked against even periodization. */
  evenPeriodMonths?: number;
  rows: number;
}

export interface AuditResult {
  tables: AuditedTable[];
  /** Ordered by sheet (workbook order), row, column. */
  findings: AuditFinding[];
}

export interface AuditOptions {
  /** Length of the period (1–12) when no header says it (`Perioden jan–aug` says 8). */
  months?: number;
}

/** A column of figures without a budget role (`Intäkter`, `Kostnader`, `Ingående resultat`): `kolumn E`. */
export type ExtraColumn = `kolumn ${string}`;

/** A column the audit reads figures from. */
export type ValueRole = AmountRole | DeviationRole | PercentRole | ExtraColumn;

export const isExtraColumn = (role: string): role is ExtraColumn => role.startsWith('kolumn ');

export interface Line extends StructureLine {
  /** 0-based sheet row. */
  row: number;
  /** Figures as displayed: amounts and deviations rounded to the table's decimals, percentages as read. */
  values: Partial<Record<ValueRole, Decimal>>;
  /** Cells holding text that is no number (`ca 300`, `#REF!`): no arithmetic uses them. */
  unreadable: Set<ValueRole>;
}

export interface TableModel {
  sheet: string;
  /** With absolute (sheet) row indexes. */
  header: HeaderMap;
  /** Value columns that hold at least one figure. */
  columns: Partial<Record<ValueRole, number>>;
  lines: Line[];
  unit?: 'kr' | 'tkr' | 'mnkr';
  decimals: number;
  /** One unit of the last decimal: 1 for tkr, 0.1 for mnkr. */
  step: Decimal;
  title?: string;
  /** 0-based sheet row of the last line. */
  lastRow: number;
  /** Label words and account numbers type the rows of an operating account, not of a project list. */
  drift: boolean;
  /** The kind of table its header and labels make it (a balance sheet's sums are read by its sections' names). */
  kind?: SourceKind;
  /** Sheet rows whose `varav` rows break them down completely (judged over every block of the table). */
  completeVarav?: Set<number>;
}

/** A cell in the arithmetic: `line:role`. */
export type CellKey = string;
export const cellKeyOf = (line: number, role: ValueRole): CellKey => `${line}:${role}`;
export function parseCellKey(key: CellKey): { line: number; role: ValueRole } {
  const [line, role] = key.split(':');
  return { line: Number(line), role: role as ValueRole };
}

/**
 * A linear rule the printed figures must satisfy: Σ coef × cell = 0 within `tol`. The first term is
 * the owner (coefficient 1): the deviation cell, the sum cell or the period budget cell.
 */
export interface Constraint {
  id: number;
  /** `row`: a column computed from others on its row (a net from revenue and costs, a budget from its parts). */
  kind: 'dev' | 'sum' | 'period' | 'row';
  terms: { key: CellKey; coef: Decimal }[];
  tol: Decimal;
  /** dev: the row's direction (+1: avvikelse = prognos − budget; −1: budget − prognos). */
  sign?: 1 | -1;
  /** sum: the sum it checks. */
  sum?: SumDef;
  /** period: months of the period. */
  months?: number;
  /** row: what the owner is (`nettot av intäkter och kostnader`). */
  what?: string;
}

export interface Convention {
  convention: SignConvention;
  note: string;
  /** Per line: +1 when avvikelse = prognos − budget, −1 when budget − prognos. */
  signs: (1 | -1)[];
  /** Per sum line: the coefficient of each term for amount columns (deviations always add with +1). */
  coefs: Map<SumDef, (1 | -1)[]>;
}
