/**
 * The whole job on a workbook snapshot, without I/O: find the source tables, read them, build the
 * standard tables, flags and commentary stubs. Everything the adapters write comes from this model.
 */
import { commentStub } from '../core/commentary';
import { indicatorTable } from '../core/indicatorTable';
import { detectHeader } from '../core/roles';
import { detectKind, readSourceTable, type SourceTable } from '../core/source';
import { readLedger, isLedgerSheet, UNMAPPED_LABEL } from '../core/ledger';
import { countText, formatSwedish } from '../core/money';
import { DEVIATION_OF } from '../core/tableRows';
import { deviationPercent } from '../core/variance';
import { standardTables } from '../core/standardTables';
import { columnLetters } from '../core/address';
import type { AmountRole, TableSettings, CommentStub, DeviationRole, FlagLevel, HeaderMap, InputIssue, RawValue, Role, SignConvention, StandardTable, TableRow } from '../core/types';
import type { WorkbookData } from '../workbook/port';
import type { ForecastHistory } from '../core/history';
import { isOwnSheetName } from './ownSheets';
import { sheetSettings, type ReportSettings, type SheetKind, type SheetOverride } from './settings';
import { annualReading } from '../core/annual';
import { yardstickReading } from '../core/forecastYardstick';
import { actualsSettings, blocksNote, ignoredNotes, kindNote, resolveUnits } from '../core/assumptions';
import { findSheetUnit } from '../core/sheetUnit';
import { completeSheet, withDerivedColumns } from '../core/sheetCompute';
import { filledKey } from '../core/derivedColumns';
import { ownTotalCandidates, withoutCells } from '../core/ownTotals';

export { COMMENTS_NAME, COMMENTS_SHEET, isOurSheet, TABLES_NAME, TABLES_SHEET } from './ownSheets';
/** The error when a workbook has nothing to work on. */
export const NO_TABLES_ISSUE: InputIssue = { sheet: '', message: 'Hittade ingen flik med budget-, prognos- eller utfallskolumner i arbetsboken.', severity: 'error' };

/** Why a model has no tables: the sheets that have headers but no data rows, or that none has headers. */
export function noTablesIssues(model: ReportModel): InputIssue[] {
  const empty = model.detected.filter((d) => d.dataRows === 0);
  if (empty.length === 0) return [NO_TABLES_ISSUE];
  return empty.map((d) => ({ sheet: d.sheet, message: `fliken har rubriker (rad ${d.headerRow}) men inga datarader under dem`, severity: 'error' as const }));
}

/** What a comment is on: a deviation, or the change since the last forecast. */
export type CommentColumn = DeviationRole | 'forandringPrognos';

export interface ReportComment extends CommentStub {
  table: string;
  column: CommentColumn;
  level: FlagLevel;
  /** The deviation shown in the table (display unit), for the comments sheet. */
  row: TableRow;
  unit: StandardTable['unit'];
}

/** A source table as the pane shows it: where its header is and which column has which role. */
export interface DetectedTable {
  sheet: string;
  kind: SheetKind;
  /** 1-based row of the (bottom) header row. */
  headerRow: number;
  /** 1-based first data row. */
  firstDataRow: number;
  /** role → column letter. */
  columns: Partial<Record<Role, string>>;
  dataRows: number;
  convention?: SignConvention;
  conventionNote?: string;
  months?: number;
  /** True when the user's role mapping or header row overrides detection. */
  overridden: boolean;
  /** What the reader assumed about the layout, one Swedish sentence each (the kind, the unit, blocks …). */
  assumptions?: string[];
}

export interface ReportModel {
  detected: DetectedTable[];
  sources: SourceTable[];
  tables: StandardTable[];
  comments: ReportComment[];
  issues: InputIssue[];
  /** Information for the user: skipped sheets, assumed sign conventions. */
  notes: string[];
  /** The forecast history after this run (`yearSeries.ts`), when the run recorded or found one. */
  history?: ForecastHistory;
}

