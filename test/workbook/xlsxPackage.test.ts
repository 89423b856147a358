import ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readZip } from '../../src/workbook/xlsx/zip';
import { XlsxPackage } from '../../src/workbook/xlsx/xlsxPackage';
import { domainGrid } from '../fixtures/domainDrift';
import { fixtureWorkbook } from '../fixtures/xlsx';
import { readWorkbook, runCli, tempDir } from '../cli/helpers';

/** exceljs has data validations on worksheets but leaves them out of its type declarations. */
type Validated = { dataValidations: { add(ref: string, v: ExcelJS.DataValidation): void; find(ref: string): ExcelJS.DataValidation | undefined } };

/** A user's workbook with things a rewrite would lose: CF, validation, names, panes, widths, a note. */
async function richWorkbook(path: string): Promise<void> {
  const wb = fixtureWorkbook([{ name: 'Prognos', rows: domainGrid() }, { name: 'Anteckningar', rows: [['Egen text'], [42]] }]);
  const ws = wb.getWorksheet('Prognos')!;
  ws.views = [{ state: 'frozen', ySplit: 3 }];
  ws.getColumn(1).width = 31;
  ws.getCell('C4').numFmt = '#,##0.00';
  ws.getCell('A1').note = 'Uppdaterad 31 augusti';
  ws.addConditionalFormatting({ ref: 'C4:C8', rules: [{ type: 'cellIs', operator: 'greaterThan', formulae: ['50000000'], priority: 1, style: { font: { bold: true } } }] });
  (ws as unknown as Validated).dataValidations.add('B4:B8', { type: 'list', allowBlank: false, formulae: ['"Intäkt,Kostnad"'] });
  wb.definedNames.add("'Prognos'!$C$4:$C$8", 'BudgetHelar');
  wb.getWorksheet('Anteckningar')!.state = 'hidden';
  await wb.xlsx.writeFile(path);
}

describe('the .xlsx package is edited in place', () => {
  const dir = tempDir();
  const input = join(dir, 'in.xlsx');
  const output = join(dir, 'out.xlsx');

  beforeAll(async () => {
    await richWorkbook(input);
    const run = await runCli(['report', input, '--out', output, '--months', '8']);
    expect(run.err).toEqual([]);
  });

  test('every part we do not need to change is carried over byte for byte', () => {
    const before = readZip(readFileSync(input));
    const after = readZip(readFileSync(output));
    const changed = [...before.keys()].filter((k) => !Buffer.from(after.get(k) ?? []).equals(Buffer.from(before.get(k)!)));
    expect(changed.sort()).toEqual(['[Content_Types].xml', 'xl/_rels/workbook.xml.rels', 'xl/styles.xml', 'xl/workbook.xml', 'xl/worksheets/sheet1.xml']);
    const added = [...after.keys()].filter((k) => !before.has(k));
    // our three sheets, and the charts of the tables sheet: a drawing with a chart per chart (the driftredovisning's deviations for the year and the period, budget against prognos, utfall against budget)
    expect(added.sort()).toEqual(['xl/charts/chart1.xml', 'xl/charts/chart2.xml', 'xl/charts/chart3.xml', 'xl/charts/chart4.xml', 'xl/drawings/_rels/drawing1.xml.rels', 'xl/drawings/drawing1.xml', 'xl/worksheets/_rels/sheet3.xml.rels', 'xl/worksheets/sheet3.xml', 'xl/worksheets/sheet4.xml', 'xl/worksheets/sheet5.xml']);
  });

  test("the user's conditional format, validation, name, pane, width, note and hidden sheet survive", async () => {
    const wb = await readWorkbook(output);
    const ws = wb.getWorksheet('Prognos')! as ExcelJS.Worksheet & { conditionalFormattings: { ref: string }[] } & Validated;
    expect(ws.conditionalFormattings.map((c) => c.ref)).toEqual(['C4:C8', 'E4:E8', 'H4:H8']);
    expect(ws.dataValidations.find('B5')).toMatchObject({ type: 'list', formulae: ['"Intäkt,Kostnad"'] });
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 3 });
    expect(ws.getColumn(1).width).toBe(31);
    expect(ws.getCell('C4').numFmt).toBe('#,##0.00');
    expect(ws.getCell('A1').note).toBeDefined();
    expect(wb.getWorksheet('Anteckningar')!.state).toBe('hidden');
    expect(wb.definedNames.model.map((n) => n.name).sort()).toEqual(['Avvikelse_Kommentarer', 'Avvikelse_Prognoshistorik', 'Avvikelse_Tabeller', 'BudgetHelar']);
  });

  test('the same input gives the same bytes, and a re-run on the output changes nothing', async () => {
    const again = join(dir, 'again.xlsx');
    const rerun = join(dir, 'rerun.xlsx');
    const rerun2 = join(dir, 'rerun2.xlsx');
    await runCli(['report', input, '--out', again, '--months', '8']);
    expect(readFileSync(again).equals(readFileSync(output))).toBe(true);
    expect((await runCli(['report', output, '--out', rerun, '--months', '8'])).code).toBe(0);
    expect((await runCli(['report', rerun, '--out', rerun2, '--months', '8'])).code).toBe(0);
    expect(readFileSync(rerun2).equals(readFileSync(rerun))).toBe(true);
    const ws = (await readWorkbook(rerun)).getWorksheet('Prognos')! as ExcelJS.Worksheet & { conditionalFormattings: { ref: string }[] };
    expect(ws.conditionalFormattings.map((c) => c.ref)).toEqual(['C4:C8', 'E4:E8', 'H4:H8']);
  });

  test('avvikelse formulas that Excel saved as shared formulas are recognised as ours', async () => {
    const wb = fixtureWorkbook([{ name: 'Prognos', rows: domainGrid() }]);
    const ws = wb.getWorksheet('Prognos')!;
    // Excel stores a filled-down column as one master formula and shared copies
    ws.getCell('H4').value = { formula: 'G4-F4', result: 783903.52, shareType: 'shared', ref: 'H4:H4' } as ExcelJS.CellFormulaValue;
    ws.getCell('H5').value = { formula: 'F5-G5', result: -2129446.89, shareType: 'shared', ref: 'H5:H8' } as ExcelJS.CellFormulaValue;
    for (const r of [6, 7, 8]) ws.getCell(`H${r}`).value = { sharedFormula: 'H5', result: 0 } as ExcelJS.CellSharedFormulaValue;
    const path = join(dir, 'shared.xlsx');
    await wb.xlsx.writeFile(path);
    const run = await runCli(['report', path, '--out', join(dir, 'shared-out.xlsx'), '--months', '8']);
    expect(run.code).toBe(0);
    expect(run.out.some((l) => l.includes('lämnas orörd'))).toBe(false);
    // the shared formula stays whole (master and copies), with the cached results brought up to date
    const out = (await readWorkbook(join(dir, 'shared-out.xlsx'))).getWorksheet('Prognos')!;
    expect(out.getCell('H5').value).toMatchObject({ formula: 'F5-G5', result: -2129446.89, shareType: 'shared', ref: 'H5:H8' });
    expect(out.getCell('H7').value).toEqual({ sharedFormula: 'H5', result: 67980.86 });
    const data = await XlsxPackage.open(join(dir, 'shared-out.xlsx')).read();
    expect(data.sheets[0].formulas.get('6,7')).toBe('F7-G7');
  });
});
