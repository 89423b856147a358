/**
 * Where the tool's time goes, measured in-process against the compiled modules (nothing in src/ is
 * changed). The same steps as `avvikelse report` (src/cli/main.ts + runReport), in the same order:
 *
 *   open     XlsxPackage.open: read the file and unzip every part (node's zlib); parts of 8 MB or
 *            more are checked, then held compressed
 *   read     pkg.read(): shared strings and sheet XML → value/formula grids
 *   analyse  analyzeWorkbook: header detection, amounts → Decimal, standard tables, comments
 *   plan     planReport: the write plan (a formula for every source row, the tables sheet, names)
 *   write    pkg.write(plan): patch the filled cells into the user's sheet XML (a large sheet is
 *            inflated again, and the patched part deflated on zlib's threads while it is made),
 *            add our sheets, styles and defined names (all in memory)
 *   zip      pkg.toBuffer(): deflate the small changed parts, copy the rest, build the zip
 *   save     write that buffer to disk as the CLI does: a temporary file, fsync, rename
 *   json     reportJson + JSON.stringify + writeFileSync (the CLI's --json)
 *
 * read → analyse → plan → write mirror runReport (src/report/run.ts) step by step, so that analyse and
 * plan can be timed apart inside the pipeline; zip and save split XlsxPackage.save the same way.
 *
 * `--path exceljs` measures the earlier I/O instead: the exceljs in-memory XlsxWorkbook (open =
 * Workbook.xlsx.readFile, read = getSheetValues, write = into the exceljs model, save = writeFile,
 * which zips with JSZip/pako and writes; there is no separate zip phase). The CLI no longer uses it.
 *
 * Afterwards the main steps of analyse and plan are re-run once on the same snapshot (detectHeader,
 * readSourceTable, standardTables, commentsFor, planFill, layoutTablesSheet) to see inside them, and on
 * the package path the main steps of read and write too (readSharedStrings, readSheet, patchSheet,
 * outputSheetXml), on the parts of a freshly opened package. These re-runs are outside the timed
 * pipeline, in a warmed-up process, so they are a little faster than the pipeline's phases.
 *
 *   node --expose-gc dist/node/bench/phases.js <in.xlsx> <out.xlsx> <out.json> [package|exceljs]
 *
 * Prints one JSON line. Memory after each phase: rss, VmHWM (peak so far) and, after a forced GC outside
 * the timed sections, the heap that phase left behind.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { writeFilesAtomically } from '../src/cli/atomicWrite';
import { detectHeader } from '../src/core/roles';
import { standardTables } from '../src/core/standardTables';
import { analyzeWorkbook, commentsFor, COMMENTS_SHEET, isOurSheet, readSource, sheetKind, TABLES_SHEET } from '../src/report/analyze';
import { planFill } from '../src/report/fill';
import { reportJson } from '../src/report/json';
import { layoutTablesSheet } from '../src/report/layout';
import { planReport } from '../src/report/plan';
import { buildSettings, sheetSettings, type ReportSettings } from '../src/report/settings';
import { cellCount } from '../src/workbook/columnWrite';
import type { WorkbookData, WorkbookPort, WritePlan } from '../src/workbook/port';
import { patchSheet } from '../src/workbook/xlsx/sheetPatch';
import { readSharedStrings, readSheet } from '../src/workbook/xlsx/sheetReader';
import { outputSheetXml } from '../src/workbook/xlsx/sheetXml';
import { StyleBook } from '../src/workbook/xlsx/styles';
import { XlsxPackage } from '../src/workbook/xlsx/xlsxPackage';
import { XlsxWorkbook } from '../src/workbook/xlsx/xlsxWorkbook';

export type IoPath = 'package' | 'exceljs';
export const IO_PATHS: readonly IoPath[] = ['package', 'exceljs'];

export interface PhaseSample {
  name: string;
  ms: number;
  rssMb: number;
  hwmMb: number;
  heapAfterGcMb?: number;
}

export interface PhaseResult {
  path: IoPath;
  phases: PhaseSample[];
  /** Finer steps of analyse+plan, re-run once more on the same snapshot (ms). */
  steps: Record<string, number>;
  /** Finer steps of read and write on the package path, re-run once more (ms); empty for exceljs. */
  ioSteps: Record<string, number>;
  totalMs: number;
  peakMb: number;
  sourceRows: number;
  cellsWritten: number;
  tables: number;
  outputBytes: number;
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