export function analyzeWorkbook(data: WorkbookData, settings: ReportSettings): ReportModel {
  const model: ReportModel = { detected: [], sources: [], tables: [], comments: [], issues: [], notes: [] };
  for (const sheet of data.sheets) {
    if (isOwnSheetName(sheet.name)) continue;
    const override = settings.sheets[sheet.name] ?? {};
    if (override.skip) continue;
    const detectedHeader = withOverrides(sheet.values, override);
    if (!detectedHeader) {
      model.notes.push(`Fliken ${sheet.name} har ingen igenkännbar rubrikrad och hoppas över.`);
      continue;
    }
    const units = resolveUnits(sheetSettings(settings, sheet.name), findSheetUnit(sheet.values, detectedHeader));
    const yardstick = yardstickReading(detectedHeader);
    const annual = annualReading(yardstick.header, units.settings.months, units.settings.annual, settings.year);
    const header = annual.header;
    const kind = override.kind ?? sheetKind(sheet.values, header, sheet.name);
    const actuals = actualsSettings(units.settings, header, kind);
    const tableSettings = actuals.settings;
    const detected: DetectedTable = {
      sheet: sheet.name,
      kind,
      headerRow: header.firstDataRow,
      firstDataRow: header.firstDataRow + 1,
      columns: columnLetterMap(header),
      dataRows: 0,
      overridden: !!(override.columns || override.headerRow),
    };
    model.detected.push(detected);
    if (kind === 'indikatorer') {
      const { table, issues } = indicatorTable(sheet.name, sheet.values, header, tableSettings.unit);
      detected.dataRows = table.rows.length;
      model.tables.push(table);
      model.issues.push(...issues);
      continue;
    }
    const src = readSheet(sheet.name, sheet.values, header, tableSettings, kind, settings, sheet.formulas);
    Object.assign(detected, { dataRows: src.ledger?.dataRows ?? src.rows.length, convention: src.convention, conventionNote: src.conventionNote, months: src.months });
    model.sources.push(src);
    model.issues.push(...src.issues);
    const assumed = [kind === 'huvudbok' ? undefined : kindNote(kind, header, !!override.kind), units.note, yardstick.note, annual.note, actuals.note, actuals.settings.convention !== units.settings.convention ? undefined : src.conventionNote, blocksNote(header), ...ignoredNotes(header), ...(src.notes ?? [])];
    for (const block of src.blocks ?? []) assumed.push(...(block.notes ?? []).map((n) => `${block.blockName}: ${n}`));
    for (const note of assumed) if (note) model.notes.push(`Fliken ${sheet.name}: ${capitalized(note)}`);
    detected.assumptions = assumed.filter((n): n is string => !!n && n !== src.conventionNote).map(capitalized);
    if (src.ledger) model.notes.push(ledgerNote(src));
    if (src.rows.length === 0 && src.issues.length === 0) {
      model.notes.push(`Fliken ${sheet.name} har rubriker men inga datarader.`);
      continue;
    }
    model.tables.push(...standardTables(src, { year: settings.year }));
  }
  disambiguateTitles(model.tables);
  model.comments = commentsFor(model.tables);
  return model;
}

/** The kind of a source sheet: a ledger extract, else what its header and labels say. */
export function sheetKind(values: RawValue[][], header: HeaderMap, sheet: string): SheetKind {
  return isLedgerSheet(values, header) ? 'huvudbok' : detectKind(header, sheet, values);
}

const capitalized = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/**
 * Reads a source sheet with what it computes itself: its derived columns (a net from its revenue and
 * cost columns, a budget from its parts) are read as figures, and the sum rows it leaves blank are
 * computed, to be filled with the avvikelse columns.
 */
function readSheet(sheet: string, values: RawValue[][], header: HeaderMap, tableSettings: TableSettings, kind: Exclude<SheetKind, 'indikatorer'>, settings: ReportSettings, formulas: ReadonlyMap<string, string> = new Map()): SourceTable {
  if (kind === 'huvudbok') return readSource(sheet, values, header, tableSettings, kind, settings);
  const read = (cells: RawValue[][]) => {
    const { grid, derived } = withDerivedColumns(cells, header);
    return completeSheet(readSource(sheet, grid, header, tableSettings, kind, settings), grid, derived, kind, tableSettings.headingTotals);
  };
  // heading totals an earlier run filled are read as the blanks they were, when this run fills them alike
  const own = tableSettings.headingTotals === false ? [] : ownTotalCandidates(values, formulas, header);
  if (own.length > 0) {
    const again = read(withoutCells(values, own));
    if (own.every((t) => again.filled?.get(filledKey(t.row, t.col))?.formula === t.formula)) return again;
  }
  return read(values);
}

/** Reads a source sheet of any kind but indicators: ledger extracts are aggregated by the account map. */
export function readSource(sheet: string, values: RawValue[][], header: HeaderMap, tableSettings: TableSettings, kind: Exclude<SheetKind, 'indikatorer'>, settings: ReportSettings): SourceTable {
  if (kind === 'huvudbok') return readLedger(sheet, values, header, tableSettings, settings.accounts, settings.activities);
  return readSourceTable(sheet, values, header, tableSettings, kind);
}

/** `Fliken Huvudbok: huvudboksutdrag med 1 000 000 rader, 212 konton och 40 verksamheter; …` */
export function ledgerNote(src: SourceTable): string {
  const l = src.ledger!;
  const parts = [`huvudboksutdrag med ${countText(l.dataRows, 'rad', 'rader')}, ${countText(l.accounts, 'konto', 'konton')} och ${countText(l.activities, 'verksamhet', 'verksamheter')}`];
  const total = (['utfallPeriod', 'budgetHelar', 'prognosHelar', 'budgetPeriod', 'utfallFgAr'] as AmountRole[]).find((r) => l.totals[r]);
  if (total && l.reconciled) parts.push(`tabellerna stämmer mot underlagets summor (t.ex. ${ROLE_TEXT[total]} ${formatSwedish(l.totals[total]!, 2)} kr)`);
  if (l.unmapped.length) parts.push(`${countText(l.unmapped.length, 'konto', 'konton')} saknas i kontoplanen och redovisas som "${UNMAPPED_LABEL}"`);
  if (l.blankCells) parts.push(`${countText(l.blankCells, 'tom beloppscell', 'tomma beloppsceller')} räknas som 0`);
  if (l.sumRows.length) parts.push(`${countText(l.sumRows.length, 'summarad', 'summarader')} räknas inte (rad ${l.sumRows.slice(0, 5).join(', ')}${l.sumRows.length > 5 ? ' …' : ''})`);
  return `Fliken ${src.sheet}: ${parts.join('; ')}.`;
}

