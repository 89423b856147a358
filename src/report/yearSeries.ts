/**
 * The year as a series, on top of one run's model: the forecast history recorded in the workbook
 * (and in a previous workbook, `--previous`), this run's period added to it, the change since the last
 * forecast beside the tables with a stub for each large movement, and the forecast accuracy once the
 * year's outcome is in.
 */
import { accuracyTable } from '../core/accuracy';
import { addForecastChange, CHANGE_COLUMN, changeStub } from '../core/forecastChange';
import { historyKeys, mergeHistory, periodLabel, periodOrder, previousForecast, snapshotOf, type ForecastHistory, type HistoryPeriod } from '../core/history';
import type { InputIssue, StandardTable } from '../core/types';
import type { WorkbookData } from '../workbook/port';
import { analyzeWorkbook, type ReportComment, type ReportModel } from './analyze';
import { readHistorySheet } from './historySheet';
import { findSheet, HISTORY_SHEET, isOurSheet } from './ownSheets';
import { sheetSettings, type ReportSettings } from './settings';

/** The history a workbook records on our sheet (empty when it has none). */
export function recordedHistory(data: WorkbookData): { history: ForecastHistory; issues: InputIssue[] } {
  const found = findSheet(data, HISTORY_SHEET);
  return readHistorySheet(found && isOurSheet(data, found.name) ? found : undefined);
}

/**
 * A previous workbook's history and its latest forecasts: what it recorded when it is a report of
 * ours, else its own figures read as a forecast workbook (its period from its own headers, not from
 * this run's `--months`).
 */
function previousHistory(previous: WorkbookData, settings: ReportSettings): { history: ForecastHistory; own: HistoryPeriod[] } {
  const recorded = recordedHistory(previous).history;
  if (recorded.periods.some((p) => !p.outcome)) return { history: recorded, own: recorded.periods.filter((p) => !p.outcome) };
  const { months: _months, ...defaults } = settings.defaults;
  const model = analyzeWorkbook(previous, { ...settings, defaults });
  const own = snapshotOf(model.tables, monthsIn(model), settings.year);
  return { history: own, own: own.periods.filter((p) => !p.outcome) };
}

const monthsIn = (model: ReportModel) => (sheet: string) => model.sources.find((s) => s.sheet === sheet)?.months;

/** The period a table belongs to in this run's snapshot. */
function tablePeriod(t: StandardTable, model: ReportModel, settings: ReportSettings): Omit<HistoryPeriod, 'figures'> | undefined {
  const months = t.annual ? 12 : monthsIn(model)(t.sheet);
  if (months === undefined) return undefined;
  return { label: periodLabel(months, settings.year, !!t.annual), months, year: settings.year, outcome: !!t.annual };
}

/** Adds the history, the change columns and stubs, and the accuracy tables to the model. */
export function applyYearSeries(model: ReportModel, data: WorkbookData, settings: ReportSettings, previous?: WorkbookData): void {
  const recorded = recordedHistory(data);
  const current = snapshotOf(model.tables, monthsIn(model), settings.year);
  const imported = previous ? previousHistory(previous, settings) : undefined;
  const { history, issues } = mergeHistory(recorded.history, current, imported?.history);
  model.issues.push(...recorded.issues, ...issues);
  if (history.periods.length === 0) return;
  model.history = history;
  const keys = historyKeys(model.tables);
  for (const t of [...model.tables]) {
    const period = tablePeriod(t, model, settings);
    if (!period) continue;
    const explicit = imported?.own.filter((p) => periodOrder(p, period) < 0).pop();
    const before = explicit ?? previousForecast(history, period);
    if (!before || !addForecastChange(t, before, sheetSettings(settings, t.sheet).thresholds, keys)) continue;
    model.comments.push(...changeComments(t, before));
  }
  model.tables.push(...accuracyTables(history, model, settings));
}

/** A stub for every row whose forecast moved beyond the comment threshold. */
function changeComments(t: StandardTable, before: HistoryPeriod): ReportComment[] {
  const out: ReportComment[] = [];
  for (const row of t.rows) {
    const flag = row.cellFlags?.[CHANGE_COLUMN];
    const change = row.values[CHANGE_COLUMN];
    if (flag?.level !== 'comment' || !change || (t.type === 'nettokostnad' && row.kind === 'sum')) continue;
    out.push({ sheet: t.sheet, label: row.label, text: changeStub(row.label, change, before, !!t.annual), table: t.title, column: CHANGE_COLUMN, level: 'comment', row, unit: t.unit });
  }
  return out;
}

/** One Prognossäkerhet table per source sheet with an outcome and earlier forecasts. */
function accuracyTables(history: ForecastHistory, model: ReportModel, settings: ReportSettings): StandardTable[] {
  const sheets = [...new Set(history.rows.map((r) => r.sheet))];
  const out: StandardTable[] = [];
  for (const sheet of sheets) {
    const own = model.tables.filter((t) => t.sheet === sheet);
    const s = sheetSettings(settings, sheet);
    const kindOf = (label: string) => own.flatMap((t) => t.rows).find((r) => r.label.trim() === label)?.kind;
    const table = accuracyTable(history, { sheet, unit: own[0]?.unit ?? s.unit, thresholds: s.thresholds, kindOf });
    if (table) out.push(table);
  }
  if (out.length > 1) for (const t of out) t.title = `${t.title} – ${t.sheet}`;
  return out;
}
