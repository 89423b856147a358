/**
 * Avvikelse columns inside an Excel Table. The fake does what Excel does with a formula written into a
 * table column that has none: it becomes a calculated column, and the first formula is copied to every
 * row. So the adapter must write one formula that is right for every row, or leave the column alone.
 */
import { runReport } from '../../../src/report/run';
import { relativeForm, sameInEveryRow } from '../../../src/report/tableColumns';
import { DOMAIN_PRINTED, domainGrid } from '../../fixtures/domainDrift';
import { excelWith, settings } from './driftSheet';
import { cellId, FakeExcel } from './fakeExcel';

/** The domain forecast on Drift as an Excel Table: header A3:I3, body A4:I8. */
function tableSheet(grid = domainGrid()) {
  const setup = excelWith(grid);
  setup.excel.addTable('Drift', 'Tabell1', 'A4:I8');
  return setup;
}

/** E (avvikelse helår) and H (avvikelse period) of each data row, rounded to whole tkr. */
const deviations = (excel: FakeExcel) =>
  Array.from({ length: 5 }, (_, i) => [4, 7].map((c) => Math.round(Number(excel.sheet('Drift').value(3 + i, c)) / 1000)));

const printed = () => ['Verksamhetens intäkter', 'Personal', 'Lokaler', 'Köp av verksamhet', 'Övrigt'].map((label) => [DOMAIN_PRINTED[label][2], DOMAIN_PRINTED[label][5]]);

describe('avvikelse columns in an Excel Table', () => {
  test('the fake: different formulas written into an empty table column end as the first one in every row', async () => {
    const excel = new FakeExcel();
    excel.addSheet('T', [['a', 'b', 'c'], [1, 2, null], [3, 4, null], [5, 6, null]]);
    excel.addTable('T', 'Tabell1', 'A2:C4');
    await excel.run(async (context) => {
      context.workbook.worksheets.getItem('T').getRange('C2:C4').formulas = [['=A2-B2'], ['=B3-A3'], ['=A4-B4']];
      await context.sync();
    });
    expect([2, 3, 4].map((r) => excel.sheet('T').formulas.get(cellId(r - 1, 2)))).toEqual(['=A2-B2', '=A3-B3', '=A4-B4']);
  });

  test('unsigned with a Typ column: one formula testing the type, right for revenue and cost rows alike', async () => {
    const { excel, workbook } = tableSheet();
    const result = await runReport(workbook, settings());
    expect(result.written).toBe(true);
    const drift = excel.sheet('Drift');
    expect(drift.formulas.get(cellId(3, 4))).toBe('=IF($B4="Kostnad",C4-D4,D4-C4)');
    expect(drift.formulas.get(cellId(4, 4))).toBe('=IF($B5="Kostnad",C5-D5,D5-C5)');
    expect(deviations(excel)).toEqual(printed());
    expect(result.notes.filter((n) => n.includes('Excel-tabellen'))).toEqual([]);
  });

  test('without a Typ column (types from the labels) the columns are left alone, and the user is told', async () => {
    const grid = domainGrid().map((row) => [row[0], ...row.slice(2)]);
    const { excel, workbook } = tableSheet(grid);
    const result = await runReport(workbook, settings());
    expect(result.written).toBe(true);
    expect(excel.sheet('Drift').formulas.size).toBe(0);
    expect(result.notes).toContain(
      'Fliken Drift: kolumn D ligger i Excel-tabellen Tabell1, där Excel skriver samma formel på alla rader; raderna är både intäkter och kostnader och ingen Typ-kolumn säger vilka, så kolumnen lämnas orörd.',
    );
    // the tables sheet is written all the same
    expect(excel.sheet('Avvikelsetabeller').value(0, 0)).toBe('Driftredovisning');
  });

  test('signed amounts: the plain formula is already the same in every row', async () => {
    const grid = domainGrid().map((row, r) => (r < 4 ? row : row.map((v, c) => (typeof v === 'number' && c >= 2 ? -v : v))));
    const { excel, workbook } = tableSheet(grid);
    const result = await runReport(workbook, settings());
    expect(result.written).toBe(true);
    expect(excel.sheet('Drift').formulas.get(cellId(3, 4))).toBe('=D4-C4');
    expect(excel.sheet('Drift').formulas.get(cellId(7, 4))).toBe('=D8-C8');
    expect(deviations(excel)).toEqual(printed());
  });

  test('a table with a row that is not a data row (an empty row at the end of its body) is left alone', async () => {
    const grid = [...domainGrid(), []];
    const { excel, workbook } = excelWith(grid);
    excel.addTable('Drift', 'Tabell1', 'A4:I9');
    const result = await runReport(workbook, settings());
    expect(excel.sheet('Drift').formulas.size).toBe(0);
    expect(result.notes).toContain(
      'Fliken Drift: kolumn E ligger i Excel-tabellen Tabell1, där Excel skriver samma formel på alla rader; tabellen har en rad som inte är datarader (rad 9), så kolumnen lämnas orörd.',
    );
  });

  test('relative forms: the same formula moved row by row, absolute rows and strings kept', () => {
    expect(relativeForm('IF($B5="Kostnad",C5-D5,D5-C5)', 4)).toBe('IF($B[0]="Kostnad",C[0]-D[0],D[0]-C[0])');
    expect(relativeForm('C$2*LOG10(D7)', 6)).toBe('C$2*LOG10(D[0])');
    expect(sameInEveryRow([{ row0: 3, formula: 'C4-D4' }, { row0: 4, formula: 'C5-D5' }])).toBe(true);
    expect(sameInEveryRow([{ row0: 3, formula: 'D4-C4' }, { row0: 4, formula: 'C5-D5' }])).toBe(false);
  });
});
