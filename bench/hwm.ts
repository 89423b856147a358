/**
 * Preload (`node -r dist/node/bench/hwm.js …`) used only when /usr/bin/time is missing: on exit, writes
 * the process's peak resident set (VmHWM, kB) to the file named by AVVIKELSE_BENCH_HWM. The CLI ends
 * with process.exit(), which still runs 'exit' listeners.
 */
import { readFileSync, writeFileSync } from 'node:fs';

const target = process.env.AVVIKELSE_BENCH_HWM;
if (target) {
  process.on('exit', () => {
    try {
      const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'));
      writeFileSync(target, m ? m[1] : '');
    } catch {
      // No /proc: the runner reports the peak as unknown.
    }
  });
}
