/// <reference types="office-js" />
import { runReport } from '../../../src/report/run';
import type { SettingsInput } from '../../../src/report/settings';
import { SETTINGS_KEY } from '../../../src/workbook/host';
import { MemoryWorkbook, type MemorySheet } from '../../../src/workbook/memory/memoryWorkbook';
import { hostError } from '../../../src/workbook/office/excelErrors';
import { OfficeWorkbook } from '../../../src/workbook/office/officeWorkbook';
import { columnPoints } from '../../../src/workbook/office/writeOutputSheet';
import type { CellStyle, WritePlan } from '../../../src/workbook/port';
import { excelWith, forecast, settings } from './driftSheet';
import { boxAddress, cellId, FakeExcel, FakeExcelError, type FakeSheet, type Scalar } from './fakeExcel';
import type { CellFormat } from './fakeModel';

/** A grid's content with empty cells as null, trailing empties dropped, amounts to 6 decimals. */
function cells(get: (r: number, c: number) => unknown, rows: number, cols: number): (Scalar | null)[][] {
  return Array.from({ length: rows }, (_, r) => {
    const row = Array.from({ length: cols }, (_, c) => {
      const v = get(r, c);
      if (v === '' || v === null || v === undefined) return null;
      return typeof v === 'number' ? Math.round(v * 1e6) / 1e6 : (v as Scalar);
    });
    while (row.length && row[row.length - 1] === null) row.pop();
    return row;
  });
}

const WEIGHT = { thin: 'Thin', medium: 'Medium' };
/** What a CellStyle should have become in Excel (number formats are compared separately). */
function excelFormat(style: CellStyle = {}): CellFormat {
  const f: CellFormat = {};
  if (style.bold) f.bold = true;
  if (style.italic) f.italic = true;
  if (style.size) f.size = style.size;
  if (style.color) f.color = `#${style.color.slice(2)}`;
  if (style.fill) f.fill = `#${style.fill.slice(2)}`;
  if (style.align) f.horizontalAlignment = { left: 'Left', right: 'Right', center: 'Center' }[style.align];
  if (style.indent) f.indentLevel = style.indent;
  if (style.wrap) f.wrapText = true;
  if (style.valign) f.verticalAlignment = { top: 'Top', middle: 'Center', bottom: 'Bottom' }[style.valign];
  if (style.borderTop) f.borderTop = WEIGHT[style.borderTop];
  if (style.borderBottom) f.borderBottom = WEIGHT[style.borderBottom];
  return f;
}

function flags(sheet: FakeSheet): { range: string; rules: string[] }[] {
  const out: { range: string; rules: string[] }[] = [];
  for (const f of sheet.conditionalFormats) {
    const range = boxAddress(f.box);
    const last = out[out.length - 1];
    const rule = `${f.formula} ${f.fill} ${f.fontColor}`;
    if (last?.range === range) last.rules.push(rule);
    else out.push({ range, rules: [rule] });
  }
  return out.sort((a, b) => a.range.localeCompare(b.range));
}

function memoryFlags(sheet: MemorySheet): { range: string; rules: string[] }[] {
  return sheet.conditionalFormats
    .map((f) => ({ range: f.range, rules: (f as { rules: { formula: string; fill?: string; fontColor?: string }[] }).rules.map((r) => `=${r.formula} #${r.fill?.slice(2)} #${r.fontColor?.slice(2)}`) }))
    .sort((a, b) => a.range.localeCompare(b.range));
}

