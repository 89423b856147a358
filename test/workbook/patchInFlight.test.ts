/**
 * `XlsxPackage.write` goes on with our own sheets while a patched sheet's last slices are still being
 * deflated, and takes the part when it is done: a sheet written twice is patched over its first patch,
 * and a failure after a patch has started rejects with its own message (the deflating stopped).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateForecast, SHEET_NAME } from '../../bench/generate';
import { XlsxFormatError, XlsxPackage } from '../../src/workbook/xlsx/xlsxPackage';
import { tempDir } from '../cli/helpers';

const EXAMPLE = join(__dirname, '../../examples/prognos-exempel.xlsx');

async function opened(file = EXAMPLE): Promise<{ pkg: XlsxPackage; sheet: string }> {
  const pkg = XlsxPackage.fromBuffer(readFileSync(file));
  const data = await pkg.read();
  return { pkg, sheet: data.sheets[data.sheets.length - 1].name };
}

const reread = async (pkg: XlsxPackage, sheet: string) => (await XlsxPackage.fromBuffer(pkg.toBuffer()).read()).sheets.find((s) => s.name === sheet)!;

test('two writes to one sheet: both are in the part, the second patched over the first', async () => {
  const { pkg, sheet } = await opened();
  await pkg.write({
    cellWrites: [
      { sheet, cells: [{ row: 0, col: 30, value: 1 }], conditionalFormats: [] },
      { sheet, cells: [{ row: 1, col: 30, value: 2 }, { row: 0, col: 31, value: 'andra' }], conditionalFormats: [] },
    ],
    sheets: [{ name: 'Avvikelsetabeller', cells: [{ row: 0, col: 0, value: 'Ny' }], merges: [], columnWidths: [], conditionalFormats: [] }],
    names: {},
  });
  const read = await reread(pkg, sheet);
  expect([read.values[0][30], read.values[1][30], read.values[0][31]]).toEqual([1, 2, 'andra']);
  expect((await XlsxPackage.fromBuffer(pkg.toBuffer()).read()).sheets.map((s) => s.name)).toContain('Avvikelsetabeller');
});

test('a failure after a sheet was patched rejects with its message, and the package is left as it was', async () => {
  const { pkg, sheet } = await opened();
  const before = pkg.toBuffer();
  const write = pkg.write({
    cellWrites: [
      { sheet, cells: [{ row: 0, col: 30, value: 1 }], conditionalFormats: [] },
      { sheet: 'Finns inte', cells: [{ row: 0, col: 0, value: 1 }], conditionalFormats: [] },
    ],
    sheets: [],
    names: {},
  });
  await expect(write).rejects.toThrow(new XlsxFormatError('fliken Finns inte saknas'));
  expect((await reread(pkg, sheet)).values[0][30]).toBeUndefined();
  expect(pkg.toBuffer().length).toBe(before.length);
});

test('a large sheet (deflated in slices) failing the same way: rejects, nothing left running', async () => {
  const input = join(tempDir(), 'stor.xlsx');
  await generateForecast(input, 25_000);
  const { pkg } = await opened(input);
  const write = pkg.write({
    cellWrites: [
      { sheet: SHEET_NAME, cells: [{ row: 3, col: 30, value: 1 }], conditionalFormats: [] },
      { sheet: 'Finns inte', cells: [{ row: 0, col: 0, value: 1 }], conditionalFormats: [] },
    ],
    sheets: [],
    names: {},
  });
  await expect(write).rejects.toThrow('fliken Finns inte saknas');
  expect((await reread(pkg, SHEET_NAME)).values[3][30]).toBeUndefined();
}, 60_000);
