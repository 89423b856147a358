/**
 * Where the tool's time goes, measured in-process against the compiled modules (nothing in src/ is
 * changed). The same steps as `avvikelse report`, in the same order:
 *
 *   open     XlsxWorkbook.open: exceljs in-memory Workbook.xlsx.readFile
 *   read     port.read(): the workbook model → values grids (getSheetValues)
 *   analyse+plan  the part of runReport between read() and write(): header detection, parsing the
 *            amounts into Decimal, standard tables, comments, the write plan (formulas for every row)
 *   write    port.write(plan): the plan applied to the exceljs model (cells, styles, new sheets)
 *   save     XlsxWorkbook.save: Workbook.xlsx.writeFile
 *   json     reportJson + JSON.stringify + writeFileSync (the CLI's --json)
 *
 * runReport itself is called with a wrapping port, so read / analyse+plan / write are timed inside the
 * real function. Afterwards analyse and plan are re-run once on the same snapshot to split that phase
 * (analyzeWorkbook vs planReport), and a third time step by step (detectHeader, readSourceTable,
 * standardTables, commentsFor, planFill, layoutTablesSheet) to see inside analyse; both re-runs are
 * outside the timed pipeline and run on a warmed-up process, so they are a little faster than the
 * pipeline's analyse+plan.
 *
 *   node --expose-gc dist/node/bench/phases.js <in.xlsx> <out.xlsx> <out.json>
 *
 * Prints one JSON line. Memory after each phase: rss, VmHWM (peak so far) and, after a forced GC outside
 * the timed sections, the heap that phase left behind.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { detectHeader } from '../src/core/roles';
import { detectKind, readSourceTable } from '../src/core/source';
import { standardTables } from '../src/core/tables';
import { analyzeWorkbook, commentsFor, COMMENTS_SHEET, isOurSheet, TABLES_SHEET } from '../src/report/analyze';
import { planFill } from '../src/report/fill';
import { reportJson } from '../src/report/json';
import { layoutTablesSheet } from '../src/report/layout';
import { planReport } from '../src/report/plan';
import { runReport } from '../src/report/run';
import { buildSettings, sheetSettings, type ReportSettings } from '../src/report/settings';
import type { WorkbookData, WorkbookPort, WritePlan } from '../src/workbook/port';
import { XlsxWorkbook } from '../src/workbook/xlsx/xlsxWorkbook';

export interface PhaseSample {
  name: string;
  ms: number;
  rssMb: number;
  hwmMb: number;
  heapAfterGcMb?: number;
}

export interface PhaseResult {
  phases: PhaseSample[];
  split: { analyseMs: number; planMs: number };
  /** Finer steps of analyse+plan, re-run once more on the same snapshot (ms). */
  steps: Record<string, number>;
  totalMs: number;
  peakMb: number;
  sourceRows: number;
  cellsWritten: number;
  tables: number;
}

const MB = 1024 * 1024;

export function vmHwmMb(pid: number | 'self' = 'self'): number {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : Number.NaN;
  } catch {
    return Number.NaN;
  }
}

const gc = (globalThis as { gc?: () => void }).gc;