/** Compares the fake Excel workbook with the memory workbook cell by cell. */
function expectSameWorkbook(excel: FakeExcel, memory: MemoryWorkbook): void {
  expect(excel.sheets.map((s) => s.name)).toEqual(memory.sheets.map((s) => s.name));
  expect(Object.fromEntries(excel.names)).toEqual(Object.fromEntries(Object.entries(memory.names).map(([k, v]) => [k, `=${v}`])));
  for (const mem of memory.sheets) {
    const sheet = excel.sheet(mem.name);
    const rows = Math.max(mem.values.length, sheet.values.length);
    const cols = Math.max(...mem.values.map((r) => r?.length ?? 0), ...sheet.values.map((r) => r?.length ?? 0));
    expect(cells((r, c) => sheet.value(r, c), rows, cols)).toEqual(cells((r, c) => mem.values[r]?.[c], rows, cols));
    expect(new Map([...sheet.formulas].map(([k, f]) => [k, f.slice(1)]))).toEqual(mem.formulas);
    expect(flags(sheet)).toEqual(memoryFlags(mem));
    const out = mem.output;
    if (!out) {
      expect(sheet.numberFormats).toEqual(mem.numFmts);
      continue;
    }
    for (const c of out.cells) {
      expect([c.row, c.col, sheet.formats.get(cellId(c.row, c.col)) ?? {}]).toEqual([c.row, c.col, excelFormat(c.style)]);
      expect(sheet.numberFormats.get(cellId(c.row, c.col)) ?? 'General').toBe(c.style?.numFmt ?? 'General');
    }
    expect([...sheet.formats.values()].filter((f) => Object.keys(f).length)).toHaveLength(out.cells.filter((c) => Object.keys(excelFormat(c.style)).length).length);
    expect([...sheet.merges].sort()).toEqual([...out.merges].sort());
    expect(Object.fromEntries(sheet.columnWidths)).toEqual(Object.fromEntries(out.columnWidths.map((w, i) => [i, columnPoints(w)])));
    expect([...sheet.hiddenColumns]).toEqual(out.hiddenColumns ?? []);
    expect(Object.fromEntries(sheet.rowHeights)).toEqual(out.rowHeights ?? {});
    expect(sheet.frozenRows).toBe(out.frozenRows ?? 0);
    expect(sheet.pageBreaks).toEqual((out.pageBreaksBefore ?? []).filter((r) => r > 0));
    expect(sheet.showGridlines).toBe(false);
  }
}

