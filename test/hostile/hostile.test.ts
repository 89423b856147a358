/**
 * The hostile corpus through the command line as users run it (its own process), each case under a
 * memory limit (a 256 MB heap; 1 GB for the one case that must unpack 80 MB of cells to count them) and a time limit: the asserted Swedish line on stderr, exit 2, nothing
 * written, the input unchanged, and the process's peak memory and time far below what the file would
 * cost if it were read as it asks to be.
 */
import { existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { runBuiltCli } from '../support/builtCli';
import { sha256 } from '../cli/files';
import { tempDir } from '../cli/helpers';
import { ALL_CASES, goodWorkbook } from './build';

jest.setTimeout(120_000);

const LIMITS = { heapMb: 256, timeoutMs: 30_000 };
/** What a case may cost at most: peak resident memory (MB) and wall time (ms, on a loaded 2-core machine). */
const BUDGET = { peakMb: 400, ms: 20_000 };

let good: Buffer;
let root: string;
beforeAll(async () => {
  root = tempDir();
  good = await goodWorkbook(root);
});

test('the corpus has its cases, with distinct names', () => {
  expect(ALL_CASES.length).toBeGreaterThanOrEqual(30);
  expect(new Set(ALL_CASES.map((c) => c.name)).size).toBe(ALL_CASES.length);
});

test.each(ALL_CASES.map((c, i) => [c.name, c, i] as const))('%s', async (_name, c, i) => {
  const dir = join(root, `fall-${i}`);
  mkdirSync(dir);
  const input = c.build(dir, good);
  const stats = statSync(input);
  const fingerprint = () => (stats.size < 100 * 1024 * 1024 ? sha256(input) : `${statSync(input).size} ${statSync(input).mtimeMs}`); // not a GB of hashing
  const before = stats.isFile() ? fingerprint() : undefined;
  const outDir = join(root, `ut-${i}`);
  mkdirSync(outDir);
  const run = await runBuiltCli(['report', input, '--out', join(outDir, 'ut.xlsx'), '--json', join(outDir, 'ut.json'), '--months', '8'], { ...LIMITS, heapMb: c.heapMb ?? LIMITS.heapMb });
  const lines = run.err.split('\n').filter(Boolean);
  const report = `exit ${run.code}${run.signal ? ` (${run.signal})` : ''}, ${run.ms} ms, ${run.peakMb ?? '?'} MB\n${run.err}${run.out}`;
  expect({ timedOut: run.timedOut, code: run.code, report: run.code === (c.code ?? 2) ? '' : report }).toEqual({ timedOut: false, code: c.code ?? 2, report: '' });
  if ((c.code ?? 2) === 2) {
    expect(lines).toHaveLength(1);
    if (typeof c.err === 'string') expect(lines[0]).toBe(c.err.replace('%f', input));
    else expect(lines[0]).toMatch(c.err);
    expect(readdirSync(outDir)).toEqual([]);
  } else {
    expect(run.out).toContain('Skrev');
    expect(existsSync(join(outDir, 'ut.xlsx'))).toBe(true);
  }
  if (before) expect(fingerprint()).toBe(before);
  expect(run.ms).toBeLessThan(BUDGET.ms);
  expect(run.peakMb).toBeLessThan(c.peakMb ?? BUDGET.peakMb);
});

/** `shared/realworld-xlsx` beside the checkout (../shared from the main checkout, ../../shared from a worktree). */
function realWorldFolder(): string | undefined {
  for (let d = join(__dirname, '..', '..'), i = 0; i < 4; d = join(d, '..'), i++) {
    const candidate = join(d, 'shared', 'realworld-xlsx');
    if (existsSync(candidate)) return candidate;
  }
  return undefined;
}

const REAL = realWorldFolder();
if (!REAL) console.warn('Varning: shared/realworld-xlsx saknas här; de verkliga fientliga filerna prövas inte.');
(REAL ? describe : describe.skip)('hostile files from other projects\' test data', () => {
  test.each([
    ['calamine__pass_protected.xlsx', /^avvikelse: .*: kan inte läsas som en \.xlsx-fil: filen är lösenordsskyddad \(krypterad\)\. /],
    ['poi__poc-xmlbomb.xlsx', /^Arbetsboken .* kunde inte läsas: delen med delade texter \(xl\/sharedStrings\.xml\): den delade texten nr 0 har en text på 200 007 tecken, fler än Excels 32 767 \(gränsen för text i en cell\)\. Filen ser skadad/],
    ['poi__duplicate-filename-case-insensitive.xlsx', /^Arbetsboken .* kunde inte läsas: paketet har två delar med namnet xl\/worksheets\/Sheet1\.xml/],
  ])('%s', async (file, message) => {
    const outDir = tempDir();
    const run = await runBuiltCli(['report', join(REAL!, file), '--out', join(outDir, 'ut.xlsx')], LIMITS);
    expect(run.code).toBe(2);
    expect(run.err.trim()).toMatch(message);
    expect(readdirSync(outDir)).toEqual([]);
  });
});
