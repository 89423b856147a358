/**
 * Benchmark: a large forecast workbook or ledger extract through the real CLI, against the physical
 * floor (bench/physicalFloor.ts: inflate the sheet, one pass over its bytes, rezip with it deflated) and
 * exceljs's streaming read + write of the same file (bench/floor.ts), all measured in the same run,
 * plus peak memory and the tool's time per phase (bench/phases.ts).
 * Targets (issue 12, forecast): tool ≤ 3 × physical floor, ≤ 0.7 × exceljs stream, peak ≤ 400 MB up to
 * 100 000 rows and < 2 GB beyond. Ledger extracts: ≤ 1.5 × exceljs stream, peak < 2 GB.
 * SheetJS (`xlsx`, read + write) is measured only with `--sheetjs <folder>`, a folder where it is installed
 * (`npm install --prefix <folder> xlsx`): it is no dependency of the project (see SHEETJS_NOTE). Growth per phase over sizes: bench/scaling.ts.
 *
 *   npm run bench -- [--input forecast|ledger] [--rows 100000] [--runs 3] [--phase-runs N] [--no-phases]
 *                    [--path package|exceljs] [--no-styled-floor] [--no-exceljs] [--sheetjs <folder>] [--dir <cache folder>]
 *                    [--out-json <file>] [--regen] [--keep]
 *
 * A format-preserving exceljs streaming copy ("styled floor", values + number formats) is measured
 * beside the bare one for reference.
 *
 * Every measured run is its own child process (`node …`), wrapped in `/usr/bin/time -v` for the peak
 * resident set; wall time is taken around the child by this process. Floor, tool and phase runs are
 * interleaved, and the order rotates between rounds. Medians are reported.
 * `--path` only chooses which I/O the phase breakdown measures (see bench/phases.ts); the timed tool
 * run is always the real CLI.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, totalmem, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { f, hasGnuTime, median, runNode, table, type ChildRun } from './child';
import { LEDGER_HEADER, writeLedgerExtract } from '../examples/ledgerExtract';
import { generateForecast, GENERATOR_VERSION } from './generate';
import { IO_PATHS, type IoPath, type PhaseResult } from './phases';

/** Issue 12's targets: the tool against the physical floor and against exceljs's streaming copy. */
export const TARGET_PHYSICAL_RATIO = 3;
/** Tool / exceljs stream: forecast workbooks 0.7× (issue 12), ledger extracts 1.5× (issue 9). */
export const TARGET_RATIO = { forecast: 0.7, ledger: 1.5 } as const;
/** Peak up to 100 000 rows; above, the 1 000 000-row target. */
export const TARGET_PEAK_MB = 400;
export const TARGET_PEAK_LARGE_MB = 2048;
/** Without `--sheetjs`: SheetJS (`xlsx`) is no dependency; npm's registry holds only 0.18.5 (2022), newer releases are published elsewhere. */
export const SHEETJS_NOTE = 'SheetJS (xlsx): inte mätt (ange --sheetjs <mapp> där xlsx är installerat); npm-registrets senaste version är 0.18.5 från 2022, nyare versioner publiceras bara utanför npm (se bench/README.md)';

/** What each kind of input looks like to the checks: header rows, cells per row, cells the tool fills. */
const INPUTS = {
  forecast: { headerRows: 3, headerCells: 12, cellsPerRow: 8, filledPerRow: 2 },
  ledger: { headerRows: 1, headerCells: LEDGER_HEADER.length, cellsPerRow: LEDGER_HEADER.length, filledPerRow: 0 },
} as const;
type InputKind = keyof typeof INPUTS;

interface Options {
  input: InputKind;
  rows: number;
  runs: number;
  phaseRuns: number;
  dir: string;
  outJson?: string;
  regen: boolean;
  keep: boolean;
  styledFloor: boolean;
  exceljs: boolean;
  /** A folder where SheetJS is installed (node_modules/xlsx): then it is measured too. */
  sheetjs?: string;
  path: IoPath;
}

