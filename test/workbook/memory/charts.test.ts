/**
 * The memory workbook keeps the charts of our output sheets (the pane's demo and tests look at them):
 * as the plan drew them, reading the table cells as they are now, and none when charts are off.
 */
import { parseCellAddress } from '../../../src/core/address';
import { runReport } from '../../../src/report/run';
import { buildSettings } from '../../../src/report/settings';
import { MemoryWorkbook } from '../../../src/workbook/memory/memoryWorkbook';
import { splitRef } from '../../../src/workbook/port';
import { XlsxPackage } from '../../../src/workbook/xlsx/xlsxPackage';

const settings = (extra = {}) => buildSettings(extra, { months: 8, year: 2026, sheets: { Exploatering: { unit: 'mnkr' } } }, 2026);

async function example(): Promise<MemoryWorkbook> {
  const data = await XlsxPackage.open('examples/prognos-exempel.xlsx').read();
  return new MemoryWorkbook(data.sheets.map((s) => ({ name: s.name, values: s.values })));
}

test('the charts of the tables sheet, read from its cells; a cell typed over shows in its chart', async () => {
  const memory = await example();
  await runReport(memory, settings());
  const charts = memory.chartsOn('Avvikelsetabeller');
  expect(charts.length).toBeGreaterThanOrEqual(6);
  expect(charts[0].name).toBe('Avvikelsediagram 1: Driftredovisning – Avvikelse mot budget, helår, tkr');
  expect(charts[0].categories.values).toContain('Personal');
  const { address } = splitRef(charts[0].series[0].values.ref!);
  const first = parseCellAddress(address.split(':')[0].replace(/\$/g, ''));
  memory.setCell('Avvikelsetabeller', first.row, first.col, 4321);
  expect(memory.chartsOn('Avvikelsetabeller')[0].series[0].values.values[0]).toBe(4321);
  expect(memory.chartsOn('Drift')).toEqual([]);
});

test('charts switched off: the tables sheet has none', async () => {
  const memory = await example();
  await runReport(memory, settings({ charts: false }));
  expect(memory.sheet('Avvikelsetabeller')).toBeDefined();
  expect(memory.chartsOn('Avvikelsetabeller')).toEqual([]);
});
