/**
 * The Självtest through the Office adapter against the fake Excel: every step passes, the scratch
 * sheet, its name and its setting are gone afterwards, and the user's workbook is as it was.
 */
import { MARKS_KEY } from '../../../src/workbook/host';
import { OfficeWorkbook } from '../../../src/workbook/office/officeWorkbook';
import { runSelfTest, SCRATCH_NAME, SCRATCH_SETTING, SCRATCH_SHEET, selfTestText } from '../../../src/taskpane/model/selfTest';
import { forecast } from './driftSheet';
import { FakeExcel } from './fakeExcel';
import { calculate } from './miniCalc';

function setup(options: { comments?: boolean; version?: number } = {}) {
  const excel = new FakeExcel({ calculate, comments: options.comments ?? true });
  excel.addSheet('Drift', forecast());
  const top = options.version ?? 17;
  const workbook = new OfficeWorkbook({ run: excel.excelRun, isSetSupported: (name, v) => name === 'ExcelApi' && Number(v.split('.')[1]) <= top });
  return { excel, workbook };
}

const snapshot = (excel: FakeExcel) => JSON.stringify({ sheets: excel.sheets.map((s) => [s.name, s.values, [...s.formulas], [...s.numberFormats], s.conditionalFormats]), names: [...excel.names], settings: [...excel.settings], comments: excel.comments });

describe('Självtest against the fake Excel', () => {
  test('every step passes, and the workbook is left as it was (selection back where it was)', async () => {
    const { excel, workbook } = setup();
    excel.selection = { sheet: 'Drift', address: 'C5' };
    const before = snapshot(excel);
    const report = await runSelfTest(workbook);
    expect(report.steps.map((s) => [s.title.split(':')[0], s.ok, s.detail])).toEqual([
      ['Värd, plattform och API-versioner', true, undefined],
      ['Testflik', true, undefined],
      ['Formler i befintliga celler', true, undefined],
      ['Läsning i delar om 5 rader', true, undefined],
      ['Inställning sparas i dokumentet, läses och tas bort', true, undefined],
      ['Granskningsmarkeringar', true, undefined],
      ['Markering', true, undefined],
      ['Testfliken och namnet tas bort', true, undefined],
    ]);
    expect(report.steps[5].title).toContain('och kommentarer');
    expect(snapshot(excel)).toBe(before);
    expect(excel.sheets.map((s) => s.name)).toEqual(['Drift']);
    expect(excel.names.has(SCRATCH_NAME)).toBe(false);
    expect(excel.settings.has(SCRATCH_SETTING)).toBe(false);
    expect(excel.selection).toEqual({ sheet: 'Drift', address: 'C5' });
    // the read went in chunks of 5 rows: its data sync loaded values and formulas of three ranges
    const chunked = excel.runs.filter((run) => run.length === 3 && run[2].actions === 6);
    expect(chunked).toHaveLength(1);
    const text = selfTestText(report);
    expect(text).toContain('ExcelApi: 1.1–1.17');
    expect(text).toContain('8 av 8 steg godkända.');
  });

  test('on ExcelApi 1.9 without comments: marks are formats only, every step still passes', async () => {
    const { workbook } = setup({ comments: false, version: 9 });
    const report = await runSelfTest(workbook);
    expect(report.steps.every((s) => s.ok)).toBe(true);
    expect(report.steps[5].title).not.toContain('kommentarer');
    expect(selfTestText(report)).toContain('ExcelApi: 1.1–1.9');
  });

  test('in manual calculation the formulas are still calculated (the step that reads checks the results)', async () => {
    const { excel, workbook } = setup();
    excel.calculationMode = 'Manual';
    const report = await runSelfTest(workbook);
    expect(report.steps.find((s) => s.title.startsWith('Läsning'))?.ok).toBe(true);
  });

  test('a workbook with audit marks keeps them: the marking step is skipped, said so', async () => {
    const { excel, workbook } = setup();
    excel.settings.set(MARKS_KEY, JSON.stringify({ ranges: [{ sheet: 'Drift', address: 'E5', kind: 'error' }], notes: [] }));
    const report = await runSelfTest(workbook);
    const marking = report.steps.find((s) => s.title.startsWith('Granskningsmarkeringar'));
    expect(marking).toMatchObject({ ok: null, detail: expect.stringContaining('egna granskningsmarkeringar') });
    expect(excel.settings.get(MARKS_KEY)).toContain('E5');
    expect(selfTestText(report)).toContain('HOPP');
  });

  test('a failing step is FEL with Excel’s message, the others go on, and the scratch sheet is still removed', async () => {
    const { excel, workbook } = setup();
    excel.cellEditing = false;
    excel.faultAt = (location, sheet) => (location === 'Range.formulas' && sheet === SCRATCH_SHEET ? Object.assign(new Error('x'), { code: 'GeneralException' }) as never : undefined);
    const report = await runSelfTest(workbook);
    const failed = report.steps.filter((s) => s.ok === false).map((s) => s.title.split(':')[0]);
    expect(failed).toEqual(['Formler i befintliga celler', 'Läsning i delar om 5 rader']);
    expect(report.steps[2].detail).toContain('(GeneralException)');
    expect(excel.sheets.map((s) => s.name)).toEqual(['Drift']);
    expect(selfTestText(report)).toContain('6 av 8 steg godkända; se FEL ovan.');
  });
});
