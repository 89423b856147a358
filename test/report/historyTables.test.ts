/**
 * The history of a sheet with two tables that share row labels (column blocks: each block its own
 * Driftredovisning with its own Personal): each table keeps its own figures, and a history written
 * before tables were told apart (no Tabell column, periods from column D) is still read.
 */
import { runReport } from '../../src/report/run';
import { buildSettings } from '../../src/report/settings';
import { reportJson } from '../../src/report/json';
import type { RawValue, StandardTable } from '../../src/core/types';
import { MemoryWorkbook } from '../../src/workbook/memory/memoryWorkbook';

const settings = (months: number) => buildSettings({ months }, undefined, 2026);

/** Two blocks of the same rows, kronor; `personal2` is the second block's Personal forecast. */
function twoBlocks(personal2: number): RawValue[][] {
  return [
    ['Driftredovisning, kr'],
    [null, null, 'Förskola', 'Förskola', 'Förskola', 'Förskola', 'Grundskola', 'Grundskola', 'Grundskola', 'Grundskola'],
    ['Kategori', 'Typ', 'Budget helår', 'Prognos helår', 'Budget perioden', 'Utfall perioden', 'Budget helår', 'Prognos helår', 'Budget perioden', 'Utfall perioden'],
    ['Intäkter', 'Intäkt', 1000000, 1100000, 300000, 320000, 2000000, 2050000, 600000, 610000],
    ['Personal', 'Kostnad', 9000000, 9500000, 3000000, 3200000, 12000000, personal2, 4000000, 4400000],
    ['Lokaler', 'Kostnad', 2000000, 2000000, 700000, 700000, 3000000, 3100000, 1000000, 1000000],
  ];
}

const personalOf = (t: StandardTable) => t.rows.find((r) => r.label === 'Personal')!;
/** The history's rows (row 6 on), blank cells as null. */
const historyRows = (wb: MemoryWorkbook) => wb.sheet('Prognoshistorik')!.values.slice(5).filter((r) => r?.[1]).map((r) => Array.from(r, (v) => v ?? null));

describe('Prognoshistorik with the same label in two tables of one sheet', () => {
  test('each table keeps its own figures: the recorded forecasts, the change and the JSON history', async () => {
    const wb = new MemoryWorkbook([{ name: 'Drift', values: twoBlocks(12900000) }]);
    const april = await runReport(wb, settings(4));
    const [first, second] = april.model.tables.filter((t) => t.type === 'driftredovisning');
    expect(second.title).not.toBe(first.title);
    const personal = historyRows(wb).filter((r) => r[1] === 'Personal');
    // [sheet, label, sign, table, budget, prognos, utfall]: the first table's row keeps the plain key
    expect(personal).toEqual([
      ['Drift', 'Personal', -1, null, 9000000, 9500000, 3200000],
      ['Drift', 'Personal', -1, second.title, 12000000, 12900000, 4400000],
    ]);

    wb.setCell('Drift', 4, 7, 13300000.5); // the second block's Personal: 400 000,50 kr more since April
    const aug = await runReport(wb, settings(8));
    const [a, b] = aug.model.tables.filter((t) => t.type === 'driftredovisning');
    expect(personalOf(a).values.foregaendePrognos!.toString()).toBe('9500000');
    expect(personalOf(a).values.forandringPrognos!.toString()).toBe('0');
    expect(personalOf(b).values.foregaendePrognos!.toString()).toBe('12900000');
    expect(personalOf(b).values.forandringPrognos!.toString()).toBe('-400000.5');
    expect(aug.issues.filter((i) => i.severity === 'warning').map((i) => i.message).filter((m) => m.includes('sedan'))).toEqual([]);
    const json = reportJson(aug.model);
    const rows = json.history!.rows.filter((r) => r.label === 'Personal');
    expect(rows.map((r) => [r.table ?? null, r.figures['Prognos jan–apr 2026'].prognos, r.figures['Prognos jan–aug 2026'].prognos])).toEqual([
      [null, 9500000, 9500000],
      [second.title, 12900000, 13300000.5],
    ]);
    // the contract's fields stay; `table` only where the label repeats
    expect(Object.keys(rows[0])).toEqual(['sheet', 'label', 'figures']);
  });

  test('a history written before the Tabell column is read: its rows belong to the first table with the label', async () => {
    // the previous layout: Flik, Rad, Tecken, then the periods from column D
    const before: RawValue[][] = [
      ['Prognoshistorik'],
      ['Varje körning för en period sparar radernas helårsprognos och utfall här, i kronor och oavrundat.'],
      [],
      [null, null, null, 'Prognos jan–apr 2026', null, null],
      ['Flik', 'Rad', 'Tecken', 'Budget helår', 'Prognos helår', 'Utfall'],
      ['Drift', 'Intäkter', 1, 1000000, 1100000, 320000],
      ['Drift', 'Personal', -1, 9000000, 9400000.25, 3200000],
      ['Drift', 'Lokaler', -1, 2000000, 2000000, 700000],
      ['Drift', 'Verksamhetens kostnader', -1, 11000000, 11400000.25, 3900000],
      ['Drift', 'Årets resultat (nettokostnad)', -1, 10000000, 10300000.25, 3580000],
    ];
    const wb = new MemoryWorkbook([{ name: 'Drift', values: twoBlocks(12900000) }, { name: 'Prognoshistorik', values: before }], { Avvikelse_Prognoshistorik: "'Prognoshistorik'!$A$1:$F$10" });
    const aug = await runReport(wb, settings(8));
    expect(aug.written).toBe(true);
    expect(aug.issues.filter((i) => i.severity === 'error')).toEqual([]);
    const [a, b] = aug.model.tables.filter((t) => t.type === 'driftredovisning');
    expect(personalOf(a).values.foregaendePrognos!.toString()).toBe('9400000.25');
    expect(personalOf(a).values.forandringPrognos!.toString()).toBe('-99999.75');
    // the old history never recorded the second table: no previous forecast, and a warning that says so
    expect(personalOf(b).values.foregaendePrognos).toBeUndefined();
    expect(aug.issues.map((i) => i.message)).toContain(`raden Personal (${b.title}) är ny sedan Prognos jan–apr 2026; den får ingen tidigare prognos i Prognoshistorik`);
    // rewritten in the current layout, April's figures as they were
    const sheet = wb.sheet('Prognoshistorik')!;
    expect(sheet.values[4].slice(0, 5)).toEqual(['Flik', 'Rad', 'Tecken', 'Tabell', 'Budget helår']);
    expect(sheet.values[3].filter(Boolean)).toEqual(['Prognos jan–apr 2026', 'Prognos jan–aug 2026']);
    expect(historyRows(wb).filter((r) => r[1] === 'Personal').map((r) => r.slice(0, 10))).toEqual([
      ['Drift', 'Personal', -1, null, 9000000, 9400000.25, 3200000, 9000000, 9500000, 3200000],
      ['Drift', 'Personal', -1, b.title, null, null, null, 12000000, 12900000, 4400000],
    ]);
    // and read again on the next run as the new layout
    const again = await runReport(wb, settings(8));
    expect(personalOf(again.model.tables[1]).values.forandringPrognos).toBeUndefined();
    expect(personalOf(again.model.tables[0]).values.forandringPrognos!.toString()).toBe('-99999.75');
  });
});
