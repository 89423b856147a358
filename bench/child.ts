/** Child processes of the benchmarks: wall time around each, peak resident set from /usr/bin/time -v. */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

export interface ChildRun {
  seconds: number;
  peakMb: number;
  stdout: string;
}

export const hasGnuTime = (() => {
  if (!existsSync('/usr/bin/time')) return false;
  const r = spawnSync('/usr/bin/time', ['-v', 'true'], { encoding: 'utf8' });
  return r.status === 0 && /Maximum resident set size/.test(r.stderr);
})();

/** Runs `node <args>` as a child; wall time around it, peak RSS from /usr/bin/time -v (else the preload). */
export function runNode(args: string[], scratch: string, label: string): Promise<ChildRun> {
  const timeFile = join(scratch, `${label}.time`);
  const hwmFile = join(scratch, `${label}.hwm`);
  rmSync(timeFile, { force: true });
  rmSync(hwmFile, { force: true });
  const nodeArgs = hasGnuTime ? args : ['-r', join(__dirname, 'hwm.js'), ...args];
  const [cmd, cmdArgs] = hasGnuTime ? ['/usr/bin/time', ['-v', '-o', timeFile, process.execPath, ...nodeArgs]] : [process.execPath, nodeArgs];
  return new Promise((resolvePromise, reject) => {
    const started = process.hrtime.bigint();
    const child = spawn(cmd, cmdArgs, { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, AVVIKELSE_BENCH_HWM: hwmFile } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      if (code !== 0) {
        reject(new Error(`${label}: avslutades med kod ${code}\n${stderr.trim()}\n${stdout.trim()}`));
        return;
      }
      let peakKb = Number.NaN;
      if (hasGnuTime) {
        const m = /Maximum resident set size \(kbytes\): (\d+)/.exec(readFileSync(timeFile, 'utf8'));
        if (m) peakKb = Number(m[1]);
      } else if (existsSync(hwmFile)) {
        peakKb = Number(readFileSync(hwmFile, 'utf8')) || Number.NaN;
      }
      resolvePromise({ seconds, peakMb: peakKb / 1024, stdout });
    });
  });
}

export function median(xs: number[]): number {
  const s = [...xs].filter((x) => !Number.isNaN(x)).sort((a, b) => a - b);
  if (s.length === 0) return Number.NaN;
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

export const f = (x: number, d = 2) => (Number.isFinite(x) ? x.toFixed(d) : '?');

export function table(head: string[], rows: string[][]): string {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
  return [line(head), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.map(line)].join('\n');
}
