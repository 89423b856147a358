/** The pane's plain-data helpers and the demo workbook, without a browser. */
import { DemoWorkbook } from '../../src/demo/demoWorkbook';
import { DRIFT_HEADER, DRIFT_HEADER_ROW, sampleSheets } from '../../src/demo/sampleWorkbook';
import { analyzeWorkbook } from '../../src/report/analyze';
import { runReport } from '../../src/report/run';
import { buildSettings } from '../../src/report/settings';
import { cellText, inRect, parseRange } from '../../src/taskpane/model/grid';
import { PHASES, withProgress } from '../../src/taskpane/model/progressPort';
import { ALL_PARTS, FILL_ONLY, flaggedItems, flaggedRows, summaryLine } from '../../src/taskpane/model/results';
import { DEFAULT_KONTOPLAN } from '../../src/core/accountMap';
import { holdable } from '../../src/taskpane/model/holds';
import {
  activityError,
  build,
  columnOptions,
  decimalText,
  firstColumn,
  kontoplanOf,
  kontoplanProblem,
  moveRule,
  numberError,
  typChoice,
  verksamheterProblem,
  withActivity,
  withColumn,
  withNewRule,
  withoutActivity,
  withoutColumns,
  withoutRule,
  withRule,
  withStandardKontoplan,
  withValue,
  yearError,
} from '../../src/taskpane/model/settingsModel';
import { MemoryWorkbook } from '../../src/workbook/memory/memoryWorkbook';
import type { Progress } from '../../src/workbook/host';
import { LEDGER } from './ledgerSample';

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

describe('the account map as the pane edits it', () => {
  const standard = DEFAULT_KONTOPLAN.map((r) => ({ ...r }));

  test('without a kontoplan the Kommun-Bas default is in effect; an edit makes it the document’s own', () => {
    expect(kontoplanOf({ year: 2026 })).toEqual({ rules: standard, standard: true });
    const edited = withRule({ year: 2026 }, 1, { kategori: 'Personalkostnader' });
    expect(edited.kontoplan).toEqual([standard[0], { konton: '5', kategori: 'Personalkostnader', typ: 'Kostnad' }, ...standard.slice(2)]);
    expect(kontoplanOf(edited).standard).toBe(false);
    expect(DEFAULT_KONTOPLAN[1].kategori).toBe('Personal'); // the default itself is untouched
    expect(withStandardKontoplan(edited)).toEqual({ year: 2026 });
    expect(build(edited).settings?.accounts.categories.map((c) => c.name)).toEqual(['Verksamhetens intäkter', 'Personalkostnader', 'Lokaler', 'Köp av verksamhet och material', 'Övrigt']);
  });

  test('an empty type is removed, so the type follows the account class', () => {
    const noTyp = withRule({}, 2, { typ: '' });
    expect(noTyp.kontoplan?.[2]).toEqual({ konton: '6', kategori: 'Lokaler' });
    expect(build(noTyp).settings?.accounts.rules[2].type).toBe('cost');
    expect(withRule(noTyp, 2, { typ: 'Intäkt' }).kontoplan?.[2].typ).toBe('Intäkt');
    expect([typChoice(undefined), typChoice(' '), typChoice('intäkter'), typChoice('KOSTNAD'), typChoice('annat')]).toEqual(['', '', 'Intäkt', 'Kostnad', 'annat']);
  });

  test('rules are added last, removed, and moved up and down (the row order of the table)', () => {
    const added = withNewRule({});
    expect(added.kontoplan).toHaveLength(6);
    expect(added.kontoplan?.[5]).toEqual({ konton: '', kategori: '' });
    expect(kontoplanProblem(added)).toEqual({ message: 'kontoplan rad 6: "kategori" saknas', rule: 5 });
    const filled = withRule(withRule(added, 5, { konton: '8' }), 5, { kategori: 'Finansiellt', typ: 'Kostnad' });
    expect(kontoplanProblem(filled)).toBeNull();
    expect(build(filled).settings).not.toBeNull();

    expect(withoutRule({}, 0).kontoplan?.map((r) => r.konton)).toEqual(['5', '6', '4', '7']);
    expect(moveRule({}, 3, -1).kontoplan?.map((r) => r.konton)).toEqual(['3', '5', '4', '6', '7']);
    expect(moveRule({}, 0, 1).kontoplan?.map((r) => r.konton)).toEqual(['5', '3', '6', '4', '7']);
    expect(moveRule({ year: 2026 }, 0, -1)).toEqual({ year: 2026 });
    expect(moveRule({}, 4, 1)).toEqual({});
    expect(build(moveRule({}, 3, -1)).settings?.accounts.categories[2].name).toBe('Köp av verksamhet och material');
  });

  test('an invalid map gives the engine’s Swedish message, names its rule, and blocks the settings', () => {
    const abc = withRule({}, 1, { konton: 'abc' });
    const problem = kontoplanProblem(abc);
    expect(problem).toEqual({ message: 'kontoplan rad 2: "abc" är inget kontointervall (skriv t.ex. 5, 60-63 eller 4010-4099)', rule: 1 });
    expect(build(abc)).toEqual({ settings: null, error: problem?.message });
    expect(kontoplanProblem(withRule({}, 0, { konton: '63-60' }))?.message).toBe('kontoplan rad 1: "63-60" – intervallet går baklänges');
    expect(kontoplanProblem(withRule({}, 4, { konton: '8', typ: '' }))?.rule).toBe(4);
    expect(kontoplanProblem({ kontoplan: [] })).toEqual({ message: 'kontoplan: är tom – minst en regel behövs', rule: null });
    expect(kontoplanProblem({})).toBeNull();
  });

  test('the activity map: codes are added whole, checked first, and the map goes when its last code does', () => {
    const one = withActivity({ year: 2026 }, ' 41 ', ' Grundskola ');
    expect(one).toEqual({ year: 2026, verksamheter: { '41': 'Grundskola' } });
    const two = withActivity(one, '4200-4299', 'Gymnasium');
    expect(build(two).settings?.activities?.rules.map((r) => r.name)).toEqual(['Grundskola', 'Gymnasium']);
    expect(withActivity(two, '41', 'Grundskola F–9').verksamheter?.['41']).toBe('Grundskola F–9');
    expect(withoutActivity(two, '41')).toEqual({ year: 2026, verksamheter: { '4200-4299': 'Gymnasium' } });
    expect(withoutActivity(withoutActivity(two, '41'), '4200-4299')).toEqual({ year: 2026 });
    expect(activityError(two, '41', 'Annat')).toBe('Koden 41 finns redan.');
    expect(activityError(two, 'x1', 'Annat')).toBe('verksamheter "x1": "x1" är inget kontointervall (skriv t.ex. 5, 60-63 eller 4010-4099)');
    expect(activityError(two, '', 'Annat')).toBe('Ange en kod, t.ex. 41 eller 4200-4299.');
    expect(activityError(two, '43', ' ')).toBe('Ange verksamhetens namn.');
    expect(activityError(two, '43', 'Vuxenutbildning')).toBeNull();
    expect(verksamheterProblem({ verksamheter: { abc: 'X' } })?.message).toContain('verksamheter "abc"');
    expect(verksamheterProblem(two)).toBeNull();
  });

  test('an edited category becomes the row label of a ledger extract’s driftredovisning', async () => {
    const labels = async (input: Parameters<typeof build>[0]) => {
      const result = await runReport(new MemoryWorkbook([{ name: 'Huvudbok', values: LEDGER }]), buildSettings({ months: 8, ...input }, undefined, 2026));
      return result.model.tables[0].rows.map((r) => r.label);
    };
    const before = await labels({});
    expect(before).toContain('Personal');
    const after = await labels(withRule({}, 1, { kategori: 'Personalkostnader' }));
    expect(after).toContain('Personalkostnader');
    expect(after).not.toContain('Personal');
  });
});

