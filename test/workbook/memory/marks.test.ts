/**
 * The audit's marks in the in-memory workbook (the demo's grid): the same `=TRUE` conditional formats
 * as in Excel, so `flagAt` shows the mark's colour over any flag, notes per cell, and a clear that
 * leaves the user's (and the report's) own formats as they were. Also the host's helpers that group
 * findings into cells and blocks.
 */
import { auditWorkbook } from '../../../src/audit';
import { sampleSettings, sampleSheets } from '../../../src/demo/sampleWorkbook';
import { runReport } from '../../../src/report/run';
import { buildSettings } from '../../../src/report/settings';
import { isMarkRule, MARKS_KEY, markBlocks, markedCells, parseMarkRecord, type CellMark } from '../../../src/workbook/host';
import { MemoryWorkbook } from '../../../src/workbook/memory/memoryWorkbook';
import type { ConditionalFormat } from '../../../src/workbook/port';

const RED = { fill: 'FFFFC7CE', fontColor: 'FF9C0006' };
const AMBER = { fill: 'FFFFEB9C', fontColor: 'FF9C5700' };

const finding = (sheet: string, address: string, kind: CellMark['kind'] = 'error', message = `Fel i ${address}`): CellMark => ({ sheet, address, kind, message });

async function reported(): Promise<MemoryWorkbook> {
  const wb = new MemoryWorkbook(sampleSheets());
  await runReport(wb, buildSettings(sampleSettings(), undefined, 2026));
  return wb;
}

describe('MemoryWorkbook marks', () => {
  test('flagAt shows the mark colour over the report’s flags; clearMarks restores exactly the formats before', async () => {
    const wb = await reported();
    const drift = wb.sheet('Drift')!;
    // a format of the user's own, and the report's flags (I6: kommentera, negative)
    const own: ConditionalFormat = { range: 'D5:D19', rules: [{ formula: 'D5>100000000', fill: 'FF0000FF', fontColor: 'FFFFFFFF' }] };
    drift.conditionalFormats.push(own);
    const before = structuredClone(drift.conditionalFormats);
    expect(wb.flagAt('Drift', 5, 8)).toEqual(RED);
    expect(wb.flagAt('Drift', 6, 5)).toBeUndefined();
    expect(wb.flagAt('Drift', 10, 3)).toEqual({ fill: 'FF0000FF', fontColor: 'FFFFFFFF' });

    await wb.mark([finding('Drift', 'F7'), finding('Drift', 'I6', 'rounding', 'Avrundningsdifferens.'), finding('Drift', 'D11', 'rounding')]);
    expect(wb.flagAt('Drift', 6, 5)).toEqual(RED);
    expect(wb.flagAt('Drift', 5, 8)).toEqual(AMBER); // the mark wins over the flag below it
    expect(wb.flagAt('Drift', 10, 3)).toEqual(AMBER); // and over the user's own format
    expect(wb.flagAt('Drift', 7, 5)).toBeUndefined(); // only the finding cells
    expect(wb.noteAt('Drift', 5, 8)).toBe('Avrundningsdifferens.');
    expect(wb.noteAt('Drift', 6, 5)).toBe('Fel i F7');
    expect(parseMarkRecord(wb.documentSettings.get(MARKS_KEY))).toEqual({
      ranges: [
        { sheet: 'Drift', address: 'D11', kind: 'rounding' },
        { sheet: 'Drift', address: 'F7', kind: 'error' },
        { sheet: 'Drift', address: 'I6', kind: 'rounding' },
      ],
      notes: [
        { sheet: 'Drift', address: 'F7' },
        { sheet: 'Drift', address: 'I6' },
        { sheet: 'Drift', address: 'D11' },
      ],
    });

    await wb.clearMarks();
    expect(drift.conditionalFormats).toEqual(before);
    expect(wb.flagAt('Drift', 5, 8)).toEqual(RED);
    expect(wb.flagAt('Drift', 6, 5)).toBeUndefined();
    expect(wb.flagAt('Drift', 10, 3)).toEqual({ fill: 'FF0000FF', fontColor: 'FFFFFFFF' });
    expect(drift.notes.size).toBe(0);
    expect(wb.documentSettings.has(MARKS_KEY)).toBe(false);
    expect(wb.calls).toMatchObject({ mark: 1, clearMarks: 1 });
  });

  test('a second mark clears the first; missing and protected sheets are skipped; a report run keeps the marks on the user’s sheets', async () => {
    const wb = await reported();
    await wb.mark([finding('Drift', 'F7'), finding('Avvikelsetabeller', 'D6')]);
    expect(wb.flagAt('Avvikelsetabeller', 5, 3)).toEqual(RED);
    await wb.mark([finding('Drift', 'E5', 'rounding'), finding('Borta', 'A1')]);
    expect(wb.flagAt('Drift', 6, 5)).toBeUndefined();
    expect(wb.noteAt('Drift', 6, 5)).toBeUndefined();
    expect(wb.flagAt('Drift', 4, 4)).toEqual(AMBER);

    await runReport(wb, buildSettings(sampleSettings(), undefined, 2026));
    expect(wb.flagAt('Drift', 4, 4)).toEqual(AMBER);
    await wb.clearMarks();
    expect(wb.flagAt('Drift', 4, 4)).toBeUndefined();

    const locked = new MemoryWorkbook([{ name: 'Låst', values: [['x']], protected: true }]);
    await locked.mark([finding('Låst', 'A1')]);
    expect(locked.flagAt('Låst', 0, 0)).toBeUndefined();
    expect(locked.documentSettings.has(MARKS_KEY)).toBe(false);
  });

  test('the audit’s findings on a table typed by hand are marked where they are', async () => {
    const wb = new MemoryWorkbook([]);
    wb.addSheet({
      name: 'Handskriven',
      values: [
        ['Driftredovisning, tkr'],
        [],
        [null, 'Helår', 'Helår', 'Helår'],
        ['Verksamhet, tkr', 'Budget', 'Prognos', 'Avvikelse'],
        ['Verksamhetens intäkter', 12400, 13050, 650],
        ['Personal', 88310, 90115, 1805],
        ['Lokaler', 9020, 8870, 150],
        ['Köp av verksamhet', 21700, 21640, 60],
        ['Verksamhetens kostnader', 119030, 120625, -1595],
        ['Årets resultat', 106630, 107575, -945],
      ],
    });
    const { findings } = auditWorkbook(await wb.read());
    expect(findings.map((f) => [f.cell, f.kind])).toEqual([['D6', 'error']]);
    await wb.mark(findings.map((f) => ({ sheet: f.sheet, address: f.cell, kind: f.kind, message: f.message })));
    expect(wb.flagAt('Handskriven', 5, 3)).toEqual(RED);
    expect(wb.noteAt('Handskriven', 5, 3)).toContain('tecknet är omvänt');
    await wb.clearMarks();
    expect(wb.flagAt('Handskriven', 5, 3)).toBeUndefined();
    expect(wb.sheet('Handskriven')?.conditionalFormats).toEqual([]);
  });
});

