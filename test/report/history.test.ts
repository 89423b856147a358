/** The forecast history: one block per period, re-runs replace their own period only, rows matched by sheet and label. */
import { runReport } from '../../src/report/run';
import { buildSettings } from '../../src/report/settings';
import { reportJson } from '../../src/report/json';
import { flaggedItems } from '../../src/taskpane/model/results';
import type { RawValue } from '../../src/core/types';
import { MemoryWorkbook } from '../../src/workbook/memory/memoryWorkbook';

const settings = (months: number) => buildSettings({ months }, undefined, 2026);
const HEADER = ['Kategori', 'Typ', 'Budget helår', 'Prognos helår', 'Budget perioden', 'Utfall perioden'];

/** A drift sheet whose Personal forecast is `personal` kronor. */
function drift(personal: number | string, extra: RawValue[][] = []): RawValue[][] {
  return [
    HEADER,
    ['Verksamhetens intäkter', 'Intäkt', 12400000, 13050000, 4133333, 4400000],
    ['Personal', 'Kostnad', 88310000, personal, 29436667, 30100000],
    ['Lokaler', 'Kostnad', 9020000, 8870000, 3006667, 2950000],
    ...extra,
  ];
}

/** The history sheet's rows as [sheet, label, …values] (row 6 on). */
function historyRows(wb: MemoryWorkbook): RawValue[][] {
  const sheet = wb.sheet('Prognoshistorik')!;
  return sheet.values.slice(5).filter((r) => r && r[1]);
}

