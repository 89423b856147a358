/** What every run of the whole path must satisfy, whatever the sheet: the checks the fuzz tests share. */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { columnIndex, sheetRef } from '../../src/core/address';
import type { JsonReport, JsonRow, JsonTable } from '../../src/report/json';
import { runCli, tempDir, type CliRun } from '../cli/helpers';
import type { FixtureCell, FixtureSheet } from '../fixtures/xlsx';
import { writeFixture } from '../fixtures/xlsx';
import { X } from './sheets';

export const sha = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

const NO_TABLES = 'Hittade ingen flik med budget-, prognos- eller utfallskolumner i arbetsboken.';
const SPACE_LIKE = /[\u00A0\u2007\u2009\u202F]/g;
/** What must never reach a user: JavaScript leaking through. */
const JUNK = /undefined|NaN|\[object|Error\b|\bat .*\(|=>|\bnull\b/;

/** A cell as the error messages quote it (parseAmountCell's rules); a formula by its cached value. */
function quoted(v: FixtureCell | undefined): string | undefined {
  if (v && typeof v === 'object' && 'formula' in v) return v.result === undefined ? '#N/A' : quoted(v.result);
  if (typeof v === 'string') {
    const t = v.replace(SPACE_LIKE, ' ').trim();
    const chars = Array.from(t);
    return chars.length > 40 ? `${chars.slice(0, 40).join('')}…` : t;
  }
  if (typeof v === 'boolean') return v ? 'SANT' : 'FALSKT';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (v && typeof v === 'object' && 'error' in v) return v.error;
  if (typeof v === 'number') return String(v);
  return undefined;
}

const isBlank = (v: FixtureCell | undefined) => v === null || v === undefined || (typeof v === 'string' && /^[\s\u00A0\u2009\u202F]*$|^[-\u2212\u2013\u2014]$/.test(v.replace(SPACE_LIKE, ' ').trim()));
const trimmed = (v: FixtureCell | undefined): string | undefined => {
  if (v && typeof v === 'object' && 'formula' in v) return v.result === undefined ? '#N/A' : trimmed(v.result);
  return typeof v === 'string' ? v.trim() : v === null || v === undefined ? '' : quoted(v);
};

/**
 * Exit 1: one line per error naming the sheet (and, for a cell, an address inside the grid that holds
 * what the message quotes), then the count. `problems` collects what is wrong, for one clear failure.
 */
export function checkErrorLines(err: string[], sheets: FixtureSheet[]): string[] {
  const problems: string[] = [];
  const last = err[err.length - 1];
  if (last !== `${err.length - 1} fel hittades; ingenting skrevs.`) problems.push(`sista raden: ${last}`);
  if (err.length < 2) problems.push('inga fel listade');
  for (const line of err.slice(0, -1)) {
    if (JUNK.test(line)) problems.push(`skräp i: ${line}`);
    if (line === NO_TABLES) continue;
    const sheet = sheets.find((s) => line.startsWith(`${sheetRef(s.name)}!`) || line.startsWith(`${sheetRef(s.name)}: `));
    if (!sheet) {
      problems.push(`ingen flik i: ${line}`);
      continue;
    }
    const rest = line.slice(sheetRef(sheet.name).length);
    if (rest.startsWith(': ')) continue;
    const m = /^!([A-Z]{1,3})(\d+): (.+)$/.exec(rest);
    if (!m) {
      problems.push(`ingen cell i: ${line}`);
      continue;
    }
    const row = Number(m[2]) - 1;
    const col = columnIndex(m[1]);
    const width = Math.max(0, ...sheet.rows.map((r) => r.length));
    if (row < 0 || row >= sheet.rows.length || col < 0 || col >= width) {
      problems.push(`cellen ligger utanför rutnätet (${sheet.rows.length} rader, ${width} kolumner): ${line}`);
      continue;
    }
    const cell = sheet.rows[row]?.[col];
    const msg = m[3];
    const q = /^"(.*)" är (?:inget belopp|ett felvärde, inget belopp|ett datum, inget belopp)$/.exec(msg);
    const named = /^"(.*)" är ingen radtyp|^kan inte avgöra om "(.*)" är intäkt|^kontot i "(.*)" hör inte/.exec(msg);
    if (q && quoted(cell) !== q[1]) problems.push(`${line}: cellen innehåller ${JSON.stringify(cell)}`);
    else if (named && trimmed(cell) !== (named[1] ?? named[2] ?? named[3])) problems.push(`${line}: cellen innehåller ${JSON.stringify(cell)}`);
    else if (/^tom cell där ett belopp behövs/.test(msg) && !isBlank(cell)) problems.push(`${line}: cellen är inte tom: ${JSON.stringify(cell)}`);
    else if (/^raden har belopp men ingen benämning/.test(msg) && !isBlank(cell)) problems.push(`${line}: etiketten är inte tom: ${JSON.stringify(cell)}`);
  }
  return problems;
}

/** Exit 0: numbers only (finite, never -0); `null` only for the `–` of an avvikelse % without budget. */
export function checkJsonNumbers(report: JsonReport): string[] {
  const problems: string[] = [];
  for (const t of report.tables) {
    for (const r of t.rows) {
      for (const [col, v] of Object.entries(r.cells)) {
        if (v === null) {
          if (!/Pct/.test(col)) problems.push(`${t.title} / ${r.label} / ${col}: null`);
        } else if (typeof v !== 'number' || !Number.isFinite(v) || Object.is(v, -0)) problems.push(`${t.title} / ${r.label} / ${col}: ${String(v)}`);
      }
    }
  }
  return problems;
}

/**
 * Every sum row against its rows, from the displayed figures: the sum is rounded from exact amounts,
 * so it may differ from the sum of n displayed rows by at most (n + 1) / 2 display units.
 */
export function checkSumRows(report: JsonReport): string[] {
  const problems: string[] = [];
  const step = (t: JsonTable) => (t.unit === 'mnkr' ? new X('0.1') : new X(1));
  const amountCols = (t: JsonTable) => t.columns.filter((c) => !/Pct/.test(c));
  const near = (t: JsonTable, what: string, sum: JsonRow | undefined, parts: JsonRow[], sign: (r: JsonRow, col: string) => number = () => 1) => {
    if (!sum) return;
    for (const col of amountCols(t)) {
      const shown = sum.cells[col];
      if (typeof shown !== 'number') continue;
      let total = new X(0);
      let magnitude = new X(Math.abs(shown));
      for (const p of parts) {
        total = total.plus(new X(p.cells[col] ?? 0).times(sign(p, col)));
        magnitude = magnitude.plus(Math.abs(p.cells[col] ?? 0));
      }
      // display units lost to rounding, plus what JSON's doubles cannot hold beyond 2^53
      const slack = step(t).times(parts.length + 1).div(2).plus(magnitude.times(2 ** -52));
      if (total.minus(shown).abs().gt(slack)) problems.push(`${t.title}: ${what} ${col} = ${shown}, raderna ger ${total.toString()} (±${slack.toString()})`);
    }
  };
  for (const t of report.tables) {
    const kind = (k: string) => t.rows.filter((r) => r.kind === k);
    if (t.type === 'driftredovisning') {
      const revenue = kind('revenue');
      const costs = kind('cost');
      const sums = kind('sum');
      near(t, 'Verksamhetens kostnader', sums.find((r) => r.label === 'Verksamhetens kostnader'), costs);
      if (revenue.length > 1) near(t, 'Verksamhetens intäkter', sums.find((r) => r.label === 'Verksamhetens intäkter'), revenue);
      const isDev = (col: string) => col.startsWith('avvikelse');
      near(t, 'Årets resultat', kind('net')[0], [...revenue, ...costs], (r, col) => (isDev(col) || r.kind === 'cost' ? 1 : -1));
    } else if (t.type === 'nettokostnad' || t.type === 'nettokostnadAr') {
      near(t, 'Summa nettokostnad', t.rows.find((r) => r.label === 'Summa nettokostnad'), kind('net'));
    } else if (t.type === 'investeringar') {
      let items: JsonRow[] = [];
      for (const r of t.rows) {
        if (r.kind === 'group') items = [];
        else if (r.kind === 'item') items.push(r);
        else if (r.kind === 'sum' && r.label !== 'Summa') near(t, r.label, r, items);
      }
      near(t, 'Summa', t.rows.find((r) => r.kind === 'sum' && r.label === 'Summa'), kind('item'));
    }
  }
  return problems;
}

export interface PathRun {
  input: string;
  run: CliRun;
  out: string;
  json: string;
  report?: JsonReport;
  /** Problems found by the checks every run shares (input untouched, nothing written on error, re-run). */
  problems: string[];
}

let counter = 0;

/**
 * Writes the sheets as a real .xlsx, runs `avvikelse report` on it in-process, and checks what holds
 * for every input: exit 0 or 1 (never 2 or 3 on a sound file, never a throw), the input unchanged,
 * nothing written on error, and on success a re-run on the output giving the same bytes and JSON.
 */
export async function runPath(sheets: FixtureSheet[], args: string[], dir = tempDir()): Promise<PathRun> {
  const n = ++counter;
  const input = await writeFixture(join(dir, `in-${n}.xlsx`), sheets);
  const out = join(dir, `out-${n}.xlsx`);
  const json = join(dir, `out-${n}.json`);
  const before = sha(input);
  const problems: string[] = [];
  let run: CliRun;
  try {
    run = await runCli(['report', input, '--out', out, '--json', json, ...args]);
  } catch (e) {
    return { input, out, json, run: { code: 3, out: [], err: [String((e as Error).stack)] }, problems: [`kastade: ${(e as Error).stack}`] };
  }
  if (sha(input) !== before) problems.push('indatafilen ändrades');
  if (run.code !== 0 && run.code !== 1) problems.push(`exit ${run.code}: ${run.err.join(' | ')}`);
  if (run.code !== 0) {
    if (existsSync(out) || existsSync(json)) problems.push('utdata skrevs trots fel');
    return { input, out, json, run, problems };
  }
  if (run.err.length > 0) problems.push(`stderr vid exit 0: ${run.err.join(' | ')}`);
  const text = readFileSync(json, 'utf8');
  const report = JSON.parse(text) as JsonReport;
  const again = await runCli(['report', out, '--out', `${out}.2.xlsx`, '--json', `${json}.2.json`, ...args]);
  if (again.code !== 0) problems.push(`omkörning på utdata: exit ${again.code}: ${again.err.join(' | ')}`);
  else {
    if (!readFileSync(out).equals(readFileSync(`${out}.2.xlsx`))) problems.push('omkörning på utdata gav andra byte');
    if (readFileSync(`${json}.2.json`, 'utf8') !== text) problems.push('omkörning på utdata gav annan JSON');
  }
  return { input, out, json, run, report, problems };
}

/**
 * `audit` on the input (and on the report's output) and `export` on the input: exit 0 or 1, never a
 * throw; export writes its document only on 0; audit's JSON findings name a sheet and a cell.
 */
export async function otherCommands(path: PathRun, args: string[]): Promise<string[]> {
  const problems: string[] = [];
  const files = path.report ? [path.input, path.out] : [path.input];
  for (const file of files) {
    try {
      const audit = await runCli(['audit', file, '--json', `${file}.fynd.json`]);
      if (audit.code !== 0 && audit.code !== 1) problems.push(`audit ${file}: exit ${audit.code}: ${audit.err.join(' | ')}`);
      for (const f of (JSON.parse(readFileSync(`${file}.fynd.json`, 'utf8')) as { findings: { sheet: string; cell: string }[] }).findings) {
        if (!f.sheet || !/^[A-Z]{1,3}\d+$/.test(f.cell)) problems.push(`audit ${file}: fynd utan flik eller cell: ${JSON.stringify(f)}`);
      }
    } catch (e) {
      problems.push(`audit ${file} kastade: ${(e as Error).stack}`);
    }
  }
  const docx = `${path.input}.docx`;
  try {
    const exported = await runCli(['export', path.input, '--docx', docx, ...args]);
    if (exported.code !== 0 && exported.code !== 1) problems.push(`export: exit ${exported.code}: ${exported.err.join(' | ')}`);
    if (exported.code !== 0 && existsSync(docx)) problems.push('export skrev trots fel');
    if (exported.code === 0 && !existsSync(docx)) problems.push('export skrev inget');
  } catch (e) {
    problems.push(`export kastade: ${(e as Error).stack}`);
  }
  return problems;
}
