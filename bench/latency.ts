/**
 * Everyday latency: `avvikelse report` on the shipped example, wall time of the whole process
 * (node start-up, module loading, the run, the outputs written), median of N runs after one warm-up.
 * Target (issue 12): ≤ 150 ms.
 *
 *   npm run bench:latency -- [--runs 15] [--input examples/prognos-exempel.xlsx] [--compare <cli.js>]…
 *
 * Runs what users run: package.json's `bin` (the bundle and its code cache, dist/cli/, which the npm
 * script builds first). `--compare` (repeatable) runs other builds of the command line interleaved with
 * it, e.g. `--compare dist/node/src/cli/main.js` (tsc's build, module by module) or another checkout's.
 *
 * Prints the median wall time, the spread, the median CPU time (user + system, /usr/bin/time) and, for reference, a bare `node -e ""` start-up measured the same way
 * (interleaved with the tool's runs), so a busy machine shows as a slow bare start too; and each
 * build's median over the bare start's, the figure the shared machine's load disturbs least.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const TARGET_MS = 150;

/** Wall ms around the child, and its CPU ms (user + system, from /usr/bin/time: less disturbed by a busy machine). */
function timed(args: string[]): { wall: number; cpu: number } {
  const started = process.hrtime.bigint();
  const r = spawnSync('/usr/bin/time', ['-f', 'cpu %U %S', process.execPath, ...args], { encoding: 'utf8' });
  const wall = Number(process.hrtime.bigint() - started) / 1e6;
  if (r.status !== 0) throw new Error(`${args.join(' ')}: kod ${r.status}\n${r.stderr}`);
  const m = /cpu ([\d.]+) ([\d.]+)\s*$/.exec(r.stderr);
  return { wall, cpu: m ? (Number(m[1]) + Number(m[2])) * 1000 : Number.NaN };
}

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** The command as installed: package.json's `bin`. */
function installedCli(root: string): string {
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { bin: Record<string, string> };
  return join(root, pkg.bin.avvikelse);
}

interface Variant {
  label: string;
  args: string[];
  runs: { wall: number; cpu: number }[];
}

function main(): void {
  const argv = process.argv.slice(2);
  const opt = (name: string, fallback: string) => {
    const i = argv.indexOf(`--${name}`);
    return i >= 0 && argv[i + 1] ? argv[i + 1] : fallback;
  };
  const compared = argv.flatMap((a, i) => (a === '--compare' && argv[i + 1] ? [resolve(argv[i + 1])] : []));
  const root = resolve(__dirname, '..', '..', '..');
  const runs = Number(opt('runs', '15'));
  const input = resolve(opt('input', join(root, 'examples', 'prognos-exempel.xlsx')));
  const config = join(root, 'examples', 'avvikelse.json');
  const dir = mkdtempSync(join(tmpdir(), 'avvikelse-latency-'));
  const report = (cli: string): string[] => [cli, 'report', input, '--out', join(dir, 'r.xlsx'), '--json', join(dir, 'r.json'), '--config', config, '--force', '--quiet'];
  const cli = installedCli(root);
  const variants: Variant[] = [
    { label: `report ${input.split('/').pop()} (${cli.slice(root.length + 1)})`, args: report(cli), runs: [] },
    ...compared.map((c) => ({ label: `  jämförelse ${c}`, args: report(c), runs: [] })),
    { label: 'node -e "" (bara start)', args: ['-e', ''], runs: [] },
  ];
  for (const v of variants) timed(v.args);
  for (let i = 0; i < runs; i++) for (const v of variants) v.runs.push(timed(v.args));
  rmSync(dir, { recursive: true, force: true });
  const fmt = (xs: number[]) => `median ${median(xs).toFixed(0)} ms (min ${Math.min(...xs).toFixed(0)}, max ${Math.max(...xs).toFixed(0)})`;
  const cpu = (xs: { cpu: number }[]) => `cpu median ${median(xs.map((x) => x.cpu)).toFixed(0)} ms`;
  // the figure a busy machine disturbs least: the tool's median wall time over a bare start's, measured interleaved
  const bare = median(variants[variants.length - 1].runs.map((r) => r.wall));
  const ratio = (v: Variant) => (v === variants[variants.length - 1] ? '' : `, ${(median(v.runs.map((r) => r.wall)) / bare).toFixed(2)} × node -e ""`);
  for (const v of variants) console.log(`${v.label}: ${fmt(v.runs.map((r) => r.wall))}, ${cpu(v.runs)}${ratio(v)}, ${runs} körningar`);
  const t = median(variants[0].runs.map((r) => r.wall));
  console.log(`mål ≤ ${TARGET_MS} ms: ${t <= TARGET_MS ? 'PASS' : 'MISS'}`);
  process.exitCode = t <= TARGET_MS ? 0 : 1;
}

if (require.main === module) main();
