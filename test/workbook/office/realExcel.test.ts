/// <reference types="office-js" />
/**
 * What real Excel does that a snapshot does not show, each enforced by the fake Excel and handled by
 * the adapter: names without case, a workbook that changes between read and write, writes that are not
 * rolled back, payloads as office.js sends them, cell edit mode, text-formatted cells, manual
 * calculation, hidden sheets, selections of several areas, and Excel's error codes.
 */
import { runReport } from '../../../src/report/run';
import { MARK_NOTE_PREFIX } from '../../../src/workbook/host';
import { OfficeWorkbook } from '../../../src/workbook/office/officeWorkbook';
import { wireBytes } from '../../../src/workbook/office/payload';
import type { CellWrite, OutputSheet, WritePlan } from '../../../src/workbook/port';
import { MANUAL_NOTE } from '../../../src/workbook/office/writePlan';
import type { ExcelHostError } from '../../../src/workbook/office/excelErrors';
import { excelWith, forecast, settings } from './driftSheet';
import { cellId, FakeExcel, FakeExcelError } from './fakeExcel';
import { calculate } from './miniCalc';

/** The fake with the forecast on `Drift`, with options, and the adapter over it. */
function excelOf(options: ConstructorParameters<typeof FakeExcel>[0] = {}, copies = 1) {
  const excel = new FakeExcel({ calculate, ...options });
  excel.addSheet('Drift', forecast(copies));
  return { excel, workbook: new OfficeWorkbook({ run: excel.excelRun, isSetSupported: () => true }) };
}

const names = (excel: FakeExcel) => excel.sheets.map((s) => s.name);
const caught = (p: Promise<unknown>): Promise<ExcelHostError> => p.then(() => { throw new Error('no error'); }, (e: unknown) => e as ExcelHostError);

describe('names are the same whatever their case', () => {
  test('the fake: a sheet or a name that exists in another case cannot be added, and is found', async () => {
    const { excel } = excelOf();
    excel.names.set('Mitt_Namn', '=Drift!$A$1');
    await excel.run(async (context) => {
      context.workbook.worksheets.add('DRIFT');
      await expect(context.sync()).rejects.toMatchObject({ code: 'ItemAlreadyExists' });
      context.workbook.names.add('mitt_namn', '=Drift!$B$2');
      await expect(context.sync()).rejects.toMatchObject({ code: 'ItemAlreadyExists' });
      const found = context.workbook.names.getItemOrNullObject('MITT_NAMN').load('name');
      await context.sync();
      expect(found.name).toBe('Mitt_Namn');
    });
  });

  test('a user’s sheet `kommentarer` is a clash found by the plan before anything is written', async () => {
    const { excel, workbook } = excelOf();
    excel.addSheet('kommentarer', [['Mina anteckningar']]);
    const result = await runReport(workbook, settings());
    expect(result.written).toBe(false);
    expect(result.issues).toContainEqual(expect.objectContaining({ sheet: 'kommentarer', message: expect.stringContaining('krockar med Kommentarer') }));
    expect(names(excel)).toEqual(['Drift', 'kommentarer']);
    expect(excel.sheet('Drift').formulas.size).toBe(0);
    expect(excel.runs).toHaveLength(1); // the read; no write was tried
  });

  test('a clash that appears after the read stops the write before anything is written', async () => {
    const { excel, workbook } = excelOf();
    const run = runReport(workbook, settings(), undefined, { pause: async (after) => void (after === 'plan' && excel.addSheet('AVVIKELSETABELLER', [['egen']])) });
    await expect(run).rejects.toThrow('Fliken AVVIKELSETABELLER finns redan men är inte skapad av Avvikelse (Excel skiljer inte på stora och små bokstäver, så den krockar med Avvikelsetabeller); byt namn på den så skrivs inget över. Ingenting skrevs.');
    expect(names(excel)).toEqual(['Drift', 'AVVIKELSETABELLER']);
    expect(excel.sheet('Drift').formulas.size).toBe(0);
    expect(excel.names.size).toBe(0);
  });

  test('a user’s defined name `avvikelse_tabeller` is not taken over', async () => {
    const { excel, workbook } = excelOf();
    excel.names.set('avvikelse_tabeller', '=Drift!$A$1:$B$2');
    const result = await runReport(workbook, settings());
    expect(result.written).toBe(false);
    expect(result.issues).toContainEqual(expect.objectContaining({ message: expect.stringContaining('namnet avvikelse_tabeller finns redan i arbetsboken och pekar på Drift!$A$1:$B$2') }));
    expect(excel.runs).toHaveLength(1); // found by the plan: no write was tried
    expect(excel.names.get('avvikelse_tabeller')).toBe('=Drift!$A$1:$B$2');
    expect(names(excel)).toEqual(['Drift']);
  });
});