describe('Prognoshistorik', () => {
  test('a run records its period; a second period adds a block and the first stays as it was', async () => {
    const wb = new MemoryWorkbook([{ name: 'Drift', values: drift(90115000.37) }]);
    const april = await runReport(wb, settings(4));
    expect(april.issues.filter((i) => i.severity === 'error')).toEqual([]);
    const sheet = wb.sheet('Prognoshistorik')!;
    expect(sheet.values[3][4]).toBe('Prognos jan–apr 2026');
    const before = JSON.stringify(historyRows(wb).map((r) => r.slice(0, 7)));
    expect(historyRows(wb).find((r) => r[1] === 'Personal')!.slice(4, 7)).toEqual([88310000, 90115000.37, 30100000]);

    wb.setCell('Drift', 2, 3, 92215000.37);
    const aug = await runReport(wb, settings(8));
    expect(aug.written).toBe(true);
    expect(wb.sheet('Prognoshistorik')!.values[3].filter(Boolean)).toEqual(['Prognos jan–apr 2026', 'Prognos jan–aug 2026']);
    expect(JSON.stringify(historyRows(wb).map((r) => r.slice(0, 7)))).toBe(before);
    expect(historyRows(wb).find((r) => r[1] === 'Personal')![8]).toBe(92215000.37);
  });

  test('re-running a period replaces that period only (idempotent)', async () => {
    const wb = new MemoryWorkbook([{ name: 'Drift', values: drift(90115000) }]);
    await runReport(wb, settings(4));
    wb.setCell('Drift', 2, 3, 91000000);
    await runReport(wb, settings(8));
    const once = JSON.stringify(wb.sheet('Prognoshistorik')!.values);
    await runReport(wb, settings(8));
    expect(JSON.stringify(wb.sheet('Prognoshistorik')!.values)).toBe(once);
    wb.setCell('Drift', 2, 3, 93000000);
    await runReport(wb, settings(8));
    const rows = historyRows(wb);
    expect(rows.find((r) => r[1] === 'Personal')!.slice(4, 9)).toEqual([88310000, 90115000, 30100000, 88310000, 93000000]);
  });

  test('rows are matched by label: a re-ordered sheet keeps its history; a renamed row is named as new and as gone', async () => {
    const wb = new MemoryWorkbook([{ name: 'Drift', values: drift(90115000) }]);
    await runReport(wb, settings(4));
    const reordered = drift(92000000);
    [reordered[2], reordered[3]] = [reordered[3], ['Personalkostnader', 'Kostnad', 88310000, 92000000, 29436667, 30100000]];
    const next = new MemoryWorkbook([{ name: 'Drift', values: reordered }, { name: 'Prognoshistorik', values: wb.sheet('Prognoshistorik')!.values }], { Avvikelse_Prognoshistorik: "'Prognoshistorik'!$A$1:$I$20" });
    const aug = await runReport(next, settings(8));
    const warnings = aug.issues.filter((i) => i.severity === 'warning').map((i) => i.message);
    expect(warnings).toContain('raden Personalkostnader är ny sedan Prognos jan–apr 2026; den får ingen tidigare prognos i Prognoshistorik');
    expect(warnings).toContain('raden Personal finns i Prognos jan–apr 2026 men inte längre på fliken; dess tidigare prognoser står kvar i Prognoshistorik');
    const lokaler = historyRows(next).find((r) => r[1] === 'Lokaler')!;
    expect(lokaler.slice(4, 10)).toEqual([9020000, 8870000, 2950000, 9020000, 8870000, 2950000]);
    const personal = historyRows(next).find((r) => r[1] === 'Personal')!;
    expect(personal.slice(4, 7)).toEqual([88310000, 90115000, 30100000]);
    expect(personal.slice(7, 10).filter((v) => v !== null && v !== undefined)).toEqual([]);
    expect(reportJson(aug.model).tables[0].rows.find((r) => r.label === 'Lokaler')!.cells.forandringPrognos).toBe(0);
  });

  test('the change since the last forecast is exact, flagged and gets a stub', async () => {
    // shown 90 115 and 92 216 tkr: the rounded figures differ by 2 101, the exact ones by 2 100,0008
    const wb = new MemoryWorkbook([{ name: 'Drift', values: drift(90115499.6) }]);
    await runReport(wb, settings(4));
    wb.setCell('Drift', 2, 3, 92215500.4);
    const aug = await runReport(wb, settings(8));
    const drift8 = aug.model.tables[0];
    const personal = drift8.rows.find((r) => r.label === 'Personal')!;
    expect(personal.values.foregaendePrognos!.toString()).toBe('90115499.6');
    expect(personal.values.forandringPrognos!.toString()).toBe('-2100000.8');
    expect(personal.cellFlags?.forandringPrognos).toEqual({ level: 'comment', direction: 'negative' });
    const json = reportJson(aug.model).tables[0];
    expect(json.columns.slice(-2)).toEqual(['foregaendePrognos', 'forandringPrognos']);
    expect(json.rows.find((r) => r.label === 'Personal')!.cells.forandringPrognos).toBe(-2100);
    expect(json.rows.find((r) => r.label === 'Personal')!.cells.foregaendePrognos).toBe(90115);
    expect(aug.model.comments.map((c) => c.text)).toContain('Prognosen för Personal har försämrats med 2,1 mnkr sedan delårsrapporten per april, främst till följd av [orsak].');
    const comments = wb.sheet('Kommentarer')!.values.map((r) => r?.[3]);
    expect(comments).toContain('Förändring mot föregående prognos');
    // the pane shows the change beside the flagged row (the full year's item only)
    const items = flaggedItems(aug.model, new Map()).filter((i) => i.label === 'Personal');
    expect(items[0].change).toEqual({ text: 'Förändring -2 100 tkr mot prognos jan–apr', direction: 'negative' });
    expect(items.slice(1).every((i) => i.change === undefined)).toBe(true);
  });

  test('the sheet is ours: something the user added in it stops the run, and nothing is written', async () => {
    const wb = new MemoryWorkbook([{ name: 'Drift', values: drift(90115000) }]);
    await runReport(wb, settings(4));
    wb.setCell('Prognoshistorik', 30, 1, 'min egen anteckning');
    const again = await runReport(wb, settings(8));
    expect(again.written).toBe(false);
    expect(again.issues).toContainEqual(expect.objectContaining({ sheet: 'Prognoshistorik', severity: 'error', message: expect.stringContaining('fliken har innehåll som inte är skrivet av Avvikelse (B31)') }));
    expect(wb.sheet('Prognoshistorik')!.values[3].filter(Boolean)).toEqual(['Prognos jan–apr 2026']);
  });

  test('an amount in the history that is no amount is named at its cell, and nothing is written over it', async () => {
    const wb = new MemoryWorkbook([{ name: 'Drift', values: drift(90115000) }]);
    await runReport(wb, settings(4));
    const personal = wb.sheet('Prognoshistorik')!.values.findIndex((r) => r?.[1] === 'Personal');
    wb.setCell('Prognoshistorik', personal, 5, 'ca 90 mnkr');
    const again = await runReport(wb, settings(8));
    expect(again.issues).toContainEqual({ sheet: 'Prognoshistorik', cell: `F${personal + 1}`, message: '"ca 90 mnkr" är inget belopp i kronor; rätta eller töm cellen, så skrivs historiken om', severity: 'error' });
    expect(again.written).toBe(false);
    expect(wb.sheet('Prognoshistorik')!.values[personal][5]).toBe('ca 90 mnkr');
  });
});
