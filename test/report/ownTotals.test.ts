/**
 * Heading totals on a re-run: a sheet with headings over its rows and no sum rows gets each heading's
 * group total filled as a formula; a run on that output reads those headings as the blanks they were
 * (same tables, same notes, same bytes), while a heading total the user wrote differently stays the
 * user's and is read as a row carrying the sum of the rows below.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readZip } from '../../src/workbook/xlsx/zip';
import { writeFixture, type FixtureCell } from '../fixtures/xlsx';
import { runCli, tempDir } from '../cli/helpers';

const HEAD: FixtureCell[][] = [['Driftredovisning – Barn- och utbildningsnämnden'], ['Belopp i kronor'], ['Verksamhet', 'Kategori', 'Budget helår', 'Prognos helår']];
const rows = (heading: FixtureCell[]): FixtureCell[][] => [
  ...HEAD,
  ['Förskola', 'Personal', 100, 110],
  ['Förskola', 'Övriga kostnader', ...heading],
  ['Förskola', 'Material', 12345, 12000],
  ['Förskola', 'Köpta tjänster', 1000, 1500],
];

async function reportOf(input: string, dir: string, name: string): Promise<{ json: string; notes: string[]; sheet: string }> {
  const out = join(dir, `${name}.xlsx`);
  const json = join(dir, `${name}.json`);
  const run = await runCli(['report', input, '--out', out, '--json', json, '--quiet']);
  expect(run.err).toEqual([]);
  expect(run.code).toBe(0);
  const text = readFileSync(json, 'utf8');
  return { json: text, notes: (JSON.parse(text) as { notes: string[] }).notes, sheet: Buffer.from(readZip(readFileSync(out)).get('xl/worksheets/sheet1.xml')!).toString('utf8') };
}

test('a run on its own output reads the heading totals it filled as the blanks they were: the same JSON and workbook', async () => {
  const dir = tempDir();
  const input = await writeFixture(join(dir, 'in.xlsx'), [{ name: 'Drift', rows: rows([null, null]) }]);
  const first = await reportOf(input, dir, 'first');
  expect(first.sheet).toContain('<f>SUM(C6:C7)</f><v>13345</v>');
  expect(first.notes.some((n) => /Rubrikraderna \(Övriga kostnader\) får sina gruppers summor/.test(n))).toBe(true);
  const again = await reportOf(join(dir, 'first.xlsx'), dir, 'again');
  expect(again.json).toBe(first.json);
  expect(readFileSync(join(dir, 'again.xlsx')).equals(readFileSync(join(dir, 'first.xlsx')))).toBe(true);
});

test('a heading total the user wrote otherwise is the user’s: kept, and read as a row carrying the rows below', async () => {
  const dir = tempDir();
  // the user's own total of the two rows below, written as a sum of cells rather than our SUM(C6:C7)
  const input = await writeFixture(join(dir, 'in.xlsx'), [{ name: 'Drift', rows: rows([{ formula: 'SUM(C6,C7)', result: 13345 }, { formula: 'SUM(D6,D7)', result: 13500 }]) }]);
  const run = await reportOf(input, dir, 'out');
  expect(run.sheet).toContain('<f>SUM(C6,C7)</f>');
  expect(run.sheet).not.toContain('SUM(C6:C7)');
  expect(run.notes.some((n) => /Rad 5 bär summan av raderna under sig/.test(n))).toBe(true);
});