describe('the workbook can change between read and write', () => {
  test('a target cell typed in after the read stops the write; nothing is written', async () => {
    const { excel, workbook } = excelOf();
    const run = runReport(workbook, settings(), undefined, { pause: async (after) => void (after === 'plan' && excel.sheet('Drift').input(5, 4, 1234)) });
    await expect(run).rejects.toThrow("Arbetsboken har ändrats sedan den lästes: Drift!E6 är inte längre tomma. Ingenting skrevs; kör Avvikelse igen så läses de nya värdena.");
    expect(excel.sheet('Drift').value(5, 4)).toBe(1234);
    expect(excel.sheet('Drift').formulas.size).toBe(0);
    expect(names(excel)).toEqual(['Drift']);
    // and a formula of someone else's is a change too
    excel.sheet('Drift').input(5, 4, '');
    const again = runReport(workbook, settings(), undefined, { pause: async (after) => void (after === 'plan' && excel.sheet('Drift').input(6, 7, '=G7*2')) });
    await expect(again).rejects.toThrow('Drift!H7 är inte längre tomma');
  });

  test('our own formulas from an earlier run are not a change', async () => {
    const { excel, workbook } = excelOf();
    await runReport(workbook, settings());
    const result = await runReport(workbook, settings({ thresholdAmount: 200 }));
    expect(result.written).toBe(true);
    expect(excel.sheet('Drift').formulas.get(cellId(4, 4))).toBe('=C5-D5');
  });
});

describe('a failed write is not rolled back: ordered so the next run takes over, and said', () => {
  test('Excel fails on the comments sheet: what was written is named, and the next run finishes the job', async () => {
    const { excel, workbook } = excelOf();
    excel.faultAt = (location, sheet) => (location === 'Range.values' && sheet === 'Kommentarer' ? new FakeExcelError('GeneralException', 'internal') : undefined);
    const error = await caught(runReport(workbook, settings()));
    expect(error.message).toBe(
      'Excel kunde inte skriva avvikelserna i någon av flikarna Drift, Avvikelsetabeller, Kommentarer, Prognoshistorik: Excel rapporterade ett internt fel; försök igen, och stäng och öppna arbetsboken om felet kvarstår (GeneralException). ' +
        'Kanske delvis skrivet (Excel avbröt mitt i): flikarna Avvikelsetabeller, Kommentarer och Prognoshistorik (tomma) och namnen som märker Avvikelses flikar, avvikelsekolumnerna i fliken Drift, fliken Avvikelsetabeller, fliken Kommentarer, fliken Prognoshistorik och diagrammen i fliken Avvikelsetabeller. ' +
        'Kör Avvikelse igen när felet är åtgärdat; den tar över det som redan skrevs.',
    );
    expect(error.errorLocation).toBe('Range.values');
    // our sheets and the names that mark them came first: the next run recognises them as ours
    expect(names(excel)).toEqual(['Drift', 'Avvikelsetabeller', 'Kommentarer', 'Prognoshistorik']);
    expect([...excel.names.keys()].sort()).toEqual(['Avvikelse_Kommentarer', 'Avvikelse_Prognoshistorik', 'Avvikelse_Tabeller']);
    excel.faultAt = undefined;
    const result = await runReport(workbook, settings());
    expect(result.written).toBe(true);
    const clean = excelOf();
    await runReport(clean.workbook, settings());
    for (const sheet of ['Drift', 'Avvikelsetabeller', 'Kommentarer', 'Prognoshistorik']) expect(JSON.stringify(excel.sheet(sheet).values)).toBe(JSON.stringify(clean.excel.sheet(sheet).values));
  });

  test('a failure in a later sync of a large write names what was written before it', async () => {
    const { excel, workbook } = excelOf();
    excel.faultAt = (location, sheet) => (location === 'Range.values' && sheet === 'Kommentarer' ? new FakeExcelError('InvalidOperation', 'no') : undefined);
    const error = await caught(workbook.write(largePlan(150_000)));
    expect(excel.runs[0].filter((s) => s.request > s.response).map((s) => s.failed ?? 'ok')).toEqual(['ok', 'ok', 'InvalidOperation']);
    // the first sync (our sheet and name, the first formulas) is written; the one that failed held the last formulas and our sheet
    expect(error.message).toContain('Skrivet: fliken Kommentarer (tom) och namnen som märker Avvikelses flikar. Kanske delvis skrivet (Excel avbröt mitt i): avvikelsekolumnerna i fliken Drift och fliken Kommentarer.');
    expect(excel.names.get('Avvikelse_Kommentarer')).toBe('=Kommentarer!$A$1:$A$1');
    expect(excel.sheet('Drift').formulas.size).toBe(150_000);
    expect(excel.sheet('Kommentarer').value(0, 0)).toBe('');
  }, 30_000);
});

