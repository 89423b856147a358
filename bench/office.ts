/**
 * Benchmark of the Office adapter (src/workbook/office/) against the fake Excel of the tests: sync count
 * and payload per operation of the task pane, at 1 000, 10 000 and 100 000 rows. The measurement is in
 * bench/officeMeasure.ts; this is the command line around it.
 *
 *   npm run bench:office -- [--rows 1000,10000,100000] [--formats column|general] [--out-json F]
 *
 * Per operation and size it prints the number of `Excel.run` calls and syncs, the largest request
 * and largest response of any single sync, the totals both ways, and the wall time (which includes
 * the fake's own bookkeeping and the engine's analysis: informational only). Then each target,
 * PASS or FAIL, and exits 1 on any FAIL:
 * - no sync over 5 MB either way;
 * - the same syncs at every size up to 10 000 rows (constant while the data fits one sync);
 * - at every size, syncs ≤ the syncs at the smallest size + ceil(total bytes / 5 MB) + 1: syncs grow
 *   with the bytes only, never with the rows.
 * The figures, every sync included, go to bench/results/office-<date>.json, or to `--out-json F`.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { checkTargets, DEFAULT_SIZES, LIMIT_BYTES, measureOffice, ROWS_PER_MARK, type FormatMode, type SizeFigures } from './officeMeasure';

const grouped = (n: number) => String(Math.round(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ' ');

function table(head: string[], rows: string[][]): string {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
  return [line(head), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.map(line)].join('\n');
}

/** The figures as a markdown table: one row per operation and size. */
function figuresTable(sizes: SizeFigures[]): string {
  const rows: string[][] = [];
  for (const op of sizes[0]?.operations ?? []) {
    for (const size of sizes) {
      const o = size.operations.find((x) => x.name === op.name);
      if (!o) continue;
      rows.push([
        o.name,
        grouped(size.rows),
        String(o.runs),
        `${o.syncs} (${o.syncsPerRun.join('+')})`,
        grouped(o.maxRequest),
        grouped(o.maxResponse),
        grouped(o.totalRequest),
        grouped(o.totalResponse),
        (o.ms / 1000).toFixed(2),
      ]);
    }
  }
  return table(['operation', 'rows', 'runs', 'syncs (per run)', 'max request B', 'max response B', 'total request B', 'total response B', 'wall s'], rows);
}

interface CliOptions {
  sizes: number[];
  formats: FormatMode;
  outJson?: string;
}

function usage(message: string): never {
  console.error(`bench:office: ${message}`);
  console.error('användning: npm run bench:office -- [--rows 1000,10000,100000] [--formats column|general] [--out-json F]');
  process.exit(2);
}

function parseOptions(argv: string[]): CliOptions {
  const o: CliOptions = { sizes: DEFAULT_SIZES, formats: 'column' };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--rows') {
      const v = argv[++i] ?? usage('--rows behöver radantal, t.ex. 1000,10000,100000');
      const sizes = v.split(',').map(Number);
      if (sizes.length === 0 || sizes.some((n) => !Number.isInteger(n) || n < 1)) usage('--rows behöver heltal ≥ 1, t.ex. 1000,10000,100000');
      o.sizes = [...new Set(sizes)].sort((x, y) => x - y);
    } else if (a === '--formats') {
      const v = argv[++i];
      if (v !== 'column' && v !== 'general') usage('--formats behöver column eller general');
      o.formats = v;
    } else if (a === '--out-json') o.outJson = resolve(argv[++i] ?? usage('--out-json behöver en fil'));
    else usage(`okänt val ${a}`);
  }
  return o;
}

/** The project's root: the nearest folder up from here with a package.json (works from bench/ and dist/node/bench/). */
function projectRoot(): string {
  let dir = __dirname;
  while (!existsSync(join(dir, 'package.json')) && dirname(dir) !== dir) dir = dirname(dir);
  return dir;
}

async function main(): Promise<void> {
  const o = parseOptions(process.argv.slice(2));
  const machine = { date: new Date().toISOString(), node: process.version, cores: cpus().length, cpu: cpus()[0]?.model ?? '?', memoryGb: Math.round(totalmem() / 1024 ** 3) };
  console.log(`Avvikelse bench:office: ${o.sizes.join(' / ')} rader, talformat ${o.formats}, falsk Excel (gräns ${grouped(LIMIT_BYTES)} B per sync), node ${machine.node}, ${machine.cores} kärnor`);
  const sizes: SizeFigures[] = [];
  for (const rows of o.sizes) {
    const t = process.hrtime.bigint();
    const figures = await measureOffice(rows, { formats: o.formats });
    sizes.push(figures);
    console.log(`  ${rows} rader: ${figures.operations.length} operationer på ${(Number(process.hrtime.bigint() - t) / 1e9).toFixed(1)} s (arket byggt på ${(figures.setupMs / 1000).toFixed(1)} s)`);
    (globalThis as { gc?: () => void }).gc?.();
  }
  console.log('');
  console.log(figuresTable(sizes));
  const targets = checkTargets(sizes);
  console.log('');
  console.log(table(['operation', 'target', 'result', 'detail'], targets.map((t) => [t.operation, t.target, t.pass ? 'PASS' : 'FAIL', t.detail])));
  const failed = targets.filter((t) => !t.pass);
  console.log('');
  console.log(failed.length ? `FAIL: ${failed.length} av ${targets.length} mål missades.` : `PASS: alla ${targets.length} mål.`);

  const outJson = o.outJson ?? join(projectRoot(), 'bench', 'results', `office-${machine.date.slice(0, 10)}.json`);
  const result = {
    machine,
    host: 'fake Excel (test/workbook/office/fakeExcel.ts), ExcelApi 1.10 comments supported',
    limitBytes: LIMIT_BYTES,
    formats: o.formats,
    rowsPerMark: ROWS_PER_MARK,
    sizes,
    targets,
    pass: failed.length === 0,
  };
  mkdirSync(dirname(outJson), { recursive: true });
  writeFileSync(outJson, JSON.stringify(result, null, 2) + '\n');
  console.log(`Skrev ${outJson}`);
  if (failed.length) process.exitCode = 1;
}

if (require.main === module) {
  main().catch((e: unknown) => {
    console.error(`bench:office: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
    process.exit(3);
  });
}