describe('OfficeWorkbook through a fake Excel', () => {
  test('runReport writes the same formulas, values, flags, sheets and names as the memory workbook', async () => {
    const memory = new MemoryWorkbook([{ name: 'Drift', values: forecast() }]);
    const expected = await runReport(memory, settings());
    const { excel, workbook } = excelWith(forecast());
    const result = await runReport(workbook, settings());
    expect(result.written).toBe(true);
    expect(result.issues).toEqual(expected.issues);
    expect(result.notes).toEqual(expected.notes);
    expect(result.cellsWritten).toBe(expected.cellsWritten);
    expect(excel.sheet('Drift').formulas.get(cellId(4, 4))).toBe('=C5-D5');
    expectSameWorkbook(excel, memory);
    expect(excel.calculationSuspensions).toBe(1);
  });

  test('a number format of the user’s own under our cells is kept; General cells get ours', async () => {
    const { excel, workbook } = excelWith(forecast());
    excel.sheet('Drift').numberFormats.set(cellId(4, 4), '0.00');
    await runReport(workbook, settings());
    const formats = excel.sheet('Drift').numberFormats;
    expect(formats.get(cellId(4, 4))).toBe('0.00');
    expect(formats.get(cellId(3, 4))).toBe('#,##0;-#,##0;0');
    expect(formats.get(cellId(7, 7))).toBe('#,##0;-#,##0;0');
  });

  test('a sheet deleted between reading and writing is named', async () => {
    const { excel, workbook } = excelWith(forecast());
    for (const style of [undefined, { numFmt: '0' }]) {
      // the first batch looks at the target cells again, and fails on the missing sheet; a second names it
      const plan: WritePlan = { cellWrites: [{ sheet: 'Borta', cells: [{ row: 3, col: 4, formula: 'C4-D4', style }], conditionalFormats: [] }], sheets: [], names: {} };
      await expect(workbook.write(plan)).rejects.toThrow('Fliken Borta finns inte i arbetsboken');
    }
    expect(excel.runs.map((run) => run.map((s) => s.failed ?? 'ok'))).toEqual([
      ['ItemNotFound', 'ok'],
      ['ItemNotFound', 'ok'],
    ]);
    expect(excel.sheets.map((s) => s.name)).toEqual(['Drift']);
  });

  test('a second run updates in place: same sheets, no duplicate flags or names, the user’s own formats kept', async () => {
    const memory = new MemoryWorkbook([{ name: 'Drift', values: forecast() }]);
    const { excel, workbook } = excelWith(forecast());
    const own = [
      { type: 'CellValue', box: { top: 3, left: 4, bottom: 7, right: 4 } },
      { type: 'Custom', box: { top: 3, left: 4, bottom: 7, right: 4 }, formula: '=E4>1000000', fill: '#0000FF' },
    ];
    excel.sheet('Drift').conditionalFormats.push(...own);
    await runReport(memory, settings());
    await runReport(workbook, settings());
    const first = excel.sheet('Drift').conditionalFormats.length;
    const commentRanges: (string | undefined)[] = [];
    // The same settings again, then more flagged rows, then fewer: the comments sheet grows and shrinks.
    for (const extra of [{}, { thresholdAmount: 200 }, { thresholdAmount: 5000 }]) {
      await runReport(memory, settings(extra));
      await runReport(workbook, settings(extra));
      const drift = excel.sheet('Drift');
      expect(drift.conditionalFormats.slice(-2)).toEqual(own);
      drift.conditionalFormats = drift.conditionalFormats.slice(0, -2);
      expect(drift.conditionalFormats.length + 2).toBe(first);
      expectSameWorkbook(excel, memory);
      drift.conditionalFormats.push(...own);
      commentRanges.push(excel.names.get('Avvikelse_Kommentarer'));
    }
    // with a deficit beyond the comment level the section on åtgärder follows the comments
    expect(commentRanges).toEqual(['=Kommentarer!$A$1:$H$19', '=Kommentarer!$A$1:$H$21', '=Kommentarer!$A$1:$H$4']);
    expect(excel.names.size).toBe(3);
    expect(excel.syncCounts()).toEqual([3, 2, 3, 2, 3, 2, 3, 2]);
  });

  test('the åtgärder totals go in as formulas Excel calculates, follow a typed effect, and a second run takes them as ours', async () => {
    const { excel, workbook } = excelWith(forecast());
    await runReport(workbook, settings({ thresholdAmount: 200 }));
    const sheet = excel.sheet('Kommentarer');
    const sum = sheet.values.findIndex((r) => r?.[0] === 'Summa beräknad effekt');
    const header = sheet.values.findIndex((r) => r?.[1] === 'Åtgärd');
    expect(sheet.formulas.get(cellId(sum, 3))).toBe(`=IF(ISNUMBER(D${header + 2}),D${header + 2},0)+IF(ISNUMBER(D${header + 3}),D${header + 3},0)+IF(ISNUMBER(D${header + 4}),D${header + 4},0)`);
    expect(sheet.formulas.get(cellId(sum + 2, 3))).toBe(`=ABS(D${sum + 2}-D${sum + 1})`);
    const deficit = sheet.value(sum + 1, 3) as number;
    // the controller types 250 tkr: Excel recalculates the sum and the gap
    sheet.input(header + 1, 3, 250);
    excel.recalculate();
    expect(sheet.value(sum, 3)).toBe(250);
    expect(sheet.value(sum + 2, 3)).toBeCloseTo(Math.abs(deficit - 250), 9);
    const again = await runReport(workbook, settings({ thresholdAmount: 200 }));
    expect(again.written).toBe(true);
    // the entered row is carried, new empty rows follow it, and the totals are written anew below them
    const after = excel.sheet('Kommentarer');
    const moved = after.values.findIndex((r) => r?.[0] === 'Summa beräknad effekt');
    expect(moved).toBe(sum + 1);
    expect(after.value(moved, 3)).toBe(250);
    expect(after.formulas.get(cellId(moved, 3))).toContain(`IF(ISNUMBER(D${header + 5}),D${header + 5},0)`);
  });

  test('a sheet used from B3 is read into place (here one row per chunk); hidden and protected sheets and names are reported', async () => {
    const excel = new FakeExcel();
    excel.addSheet('Flyttad', [[], [], [null, 'Post', 'Budget helår'], [null, 'Personal', 100]], { formulas: { D4: 'C4*2' } });
    excel.addSheet('Dold', [['x']], { protected: true }).visibility = 'Hidden';
    excel.addSheet('Tom');
    excel.names.set('Avvikelse_Tabeller', "='Mina tabeller'!$A$1:$H$12");
    const data = await new OfficeWorkbook({ run: excel.excelRun, chunkRows: 1 }).read();
    expect(data.sheets.map((s) => [s.name, s.hidden, s.protected])).toEqual([
      ['Flyttad', false, false],
      ['Dold', true, true],
      ['Tom', false, false],
    ]);
    expect(data.sheets[0].values).toEqual([[], [], [null, 'Post', 'Budget helår', null], [null, 'Personal', 100, null]]);
    expect(data.sheets[0].formulas).toEqual(new Map([['3,3', 'C4*2']]));
    expect(data.sheets[2].values).toEqual([]);
    expect(data.names).toEqual({ Avvikelse_Tabeller: "'Mina tabeller'!$A$1:$H$12" });
  });

  test('selection, navigation and settings round-trip', async () => {
    const { excel, workbook } = excelWith(forecast());
    excel.addSheet("Kvartal 1 'Q1'", [['a']]);
    expect(await workbook.getSelection()).toBeNull();
    excel.selection = { sheet: "Kvartal 1 'Q1'", address: 'B2:C5' };
    expect(await workbook.getSelection()).toEqual({ sheet: "Kvartal 1 'Q1'", address: 'B2:C5' });
    await workbook.select({ sheet: 'Drift', address: 'E7' });
    expect(excel.activeSheet).toBe('Drift');
    expect(await workbook.getSelection()).toEqual({ sheet: 'Drift', address: 'E7' });

    expect(await workbook.loadSettings()).toBeNull();
    const saved: SettingsInput = { months: 8, thresholdAmount: '250', sheets: { Drift: { columns: { budgetHelar: 'C' } } } };
    await workbook.saveSettings(saved);
    expect(excel.settings.get(SETTINGS_KEY)).toBe(JSON.stringify(saved));
    expect(await workbook.loadSettings()).toEqual(saved);
    excel.settings.set(SETTINGS_KEY, 'inte json');
    expect(await workbook.loadSettings()).toBeNull();
    await expect(workbook.select({ sheet: 'Saknas', address: 'A1' })).rejects.toThrow('Kunde inte markera A1: hittar inte fliken Saknas (ItemNotFound)');
  });

  test('a protected sheet is reported by the plan, and refused in Swedish before anything is written', async () => {
    const locked = excelWith(forecast(), { protected: true });
    const result = await runReport(locked.workbook, settings());
    expect(result.written).toBe(false);
    expect(result.issues).toContainEqual(expect.objectContaining({ sheet: 'Drift', message: expect.stringContaining('skrivskyddad') }));

    const { excel, workbook } = excelWith(forecast());
    await runReport(workbook, settings());
    excel.sheet('Avvikelsetabeller').protected = true;
    const before = JSON.stringify(excel.sheet('Drift').values);
    await expect(runReport(workbook, settings({ thresholdAmount: 200 }))).rejects.toThrow('Fliken Avvikelsetabeller är skrivskyddad; ta bort skyddet och försök igen');
    expect(excel.syncCounts().slice(-1)).toEqual([1]);

    excel.sheet('Drift').protected = true;
    const plan: WritePlan = { cellWrites: [{ sheet: 'Drift', cells: [{ row: 3, col: 4, formula: 'C4-D4' }], conditionalFormats: [] }], sheets: [], names: {} };
    await expect(workbook.write(plan)).rejects.toThrow('Fliken Drift är skrivskyddad; ta bort skyddet och försök igen');
    expect(JSON.stringify(excel.sheet('Drift').values)).toBe(before);

    const fresh = excelWith(forecast());
    fresh.excel.workbookProtected = true;
    await expect(runReport(fresh.workbook, settings())).rejects.toThrow('Arbetsbokens struktur är skyddad, så fliken Avvikelsetabeller kan inte läggas till');
  });

  test('other errors from Excel come out in Swedish, naming the sheet', () => {
    const error = hostError(new FakeExcelError('AccessDenied', 'Access denied'), 'skriva avvikelserna', ['Drift']);
    expect(error.message).toBe('Fliken Drift går inte att ändra (AccessDenied), troligen för att den är skyddad; ta bort skyddet och försök igen');
    expect(hostError(new FakeExcelError('GeneralException', 'boom'), 'läsa arbetsboken').message).toBe(
      'Excel kunde inte läsa arbetsboken: Excel rapporterade ett internt fel; försök igen, och stäng och öppna arbetsboken om felet kvarstår (GeneralException)',
    );
    // InvalidOperation is not protection (that is AccessDenied)
    expect(hostError(new FakeExcelError('InvalidOperation', 'no'), 'skriva avvikelserna', ['Drift', 'Kommentarer']).message).toBe(
      'Excel kunde inte skriva avvikelserna i någon av flikarna Drift, Kommentarer: Excel tillåter inte åtgärden just nu; kontrollera att ingen dialogruta är öppen och försök igen (InvalidOperation)',
    );
    // a code Excel has no advice for keeps its own message
    expect(hostError(new FakeExcelError('SomethingNew', 'Oväntat'), 'läsa arbetsboken').message).toBe('Excel kunde inte läsa arbetsboken (SomethingNew): Oväntat');
  });
});

describe('the fake enforces what Excel enforces', () => {
  test('no reading before load and sync, no 2-D write of the wrong size, no proxies after the run', async () => {
    const excel = new FakeExcel();
    excel.addSheet('Drift', [[1, 2]]);
    let leaked: { values: unknown[][] } | undefined;
    await excel.run(async (context) => {
      const range = context.workbook.worksheets.getItem('Drift').getRange('A1:B1');
      expect(() => range.values).toThrow("The property 'values' is not available");
      range.load('values');
      expect(() => range.values).toThrow('context.sync() has not been called');
      await context.sync();
      expect(range.values).toEqual([[1, 2]]);
      range.values = [[1, 2, 3]];
      await expect(context.sync()).rejects.toMatchObject({ code: 'InvalidArgument' });
      leaked = range;
    });
    expect(() => leaked?.values).toThrow('outside the Excel.run');
    expect(excel.syncCounts()).toEqual([2]);
  });
});
