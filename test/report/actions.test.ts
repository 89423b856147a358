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
    // the deficit to close and the gap unrounded (shown 2 100 by the tkr format), the gap live
    expect(v[rowOf(wb, 'Kvar att åtgärda')][3]).toBe(2100.4996);
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
    // an effect typed as text (450,2) counts in the run but not in a formula in Excel: the totals are figures
    expect(wb.sheet('Kommentarer')!.formulas.size).toBe(0);
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

  test('the totals are live formulas of ours: an effect typed in recalculates the sum and the gap, and a re-run accepts them', async () => {
    const { wb, header } = await reported();
    const sum = rowOf(wb, 'Summa beräknad effekt');
    const sheet = () => wb.sheet('Kommentarer')!;
    const d = (row: number) => `D${row + 1}`;
    const terms = [1, 2, 3].map((i) => `IF(ISNUMBER(${d(header + i)}),${d(header + i)},0)`).join('+');
    expect(sheet().formulas.get(`${sum},3`)).toBe(terms);
    expect(sheet().formulas.get(`${sum + 2},3`)).toBe(`ABS(${d(sum + 1)}-${d(sum)})`);
    expect(sheet().formulas.get(`${sum + 2},0`)).toBe(`IF(${d(sum + 1)}-${d(sum)}<0,"Åtgärderna överstiger underskottet med","Kvar att åtgärda")`);
    // the controller types an effect: the sum and the gap follow at once (2 100,4996 − 800,4 = 1 300,0996)
    enter(wb, header + 1, { 1: 'Vakansstopp', 3: 800.4 });
    expect(sheet().values[sum][3]).toBe(800.4);
    expect(sheet().values[sum + 2][3]).toBe(1300.0996);
    enter(wb, header + 2, { 1: 'Sålda lokaler', 3: 'ca 300' }); // text counts as nothing, as in SUM
    expect(sheet().values[sum][3]).toBe(800.4);
    enter(wb, header + 3, { 1: 'Höjda taxor', 3: 1500 });
    expect(sheet().values[sum][3]).toBe(2300.4);
    expect(sheet().values[sum + 2].slice(0, 4)).toEqual(['Åtgärderna överstiger underskottet med', undefined, undefined, 199.9004]);
    // a re-run takes the formulas as ours, keeps the rows and writes the totals anew below them
    const again = await runReport(wb, settings);
    expect(again.written).toBe(true);
    const after = rowOf(wb, 'Summa beräknad effekt');
    expect(sheet().values[after][3]).toBe(2300.4);
    expect(sheet().values[after + 2][0]).toBe('Åtgärderna överstiger underskottet med');
    expect(sheet().values.filter((r) => r?.[1] === 'Vakansstopp')).toHaveLength(1);
  });

  test('a formula of the user on the sheet is still refused, also one in the section', async () => {
    const { wb, header } = await reported();
    wb.sheet('Kommentarer')!.formulas.set(`${header + 1},3`, 'D1*2');
    const sum = rowOf(wb, 'Summa beräknad effekt');
    // and our own sum, changed by hand into something else
    wb.sheet('Kommentarer')!.formulas.set(`${sum},3`, `IF(ISNUMBER(D${header + 2}),D${header + 2},0)*2`);
    const result = await runReport(wb, settings);
    expect(result.written).toBe(false);
    const message = result.issues.find((i) => i.sheet === 'Kommentarer' && i.severity === 'error')?.message;
    expect(message).toContain(`fliken har innehåll som inte är skrivet av Avvikelse (D${header + 2}, D${sum + 1})`);
  });

  test('after Excel inserted or deleted a measure row, the totals\' formulas are still taken as ours', async () => {
    for (const edit of ['insert', 'delete'] as const) {
      const { wb, header } = await reported();
      const sheet = wb.sheet('Kommentarer')!;
      const at = header + 2; // 0-based: the second measure row
      // Excel moves the rows below and rewrites the references: a deleted row's become #REF!
      const move = (formula: string) =>
        formula.replace(/D(\d+)/g, (ref, n: string) => {
          const row = Number(n) - 1;
          if (row < at) return ref;
          if (edit === 'delete' && row === at) return '#REF!';
          return `D${row + (edit === 'insert' ? 1 : -1) + 1}`;
        });
      const formulas = [...sheet.formulas].map(([key, f]) => {
        const [r, c] = key.split(',').map(Number);
        return [`${r < at ? r : r + (edit === 'insert' ? 1 : -1)},${c}`, move(f)] as const;
      });
      if (edit === 'insert') sheet.values.splice(at, 0, []);
      else sheet.values.splice(at, 1);
      sheet.formulas = new Map(formulas);
      // and the defined name that marks our area grows or shrinks with it
      wb.names.Avvikelse_Kommentarer = wb.names.Avvikelse_Kommentarer.replace(/(\d+)$/, (n) => String(Number(n) + (edit === 'insert' ? 1 : -1)));
      expect([...sheet.formulas.values()].some((f) => f.includes(edit === 'delete' ? '#REF!' : `D${at + 2}`))).toBe(true);
      enter(wb, at, { 1: 'Ny åtgärd', 3: 120 });
      const result = await runReport(wb, settings);
      expect(result.issues.filter((i) => i.severity === 'error')).toEqual([]);
      expect(result.written).toBe(true);
      // written anew: the row typed in is counted
      expect(comments(wb)[rowOf(wb, 'Summa beräknad effekt')][3]).toBe(120);
    }
  });
});