function usage(message: string): never {
  console.error(`bench: ${message}`);
  console.error('användning: npm run bench -- [--input forecast|ledger] [--rows N] [--runs N] [--phase-runs N] [--no-phases] [--path package|exceljs] [--no-styled-floor] [--no-exceljs] [--sheetjs MAPP] [--dir D] [--out-json F] [--regen] [--keep]');
  process.exit(2);
}

function parseOptions(argv: string[]): Options {
  const o: Options = { input: 'forecast', rows: 100_000, runs: 3, phaseRuns: -1, dir: join(tmpdir(), 'avvikelse-bench'), regen: false, keep: false, styledFloor: true, exceljs: true, path: 'package' };
  const int = (name: string, v: string | undefined, min: number) => {
    const n = Number(v);
    if (v === undefined || !Number.isInteger(n) || n < min) usage(`--${name} behöver ett heltal ≥ ${min}`);
    return n;
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--rows') o.rows = int('rows', argv[++i], 1);
    else if (a === '--input') {
      const v = argv[++i];
      if (v !== 'forecast' && v !== 'ledger') usage('--input behöver forecast eller ledger');
      o.input = v;
    }
    else if (a === '--runs') o.runs = int('runs', argv[++i], 1);
    else if (a === '--phase-runs') o.phaseRuns = int('phase-runs', argv[++i], 0);
    else if (a === '--no-phases') o.phaseRuns = 0;
    else if (a === '--no-styled-floor') o.styledFloor = false;
    else if (a === '--no-exceljs') o.exceljs = false;
    else if (a === '--sheetjs') o.sheetjs = resolve(argv[++i] ?? usage('--sheetjs behöver en mapp'));
    else if (a === '--path') {
      const v = argv[++i] as IoPath;
      if (!IO_PATHS.includes(v)) usage(`--path behöver ${IO_PATHS.join(' eller ')}`);
      o.path = v;
    }
    else if (a === '--dir') o.dir = resolve(argv[++i] ?? usage('--dir behöver en mapp'));
    else if (a === '--out-json') o.outJson = resolve(argv[++i] ?? usage('--out-json behöver en fil'));
    else if (a === '--regen') o.regen = true;
    else if (a === '--keep') o.keep = true;
    else usage(`okänt val ${a}`);
  }
  if (o.phaseRuns < 0) o.phaseRuns = o.runs;
  return o;
}

