import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { domainGrid } from '../fixtures/domainDrift';
import { writeFixture, type FixtureCell } from '../fixtures/xlsx';
import { readWorkbook, runCli, tempDir } from './helpers';

type Ws = { conditionalFormattings: { ref: string }[] };

function sheetValues(ws: import('exceljs').Worksheet): unknown[][] {
  const out: unknown[][] = [];
  ws.eachRow({ includeEmpty: true }, (row, r) => (out[r] = (row.values as unknown[]).slice(1)));
  return out;
}

describe('running on its own output updates in place', () => {
  const dir = tempDir();
  const input = join(dir, 'in.xlsx');
  const first = join(dir, 'first.xlsx');
  const second = join(dir, 'second.xlsx');

  beforeAll(async () => {
    await writeFixture(input, [{ name: 'Prognos', rows: domainGrid() }]);
    expect((await runCli(['report', input, '--out', first, '--months', '8'])).code).toBe(0);
    expect((await runCli(['report', first, '--out', second, '--months', '8', '--json', join(dir, 'b.json')])).code).toBe(0);
  });

  test('the second run gives identical sheets, no copies', async () => {
    const a = await readWorkbook(first);
    const b = await readWorkbook(second);
    expect(b.worksheets.map((w) => w.name)).toEqual(['Prognos', 'Avvikelsetabeller', 'Kommentarer', 'Prognoshistorik']);
    for (const name of ['Prognos', 'Avvikelsetabeller', 'Kommentarer']) expect(sheetValues(b.getWorksheet(name)!)).toEqual(sheetValues(a.getWorksheet(name)!));
    const cf = (b.getWorksheet('Prognos') as unknown as Ws).conditionalFormattings.map((c) => c.ref);
    expect(cf).toEqual(['E4:E8', 'H4:H8']);
    expect(b.definedNames.model.map((n) => n.name).sort()).toEqual(['Avvikelse_Kommentarer', 'Avvikelse_Prognoshistorik', 'Avvikelse_Tabeller']);
  });

  test('a comment the controller rewrote is kept; an untouched stub gets the new figures', async () => {
    const wb = await readWorkbook(first);
    const comments = wb.getWorksheet('Kommentarer')!;
    expect(comments.getCell('C5').value).toBe('Personal');
    comments.getCell('G5').value = 'Personalkostnaderna ökar på grund av vikarier under sjukskrivningar.';
    const source = wb.getWorksheet('Prognos')!;
    source.getCell('G5').value = 61233275.45; // utfall Personal +1 mnkr
    const edited = join(dir, 'edited.xlsx');
    const rerun = join(dir, 'rerun.xlsx');
    await wb.xlsx.writeFile(edited);
    expect((await runCli(['report', edited, '--out', rerun, '--months', '8'])).code).toBe(0);
    const out = (await readWorkbook(rerun)).getWorksheet('Kommentarer')!;
    const byLabel = new Map<string, { text: unknown; draft: unknown; dev: unknown }>();
    out.eachRow((row, r) => r > 4 && byLabel.set(String(row.getCell(3).value), { text: row.getCell(7).value, draft: row.getCell(8).value, dev: row.getCell(5).value }));
    expect(byLabel.get('Personal')).toMatchObject({ text: 'Personalkostnaderna ökar på grund av vikarier under sjukskrivningar.', dev: -1805 });
    expect(String(byLabel.get('Personal')?.draft)).toContain('För perioden är avvikelsen negativ med 3,1 mnkr.');
    expect(byLabel.get('Verksamhetens kostnader')?.text).toBe('Verksamhetens kostnader beräknas för helåret visa en negativ avvikelse på 2,5 mnkr och beror i huvudsak på [orsak]. För perioden är avvikelsen negativ med 3,7 mnkr.');
  });
});

