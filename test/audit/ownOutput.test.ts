/**
 * The audit on Avvikelse's own output must find no errors: the bench's forecast has the labels that once
 * fooled it (`Sociala avgifter` is a cost although it says "avgifter"; `30 Fritidshem Söder` under a
 * Verksamhet header is an activity code, not an account of class 3).
 */
import { join } from 'node:path';
import { generateForecast } from '../../bench/generate';
import { labelsMayBeAccounts, typeFromLabel } from '../../src/core/rowTypes';
import { runCli, tempDir } from '../cli/helpers';

test('labels under an organisation header are not accounts; payroll charges are costs', () => {
  expect(['Konto', 'Kategori', 'Post', undefined].map(labelsMayBeAccounts)).toEqual([true, true, true, true]);
  expect(['Verksamhet, tkr', 'Ansvar', 'Nämnd', 'Projekt'].map(labelsMayBeAccounts)).toEqual([false, false, false, false]);
  expect(['Sociala avgifter', 'Arbetsgivaravgifter', 'Taxor och avgifter'].map(typeFromLabel)).toEqual(['cost', 'cost', 'revenue']);
});

test('auditing the report of a 1 000-row forecast finds rounding differences only', async () => {
  const dir = tempDir();
  const input = join(dir, 'prognos.xlsx');
  const output = join(dir, 'rapport.xlsx');
  await generateForecast(input, 1000);
  expect((await runCli(['report', input, '--out', output, '--quiet'])).code).toBe(0);
  const audit = await runCli(['audit', output]);
  expect(audit.out.at(-1)).toMatch(/^Inga fel, \d+ avrundningsdifferenser \(4 tabeller granskade\)\.$/);
  expect(audit.code).toBe(0);
}, 60_000);
