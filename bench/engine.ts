/**
 * The engine benchmark: aggregating 1 000 000 amounts exactly, against a plain-number baseline.
 *
 *   npm run bench:engine -- [--rows 1000000] [--runs 7] [--out-json F]
 *
 * The amounts are the generated ledger extract's (examples/ledgerExtract.ts: kronor with öre), grouped by
 * (verksamhet, account class) as the ledger reader groups them. Three ways to add them up, each timed
 * over the same arrays (median of --runs after a warm-up):
 * - baseline: `sums[g] += amount` in a Float64Array: what plain numbers cost (and not exact);
 * - engine: `ExactSums.addNumber` (integer öre with a Decimal fallback), what `readLedger` uses;
 * - decimal.js: `sum.plus(new Dec(amount))` per amount, for reference.
 * Exactness is checked, not assumed: every group's engine sum must equal its decimal.js sum.
 * Then the whole ledger reader (`readLedger`) runs on a 1 000 000-row grid, for the engine's total time.
 * Target: engine ≤ 3 × baseline.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import type Decimal from 'decimal.js';
import { DEFAULT_ACCOUNT_MAP, ruleFor } from '../src/core/accountMap';
import { Dec } from '../src/core/decimal';
import { ExactSums } from '../src/core/exactSum';
import { readLedger } from '../src/core/ledger';
import { detectHeader } from '../src/core/roles';
import type { RawValue } from '../src/core/types';
import { buildSettings } from '../src/report/settings';
import { LEDGER_HEADER, ledgerActivities, ledgerRows } from '../examples/ledgerExtract';

const TARGET = 3;

function option(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  if (i < 0) return fallback;
  const n = Number(process.argv[i + 1]);
  if (!Number.isInteger(n) || n < 1) throw new Error(`--${name} behöver ett heltal ≥ 1`);
  return n;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

function time(f: () => unknown): number {
  const t = process.hrtime.bigint();
  f();
  return Number(process.hrtime.bigint() - t) / 1e6;
}

function main(): void {
  const rows = option('rows', 1_000_000);
  const runs = option('runs', 7);
  const outIndex = process.argv.indexOf('--out-json');
  const outJson = outIndex > 0 ? resolve(process.argv[outIndex + 1]) : undefined;

  // the amounts (one column: utfall jan–aug) and each row's group, as the ledger reader keys them
  const amounts = new Float64Array(rows);
  const groups = new Int32Array(rows);
  const activities = ledgerActivities();
  const classes = DEFAULT_ACCOUNT_MAP.rules.length + 1;
  const grid: RawValue[][] = [LEDGER_HEADER];
  let i = 0;
  for (const r of ledgerRows(rows)) {
    amounts[i] = r.ore[3] / 100;
    const rule = ruleFor(DEFAULT_ACCOUNT_MAP, String(r.account));
    groups[i] = activities.indexOf(r.activity) * classes + (rule ? rule.index : classes - 1);
    grid.push([r.account, r.activity, ...r.ore.map((o) => o / 100)]);
    i++;
  }
  const groupCount = activities.length * classes;

  const baseline = () => {
    const sums = new Float64Array(groupCount);
    for (let k = 0; k < rows; k++) sums[groups[k]] += amounts[k];
    return sums;
  };
  const engine = () => {
    const sums = new ExactSums(groupCount);
    for (let k = 0; k < rows; k++) sums.addNumber(groups[k], amounts[k]);
    return sums;
  };
  const decimal = () => {
    const sums: Decimal[] = Array.from({ length: groupCount }, () => new Dec(0));
    for (let k = 0; k < rows; k++) sums[groups[k]] = sums[groups[k]].plus(new Dec(amounts[k]));
    return sums;
  };

  // exactness first: the engine's sums are the decimal.js sums, group by group
  const exact = engine();
  const reference = decimal();
  const mismatches = reference.filter((d, g) => !exact.value(g).eq(d)).length;
  const plain = baseline();
  const plainOff = reference.filter((d, g) => !new Dec(plain[g]).eq(d)).length;

  for (let w = 0; w < 3; w++) {
    baseline();
    engine();
  }
  const t = { baseline: [] as number[], engine: [] as number[], decimal: [] as number[], readLedger: [] as number[] };
  for (let k = 0; k < runs; k++) {
    // alternate the order so neither always runs after the other
    if (k % 2) {
      t.engine.push(time(engine));
      t.baseline.push(time(baseline));
    } else {
      t.baseline.push(time(baseline));
      t.engine.push(time(engine));
    }
  }
  for (let k = 0; k < Math.min(runs, 3); k++) t.decimal.push(time(decimal));
  const header = detectHeader(grid)!;
  const settings = buildSettings({ months: 8 }, undefined, 2026);
  let reconciled = false;
  for (let k = 0; k < Math.min(runs, 3); k++) {
    t.readLedger.push(
      time(() => {
        reconciled = readLedger('Huvudbok', grid, header, settings.defaults, settings.accounts).ledger!.reconciled;
      }),
    );
  }

  const ms = { baseline: median(t.baseline), engine: median(t.engine), decimal: median(t.decimal), readLedger: median(t.readLedger) };
  const ratio = ms.engine / ms.baseline;
  const f = (x: number, d = 1) => x.toFixed(d);
  console.log(`Motorn: ${rows} belopp i ${groupCount} grupper, ${runs} körningar, node ${process.version}, ${cpus().length} kärnor`);
  console.log('');
  console.log('| way | ms (median) | × baseline | exact |');
  console.log('|---|---|---|---|');
  console.log(`| baseline: Float64Array += | ${f(ms.baseline)} | 1.0× | ${plainOff === 0 ? 'yes (by luck)' : `no: ${plainOff} of ${groupCount} groups off`} |`);
  console.log(`| engine: ExactSums (integer öre, Decimal fallback) | ${f(ms.engine)} | ${f(ratio, 2)}× | ${mismatches === 0 ? 'yes' : `NO: ${mismatches} groups differ`} |`);
  console.log(`| decimal.js: plus(new Dec(x)) | ${f(ms.decimal)} | ${f(ms.decimal / ms.baseline)}× | yes (the reference) |`);
  console.log('');
  console.log(`readLedger på ${rows} rader × 5 beloppskolumner (hela läsningen: konton, verksamheter, avstämning): ${f(ms.readLedger)} ms, avstämd: ${reconciled}`);
  const pass = ratio <= TARGET && mismatches === 0 && reconciled;
  console.log(`Mål: motorn ≤ ${TARGET}× baslinjen och exakt: ${pass ? 'PASS' : 'MISS'}`);
  const result = { date: new Date().toISOString(), node: process.version, cores: cpus().length, cpu: cpus()[0]?.model, rows, groups: groupCount, runs, ms, ratio, target: TARGET, exact: mismatches === 0, baselineGroupsOff: plainOff, reconciled, pass, samples: t };
  const file = outJson ?? join(__dirname, '..', '..', '..', 'bench', 'results', `engine-${rows}.json`);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify(result, null, 2) + '\n');
  console.log(`Skrev ${file}`);
  if (!pass) process.exitCode = 1;
}

main();