/** `rows` formulas in column K of Drift and a small sheet of ours, Kommentarer, marked by its name. */
function largePlan(rows: number): WritePlan {
  const cells: CellWrite[] = Array.from({ length: rows }, (_, r) => ({ row: 10 + r, col: 10, formula: `IF(ISNUMBER(C${r + 11}),C${r + 11}-D${r + 11},"")`, style: { numFmt: '#,##0' } }));
  const sheet: OutputSheet = { name: 'Kommentarer', cells: [{ row: 0, col: 0, value: 'Kommentarer till avvikelser' }], merges: [], columnWidths: [], conditionalFormats: [] };
  return { cellWrites: [{ sheet: 'Drift', cells, conditionalFormats: [] }], sheets: [sheet], names: { Avvikelse_Kommentarer: 'Kommentarer!$A$1:$A$1' } };
}

describe('payloads as office.js sends them', () => {
  test('sizes are JSON inside a JSON string', () => {
    for (const value of [[['=C5-D5', 12.5, 'Kö"p\\']], { a: 'ö€😀' }, 'x', 1]) {
      expect(wireBytes(value)).toBe(Buffer.byteLength(JSON.stringify(JSON.stringify(value))));
    }
  });

  test('a host with a lower limit refuses a write sync: it is split and sent again, everything written', async () => {
    const { excel, workbook } = excelOf({ payloadLimit: 600_000 });
    await workbook.write(largePlan(20_000));
    // the batch, then its half with the formulas, then the formulas alone were refused, and went in halves
    const failed = excel.runs[0].filter((s) => s.failed).map((s) => s.failed);
    expect(failed.length).toBeGreaterThan(0);
    expect(new Set(failed)).toEqual(new Set(['RequestPayloadSizeLimitExceeded']));
    expect(excel.runs[0].filter((s) => !s.failed).every((s) => s.request <= 600_000)).toBe(true);
    expect(excel.sheet('Drift').formulas.size).toBe(20_000);
    expect(excel.sheet('Drift').formulas.get(cellId(10 + 19_999, 10))).toBe('=IF(ISNUMBER(C20010),C20010-D20010,"")');
    expect(excel.sheet('Kommentarer').value(0, 0)).toBe('Kommentarer till avvikelser');
  });

  test('GeneralException on a large batch is taken as too large and retried smaller; on a small one it is an error', async () => {
    const big = excelOf({ generalExceptionAbove: 1_200_000 });
    await big.workbook.write(largePlan(40_000));
    expect(big.excel.runs[0].map((s) => s.failed ?? 'ok')).toContain('GeneralException');
    expect(big.excel.sheet('Drift').formulas.size).toBe(40_000);
    const small = excelOf({ generalExceptionAbove: 5_000 });
    const error = await caught(runReport(small.workbook, settings()));
    // a GeneralException may come after the first actions of the batch were done: said as such
    expect(error.message).toContain('Excel rapporterade ett internt fel');
    expect(error.message).toContain('Kanske delvis skrivet (Excel avbröt mitt i): flikarna Avvikelsetabeller, Kommentarer och Prognoshistorik (tomma)');
  });

  test('a read whose range Excel sends back as null is read again in smaller ranges', async () => {
    const excel = new FakeExcel({ maxReadCells: 1_000 });
    excel.addSheet('Stor', Array.from({ length: 400 }, (_, r) => Array.from({ length: 10 }, (_, c) => r * 10 + c)));
    const data = await new OfficeWorkbook({ run: excel.excelRun }).read();
    expect(data.sheets[0].values[399]).toEqual(Array.from({ length: 10 }, (_, c) => 3990 + c));
    expect(excel.runs[0].length).toBeGreaterThan(3);
  });
});

