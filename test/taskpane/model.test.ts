/** The pane's plain-data helpers and the demo workbook, without a browser. */
import { DemoWorkbook } from '../../src/demo/demoWorkbook';
import { DRIFT_HEADER, DRIFT_HEADER_ROW, sampleSheets } from '../../src/demo/sampleWorkbook';
import { analyzeWorkbook } from '../../src/report/analyze';
import { runReport } from '../../src/report/run';
import { buildSettings } from '../../src/report/settings';
import { cellText, inRect, parseRange } from '../../src/taskpane/model/grid';
import { PHASES, withProgress } from '../../src/taskpane/model/progressPort';
import { ALL_PARTS, FILL_ONLY, flaggedItems, summaryLine } from '../../src/taskpane/model/results';
import { build, columnOptions, decimalText, firstColumn, numberError, withColumn, withoutColumns, withValue, yearError } from '../../src/taskpane/model/settingsModel';
import { MemoryWorkbook } from '../../src/workbook/memory/memoryWorkbook';
import type { Progress } from '../../src/workbook/host';

const settings = buildSettings({ year: 2026 }, undefined, 2026);

describe('settings as the pane edits them', () => {
  test('a role override per sheet is stored as a column letter, and dropped again', () => {
    const one = withColumn({ year: 2026 }, 'Drift', 'budgetHelar', 'e');
    expect(one).toEqual({ year: 2026, sheets: { Drift: { columns: { budgetHelar: 'E' } } } });
    const two = withColumn(one, 'Drift', 'prognosHelar', 'D');
    expect(two.sheets?.Drift.columns).toEqual({ budgetHelar: 'E', prognosHelar: 'D' });
    expect(withoutColumns(two, 'Drift')).toEqual({ year: 2026, sheets: {} });
    expect(withoutColumns({ sheets: { Drift: { unit: 'mnkr', columns: { label: 'B' } } } }, 'Drift')).toEqual({ sheets: { Drift: { unit: 'mnkr' } } });
    expect(build(two).settings?.sheets.Drift.columns).toEqual({ budgetHelar: 4, prognosHelar: 3 });
  });

  test('an emptied value removes the key; the sign convention replaces `signed`', () => {
    expect(withValue({ months: 8, year: 2026 }, 'months', undefined)).toEqual({ year: 2026 });
    expect(withValue({ signed: true }, 'convention', 'unsigned')).toEqual({ convention: 'unsigned' });
    expect(withValue({ convention: 'signed' }, 'convention', undefined)).toEqual({});
  });

  test('thresholds are Swedish numbers; invalid settings give the engine’s Swedish message', () => {
    expect(numberError('1 000')).toBeNull();
    expect(numberError('2,5')).toBeNull();
    expect(numberError('ca 300')).toBe('"ca 300" är inget tal.');
    expect(numberError('-5')).toBe('Talet får inte vara negativt.');
    expect(numberError(' ')).toBe('Ange ett tal.');
    expect(yearError('2026')).toBeNull();
    expect(yearError('26')).not.toBeNull();
    expect(build({ months: 13 }).error).toBe('months: "13" ska vara ett heltal 1–12');
    const th = build({ thresholdAmount: '2 000' }).settings?.defaults.thresholds;
    expect([decimalText(th?.comment.amountTkr), decimalText(th?.observe.amountTkr), decimalText(th?.observe.percent)]).toEqual(['2 000', '1 000', '5']);
  });

  test('the column choices carry the header text; a selection gives its first column', async () => {
    const wb = new MemoryWorkbook(sampleSheets());
    const data = await wb.read();
    const drift = analyzeWorkbook(data, settings).detected[0];
    const options = columnOptions(data, drift);
    expect(options).toHaveLength(DRIFT_HEADER.length);
    expect(options[3]).toEqual({ letter: 'D', text: 'D – Budget helår' });
    expect(drift.headerRow).toBe(DRIFT_HEADER_ROW);
    expect(firstColumn('E6')).toBe('E');
    expect(firstColumn('$AB$7:$AC$9')).toBe('AB');
    expect(firstColumn("'Drift'!C4:C30")).toBe('C');
    expect(firstColumn('7:9')).toBeNull();
  });
});

describe('results as the pane lists them', () => {
  test('flagged rows point at the tables sheet, or at their source rows when no tables were written', async () => {
    const all = await runReport(new MemoryWorkbook(sampleSheets()), settings, ALL_PARTS);
    const items = flaggedItems(all.model, all.tableRowRefs);
    const personal = items.find((i) => i.label === 'Personal');
    expect(personal).toMatchObject({ table: 'Driftredovisning', level: 'comment', direction: 'negative', amount: '-1 728 tkr', percent: '-0,7 %', column: 'jan–aug' });
    expect(personal?.target).toEqual(all.tableRowRefs.get(all.model.tables[0].rows[1]));
    expect(summaryLine(all, ALL_PARTS, items.length)).toBe('5 tabeller · 15 flaggade rader · 8 kommentarsutkast · 36 avvikelseceller ifyllda');

    const fill = await runReport(new MemoryWorkbook(sampleSheets()), settings, FILL_ONLY);
    const fromSource = flaggedItems(fill.model, fill.tableRowRefs).find((i) => i.label === 'Personal');
    expect(fromSource?.target).toEqual({ sheet: 'Drift', address: 'A6:J16' });
    expect(summaryLine(fill, FILL_ONLY, 1)).toBe('1 flaggad rad · 36 avvikelseceller ifyllda');
  });

  test('a run reports its phases in order through the progress port', async () => {
    const phases: string[] = [];
    await runReport(withProgress(new MemoryWorkbook(sampleSheets()), (p: Progress) => phases.push(p.phase)), settings);
    expect(phases).toEqual([PHASES.read, PHASES.analyze, PHASES.write, 'Klart']);
  });
});

describe('the demo grid and workbook', () => {
  test('cells show as a spreadsheet shows them', () => {
    expect(cellText(14199708.32)).toBe('14 199 708,32');
    expect(cellText(-1120164.33, '#,##0;-#,##0;0')).toBe('-1 120 164');
    expect(cellText(-0.04, '#,##0.0')).toBe('0,0');
    expect(cellText({ error: '#REF!' })).toBe('#REF!');
    expect(cellText(null)).toBe('');
    const r = parseRange('B5:I9');
    expect(r).toEqual({ top: 4, left: 1, bottom: 8, right: 8 });
    expect([inRect(r, 4, 1), inRect(r, 9, 1), inRect(parseRange('x'), 0, 0)]).toEqual([true, false, false]);
  });

  test('typing into a cell replaces its formula and notifies the grid; reset restores the sample', async () => {
    const wb = new DemoWorkbook();
    let changes = 0;
    const stop = wb.subscribe(() => changes++);
    await runReport(wb, settings);
    expect(wb.sheet('Drift')?.formulas.get('4,5')).toBeDefined();
    wb.setCell('Drift', 'F5', 'egen text');
    expect(wb.sheet('Drift')?.formulas.has('4,5')).toBe(false);
    expect(wb.sheet('Drift')?.values[4][5]).toBe('egen text');
    wb.reset();
    expect(wb.sheets.map((s) => s.name)).toEqual(['Drift', 'Investeringar', 'Indikatorer']);
    expect(wb.settings).toEqual({ year: 2026 });
    expect(changes).toBe(3);
    stop();
  });
});