export async function measurePhases(input: string, output: string, jsonOut: string): Promise<PhaseResult> {
  const phases: PhaseSample[] = [];
  let mark = performance.now();
  const sample = (name: string) => {
    const ms = performance.now() - mark;
    const s: PhaseSample = { name, ms, rssMb: process.memoryUsage.rss() / MB, hwmMb: vmHwmMb() };
    if (gc) {
      gc();
      s.heapAfterGcMb = process.memoryUsage().heapUsed / MB;
    }
    phases.push(s);
    mark = performance.now();
  };
  const started = performance.now();
  let pausedMs = 0;
  const pause = <T>(f: () => T): T => {
    const t = performance.now();
    const r = f();
    pausedMs += performance.now() - t;
    return r;
  };

  const settings = buildSettings({});
  const workbook = await XlsxWorkbook.open(input);
  pause(() => sample('open (exceljs readFile)'));

  let data: WorkbookData | undefined;
  let writeStarted = 0;
  const port: WorkbookPort = {
    read: async () => {
      data = await workbook.read();
      pause(() => sample('read (model → grids)'));
      return data;
    },
    write: async (plan: WritePlan) => {
      pause(() => sample('analyse+plan'));
      writeStarted = performance.now();
      await workbook.write(plan);
      pause(() => sample('write (plan → exceljs model)'));
    },
  };
  const result = await runReport(port, settings);
  if (!result.written || !writeStarted) {
    const errors = result.issues.filter((i) => i.severity === 'error').slice(0, 5).map((i) => `${i.sheet}!${i.cell ?? ''} ${i.message}`);
    throw new Error(`runReport skrev inget: ${errors.join('; ')}`);
  }
  mark = performance.now();
  await workbook.save(output);
  pause(() => sample('save (exceljs writeFile)'));
  writeFileSync(jsonOut, JSON.stringify(reportJson(result.model, result.notes), null, 2) + '\n');
  pause(() => sample('json'));
  const totalMs = performance.now() - started - pausedMs;
  const peakMb = vmHwmMb();

  // The split of analyse+plan, on the same snapshot (outside the timed pipeline above).
  const snapshot = data as WorkbookData;
  let t = performance.now();
  const model = analyzeWorkbook(snapshot, settings);
  const analyseMs = performance.now() - t;
  t = performance.now();
  planReport(snapshot, model, settings);
  const planMs = performance.now() - t;

  const steps = analyseSteps(snapshot, settings);

  return {
    phases,
    split: { analyseMs, planMs },
    steps,
    totalMs,
    peakMb,
    sourceRows: result.model.sources.reduce((n, s) => n + s.rows.length, 0),
    cellsWritten: result.cellsWritten,
    tables: result.model.tables.length,
  };
}

/** The main steps of analyzeWorkbook and planReport, one by one (drift-like sheets; indicator sheets skipped). */
function analyseSteps(data: WorkbookData, settings: ReportSettings): Record<string, number> {
  const steps: Record<string, number> = { detectHeader: 0, readSourceTable: 0, standardTables: 0, commentsFor: 0, planFill: 0, layoutTablesSheet: 0 };
  const time = <T>(name: string, f: () => T): T => {
    const t = performance.now();
    const r = f();
    steps[name] += performance.now() - t;
    return r;
  };
  const tables: ReturnType<typeof standardTables> = [];
  for (const sheet of data.sheets) {
    if (isOurSheet(data, sheet.name) || sheet.name === TABLES_SHEET || sheet.name === COMMENTS_SHEET) continue;
    const header = time('detectHeader', () => detectHeader(sheet.values));
    if (!header) continue;
    const kind = settings.sheets[sheet.name]?.kind ?? detectKind(header, sheet.name);
    if (kind === 'indikatorer') continue;
    const src = time('readSourceTable', () => readSourceTable(sheet.name, sheet.values, header, sheetSettings(settings, sheet.name), kind));
    tables.push(...time('standardTables', () => standardTables(src, { year: settings.year })));
    time('planFill', () => planFill(src, sheet));
  }
  time('commentsFor', () => commentsFor(tables));
  time('layoutTablesSheet', () => layoutTablesSheet(TABLES_SHEET, tables, (t) => sheetSettings(settings, t.sheet).thresholds));
  return steps;
}

if (require.main === module) {
  const [input, output, jsonOut] = process.argv.slice(2);
  if (!input || !output || !jsonOut) {
    console.error('användning: node --expose-gc dist/node/bench/phases.js <in.xlsx> <out.xlsx> <out.json>');
    process.exit(2);
  }
  measurePhases(input, output, jsonOut).then(
    (r) => console.log(JSON.stringify(r)),
    (e: unknown) => {
      console.error(e instanceof Error ? e.stack ?? e.message : String(e));
      process.exit(3);
    },
  );
}
