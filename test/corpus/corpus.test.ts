/**
 * The bad-input corpus: every case is written as a real .xlsx, run through `avvikelse report` with
 * --out and --json, and checked for its outcome. For every case: no crash (exit 3 / throw), the input
 * unchanged byte for byte; on error nothing written; on success a second run gives identical bytes.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli, tempDir } from '../cli/helpers';
import { caseFileName, writeCase } from './build';
import { CASES, type CorpusCase } from './cases';

jest.setTimeout(60_000);

const sha = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

interface JsonRow {
  label: string;
  cells: Record<string, number | null>;
}
interface JsonTable {
  sheet: string;
  rows: JsonRow[];
}

async function check(c: CorpusCase): Promise<void> {
  const dir = tempDir();
  const input = await writeCase(c, join(dir, caseFileName(c)));
  const before = sha(input);
  const out = join(dir, 'ut.xlsx');
  const json = join(dir, 'ut.json');
  const args = ['report', input, '--out', out, '--json', json, ...(c.args ?? ['--months', '8'])];

  const run = await runCli(args);
  expect(sha(input)).toBe(before);
  expect(run.code).not.toBe(3);
  const report = `exit ${run.code}\nstderr:\n${run.err.join('\n')}\nstdout:\n${run.out.join('\n')}`;
  if (run.code !== c.expect.code) throw new Error(`väntade exit ${c.expect.code}, fick ${report}`);

  if (c.expect.errLines) expect(run.err).toEqual(c.expect.errLines);
  for (const s of c.expect.errContains ?? []) expect(run.err.some((l) => l.includes(s))).toBe(true);
  for (const re of c.expect.errMatch ?? []) expect(run.err.some((l) => re.test(l))).toBe(true);
  for (const s of c.expect.outContains ?? []) expect(run.out.join('\n')).toContain(s);

  if (c.expect.code !== 0) {
    // Errors name sheet and cell or say what is missing; nothing is written.
    expect(run.err.length).toBeGreaterThan(0);
    expect(existsSync(out)).toBe(false);
    expect(existsSync(json)).toBe(false);
    return;
  }

  const model = JSON.parse(readFileSync(json, 'utf8')) as { tables: JsonTable[] };
  for (const [sheet, rows] of Object.entries(c.expect.json ?? {})) {
    const tables = model.tables.filter((t) => t.sheet === sheet);
    expect(tables.length).toBeGreaterThan(0);
    const all = tables.flatMap((t) => t.rows);
    for (const [label, cells] of Object.entries(rows)) {
      const row = all.find((r) => r.label === label);
      expect({ label, cells: row?.cells }).toEqual({ label, cells: expect.objectContaining(cells) });
    }
  }
  for (const [sheet, labels] of Object.entries(c.expect.absentRows ?? {})) {
    const all = model.tables.filter((t) => t.sheet === sheet).flatMap((t) => t.rows.map((r) => r.label));
    for (const l of labels) expect(all).not.toContain(l);
  }

  // Deterministic: the same input gives the same bytes.
  const out2 = join(dir, 'ut2.xlsx');
  const json2 = join(dir, 'ut2.json');
  const again = await runCli(['report', input, '--out', out2, '--json', json2, ...(c.args ?? ['--months', '8'])]);
  expect(again.code).toBe(0);
  expect(sha(input)).toBe(before);
  expect(sha(out2)).toBe(sha(out));
  expect(readFileSync(json2, 'utf8')).toBe(readFileSync(json, 'utf8'));
}

test('the corpus has at least 40 cases with distinct names', () => {
  expect(CASES.length).toBeGreaterThanOrEqual(40);
  expect(new Set(CASES.map(caseFileName)).size).toBe(CASES.length);
});

const ok = CASES.filter((c) => !c.bug);
const known = CASES.filter((c) => c.bug);
test.each(ok.map((c) => [c.name, c] as const))('%s', async (_name, c) => check(c));
if (known.length > 0) test.failing.each(known.map((c) => [`${c.name} (känt fel: ${c.bug})`, c] as const))('%s', async (_name, c) => check(c));
