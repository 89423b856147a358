/**
 * What kind of table a source sheet holds, from its header and its labels: indicators, a project
 * portfolio, investments, an income statement (resultaträkning), net cost per verksamhet, or an
 * operating account by category (drift).
 */
import { looksLikeBalanceSheet, looksLikeIncomeStatement } from './incomeStatement';
import { withoutNoteRef } from './labels';
import { fold, typeFromAccount, typeFromLabel, typeFromTypCell, userSumKind } from './rowTypes';
import { cellText } from './sourceRows';
import type { SourceKind } from './sourceTable';
import type { HeaderMap, RawValue } from './types';

/** Labels read to judge a table (a forecast sheet's rows; a ledger is told apart before this). */
const SAMPLE_ROWS = 300;

/** The data labels of the first rows under the header: not blank, not a sum. */
export function sampleLabels(grid: RawValue[][], header: HeaderMap): string[] {
  const col = header.columns.label ?? 0;
  const labels: string[] = [];
  for (let r = header.firstDataRow; r < grid.length && labels.length < SAMPLE_ROWS; r++) {
    const label = withoutNoteRef(cellText(grid[r]?.[col] ?? null));
    if (label) labels.push(label);
  }
  return labels;
}

/** Label headers that name organisation units, whose rows are net costs. */
const UNIT_HEADERS = /^(verksamhet|verksamheter|verksamhetsomrade|namnd|namnder|styrelse|ansvar|ansvarsomrade|enhet|forvaltning|omrade|sektor|kommun)$/;

/**
 * Net cost per verksamhet: no `Typ` column, few rows that the words type as revenue, and either a column
 * that names a net amount (`Nettokostnad`, `Kommunbidrag`, `Ram`) or a label column of organisation
 * units (`Verksamhet`, `Nämnd`) whose rows mostly have no revenue or cost words.
 */
export function isNetCostTable(header: HeaderMap, labels: string[], typeTexts: string[]): boolean {
  if (header.columns.type !== undefined && typeTexts.some((t) => /^(revenue|cost)$/.test(typeFromTypCell(t)))) return false;
  const data = labels.filter((l) => !userSumKind(l) && !/^(verksamhetens )?(intakter|kostnader|inkomster|utgifter)$/.test(fold(l)));
  if (data.length === 0) return false;
  const typed = data.map((l) => typeFromAccount(l) ?? typeFromLabel(l));
  // an activity's name may carry a revenue word (`Avgiftsfinansierad verksamhet`); a category list has many
  if (typed.some((t) => t === 'outside') || typed.filter((t) => t === 'revenue').length * 5 > data.length) return false;
  if (header.netWords) return true;
  const first = fold(header.labelHeader ?? '').split(/[^a-z0-9]+/).find((t) => t !== '') ?? '';
  if (first !== '' && !UNIT_HEADERS.test(first)) return false;
  const untyped = typed.filter((t) => t === undefined).length;
  return untyped * 2 > data.length;
}

/** The kind of a table from its header alone (indicators, portfolios, investments), else undefined. */
function kindFromHeader(header: HeaderMap, sheet: string): SourceKind | undefined {
  if (header.columns.target !== undefined || (header.yearColumns && Object.keys(header.yearColumns).length > 0)) return 'indikatorer';
  if (header.columns.group1 !== undefined) return 'portfolj';
  const label = fold(header.labelHeader ?? '');
  if (/projekt|investering/.test(label) || /invest/.test(fold(sheet))) return 'investeringar';
  return undefined;
}

/** The kind of a source table; without the grid, only what the header tells (drift by default). */
export function detectKind(header: HeaderMap, sheet: string, grid?: RawValue[][]): SourceKind {
  const byHeader = kindFromHeader(header, sheet);
  if (byHeader || !grid) return byHeader ?? 'drift';
  const labels = sampleLabels(grid, header);
  if (looksLikeIncomeStatement(labels)) return 'resultatrakning';
  if (looksLikeBalanceSheet(labels)) return 'balansrakning';
  // results per nämnd (`Resultat | Budgeterat resultat`, a bokslut against a forecast): never typed by words
  if (header.results || header.yardstick) return 'nettokostnad';
  const typeCol = header.columns.type;
  const typeTexts = typeCol === undefined ? [] : grid.slice(header.firstDataRow, header.firstDataRow + SAMPLE_ROWS).map((row) => cellText(row?.[typeCol] ?? null)).filter(Boolean);
  return isNetCostTable(header, labels, typeTexts) ? 'nettokostnad' : 'drift';
}