describe('cell edit mode, text cells, manual calculation', () => {
  test('while the user edits a cell the run waits (delayForCellEdit) and goes on when the edit ends', async () => {
    const { excel, workbook } = excelOf();
    excel.cellEditing = true;
    let done = false;
    const run = runReport(workbook, settings()).then((r) => ((done = true), r));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(done).toBe(false);
    excel.endCellEdit();
    expect((await run).written).toBe(true);
  });

  test('a host that fails in cell edit mode says to finish editing the cell, not that the sheet is protected', async () => {
    const { excel, workbook } = excelOf({ honoursDelayForCellEdit: false });
    excel.cellEditing = true;
    const error = await caught(runReport(workbook, settings()));
    expect(error.message).toBe('Excel kunde inte läsa arbetsboken: Excel redigerar en cell just nu: avsluta redigeringen av cellen (tryck Enter eller Esc) och försök igen (InvalidOperationInCellEditMode)');
    expect(error.message).not.toContain('skydd');
  });

  test('target cells formatted as text get our number format before the formulas, so Excel calculates them', async () => {
    const { excel, workbook } = excelOf();
    const drift = excel.sheet('Drift');
    for (let r = 3; r <= 7; r++) drift.numberFormats.set(cellId(r, 4), '@');
    const result = await runReport(workbook, settings());
    expect(drift.formulas.get(cellId(3, 4))).toBe('=D4-C4');
    expect(drift.value(3, 4)).toBeCloseTo(650412.01, 2);
    expect(drift.numberFormats.get(cellId(3, 4))).toBe('#,##0;-#,##0;0');
    expect(result.notes).toContain('Fliken Drift: E4–E8 var formaterade som text (@); Avvikelse gav dem talformat, annars hade Excel sparat formlerna som text.');
    // the fake keeps a formula written into a text cell as text, as Excel does
    drift.numberFormats.set(cellId(20, 0), '@');
    drift.input(20, 0, '=1+1');
    expect([drift.value(20, 0), drift.formulas.has(cellId(20, 0))]).toEqual(['=1+1', false]);
  });

  test('in manual calculation the cells we wrote are calculated, and the user is told', async () => {
    const { excel, workbook } = excelOf();
    excel.calculationMode = 'Manual';
    const drift = excel.sheet('Drift');
    drift.input(3, 10, '=C4*2');
    const result = await runReport(workbook, settings());
    expect(drift.value(4, 4)).toBeCloseTo(88309879.1 - 90115238.76, 2);
    expect(drift.value(4, 7)).toBeCloseTo(58103828.56 - 60233275.45, 2);
    expect(result.notes).toContain(MANUAL_NOTE);
    // nothing else was calculated: the user's own formula keeps its (never calculated) value
    expect(drift.value(3, 10)).toBe('');
  });
});

describe('hidden sheets, several areas, error codes', () => {
  test('a cell on a hidden sheet is not selected (Excel cannot activate it); the message says how to show it', async () => {
    const { excel, workbook } = excelOf();
    excel.addSheet('Dold', [['x']]).visibility = 'Hidden';
    excel.activeSheet = 'Drift';
    await expect(workbook.select({ sheet: 'Dold', address: 'A1' })).rejects.toThrow('Fliken Dold är dold och kan inte visas');
    expect(excel.activeSheet).toBe('Drift');
    // the fake refuses it as Excel does
    await excel.run(async (context) => {
      context.workbook.worksheets.getItem('Dold').activate();
      await expect(context.sync()).rejects.toMatchObject({ code: 'InvalidOperation' });
    });
  });

  test('a selection of several areas gives its first area (getSelectedRange would throw)', async () => {
    const { excel, workbook } = excelOf();
    excel.selection = { sheet: 'Drift', address: 'C4:C8, E4:E8' };
    expect(await workbook.getSelection()).toEqual({ sheet: 'Drift', address: 'C4:C8' });
    await excel.run(async (context) => {
      context.workbook.getSelectedRange().load('address');
      await expect(context.sync()).rejects.toMatchObject({ code: 'InvalidSelection' });
    });
  });

  test('an error keeps Excel’s code and debugInfo.errorLocation for the log', async () => {
    const { excel, workbook } = excelOf({ comments: false });
    const locked = await caught(workbook.mark([{ sheet: 'Drift', address: 'E5', kind: 'error', message: 'fel' }]));
    expect(locked).toBeInstanceOf(Error);
    excel.faultAt = (location) => (location === 'Range.formulas' ? new FakeExcelError('ApiNotFound', 'The API you are trying to use could not be found.') : undefined);
    const error = await caught(runReport(workbook, settings()));
    expect(error.code).toBe('ApiNotFound');
    expect(error.errorLocation).toBe('Range.formulas');
    expect(error.message).toContain('den här versionen av Excel saknar en funktion som behövs; uppdatera Office eller använd Excel på webben (ApiNotFound)');
    expect(MARK_NOTE_PREFIX).toBeTruthy();
  });
});

describe('a write plan written in the fake equals the plan', () => {
  test('the report in the fake still fills in two syncs after its read', async () => {
    const { excel, workbook } = excelWith(forecast());
    await runReport(workbook, settings());
    expect(excel.syncCounts()).toEqual([3, 2]);
  });
});
