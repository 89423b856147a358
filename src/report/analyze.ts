/**
 * The whole job on a workbook snapshot, without I/O: find the source tables, read them, build the
 * standard tables, flags and commentary stubs. Everything the adapters write comes from this model.
 */
import { commentStub } from '../core/commentary';
import { indicatorTable } from '../core/indicatorTable';
import { detectHeader } from '../core/roles';
import { detectKind, readSourceTable, type SourceTable } from '../core/source';
import { DEVIATION_OF } from '../core/tableRows';
import { standardTables } from '../core/tables';
import type { AmountRole, CommentStub, DeviationRole, FlagLevel, InputIssue, StandardTable, TableRow } from '../core/types';
import type { WorkbookData } from '../workbook/port';
import { sheetSettings, type ReportSettings } from './settings';

export const TABLES_SHEET = 'Avvikelsetabeller';
export const COMMENTS_SHEET = 'Kommentarer';
/** Defined names that mark our own output sheets. */
export const TABLES_NAME = 'Avvikelse_Tabeller';
export const COMMENTS_NAME = 'Avvikelse_Kommentarer';

export interface ReportComment extends CommentStub {
  table: string;
  column: DeviationRole;
  level: FlagLevel;
  /** The deviation shown in the table (display unit), for the comments sheet. */
  row: TableRow;
  unit: StandardTable['unit'];
}

export interface ReportModel {
  sources: SourceTable[];
  tables: StandardTable[];
  comments: ReportComment[];
  issues: InputIssue[];
  /** Information for the user: skipped sheets, assumed sign conventions. */
  notes: string[];
}

/** Sheets that are our output (named by a defined name we wrote, or by our sheet names). */
export function isOurSheet(data: WorkbookData, sheet: string): boolean {
  const refersTo = (name: string) => (data.names[name] ?? '').replace(/^'|'?!.*$/g, '').replace(/''/g, "'");
  return refersTo(TABLES_NAME) === sheet || refersTo(COMMENTS_NAME) === sheet;
}

export function analyzeWorkbook(data: WorkbookData, settings: ReportSettings): ReportModel {
  const model: ReportModel = { sources: [], tables: [], comments: [], issues: [], notes: [] };
  for (const sheet of data.sheets) {
    if (isOurSheet(data, sheet.name) || sheet.name === TABLES_SHEET || sheet.name === COMMENTS_SHEET) continue;
    const override = settings.sheets[sheet.name] ?? {};
    if (override.skip) continue;
    const header = detectHeader(sheet.values);
    if (!header) {
      model.notes.push(`Fliken ${sheet.name} har ingen igenkännbar rubrikrad och hoppas över.`);
      continue;
    }
    const tableSettings = sheetSettings(settings, sheet.name);
    const kind = override.kind ?? detectKind(header, sheet.name);
    if (kind === 'indikatorer') {
      const { table, issues } = indicatorTable(sheet.name, sheet.values, header, tableSettings.unit);
      model.tables.push(table);
      model.issues.push(...issues);
      continue;
    }
    const src = readSourceTable(sheet.name, sheet.values, header, tableSettings, kind);
    model.sources.push(src);
    model.issues.push(...src.issues);
    model.notes.push(`Fliken ${sheet.name}: ${src.conventionNote}`);
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

/** Two tables with the same title get the sheet name added: `Driftredovisning – Kultur`. */
function disambiguateTitles(tables: StandardTable[]): void {
  const count = new Map<string, number>();
  for (const t of tables) count.set(t.title, (count.get(t.title) ?? 0) + 1);
  for (const t of tables) if ((count.get(t.title) ?? 0) > 1) t.title = `${t.title} – ${t.sheet}`;
}

const ACTUAL_OF: Record<DeviationRole, AmountRole> = { avvikelseHelar: 'prognosHelar', avvikelsePeriod: 'utfallPeriod' };

/** A stub for every row at the `comment` level (the three-year view and repeated totals excepted). */
export function commentsFor(tables: StandardTable[]): ReportComment[] {
  const out: ReportComment[] = [];
  for (const t of tables) {
    if (t.type === 'nettokostnadAr' || t.type === 'indikatorer') continue;
    for (const row of t.rows) {
      if (row.flag !== 'comment' || !row.flagColumn) continue;
      if (t.type === 'nettokostnad' && row.kind === 'sum') continue;
      const column = row.flagColumn;
      const dev = row.values[column];
      if (!dev) continue;
      const actual = row.values[ACTUAL_OF[column]] ?? undefined;
      const text = commentStub({
        label: row.label,
        kind: row.kind,
        tableType: t.type,
        column,
        deviationKr: dev,
        percent: row.values[DEVIATION_OF[column].pct] ?? percentOf(row, column),
        actualKr: actual ? actual.abs() : undefined,
      });
      out.push({ sheet: t.sheet, label: row.label, text, table: t.title, column, level: 'comment', row, unit: t.unit });
    }
  }
  return out;
}

function percentOf(row: TableRow, column: DeviationRole) {
  const budget = row.values[DEVIATION_OF[column].budget];
  const dev = row.values[column];
  if (!budget || !dev || budget.isZero()) return null;
  return dev.div(budget.abs()).times(100);
}
