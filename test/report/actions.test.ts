/** Åtgärder för en budget i balans: stated deficit, the controller's measures kept, the gap computed exactly. */
import { runReport } from '../../src/report/run';
import { buildSettings } from '../../src/report/settings';
import type { RawValue } from '../../src/core/types';
import { MemoryWorkbook } from '../../src/workbook/memory/memoryWorkbook';

const settings = buildSettings({ months: 8 }, undefined, 2026);

const deficit: RawValue[][] = [
  ['Kategori', 'Typ', 'Budget helår', 'Prognos helår', 'Budget perioden', 'Utfall perioden'],
  ['Verksamhetens intäkter', 'Intäkt', 12400000, 12400000, 8266667, 8300000],
  ['Personal', 'Kostnad', 88310000, 90410499.6, 58873333, 59100000],
];

const comments = (wb: MemoryWorkbook) => wb.sheet('Kommentarer')!.values;
const rowOf = (wb: MemoryWorkbook, first: string) => comments(wb).findIndex((r) => r?.[0] === first);

/** A report run on the deficit sheet, and the 0-based row of the measures' header. */
async function reported(): Promise<{ wb: MemoryWorkbook; header: number }> {
  const wb = new MemoryWorkbook([{ name: 'Drift', values: deficit }]);
  await runReport(wb, settings);
  return { wb, header: comments(wb).findIndex((r) => r?.[1] === 'Åtgärd') };
}

/** The controller types into the measure row `row` (0-based), by column. */
function enter(wb: MemoryWorkbook, row: number, cells: Record<number, RawValue>): void {
  for (const [col, value] of Object.entries(cells)) wb.setCell('Kommentarer', row, Number(col), value);
}

describe('Åtgärder för en budget i balans', () => {
  test('a forecast deficit of Årets resultat gets the section with the deficit and empty rows for measures', async () => {
    const wb = new MemoryWorkbook([{ name: 'Drift', values: deficit }]);
    const result = await runReport(wb, settings);
    expect(result.written).toBe(true);
    const top = rowOf(wb, 'Åtgärder för en budget i balans');
    expect(top).toBeGreaterThan(3);
    const v = comments(wb);
    const under = v.findIndex((r) => r?.[0] === 'Underskott');
    expect(v[under].slice(0, 4)).toEqual(['Underskott', 'Drift: Årets resultat (nettokostnad)', undefined, 2100]);
    expect(v.find((r) => r?.[1] === 'Åtgärd')!.slice(0, 5)).toEqual(['Avser', 'Åtgärd', 'Ansvarig', 'Beräknad effekt, tkr', 'Beslutad (ja/nej)']);
    expect(v[rowOf(wb, 'Kvar att åtgärda')][3]).toBe(2100);
  });

  test('measures the controller entered are kept across runs and summed against the deficit', async () => {
    const { wb, header } = await reported();
    enter(wb, header + 1, { 1: 'Vakanser tillsätts inte under hösten', 2: 'Förvaltningschef', 3: 800.4, 4: 'ja' });
    enter(wb, header + 2, { 1: 'Minskade inköp', 3: '450,2', 9: 'egen anteckning' });
    await runReport(wb, settings);
    await runReport(wb, settings);
    const v = comments(wb);
    const first = v.findIndex((r) => r?.[1] === 'Vakanser tillsätts inte under hösten');
    expect(v[first].slice(1, 5)).toEqual(['Vakanser tillsätts inte under hösten', 'Förvaltningschef', 800.4, 'ja']);
    expect(v[first + 1][1]).toBe('Minskade inköp');
    expect(v[first + 1][9]).toBe('egen anteckning');
    // 800,4 + 450,2 = 1 250,6 → 1 251; the gap from the exact figures: 2 100,4996 − 1 250,6 = 849,8996 → 850 (not 2 100 − 1 251)
    expect(v[rowOf(wb, 'Summa beräknad effekt')][3]).toBe(1251);
    expect(v[rowOf(wb, 'Kvar att åtgärda')][3]).toBe(850);
    expect(v.filter((r) => r?.[1] === 'Vakanser tillsätts inte under hösten')).toHaveLength(1);
  });

  test('the section stays with the controller\'s measures when the deficit is gone', async () => {
    const { wb, header } = await reported();
    enter(wb, header + 1, { 1: 'Vakansstopp' });
    wb.setCell('Drift', 2, 3, 88310000);
    await runReport(wb, settings);
    expect(rowOf(wb, 'Underskott')).toBe(-1);
    expect(comments(wb).some((r) => r?.[1] === 'Vakansstopp')).toBe(true);
  });

  test('an effect that is no amount is named with its cell and not counted', async () => {
    const { wb, header } = await reported();
    enter(wb, header + 1, { 1: 'Översyn av lokaler', 3: 'ca 300' });
    const result = await runReport(wb, settings);
    expect(result.issues).toContainEqual({ sheet: 'Kommentarer', cell: `D${header + 2}`, message: '"ca 300" är inget belopp i tkr; åtgärden räknas inte i summan', severity: 'warning' });
    expect(comments(wb)[rowOf(wb, 'Summa beräknad effekt')][3]).toBe(0);
  });
});