describe('grouping marks', () => {
  test('one mark per cell (an error if any finding there is one), blocks of consecutive rows per column and kind', () => {
    const cells = markedCells([
      finding('A', 'B3', 'rounding', 'r1'),
      finding('A', 'B2'),
      finding('A', 'B3', 'error', 'e1'),
      finding('A', 'B3', 'rounding', 'r1'),
      finding('A', 'B4'),
      finding('A', 'C2:C3', 'rounding'),
      finding('B', 'A1'),
      finding('A', 'inte en cell'),
      finding('A', 'A1:Z1000'),
    ]);
    expect(cells.map((c) => [c.sheet, c.address, c.kind, c.note])).toEqual([
      ['A', 'B3', 'error', 'r1\ne1'],
      ['A', 'B2', 'error', 'Fel i B2'],
      ['A', 'B4', 'error', 'Fel i B4'],
      ['A', 'C2', 'rounding', 'Fel i C2:C3'],
      ['A', 'C3', 'rounding', 'Fel i C2:C3'],
      ['B', 'A1', 'error', 'Fel i A1'],
    ]);
    expect(markBlocks(cells).map((b) => `${b.sheet}!${b.address} ${b.kind}`)).toEqual(['A!B2:B4 error', 'A!C2:C3 rounding', 'B!A1 error']);
  });

  test('a mark rule is TRUE in our colours, whatever the colour notation', () => {
    expect(isMarkRule({ formula: '=TRUE', fill: '#ffc7ce', fontColor: '#9C0006' })).toBe(true);
    expect(isMarkRule({ formula: 'TRUE', fill: 'FFFFEB9C', fontColor: 'FF9C5700' })).toBe(true);
    expect(isMarkRule({ formula: '=TRUE', fill: '#FFC7CE', fontColor: '#000000' })).toBe(false);
    expect(isMarkRule({ formula: '=E5<0', fill: '#FFC7CE', fontColor: '#9C0006' })).toBe(false);
    expect(parseMarkRecord('inte json')).toBeNull();
    expect(parseMarkRecord('{"ranges":[{"sheet":"A","address":"B2","kind":"rounding"},{"sheet":1}]}')).toEqual({ ranges: [{ sheet: 'A', address: 'B2', kind: 'rounding' }], notes: [] });
  });
});
