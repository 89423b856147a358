/// <reference types="office-js" />
/**
 * The audit's marks in Excel (OfficeWorkbook.mark / clearMarks) through the fake Excel: conditional
 * formats with the rule `=TRUE` on exactly the finding cells, comments only where the host has
 * ExcelApi 1.10, a record in the document settings, and clearing that leaves the sheet as it was.
 */
import { runReport } from '../../../src/report/run';
import { buildSettings } from '../../../src/report/settings';
import { MARK_NOTE_PREFIX, MARKS_KEY, type CellMark } from '../../../src/workbook/host';
import { OfficeWorkbook } from '../../../src/workbook/office/officeWorkbook';
import { domainGrid } from '../../fixtures/domainDrift';
import { boxAddress, FakeExcel, type FakeSheet } from './fakeExcel';
import type { ConditionalFormatModel } from './fakeModel';
import { calculate } from './miniCalc';

const settings = () => buildSettings({ months: 8 }, undefined, 2026);

function setup(options: { comments?: boolean; supported?: boolean } = {}) {
  const excel = new FakeExcel({ calculate, comments: options.comments ?? true });
  excel.addSheet('Drift', domainGrid());
  const asked: string[] = [];
  const workbook = new OfficeWorkbook({
    run: excel.excelRun,
    isSetSupported: (name, version) => {
      asked.push(`${name} ${version}`);
      return options.supported ?? false;
    },
  });
  return { excel, workbook, asked };
}

/** The user's own formats on Drift: one of every kind a clear must not touch. */
const OWN: ConditionalFormatModel[] = [
  { type: 'CellValue', box: { top: 3, left: 4, bottom: 7, right: 4 } },
  { type: 'Custom', box: { top: 3, left: 2, bottom: 7, right: 2 }, formula: '=C4>1000000', fill: '#0000FF', fontColor: '#FFFFFF' },
  // `=TRUE` too, but not in our colours: the user's
  { type: 'Custom', box: { top: 4, left: 3, bottom: 4, right: 3 }, formula: '=TRUE', fill: '#FFC7CE', fontColor: '#000000' },
];

const snapshot = (sheet: FakeSheet) => JSON.parse(JSON.stringify({ cf: sheet.conditionalFormats, formats: [...sheet.formats], numFmts: [...sheet.numberFormats], values: sheet.values, formulas: [...sheet.formulas] }));

/** Our marks on a sheet, by address (marks never overlap, so their priority among themselves does not matter). */
const ours = (sheet: FakeSheet) =>
  sheet.conditionalFormats
    .filter((f) => f.formula === '=TRUE' && f.fontColor !== '#000000')
    .map((f) => `${boxAddress(f.box)} ${f.fill} ${f.fontColor}`)
    .sort();

const finding = (sheet: string, address: string, kind: CellMark['kind'] = 'error', message = `Fel i ${address}`): CellMark => ({ sheet, address, kind, message });