async function main(): Promise<void> {
  const o = parseOptions(process.argv.slice(2));
  const root = resolve(__dirname, '..', '..', '..');
  // the command as installed (package.json `bin`: the bundle run through its code cache), as a user runs it
  const bin = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { bin: Record<string, string> }).bin.avvikelse;
  const cli = join(root, bin);
  const floorJs = join(__dirname, 'floor.js');
  const phasesJs = join(__dirname, 'phases.js');
  for (const p of [cli, floorJs, phasesJs]) if (!existsSync(p)) usage(`${p} saknas; kör först npx tsc -p . && npx webpack --env cli`);

  const machine = {
    date: new Date().toISOString(),
    node: process.version,
    cores: cpus().length,
    cpu: cpus()[0]?.model ?? '?',
    memoryGb: Math.round(totalmem() / 1024 ** 3),
    exceljs: (JSON.parse(readFileSync(join(root, 'node_modules', 'exceljs', 'package.json'), 'utf8')) as { version: string }).version,
    peakFrom: hasGnuTime ? '/usr/bin/time -v (Maximum resident set size)' : '/proc/self/status VmHWM (preload)',
  };
  console.log(`Avvikelse bench: ${o.rows} rader (${o.input === 'ledger' ? 'huvudboksutdrag' : 'prognosark'}), ${o.runs} körningar, node ${machine.node}, ${machine.cores} kärnor (${machine.cpu}), exceljs ${machine.exceljs}`);
  console.log(`Topp-RSS från ${machine.peakFrom}`);

  const shape = INPUTS[o.input];
  const peakTarget = o.rows <= 100_000 && o.input === 'forecast' ? TARGET_PEAK_MB : TARGET_PEAK_LARGE_MB;
  const ratioTarget = TARGET_RATIO[o.input];
  const input = join(o.dir, o.input === 'ledger' ? `ledger-v1-${o.rows}.xlsx` : `forecast-v${GENERATOR_VERSION}-${o.rows}.xlsx`);
  const scratch = join(o.dir, `run-${process.pid}`);
  mkdirSync(scratch, { recursive: true });
  let generatedSeconds: number | undefined;
  if (o.regen || !existsSync(input)) {
    const t = process.hrtime.bigint();
    await (o.input === 'ledger' ? writeLedgerExtract(input, o.rows) : generateForecast(input, o.rows));
    generatedSeconds = Number(process.hrtime.bigint() - t) / 1e9;
    console.log(`Genererade ${input} (${(statSync(input).size / 1024 ** 2).toFixed(1)} MB) på ${f(generatedSeconds)} s`);
  } else {
    console.log(`Återanvänder ${input} (${(statSync(input).size / 1024 ** 2).toFixed(1)} MB)`);
  }
  (globalThis as { gc?: () => void }).gc?.();

  const floorRuns: ChildRun[] = [];
  const physicalRuns: (ChildRun & { phases: Record<string, number> })[] = [];
  const bothCoresRuns: (ChildRun & { phases: Record<string, number> })[] = [];
  const styledRuns: ChildRun[] = [];
  const toolRuns: ChildRun[] = [];
  const phaseRuns: (PhaseResult & { seconds: number; childPeakMb: number })[] = [];
  const toolCells: number[] = [];
  const sheetjsRuns: ChildRun[] = [];
  let sheetjsVersion = '';

  const runFloor = async (i: number, mode: 'values' | 'styled') => {
    const out = join(scratch, `floor-${mode}-${i}.xlsx`);
    const r = await runNode([floorJs, input, out, mode], scratch, `floor-${mode}-${i}`);
    const seen = JSON.parse(r.stdout.trim().split('\n').pop() ?? '{}') as { rows?: number; cells?: number };
    if (seen.rows !== o.rows + shape.headerRows) throw new Error(`golvet läste ${seen.rows} rader, väntade ${o.rows + shape.headerRows}`);
    const cellsExpected = shape.cellsPerRow * o.rows + shape.headerCells;
    if (seen.cells !== cellsExpected) throw new Error(`golvet såg ${seen.cells} celler, väntade ${cellsExpected}`);
    if (!o.keep) rmSync(out, { force: true });
    (mode === 'values' ? floorRuns : styledRuns).push(r);
    console.log(`  ${mode === 'values' ? 'golv' : 'golv med format'} #${i + 1}: ${f(r.seconds)} s, topp ${f(r.peakMb, 0)} MB (${seen.cells} celler)`);
  };
  const runPhysical = async (i: number, deflate: 'one-stream' | 'both-cores') => {
    const out = join(scratch, `physical-${deflate}-${i}.xlsx`);
    const r = await runNode([join(__dirname, 'physicalFloor.js'), input, out, deflate], scratch, `physical-${deflate}-${i}`);
    const seen = JSON.parse(r.stdout.trim().split('\n').pop() ?? '{}') as { rows?: number; phases: Record<string, number> };
    if (seen.rows !== o.rows + shape.headerRows) throw new Error(`det fysiska golvet såg ${seen.rows} rader, väntade ${o.rows + shape.headerRows}`);
    if (!o.keep) rmSync(out, { force: true });
    (deflate === 'one-stream' ? physicalRuns : bothCoresRuns).push({ ...r, phases: seen.phases });
    console.log(`  fysiskt golv${deflate === 'one-stream' ? '' : ', båda kärnorna'} #${i + 1}: ${f(r.seconds)} s, topp ${f(r.peakMb, 0)} MB (${Object.entries(seen.phases).map(([k, v]) => `${k} ${f(v / 1000)}`).join(', ')})`);
  };
  const runTool = async (i: number) => {
    const out = join(scratch, `tool-${i}.xlsx`);
    const json = join(scratch, `tool-${i}.json`);
    const r = await runNode([cli, 'report', input, '--out', out, '--json', json], scratch, `tool-${i}`);
    const m = /(\d+) celler ifyllda/.exec(r.stdout);
    const cells = m ? Number(m[1]) : Number.NaN;
    if (!existsSync(out) || !existsSync(json)) throw new Error(`verktyget skrev inte ${out} och ${json}:\n${r.stdout}`);
    if (cells !== shape.filledPerRow * o.rows) throw new Error(`verktyget fyllde ${cells} celler, väntade ${shape.filledPerRow * o.rows}:\n${r.stdout}`);
    if (o.input === 'ledger') {
      const ledger = (JSON.parse(readFileSync(json, 'utf8')) as { ledgers?: { rows: number; reconciled: boolean }[] }).ledgers?.[0];
      if (ledger?.rows !== o.rows || !ledger.reconciled) throw new Error(`verktyget aggregerade ${ledger?.rows} rader (avstämt: ${ledger?.reconciled}), väntade ${o.rows}`);
    }
    if (!o.keep) {
      rmSync(out, { force: true });
      rmSync(json, { force: true });
    }
    toolRuns.push(r);
    toolCells.push(cells);
    console.log(`  verktyg #${i + 1}: ${f(r.seconds)} s, topp ${f(r.peakMb, 0)} MB (${cells} celler)`);
  };
  const runSheetJs = async (i: number) => {
    const out = join(scratch, `sheetjs-${i}.xlsx`);
    const r = await runNode([join(__dirname, 'sheetjs.js'), o.sheetjs!, input, out], scratch, `sheetjs-${i}`);
    const seen = JSON.parse(r.stdout.trim().split('\n').pop() ?? '{}') as { version?: string; rows?: number; cells?: number };
    if (seen.rows !== o.rows + shape.headerRows) throw new Error(`SheetJS läste ${seen.rows} rader, väntade ${o.rows + shape.headerRows}`);
    if (!o.keep) rmSync(out, { force: true });
    sheetjsVersion = seen.version ?? '?';
    sheetjsRuns.push(r);
    console.log(`  SheetJS ${sheetjsVersion} #${i + 1}: ${f(r.seconds)} s, topp ${f(r.peakMb, 0)} MB (${seen.cells} celler)`);
  };
  const runPhases = async (i: number) => {
    const out = join(scratch, `phases-${i}.xlsx`);
    const json = join(scratch, `phases-${i}.json`);
    const r = await runNode(['--expose-gc', phasesJs, input, out, json, o.path], scratch, `phases-${i}`);
    const p = JSON.parse(r.stdout.trim().split('\n').pop() ?? '{}') as PhaseResult;
    if (p.cellsWritten !== shape.filledPerRow * o.rows) throw new Error(`fasmätningen fyllde ${p.cellsWritten} celler, väntade ${shape.filledPerRow * o.rows}`);
    if (!o.keep) {
      rmSync(out, { force: true });
      rmSync(json, { force: true });
    }
    phaseRuns.push({ ...p, seconds: r.seconds, childPeakMb: r.peakMb });
    console.log(`  faser #${i + 1}: ${p.phases.map((s) => `${s.name.split(' ')[0]} ${f(s.ms / 1000)} s`).join(', ')}`);
  };

  for (let i = 0; i < Math.max(o.runs, o.phaseRuns); i++) {
    if (i < o.runs) {
      const steps = [() => runPhysical(i, 'one-stream'), () => runPhysical(i, 'both-cores'), () => runTool(i), ...(o.exceljs ? [() => runFloor(i, 'values')] : []), ...(o.styledFloor && o.exceljs ? [() => runFloor(i, 'styled')] : []), ...(o.sheetjs ? [() => runSheetJs(i)] : [])];
      // Rotate the order each round, so no kind of run always follows the same neighbour.
      for (let k = 0; k < steps.length; k++) await steps[(k + i) % steps.length]();
    }
    if (i < o.phaseRuns) await runPhases(i);
  }

  const floorS = median(floorRuns.map((r) => r.seconds));
  const toolS = median(toolRuns.map((r) => r.seconds));
  const ratio = toolS / floorS;
  const toolPeak = median(toolRuns.map((r) => r.peakMb));
  const floorPeak = median(floorRuns.map((r) => r.peakMb));
  const styledS = median(styledRuns.map((r) => r.seconds));
  const styledPeak = median(styledRuns.map((r) => r.peakMb));
  const physicalS = median(physicalRuns.map((r) => r.seconds));
  const physicalPeak = median(physicalRuns.map((r) => r.peakMb));
  const physicalRatio = toolS / physicalS;
  const bothCoresS = median(bothCoresRuns.map((r) => r.seconds));
  const bothCoresPeak = median(bothCoresRuns.map((r) => r.peakMb));
  const ratioPass = !o.exceljs || ratio <= ratioTarget;
  const physicalPass = o.input === 'ledger' || physicalRatio <= TARGET_PHYSICAL_RATIO;
  const peakPass = toolPeak < peakTarget;
  const verdict = (ok: boolean) => (ok ? 'PASS' : 'MISS');

  console.log('');
  console.log(
    table(
      ['rows', 'tool s', 'physical floor s', 'tool / physical', 'exceljs stream s', 'tool / exceljs', 'tool peak MB', 'physical peak MB', 'exceljs peak MB', `≤ ${TARGET_PHYSICAL_RATIO}× physical`, `≤ ${ratioTarget}× exceljs`, `peak < ${peakTarget} MB`],
      [[`${o.rows} (${o.input})`, f(toolS), f(physicalS), `${f(physicalRatio)}×`, f(floorS), `${f(ratio)}×`, f(toolPeak, 0), f(physicalPeak, 0), f(floorPeak, 0), o.input === 'ledger' ? '–' : verdict(physicalPass), o.exceljs ? verdict(ratioPass) : '–', verdict(peakPass)]],
    ),
  );
  console.log(`Fysiskt golv med bladet packat på båda kärnorna (samma körning): ${f(bothCoresS)} s, topp ${f(bothCoresPeak, 0)} MB; verktyget / det = ${f(toolS / bothCoresS)}× (målet gäller golvet med en ström: ${f(physicalRatio)}×)`);
  if (styledRuns.length) {
    console.log(`Golv med talformat (streaming-kopia som behåller cellformaten): ${f(styledS)} s, topp ${f(styledPeak, 0)} MB; verktyget / det = ${f(toolS / styledS)}×`);
  }
  const sheetjsS = median(sheetjsRuns.map((r) => r.seconds));
  const sheetjsPeak = median(sheetjsRuns.map((r) => r.peakMb));
  console.log(sheetjsRuns.length ? `SheetJS (xlsx ${sheetjsVersion}, readFile + writeFile, samma körning): ${f(sheetjsS)} s, topp ${f(sheetjsPeak, 0)} MB; verktyget / SheetJS = ${f(toolS / sheetjsS)}×` : SHEETJS_NOTE);

  let phaseSummary: { name: string; seconds: number; share: number; hwmMb: number; heapAfterGcMb: number }[] = [];
  let stepSummary: { name: string; seconds: number }[] = [];
  let ioStepSummary: { name: string; seconds: number }[] = [];
  if (phaseRuns.length > 0) {
    const names = phaseRuns[0].phases.map((p) => p.name);
    const total = median(phaseRuns.map((p) => p.totalMs)) / 1000;
    phaseSummary = names.map((name) => {
      const of = (k: 'ms' | 'hwmMb' | 'heapAfterGcMb') => median(phaseRuns.map((p) => p.phases.find((s) => s.name === name)?.[k] ?? Number.NaN));
      const seconds = of('ms') / 1000;
      return { name, seconds, share: seconds / total, hwmMb: of('hwmMb'), heapAfterGcMb: of('heapAfterGcMb') };
    });
    console.log('');
    console.log(`Faser i processen, ${o.path === 'package' ? 'XlsxPackage (CLI:ns väg)' : 'exceljs i minnet (tidigare väg)'} (median av ${phaseRuns.length}; summa ${f(total)} s utan nodstart, topp ${f(median(phaseRuns.map((p) => p.peakMb)), 0)} MB i flödet, ${f(median(phaseRuns.map((p) => p.childPeakMb)), 0)} MB med omkörningarna):`);
    console.log(
      table(
        ['phase', 's', 'share', 'peak so far MB', 'heap after GC MB'],
        [...phaseSummary.map((p) => [p.name, f(p.seconds), `${f(p.share * 100, 0)} %`, f(p.hwmMb, 0), f(p.heapAfterGcMb, 0)]), ['total', f(total), '100 %', '', '']],
      ),
    );
    stepSummary = Object.keys(phaseRuns[0].steps).map((name) => ({ name, seconds: median(phaseRuns.map((p) => p.steps[name])) / 1000 }));
    console.log(`steg för steg (ännu en omkörning): ${stepSummary.map((st) => `${st.name} ${f(st.seconds)} s`).join(', ')}`);
    ioStepSummary = Object.keys(phaseRuns[0].ioSteps ?? {}).map((name) => ({ name, seconds: median(phaseRuns.map((p) => p.ioSteps[name])) / 1000 }));
    if (ioStepSummary.length) console.log(`läsa/skriva steg för steg (omkörning): ${ioStepSummary.map((st) => `${st.name} ${f(st.seconds)} s`).join(', ')}`);
  }

  const result = {
    machine,
    rows: o.rows,
    runs: o.runs,
    file: input,
    inputMb: statSync(input).size / 1024 ** 2,
    generatedSeconds,
    input: o.input,
    targets: { ratio: ratioTarget, physicalRatio: TARGET_PHYSICAL_RATIO, peakMb: peakTarget },
    physicalFloor: { medianSeconds: physicalS, medianPeakMb: physicalPeak, toolRatio: physicalRatio, runs: physicalRuns.map(({ seconds, peakMb, phases }) => ({ seconds, peakMb, phases })) },
    physicalFloorBothCores: { medianSeconds: bothCoresS, medianPeakMb: bothCoresPeak, toolRatio: toolS / bothCoresS, runs: bothCoresRuns.map(({ seconds, peakMb, phases }) => ({ seconds, peakMb, phases })) },
    sheetjs: sheetjsRuns.length ? { version: sheetjsVersion, medianSeconds: sheetjsS, medianPeakMb: sheetjsPeak, toolRatio: toolS / sheetjsS, runs: sheetjsRuns.map(({ seconds, peakMb }) => ({ seconds, peakMb })) } : SHEETJS_NOTE,
    styledFloor: styledRuns.length ? { medianSeconds: styledS, medianPeakMb: styledPeak, toolRatio: toolS / styledS, runs: styledRuns.map(({ seconds, peakMb }) => ({ seconds, peakMb })) } : undefined,
    floor: { medianSeconds: floorS, medianPeakMb: floorPeak, runs: floorRuns.map(({ seconds, peakMb }) => ({ seconds, peakMb })) },
    tool: { medianSeconds: toolS, medianPeakMb: toolPeak, cellsWritten: toolCells[0], runs: toolRuns.map(({ seconds, peakMb }) => ({ seconds, peakMb })) },
    ratio,
    pass: { ratio: ratioPass, physical: physicalPass, peak: peakPass },
    phases: phaseRuns.length ? { path: o.path, median: phaseSummary, steps: stepSummary, ioSteps: ioStepSummary, runs: phaseRuns } : undefined,
  };
  if (o.outJson) {
    mkdirSync(dirname(o.outJson), { recursive: true });
    writeFileSync(o.outJson, JSON.stringify(result, null, 2) + '\n');
    console.log(`\nSkrev ${o.outJson}`);
  }
  if (!o.keep) rmSync(scratch, { recursive: true, force: true });
}

main().catch((e: unknown) => {
  console.error(`bench: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
