/** The domain forecast sheet in the fake Excel, as the Office adapter tests use it. */
import { buildSettings, type SettingsInput } from '../../../src/report/settings';
import { OfficeWorkbook } from '../../../src/workbook/office/officeWorkbook';
import { domainGrid } from '../../fixtures/domainDrift';
import { FakeExcel, type Scalar } from './fakeExcel';
import { calculate } from './miniCalc';

export const settings = (extra: SettingsInput = {}) => buildSettings({ months: 8, ...extra }, undefined, 2026);

/** The domain forecast with its five data rows repeated `copies` times. */
export function forecast(copies = 1): (Scalar | null)[][] {
  const [title, unit, header, ...rows] = domainGrid();
  return [title, unit, header, ...Array.from({ length: copies }, () => rows.map((r) => [...r])).flat()];
}

/** A fake Excel (with formulas calculated) whose one sheet `Drift` is `grid`, and the adapter over it. */
export function excelWith(grid: (Scalar | null)[][], options: { protected?: boolean } = {}): { excel: FakeExcel; workbook: OfficeWorkbook } {
  const excel = new FakeExcel({ calculate });
  excel.addSheet('Drift', grid, options);
  return { excel, workbook: new OfficeWorkbook({ run: excel.excelRun }) };
}
