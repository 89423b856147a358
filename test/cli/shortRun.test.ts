/**
 * Short runs without TurboFan (src/cli/shortRun.ts): which inputs count as short, and that the installed
 * command really keeps V8 at its baseline tier on the shipped example (and does not without the rule).
 */
import { spawnSync } from 'node:child_process';
import { cpSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { SHORT_RUN_BYTES, shortRunTier, statedUnpackedBytes } from '../../src/cli/shortRun';
import { centralDirectory } from '../../src/workbook/xlsx/zipDirectory';
import { builtCli } from '../support/builtCli';
import { tempDir } from './helpers';

jest.setTimeout(120_000);

const ROOT = join(__dirname, '..', '..');
const EXAMPLE = join(ROOT, 'examples', 'prognos-exempel.xlsx');

/** The example with its first central-directory record's unpacked size set to `size`. */
function withFirstSize(size: number): Buffer {
  const zip = Buffer.from(readFileSync(EXAMPLE));
  const dir = centralDirectory(zip);
  if (!dir) throw new Error('no central directory');
  zip.writeUInt32LE(size, dir.offset + 24);
  return zip;
}

test('the unpacked size is the sum the central directory states (as Python’s zipfile sums it)', () => {
  const zip = readFileSync(EXAMPLE);
  const py = spawnSync('/usr/bin/python3', ['-c', 'import zipfile,sys; print(sum(i.file_size for i in zipfile.ZipFile(sys.argv[1]).infolist()))', EXAMPLE], { encoding: 'utf8' });
  expect(py.status).toBe(0);
  expect(statedUnpackedBytes(zip)).toBe(Number(py.stdout.trim()));
  expect(statedUnpackedBytes(zip)).toBeLessThan(SHORT_RUN_BYTES);
});

test('a large part, a ZIP64 size or no zip at all is not a short run', () => {
  expect(statedUnpackedBytes(withFirstSize(SHORT_RUN_BYTES + 1))).toBeGreaterThan(SHORT_RUN_BYTES);
  expect(statedUnpackedBytes(withFirstSize(0xffffffff))).toBe(Infinity);
  expect(statedUnpackedBytes(Buffer.from('not a zip at all, only text'))).toBe(Infinity);
});

test('inside another program (these tests) the rule changes nothing', () => {
  expect(shortRunTier(readFileSync(EXAMPLE))).toBe(false);
});

/** The functions TurboFan optimised during `report` on the example through `launcher`. */
function optimised(launcher: string, env: NodeJS.ProcessEnv = process.env): number {
  const dir = tempDir();
  const run = spawnSync(process.execPath, ['--trace-opt', launcher, 'report', EXAMPLE, '--out', join(dir, 'r.xlsx'), '--quiet'], { encoding: 'utf8', env });
  expect(run.status).toBe(0);
  return run.stdout.split('\n').filter((l) => l.includes('completed optimizing')).length;
}

test('the installed command runs the example without TurboFan; without the rule TurboFan does optimise', () => {
  const launcher = builtCli();
  expect(optimised(launcher)).toBe(0);
  // the build's code-cache run goes without the rule (in a copy: it rewrites the copy's cache)
  const copy = join(tempDir(), 'cli');
  cpSync(dirname(launcher), copy, { recursive: true });
  expect(optimised(join(copy, 'avvikelse.js'), { ...process.env, AVVIKELSE_WRITE_CODE_CACHE: '1' })).toBeGreaterThan(5);
});