describe('the demo host’s holds (for the browser tests)', () => {
  test('a held read waits until released; other calls pass', async () => {
    const wb = new MemoryWorkbook(sampleSheets());
    const { host, holds } = holdable(wb);
    holds.hold('read');
    let done = false;
    const reading = host.read().then(() => (done = true));
    await new Promise((r) => setTimeout(r, 5));
    expect([done, holds.waiting('read'), wb.calls.read]).toEqual([false, true, 0]);
    await host.read(); // the hold was for one call only
    expect(wb.calls.read).toBe(1);
    holds.release('read');
    await reading;
    expect([done, holds.waiting('read'), wb.calls.read]).toEqual([true, false, 2]);
    expect(host.kind).toBe('memory');
    await host.saveSettings({ year: 2030 });
    expect(wb.settings).toEqual({ year: 2030 });
  });
});

describe('results as the pane lists them', () => {
  test('flagged rows point at the tables sheet, or at their source rows when no tables were written', async () => {
    const all = await runReport(new MemoryWorkbook(sampleSheets()), settings, ALL_PARTS);
    const items = flaggedItems(all.model, all.tableRowRefs);
    // the full year first: a row flagged for both the year and the period is listed twice, helår first
    const [personal, period] = items.filter((i) => i.label === 'Personal');
    expect(personal).toMatchObject({ table: 'Driftredovisning', level: 'comment', direction: 'negative', amount: '-2 248 tkr', percent: '-0,6 %', column: 'helår' });
    expect(period).toMatchObject({ level: 'comment', direction: 'negative', amount: '-1 728 tkr', percent: '-0,7 %', column: 'jan–aug' });
    expect(personal?.target).toEqual(all.tableRowRefs.get(all.model.tables[0].rows[1]));
    expect(summaryLine(all, ALL_PARTS, flaggedRows(items))).toBe('5 tabeller · 19 flaggade rader · 15 kommentarsutkast · 36 celler ifyllda');

    const fill = await runReport(new MemoryWorkbook(sampleSheets()), settings, FILL_ONLY);
    const fromSource = flaggedItems(fill.model, fill.tableRowRefs).find((i) => i.label === 'Personal');
    expect(fromSource?.target).toEqual({ sheet: 'Drift', address: 'A6:J16' });
    expect(summaryLine(fill, FILL_ONLY, 1)).toBe('1 flaggad rad · 36 celler ifyllda');
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
