/**
 * The command line as users run it, for tests that must run it as its own process (kill -9, a memory
 * limit): package.json's `bin`, the launcher and bundle that `npm run build:cli` (webpack --env cli)
 * builds, here into `dist/test-cli/<hash of the sources>/`, once per source state. Type checking is
 * `tsc -p test`'s job.
 */
import { spawn, spawnSync, type SpawnOptions } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';

const ROOT = join(__dirname, '..', '..');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return e.name === 'taskpane' ? [] : sources(path);
    return e.name.endsWith('.ts') && !e.name.endsWith('.d.ts') ? [path] : [];
  });
}

/** The path of the built launcher (`avvikelse.js`, what `bin` names), built if the sources changed. */
export function builtCli(): string {
  const files = [...sources(join(ROOT, 'src')).sort(), join(ROOT, 'webpack.config.js'), join(ROOT, 'package.json')];
  const hash = createHash('sha256').update(process.version);
  for (const f of files) hash.update(relative(ROOT, f)).update(readFileSync(f));
  const out = join(ROOT, 'dist', 'test-cli', hash.digest('hex').slice(0, 16));
  const launcher = join(out, 'avvikelse.js');
  if (existsSync(launcher)) return launcher;
  const staging = `${out}.${process.pid}.tmp`;
  const webpack = join(ROOT, 'node_modules', 'webpack', 'bin', 'webpack.js');
  const build = spawnSync(process.execPath, [webpack, '--env', 'cli', '--env', `outDir=${staging}`], { cwd: ROOT, encoding: 'utf8' });
  if (build.status !== 0) throw new Error(`webpack --env cli misslyckades:\n${build.stdout}\n${build.stderr}`);
  // reports the process's peak memory on descriptor 3 when it exits (see runBuiltCli)
  writeFileSync(join(staging, 'peak.js'), "process.on('exit', () => { try { require('fs').writeSync(3, String(process.resourceUsage().maxRSS)); } catch {} });\n");
  try {
    renameSync(staging, out);
  } catch {
    rmSync(staging, { recursive: true, force: true }); // another test process built it first
  }
  return launcher;
}

export interface ProcessRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  out: string;
  err: string;
  /** Wall time in ms. */
  ms: number;
  /** Peak resident memory in MB, when the process exited by itself. */
  peakMb?: number;
  timedOut: boolean;
}

/** Runs the built CLI under a heap limit (MB) and a time limit (ms), killing it (SIGKILL) when time runs out. */
export function runBuiltCli(argv: string[], limits: { heapMb: number; timeoutMs: number }, options: SpawnOptions = {}): Promise<ProcessRun> {
  return new Promise((resolve) => {
    const started = Date.now();
    const main = builtCli();
    const peak = join(dirname(main), 'peak.js');
    const child = spawn(process.execPath, [`--max-old-space-size=${limits.heapMb}`, '-r', peak, main, ...argv], { stdio: ['ignore', 'pipe', 'pipe', 'pipe'], ...options });
    let out = '';
    let err = '';
    let peakKb = '';
    child.stdout?.on('data', (d) => (out += d));
    child.stderr?.on('data', (d) => (err += d));
    (child.stdio[3] as NodeJS.ReadableStream | null)?.on('data', (d) => (peakKb += d));
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, limits.timeoutMs);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, out, err, ms: Date.now() - started, timedOut, peakMb: peakKb ? Math.round(Number(peakKb) / 1024) : undefined });
    });
  });
}