export async function measurePhases(input: string, output: string, jsonOut: string, path: IoPath = 'package'): Promise<PhaseResult> {
  const phases: PhaseSample[] = [];
  let mark = performance.now();
  let pausedMs = 0;
  /** Ends the current phase; the memory readings and the GC after it are not counted in any phase. */
  const sample = (name: string) => {
    const ms = performance.now() - mark;
    const t = performance.now();
    const s: PhaseSample = { name, ms, rssMb: process.memoryUsage.rss() / MB, hwmMb: vmHwmMb() };
    if (gc) {
      gc();
      s.heapAfterGcMb = process.memoryUsage().heapUsed / MB;
    }
    phases.push(s);
    mark = performance.now();
    pausedMs += mark - t;
  };
  const started = performance.now();

  const settings = buildSettings({});
  let port: WorkbookPort;
  let pkg: XlsxPackage | undefined;
  let xw: XlsxWorkbook | undefined;
  if (path === 'package') {
    port = pkg = XlsxPackage.open(input);
    sample('open (read file + unzip)');
  } else {
    port = xw = await XlsxWorkbook.open(input);
    sample('open (exceljs readFile)');
  }

  // runReport, step by step.
  const data = await port.read();
  sample(path === 'package' ? 'read (sheet XML → grids)' : 'read (exceljs model → grids)');
  const model = analyzeWorkbook(data, settings);
  sample('analyse (analyzeWorkbook)');
  const { plan, issues: planIssues, notes } = planReport(data, model, settings);
  const errors = [...model.issues, ...planIssues].filter((i) => i.severity === 'error');
  sample('plan (planReport)');
  if (errors.length > 0 || model.tables.length === 0) {
    const shown = errors.slice(0, 5).map((i) => `${i.sheet}!${i.cell ?? ''} ${i.message}`);
    throw new Error(`rapporten skulle inte skrivas: ${shown.join('; ') || 'inga tabeller'}`);
  }
  await port.write(plan);
  sample(path === 'package' ? 'write (patch sheet XML, add sheets/styles/names)' : 'write (plan → exceljs model)');
  const cellsWritten = plan.cellWrites.reduce((n, w) => n + cellCount(w), 0);

  if (pkg) {
    const buffer = pkg.toBuffer();
    sample('zip (unchanged parts copied, changed ones deflated)');
    mkdirSync(dirname(output), { recursive: true });
    // as the CLI saves (commitOutputs): a temporary file written and fsync'ed, then renamed. A bare
    // writeFileSync timed the kernel's page cache instead: a few ms at 100 k rows, and at 1 M whatever
    // write-back of earlier runs' files it happened to wait for (0.2–0.7 s).
    writeFilesAtomically([{ target: output, shown: output, data: buffer }]);
    sample('save (the CLI’s atomic write: temporary file, fsync, rename)');
  } else {
    await (xw as XlsxWorkbook).save(output);
    sample('save (exceljs writeFile: zip + write)');
  }
  writeFileSync(jsonOut, JSON.stringify(reportJson(model, [...model.notes, ...notes]), null, 2) + '\n');
  sample('json');
  const totalMs = performance.now() - started - pausedMs;
  const peakMb = vmHwmMb();

  const steps = analyseSteps(data, settings);
  const ioSteps = path === 'package' ? packageSteps(input, plan) : {};

  return {
    path,
    phases,
    steps,
    ioSteps,
    totalMs,
    peakMb,
    sourceRows: model.sources.reduce((n, s) => n + s.rows.length, 0),
    cellsWritten,
    tables: model.tables.length,
    outputBytes: readFileSync(output).length,
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
    const kind = settings.sheets[sheet.name]?.kind ?? sheetKind(sheet.values, header, sheet.name);
    if (kind === 'indikatorer') continue;
    const src = time('readSourceTable', () => readSource(sheet.name, sheet.values, header, sheetSettings(settings, sheet.name), kind, settings));
    tables.push(...time('standardTables', () => standardTables(src, { year: settings.year })));
    time('planFill', () => planFill(src, sheet));
  }
  time('commentsFor', () => commentsFor(tables));
  time('layoutTablesSheet', () => layoutTablesSheet(TABLES_SHEET, tables, (t) => sheetSettings(settings, t.sheet).thresholds));
  return steps;
}

/**
 * The main steps of XlsxPackage.read and .write, one by one, on a freshly opened package. Reaches into
 * the package's private parts list (bench only); if that ever changes shape, the steps are skipped.
 */
function packageSteps(input: string, plan: WritePlan): Record<string, number> {
  const pkg = XlsxPackage.open(input) as unknown as { parts?: { entries?: Map<string, unknown>; text?: (path: string) => string | undefined }; sheets?: { name: string; path: string }[] };
  const { sheets, parts } = pkg;
  const entries = parts?.entries;
  if (!(entries instanceof Map) || typeof parts?.text !== 'function' || !Array.isArray(sheets)) return {};
  const text = (path: string) => parts.text!(path); // large parts are held packed: inflated here
  const steps: Record<string, number> = { readSharedStrings: 0, readSheet: 0, patchSheet: 0, outputSheetXml: 0, stylesXml: 0 };
  const time = <T>(name: string, f: () => T): T => {
    const t = performance.now();
    const r = f();
    steps[name] += performance.now() - t;
    return r;
  };
  const sharedPath = [...entries.keys()].find((k) => /(^|\/)sharedStrings\.xml$/.test(k));
  const stylesPath = [...entries.keys()].find((k) => /(^|\/)styles\.xml$/.test(k));
  const shared = time('readSharedStrings', () => readSharedStrings(sharedPath ? text(sharedPath) : undefined));
  for (const s of sheets) time('readSheet', () => readSheet(text(s.path) ?? '', shared));
  const styles = new StyleBook((stylesPath && text(stylesPath)) || '<styleSheet/>');
  for (const w of plan.cellWrites) {
    const sheet = sheets.find((s) => s.name === w.sheet);
    if (sheet) time('patchSheet', () => patchSheet(text(sheet.path) ?? '', w, w.conditionalFormats, styles));
  }
  for (const out of plan.sheets) time('outputSheetXml', () => outputSheetXml(out, styles));
  time('stylesXml', () => styles.toXml());
  return steps;
}

if (require.main === module) {
  const [input, output, jsonOut, path = 'package'] = process.argv.slice(2);
  if (!input || !output || !jsonOut || !IO_PATHS.includes(path as IoPath)) {
    console.error('användning: node --expose-gc dist/node/bench/phases.js <in.xlsx> <out.xlsx> <out.json> [package|exceljs]');
    process.exit(2);
  }
  measurePhases(input, output, jsonOut, path as IoPath).then(
    (r) => console.log(JSON.stringify(r)),
    (e: unknown) => {
      console.error(e instanceof Error ? e.stack ?? e.message : String(e));
      process.exit(3);
    },
  );
}
