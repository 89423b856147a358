import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type ExcelJS from 'exceljs';
import { DOMAIN_COLUMNS, DOMAIN_PRINTED, domainGrid } from '../fixtures/domainDrift';
import { writeFixture } from '../fixtures/xlsx';
import { readWorkbook, rowByLabel, rowNumbers, runCli, tempDir } from './helpers';

const sha = (p: string) => createHash('sha256').update(readFileSync(p)).digest('hex');

describe('avvikelse report on the domain driftredovisning (kr with öre)', () => {
  const dir = tempDir();
  const input = join(dir, 'prognos.xlsx');
  const output = join(dir, 'rapport.xlsx');
  const json = join(dir, 'rapport.json');
  let before = '';
  let run: Awaited<ReturnType<typeof runCli>>;
  let wb: ExcelJS.Workbook;

  beforeAll(async () => {
    await writeFixture(input, [{ name: 'Prognos', rows: domainGrid() }]);
    before = sha(input);
    run = await runCli(['report', input, '--out', output, '--json', json, '--months', '8']);
    wb = await readWorkbook(output);
  });

  test('exits 0 and says what it wrote', () => {
    expect(run.err).toEqual([]);
    expect(run.code).toBe(0);
    expect(run.out.join('\n')).toContain(`Skrev ${output}`);
  });

  test('never modifies the input file', () => {
    expect(sha(input)).toBe(before);
  });

  test('the JSON table is exactly the printed table of domain.md', () => {
    const report = JSON.parse(readFileSync(json, 'utf8'));
    const t = report.tables[0];
    expect(t).toMatchObject({ sheet: 'Prognos', title: 'Driftredovisning', unit: 'tkr', columns: DOMAIN_COLUMNS });
    expect(t.rows.map((r: { label: string }) => r.label)).toEqual(Object.keys(DOMAIN_PRINTED));
    for (const row of t.rows) expect(DOMAIN_COLUMNS.map((c) => row.cells[c])).toEqual(DOMAIN_PRINTED[row.label]);
    expect(t.rows.map((r: { kind: string }) => r.kind)).toEqual(['revenue', 'cost', 'cost', 'cost', 'cost', 'sum', 'net']);
  });

  test('the JSON carries flags with direction and Swedish comments: the full year first, the period named too', () => {
    const report = JSON.parse(readFileSync(json, 'utf8'));
    const personal = report.tables[0].rows.find((r: { label: string }) => r.label === 'Personal');
    expect(personal).toMatchObject({ flag: 'comment', direction: 'negative', level: 0 });
    const revenue = report.tables[0].rows[0];
    expect(revenue).toMatchObject({ flag: 'observe', direction: 'positive' });
    expect(report.comments).toContainEqual(
      expect.objectContaining({
        sheet: 'Prognos',
        label: 'Personal',
        column: 'avvikelseHelar',
        text: 'Personalkostnaderna beräknas för helåret visa en negativ avvikelse på 1,8 mnkr och beror i huvudsak på [orsak]. För perioden är avvikelsen negativ med 2,1 mnkr.',
      }),
    );
  });

  test('the tables sheet shows the same figures, formatted for the report', () => {
    const ws = wb.getWorksheet('Avvikelsetabeller')!;
    expect(ws).toBeDefined();
    for (const [label, printed] of Object.entries(DOMAIN_PRINTED)) {
      const row = rowByLabel(ws, label);
      expect(rowNumbers(row, 7)).toEqual(printed);
      expect(row.getCell(2).numFmt).toBe('#,##0;-#,##0;0');
    }
    expect(rowByLabel(ws, 'Verksamhetens kostnader').getCell(1).font?.bold).toBe(true);
    expect(rowByLabel(ws, 'Personal').getCell(1).font?.bold).toBeFalsy();
    expect(ws.getCell('A1').value).toBe('Driftredovisning');
    expect(ws.getCell('A2').value).toBe('tkr');
  });

  test('the header has two levels with merged group titles', () => {
    const ws = wb.getWorksheet('Avvikelsetabeller')!;
    expect([ws.getCell('B3').value, ws.getCell('E3').value, ws.getCell('H3').value]).toEqual(['Helår', 'Perioden jan–aug', 'Perioden fg år']);
    expect(ws.getCell('C3').isMerged).toBe(true);
    expect(['A4', 'B4', 'C4', 'D4', 'E4', 'F4', 'G4', 'H4'].map((a) => ws.getCell(a).value)).toEqual(['Kategori, tkr', 'Budget', 'Prognos', 'Avvikelse', 'Budget', 'Utfall', 'Avvikelse', 'Utfall']);
  });

  test("flags are conditional formats on the deviation columns, keyed to the engine's flag state in hidden columns", () => {
    const ws = wb.getWorksheet('Avvikelsetabeller')! as unknown as ExcelJS.Worksheet & { conditionalFormattings: { ref: string; rules: { formulae: string[] }[] }[] };
    const refs = ws.conditionalFormattings.map((c) => c.ref);
    expect(refs).toEqual(['D5:D11', 'G5:G11']);
    expect(ws.conditionalFormattings[0].rules.map((r) => r.formulae[0])).toEqual(['$I5=-2', '$I5=2', '$I5=-1', '$I5=1']);
    expect(ws.conditionalFormattings[1].rules[0].formulae[0]).toBe('$J5=-2');
    // Personal: -1 805 tkr helår (comment, negative), -2 129 tkr for the period (comment, negative)
    expect([ws.getCell('I6').value, ws.getCell('J6').value]).toEqual([-2, -2]);
    expect([ws.getColumn(9).hidden, ws.getColumn(10).hidden]).toEqual([true, true]);
  });

  test('the empty avvikelse columns of the source get live formulas with cached results', () => {
    const ws = wb.getWorksheet('Prognos')!;
    expect(ws.getCell('E4').value).toEqual({ formula: 'D4-C4', result: 650412.01 });
    expect(ws.getCell('E5').value).toEqual({ formula: 'C5-D5', result: -1805359.66 });
    expect(ws.getCell('H5').value).toEqual({ formula: 'F5-G5', result: -2129446.89 });
    expect(ws.getCell('E5').numFmt).toBe('#,##0;-#,##0;0');
    const cf = (ws as unknown as { conditionalFormattings: { ref: string }[] }).conditionalFormattings.map((c) => c.ref);
    expect(cf).toEqual(['E4:E8', 'H4:H8']);
  });

  test('a comments sheet lists the stubs with the draft kept in a hidden column', () => {
    const ws = wb.getWorksheet('Kommentarer')!;
    expect(ws.getRow(4).values).toEqual([undefined, 'Flik', 'Tabell', 'Rad', 'Avser', 'Avvikelse', 'Enhet', 'Kommentar', 'Senast genererat utkast']);
    expect(ws.getCell('C5').value).toBe('Personal');
    expect(ws.getCell('D5').value).toBe('Helår');
    expect(ws.getCell('E5').value).toBe(-1805);
    expect(ws.getCell('G5').value).toBe(ws.getCell('H5').value);
    expect(ws.getColumn(8).hidden).toBe(true);
  });

  test('our output is marked with defined names', () => {
    const names = Object.fromEntries(wb.definedNames.model.map((n) => [n.name, n.ranges[0]]));
    expect(names.Avvikelse_Tabeller).toMatch(/^Avvikelsetabeller!\$A\$1:\$J\$\d+$/);
    expect(names.Avvikelse_Kommentarer).toMatch(/^Kommentarer!\$A\$1:/);
  });
});