describe('OfficeWorkbook marks through a fake Excel', () => {
  test('mark puts a =TRUE format on exactly the finding cells, records them, and clearMarks leaves the formats exactly as before', async () => {
    const { excel, workbook } = setup();
    await runReport(workbook, settings());
    const drift = excel.sheet('Drift');
    drift.conditionalFormats.push(...OWN);
    drift.format(4, 4).fill = '#00FF00'; // the user's own fill under a marked cell
    const before = { drift: snapshot(drift), tables: snapshot(excel.sheet('Avvikelsetabeller')) };
    const flagsBefore = drift.conditionalFormats.length;

    await workbook.mark([
      finding('Drift', 'E5'),
      finding('Drift', 'E6'),
      finding('Drift', 'H5', 'rounding', 'Avrundningsdifferens'),
      finding('Avvikelsetabeller', 'D6'),
      finding('Borta', 'A1'),
    ]);
    // one format per block of consecutive cells of one kind, on top (Excel's newest-first priority)
    expect(ours(drift)).toEqual(['E5:E6 #FFC7CE #9C0006', 'H5 #FFEB9C #9C5700']);
    expect(drift.conditionalFormats.slice(0, 2).map((f) => f.formula)).toEqual(['=TRUE', '=TRUE']);
    expect(drift.conditionalFormats).toHaveLength(flagsBefore + 2);
    expect(ours(excel.sheet('Avvikelsetabeller'))).toEqual(['D6 #FFC7CE #9C0006']);
    // nothing else changed: values, formulas, fills, number formats
    const { cf: _cf, ...rest } = snapshot(drift);
    const { cf: _cf0, ...restBefore } = before.drift;
    expect(rest).toEqual(restBefore);
    expect(JSON.parse(excel.settings.get(MARKS_KEY) as string)).toEqual({
      ranges: [
        { sheet: 'Drift', address: 'E5:E6', kind: 'error' },
        { sheet: 'Drift', address: 'H5', kind: 'rounding' },
        { sheet: 'Avvikelsetabeller', address: 'D6', kind: 'error' },
      ],
      notes: [],
    });

    await workbook.clearMarks();
    expect(snapshot(drift)).toEqual(before.drift);
    expect(snapshot(excel.sheet('Avvikelsetabeller'))).toEqual(before.tables);
    expect(excel.settings.has(MARKS_KEY)).toBe(false);
    // a second clear has nothing to do: one sync to find that out
    const runs = excel.runs.length;
    await workbook.clearMarks();
    expect(excel.syncCounts(runs)).toEqual([1]);
  });

  test('a second mark replaces the first; marks outlive a report run and moved rows, and are still cleared', async () => {
    const { excel, workbook } = setup();
    await runReport(workbook, settings());
    const drift = excel.sheet('Drift');
    drift.conditionalFormats.push(...OWN);
    const before = snapshot(drift);

    await workbook.mark([finding('Drift', 'E5'), finding('Avvikelsetabeller', 'D6')]);
    await workbook.mark([finding('Drift', 'H7', 'rounding'), finding('Drift', 'H8', 'rounding')]);
    expect(ours(drift)).toEqual(['H7:H8 #FFEB9C #9C5700']);
    expect(ours(excel.sheet('Avvikelsetabeller'))).toEqual([]);

    // the report again: its own flags are replaced, our marks stay
    await runReport(workbook, settings());
    expect(ours(drift)).toEqual(['H7:H8 #FFEB9C #9C5700']);
    // rows inserted above (Excel moves the format with its cells): still found and removed
    drift.conditionalFormats.find((f) => f.formula === '=TRUE' && f.fill === '#FFEB9C')!.box = { top: 8, left: 7, bottom: 9, right: 7 };
    await workbook.clearMarks();
    expect(snapshot(drift).cf).toEqual(before.cf);
  });

  test('5 and 500 marks take the same syncs: 2 to mark, 3 to mark again, 3 to clear', async () => {
    const syncs = async (n: number) => {
      const { excel, workbook } = setup({ supported: true });
      excel.addSheet('Tabell', [['x']]);
      // every other row, so no two cells make one block: n formats and n comments
      const marks = Array.from({ length: n }, (_, i) => finding('Tabell', `${String.fromCharCode(66 + (i % 5))}${2 * Math.floor(i / 5) + 2}`, i % 3 ? 'error' : 'rounding'));
      await workbook.mark(marks);
      expect(excel.sheet('Tabell').conditionalFormats).toHaveLength(n);
      expect(excel.comments).toHaveLength(n);
      await workbook.mark(marks);
      expect(excel.sheet('Tabell').conditionalFormats).toHaveLength(n);
      expect(excel.comments).toHaveLength(n);
      await workbook.clearMarks();
      expect(excel.sheet('Tabell').conditionalFormats).toHaveLength(0);
      expect(excel.comments).toHaveLength(0);
      expect(excel.runs.flat().every((s) => !s.failed)).toBe(true);
      return excel.syncCounts();
    };
    const few = await syncs(5);
    const many = await syncs(500);
    expect(few).toEqual([2, 3, 3]);
    expect(many).toEqual(few);
  });

  test('comments only where ExcelApi 1.10 is supported: added with the message, the user’s own kept, removed again', async () => {
    // not supported: the comments API is never touched (here it would fail the sync)
    const plain = setup({ comments: false, supported: false });
    await plain.workbook.mark([finding('Drift', 'E5')]);
    expect(ours(plain.excel.sheet('Drift'))).toEqual(['E5 #FFC7CE #9C0006']);
    await plain.workbook.clearMarks();
    expect(ours(plain.excel.sheet('Drift'))).toEqual([]);
    // asked each time the comments API would be used, of nothing else
    expect([...new Set(plain.asked)]).toEqual(['ExcelApi 1.10']);
    expect(plain.excel.runs.flat().every((s) => !s.failed)).toBe(true);

    const { excel, workbook } = setup({ supported: true });
    excel.addComment('Drift', 5, 4, 'Min egen kommentar');
    await workbook.mark([
      finding('Drift', 'E5', 'error', 'Personal, avvikelse helår: tecknet är omvänt.'),
      finding('Drift', 'E5', 'rounding', 'Och en avrundning.'),
      finding('Drift', 'E6', 'error', 'Lokaler: fel.'),
      finding('Drift', 'H5', 'rounding', 'Avrundningsdifferens.'),
    ]);
    const comments = () => excel.comments.map((c) => [boxAddress({ top: c.row, left: c.col, bottom: c.row, right: c.col }), c.content]);
    expect(comments()).toEqual([
      ['E6', 'Min egen kommentar'],
      ['E5', `${MARK_NOTE_PREFIX}Personal, avvikelse helår: tecknet är omvänt.\nOch en avrundning.`],
      ['H5', `${MARK_NOTE_PREFIX}Avrundningsdifferens.`],
    ]);
    // two findings on E5: one mark, the error's colour
    expect(ours(excel.sheet('Drift'))).toEqual(['E5:E6 #FFC7CE #9C0006', 'H5 #FFEB9C #9C5700']);
    expect(JSON.parse(excel.settings.get(MARKS_KEY) as string).notes).toEqual([
      { sheet: 'Drift', address: 'E5' },
      { sheet: 'Drift', address: 'H5' },
    ]);

    // again with another message: replaced, not added twice; a comment the user wrote over ours stays
    await workbook.mark([finding('Drift', 'E5', 'error', 'Nytt meddelande.'), finding('Drift', 'H5', 'rounding', 'Avrundning.')]);
    expect(comments()).toEqual([
      ['E6', 'Min egen kommentar'],
      ['E5', `${MARK_NOTE_PREFIX}Nytt meddelande.`],
      ['H5', `${MARK_NOTE_PREFIX}Avrundning.`],
    ]);
    excel.comments.find((c) => c.content.includes('Avrundning.'))!.content = 'Jag har tittat på det här.';
    await workbook.clearMarks();
    expect(comments()).toEqual([
      ['E6', 'Min egen kommentar'],
      ['H5', 'Jag har tittat på det här.'],
    ]);
    expect(ours(excel.sheet('Drift'))).toEqual([]);
    expect(excel.settings.has(MARKS_KEY)).toBe(false);
  });

  test('a protected sheet is left unmarked, and its old marks stay recorded until it can be cleared', async () => {
    const { excel, workbook } = setup({ supported: true });
    excel.addSheet('Låst', [['x']]);
    await workbook.mark([finding('Låst', 'B2'), finding('Drift', 'E5')]);
    expect(ours(excel.sheet('Låst'))).toEqual(['B2 #FFC7CE #9C0006']);

    excel.sheet('Låst').protected = true;
    await workbook.mark([finding('Låst', 'C3'), finding('Drift', 'E6')]);
    // C3 cannot be marked; B2's old mark cannot be removed now
    expect(ours(excel.sheet('Låst'))).toEqual(['B2 #FFC7CE #9C0006']);
    expect(ours(excel.sheet('Drift'))).toEqual(['E6 #FFC7CE #9C0006']);
    expect(excel.runs.flat().every((s) => !s.failed)).toBe(true);
    await workbook.clearMarks();
    expect(ours(excel.sheet('Drift'))).toEqual([]);
    expect(JSON.parse(excel.settings.get(MARKS_KEY) as string)).toEqual({ ranges: [{ sheet: 'Låst', address: 'B2', kind: 'error' }], notes: [{ sheet: 'Låst', address: 'B2' }] });

    excel.sheet('Låst').protected = false;
    await workbook.clearMarks();
    expect(ours(excel.sheet('Låst'))).toEqual([]);
    expect(excel.comments).toEqual([]);
    expect(excel.settings.has(MARKS_KEY)).toBe(false);
  });
});