const ROLE_TEXT: Record<AmountRole, string> = {
  budgetHelar: 'budget helår',
  prognosHelar: 'prognos helår',
  budgetPeriod: 'budget perioden',
  utfallPeriod: 'utfall perioden',
  utfallFgAr: 'utfall fg år',
  utfallFgAr2: 'utfall två år sedan',
};

/**
 * The header of a sheet: detected, then the user's overrides applied. A forced header row is read on
 * its own (with the row above as context); forced roles replace whatever the column had.
 */
export function withOverrides(values: RawValue[][], override: SheetOverride): HeaderMap | null {
  let header: HeaderMap | null;
  if (override.headerRow) {
    const bottom = override.headerRow - 1;
    const top = Math.max(0, bottom - 1);
    const local = detectHeader(values.slice(top, bottom + 1));
    const shift = (h: HeaderMap): HeaderMap => ({ ...h, firstHeaderRow: h.firstHeaderRow + top, firstDataRow: bottom + 1 });
    header = local && local.firstDataRow + top === bottom + 1 ? shift(local) : { firstHeaderRow: bottom, headerRows: 1, firstDataRow: bottom + 1, columns: {} };
  } else header = detectHeader(values);
  if (!override.columns) return header;
  header ??= { firstHeaderRow: 0, headerRows: 1, firstDataRow: 1, columns: {} };
  const columns = { ...header.columns };
  for (const [role, col] of Object.entries(override.columns) as [Role, number][]) {
    for (const [other, c] of Object.entries(columns) as [Role, number][]) if (c === col) delete columns[other];
    columns[role] = col;
  }
  if (columns.label === undefined && !Object.values(columns).includes(0)) columns.label = 0; // as the reader falls back to A
  return { ...header, columns };
}

function columnLetterMap(header: HeaderMap): Partial<Record<Role, string>> {
  const out: Partial<Record<Role, string>> = {};
  for (const [role, col] of Object.entries(header.columns) as [Role, number][]) out[role] = columnLetters(col);
  return out;
}

/** Two tables with the same title get the sheet name added: `Driftredovisning – Kultur`. */
function disambiguateTitles(tables: StandardTable[]): void {
  const count = new Map<string, number>();
  for (const t of tables) count.set(t.title, (count.get(t.title) ?? 0) + 1);
  for (const t of tables) if ((count.get(t.title) ?? 0) > 1) t.title = `${t.title} – ${t.sheet}`;
}

const ACTUAL_OF: Record<DeviationRole, AmountRole> = { avvikelseHelar: 'prognosHelar', avvikelsePeriod: 'utfallPeriod' };

/**
 * A stub for every row at the `comment` level (the three-year view and repeated totals excepted). The
 * full year comes first: the stub is on the full-year deviation whenever that is flagged, and names the
 * period's too when it is flagged as well; otherwise it is on the period's.
 */
export function commentsFor(tables: StandardTable[]): ReportComment[] {
  const out: ReportComment[] = [];
  for (const t of tables) {
    if (t.type === 'nettokostnadAr' || t.type === 'indikatorer') continue;
    for (const row of t.rows) {
      if (row.flag !== 'comment' || !row.flagColumn) continue;
      if (t.type === 'nettokostnad' && row.kind === 'sum') continue;
      const flagged = row.flags ?? [{ column: row.flagColumn }];
      const column = flagged.some((f) => f.column === 'avvikelseHelar') ? 'avvikelseHelar' : row.flagColumn;
      const dev = row.values[column];
      if (!dev) continue;
      const actual = row.values[ACTUAL_OF[column]] ?? undefined;
      const period = column === 'avvikelseHelar' && flagged.some((f) => f.column === 'avvikelsePeriod') ? row.values.avvikelsePeriod ?? undefined : undefined;
      const text = commentStub({
        label: row.label,
        kind: row.kind,
        tableType: t.type,
        column,
        deviationKr: dev,
        percent: row.values[DEVIATION_OF[column].pct] ?? percentOf(row, column),
        actualKr: actual ? actual.abs() : undefined,
        alsoPeriodKr: period,
        annual: t.annual,
        against: t.yardstick,
      });
      out.push({ sheet: t.sheet, label: row.label, text, table: t.title, column, level: 'comment', row, unit: t.unit });
    }
  }
  return out;
}

function percentOf(row: TableRow, column: DeviationRole) {
  const budget = row.values[DEVIATION_OF[column].budget];
  const dev = row.values[column];
  if (!budget || !dev) return null;
  return deviationPercent(dev, budget);
}
