/**
 * `report` must not load what only other commands use (issue 12: start-up time): `docx` is loaded by
 * `export` alone, the audit engine by `audit` alone. Loading either here throws.
 */
import { join } from 'node:path';
import { runCli, tempDir } from './helpers';

jest.mock('docx', () => {
  throw new Error('docx laddades av report');
});
jest.mock('../../src/audit', () => {
  throw new Error('granskningen laddades av report');
});

test('report on the shipped example loads neither docx nor the audit engine', async () => {
  const dir = tempDir();
  const root = join(__dirname, '..', '..');
  const run = await runCli(['report', join(root, 'examples', 'prognos-exempel.xlsx'), '--out', join(dir, 'r.xlsx'), '--config', join(root, 'examples', 'avvikelse.json'), '--quiet']);
  expect(run.err).toEqual([]);
  expect(run.code).toBe(0);
});

test('export does load docx (the mock above is what the first test relies on)', async () => {
  const dir = tempDir();
  const root = join(__dirname, '..', '..');
  await expect(runCli(['export', join(root, 'examples', 'prognos-exempel.xlsx'), '--docx', join(dir, 'r.docx'), '--quiet'])).rejects.toThrow('docx laddades av report');
});
