/**
 * Growth in rows: runs bench/run.js once per size and prints, for the whole run and for each in-process
 * phase, the seconds at every size and the growth exponent between neighbouring sizes,
 * log(t₂/t₁) / log(n₂/n₁) (1 = linear). Target (issue 12): every exponent ≤ 1.1.
 *
 *   npm run bench:scaling -- [--sizes 10000,100000,1000000] [any option of bench/run.ts but --rows/--out-json]
 *
 * Phases shorter than 50 ms at the larger size are shown but not judged: their time is noise.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { f, table } from './child';

export const TARGET_EXPONENT = 1.1;
const NOISE_SECONDS = 0.05;

interface RunJson {
  tool: { medianSeconds: number; medianPeakMb: number };
  physicalFloor: { medianSeconds: number };
  physicalFloorBothCores?: { medianSeconds: number };
  phases?: { median: { name: string; seconds: number }[] };
}

/** log(t₂/t₁) / log(n₂/n₁). */
export function exponent(n1: number, t1: number, n2: number, t2: number): number {
  return Math.log(t2 / t1) / Math.log(n2 / n1);
}

function main(): void {
  const argv = process.argv.slice(2);
  const at = argv.indexOf('--sizes');
  const sizes = (at >= 0 ? argv.splice(at, 2)[1] : '10000,100000,1000000').split(',').map(Number);
  if (sizes.length < 2 || sizes.some((n) => !Number.isInteger(n) || n < 1)) {
    console.error('användning: npm run bench:scaling -- [--sizes 10000,100000,1000000] [val för bench/run.ts]');
    process.exit(2);
  }
  const dir = mkdtempSync(join(tmpdir(), 'avvikelse-scaling-'));
  const runs: RunJson[] = [];
  for (const n of sizes) {
    const out = join(dir, `${n}.json`);
    console.log(`== ${n} rader`);
    const r = spawnSync(process.execPath, ['--expose-gc', join(__dirname, 'run.js'), ...argv, '--rows', String(n), '--out-json', out], { stdio: 'inherit' });
    if (r.status !== 0) process.exit(r.status ?? 1);
    runs.push(JSON.parse(readFileSync(out, 'utf8')) as RunJson);
  }
  rmSync(dir, { recursive: true, force: true });
  const rows: { name: string; seconds: number[] }[] = [
    { name: 'tool (whole CLI run, wall)', seconds: runs.map((r) => r.tool.medianSeconds) },
    { name: 'physical floor (wall)', seconds: runs.map((r) => r.physicalFloor.medianSeconds) },
    { name: 'physical floor, both cores (wall)', seconds: runs.map((r) => r.physicalFloorBothCores?.medianSeconds ?? Number.NaN) },
    ...(runs[0].phases?.median ?? []).map((p) => ({ name: p.name, seconds: runs.map((r) => r.phases?.median.find((q) => q.name === p.name)?.seconds ?? Number.NaN) })),
  ];
  let worst = 0;
  const lines = rows.map(({ name, seconds }) => {
    const exps = sizes.slice(1).map((n, i) => (seconds[i + 1] < NOISE_SECONDS ? Number.NaN : exponent(sizes[i], seconds[i], n, seconds[i + 1])));
    for (const e of exps) if (Number.isFinite(e)) worst = Math.max(worst, e);
    return [name, ...seconds.map((s) => f(s)), ...exps.map((e) => (Number.isFinite(e) ? f(e) : '–'))];
  });
  const head = ['phase', ...sizes.map((n) => `${n} s`), ...sizes.slice(1).map((n, i) => `exp ${sizes[i]}→${n}`)];
  console.log('');
  console.log(table(head, lines));
  const ratios = (floor: (r: RunJson) => number | undefined) => runs.map((r, i) => `${sizes[i]}: ${f(r.tool.medianSeconds / (floor(r) ?? Number.NaN))}×`).join(', ');
  console.log(`verktyget / fysiskt golv: ${ratios((r) => r.physicalFloor.medianSeconds)}; / golvet på båda kärnorna: ${ratios((r) => r.physicalFloorBothCores?.medianSeconds)}`);
  console.log(`topp (verktyget): ${runs.map((r, i) => `${sizes[i]}: ${f(r.tool.medianPeakMb, 0)} MB`).join(', ')}`);
  console.log(`största exponent ${f(worst)}: ${worst <= TARGET_EXPONENT ? 'PASS' : 'MISS'} (mål ≤ ${TARGET_EXPONENT})`);
}

if (require.main === module) main();