describe('never destroys user data', () => {
  test('a sheet of the user named like our output stops the run with a Swedish error and writes nothing', async () => {
    const dir = tempDir();
    const input = await writeFixture(join(dir, 'in.xlsx'), [
      { name: 'Prognos', rows: domainGrid() },
      { name: 'Avvikelsetabeller', rows: [['Mina egna anteckningar']] },
    ]);
    const out = join(dir, 'out.xlsx');
    const run = await runCli(['report', input, '--out', out, '--months', '8']);
    expect(run.code).toBe(1);
    expect(run.err[0]).toBe('Avvikelsetabeller: fliken Avvikelsetabeller finns redan men är inte skapad av Avvikelse; byt namn på den så skrivs inget över');
    expect(existsSync(out)).toBe(false);
  });

  test('an avvikelse column with the user\'s own figures is left alone, with a note', async () => {
    const dir = tempDir();
    const grid = domainGrid() as FixtureCell[][];
    grid[4][4] = 12345; // the user's own number in E5 (Avvikelse helår, Personal)
    const input = await writeFixture(join(dir, 'in.xlsx'), [{ name: 'Prognos', rows: grid }]);
    const out = join(dir, 'out.xlsx');
    const run = await runCli(['report', input, '--out', out, '--months', '8']);
    expect(run.code).toBe(0);
    expect(run.out).toContain('Fliken Prognos: kolumn E har redan eget innehåll (E5) och lämnas orörd.');
    const ws = (await readWorkbook(out)).getWorksheet('Prognos')!;
    expect(ws.getCell('E5').value).toBe(12345);
    expect(ws.getCell('E4').value).toBeNull();
    expect(ws.getCell('H5').value).toEqual({ formula: 'F5-G5', result: -2129446.89 });
  });

  test('bad cells: one Swedish line per cell with sheet and address, exit 1, nothing written', async () => {
    const dir = tempDir();
    const grid = domainGrid() as FixtureCell[][];
    grid[4][3] = 'ca 300';
    grid[6][6] = { error: '#N/A' };
    grid[7][2] = null;
    const input = await writeFixture(join(dir, 'in.xlsx'), [{ name: 'Drift 2026', rows: grid }]);
    const out = join(dir, 'out.xlsx');
    const json = join(dir, 'out.json');
    const run = await runCli(['report', input, '--out', out, '--json', json, '--months', '8']);
    expect(run.code).toBe(1);
    expect(run.err).toEqual([
      `'Drift 2026'!D5: "ca 300" är inget belopp`,
      `'Drift 2026'!G7: "#N/A" är ett felvärde, inget belopp`,
      `'Drift 2026'!C8: tom cell där ett belopp behövs (skriv 0, eller välj att tomma celler räknas som 0)`,
      '3 fel hittades; ingenting skrevs.',
    ]);
    expect(existsSync(out)).toBe(false);
    expect(existsSync(json)).toBe(false);
  });

  test('--blank-as-zero reads the blank as 0', async () => {
    const dir = tempDir();
    const grid = domainGrid() as FixtureCell[][];
    grid[7][2] = null;
    const input = await writeFixture(join(dir, 'in.xlsx'), [{ name: 'Prognos', rows: grid }]);
    const run = await runCli(['report', input, '--out', join(dir, 'o.xlsx'), '--json', join(dir, 'o.json'), '--months', '8', '--blank-as-zero']);
    expect(run.code).toBe(0);
    const t = JSON.parse(readFileSync(join(dir, 'o.json'), 'utf8')).tables[0];
    expect(t.rows.find((r: { label: string }) => r.label === 'Övrigt').cells.budgetHelar).toBe(0);
  });

  test('refuses to write over its input, and explains usage errors', async () => {
    const dir = tempDir();
    const input = await writeFixture(join(dir, 'in.xlsx'), [{ name: 'Prognos', rows: domainGrid() }]);
    const same = await runCli(['report', input, '--out', input]);
    expect(same.code).toBe(2);
    expect(same.err[0]).toContain('--out får inte vara samma fil som indata');
    expect((await runCli(['report', input])).err[0]).toBe('avvikelse: ange indatafil och --out <utdata.xlsx>');
    expect((await runCli(['report', input, '--out', join(dir, 'x.xlsx'), '--unit', 'kkr'])).err[0]).toBe('avvikelse: unit: "kkr" ska vara tkr eller mnkr');
    expect((await runCli(['report', join(dir, 'saknas.xlsx'), '--out', join(dir, 'x.xlsx')])).code).toBe(2);
  });

  test('a workbook without any forecast sheet is an error, not an empty report', async () => {
    const dir = tempDir();
    const input = await writeFixture(join(dir, 'in.xlsx'), [{ name: 'Blad1', rows: [['Hej'], ['bara text']] }]);
    const run = await runCli(['report', input, '--out', join(dir, 'o.xlsx')]);
    expect(run.code).toBe(1);
    expect(run.err[0]).toBe('Hittade ingen flik med budget-, prognos- eller utfallskolumner i arbetsboken.');
  });
});
