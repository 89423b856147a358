/**
 * Parser and engine fuzz beyond the arithmetic properties of test/core: the readers never throw on
 * anything a spreadsheet can hand them, and every issue they raise names the sheet and a cell inside
 * the grid. (test/core/money.property.test.ts covers the Swedish round trip and rounding;
 * test/core/engine.property.test.ts the sums of well-formed sheets.)
 */
import fc from 'fast-check';
import { auditSheet } from '../../src/audit';
import { columnIndex, parseCellAddress } from '../../src/core/address';
import { parseAmountCell } from '../../src/core/money';
import { detectHeader } from '../../src/core/roles';
import { readSourceTable } from '../../src/core/source';
import { DEFAULT_THRESHOLDS } from '../../src/core/thresholds';
import type { RawValue, TableSettings } from '../../src/core/types';
import { deviationPercent } from '../../src/core/variance';
import { buildSettings } from '../../src/report/settings';
import { runReport } from '../../src/report/run';
import { MemoryWorkbook } from '../../src/workbook/memory/memoryWorkbook';
import { amountCell, amountFormat, exactAmount, fuzzParams, X } from './sheets';

/** Text that looks like numbers half the time: digits, separators, signs, spaces of every kind. */
const numberish = fc.string({ unit: fc.constantFrom(...'0123456789 .,-−–—()+eE%kr\u00A0\u2009\u202F\u2007#/!'.split('')), maxLength: 24 });
const oddText = fc.oneof(fc.string({ unit: 'binary', maxLength: 60 }), numberish, fc.constantFrom('', ' ', '–', '#N/A', '#SPILL!', '1e400', '1e-400', 'NaN', 'Infinity', '-0', '(-0)', '( )', '()', '-', '--1', '1e', 'e5', '.5', ',5', '5.', '5,'));
const errorValue = fc.record({ error: oddText, message: fc.option(oddText, { nil: undefined }) }, { requiredKeys: ['error'] });

/** Anything an adapter may hand the engine as a cell. */
export const rawValue: fc.Arbitrary<RawValue> = fc.oneof(
  fc.constantFrom<RawValue>(null, undefined),
  oddText,
  fc.double(),
  fc.constantFrom(0, -0, Number.MAX_VALUE, -Number.MAX_VALUE, Number.MIN_VALUE, 1e18, -1e18, 999999999999999900, 0.1 + 0.2 - 0.3),
  fc.boolean(),
  fc.date({ noInvalidDate: false }),
  errorValue,
);

const HEADER_WORDS = ['Verksamhet', 'Kategori', 'Konto', 'Typ', 'Budget', 'Prognos', 'Utfall', 'Avvikelse', 'Budget helår', 'Prognos helår', 'Utfall jan–aug', 'Utfall 2025', 'Helår', 'Perioden jan–aug', 'Perioden fg år', 'Avvikelse %', 'Mål', '2024', 2025, 'Projekt', 'Nivå 1', 'Nivå 2', 'Summa', 'Återstår', 'Ack. utfall'];
/** Cells of a forecast sheet's neighbourhood: header words, amounts, anything. */
const gridCell: fc.Arbitrary<RawValue> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom<RawValue>(...HEADER_WORDS) },
  { weight: 3, arbitrary: fc.tuple(exactAmount, amountFormat).map(([a, f]) => amountCell(a, f) as RawValue) },
  { weight: 2, arbitrary: rawValue },
  { weight: 2, arbitrary: fc.constantFrom<RawValue>(null, 'Personal', 'Intäkt', 'Kostnad', 'Summa kostnader', '3010 Taxor', '9999 Okänt') },
);
/** Ragged grids with holes, as the .xlsx reader hands them over: empty cells and rows are not there at all. */
const grid: fc.Arbitrary<RawValue[][]> = fc.array(fc.array(gridCell, { maxLength: 9 }), { maxLength: 12 }).chain((rows) =>
  fc.tuple(fc.array(fc.nat({ max: Math.max(0, rows.length - 1) }), { maxLength: 2 }), fc.array(fc.tuple(fc.nat(), fc.nat()), { maxLength: 6 })).map(([rowHoles, cellHoles]) => {
    const out = rows.map((r) => [...r]);
    for (const [r, c] of cellHoles) if (out.length > 0 && out[r % out.length].length > 0) delete out[r % out.length][c % out[r % out.length].length];
    for (const h of rowHoles) delete (out as unknown[])[h];
    return out;
  }),
);

const settings = (over: Partial<TableSettings> = {}): TableSettings => ({ inputUnit: 'kr', unit: 'tkr', blanks: 'error', thresholds: DEFAULT_THRESHOLDS, ...over });
const width = (g: RawValue[][]) => Math.max(0, ...Array.from(g, (r) => (Array.isArray(r) ? r.length : 0)));

describe('readers never throw, and say where', () => {
  it('parseAmountCell: an amount (finite, never -0, below 10^18), a blank, or a Swedish message — for any cell', () => {
    fc.assert(
      fc.property(rawValue, (v) => {
        const p = parseAmountCell(v);
        if (p.kind === 'amount') {
          expect(p.value.isFinite()).toBe(true);
          expect(p.value.isZero() && p.value.isNegative()).toBe(false);
          expect(p.value.abs().lt(1e18)).toBe(true);
        } else if (p.kind === 'error') {
          expect(typeof p.message).toBe('string');
          expect(p.message.length).toBeGreaterThan(0);
          // an adapter's own explanation (a formula without a value) is passed on as it is
          if (typeof v === 'object' && v !== null && !(v instanceof Date) && v.message) expect(p.message).toBe(v.message);
          else expect(p.message).toMatch(/belopp|datum/);
        } else expect(p.kind).toBe('blank');
      }),
      fuzzParams(2000),
    );
  });

  it('parseAmountCell reads every written form of an amount as exactly that amount', () => {
    fc.assert(
      fc.property(exactAmount, amountFormat, (a, f) => {
        const p = parseAmountCell(amountCell(a, f) as RawValue);
        expect(p.kind).toBe('amount');
        if (p.kind === 'amount') expect(p.value.eq(a)).toBe(true);
      }),
      fuzzParams(1000),
    );
  });

  it('avvikelse % is a finite number or `–` for any amounts a cell may hold', () => {
    const amount = rawValue.map((v) => parseAmountCell(v)).filter((p) => p.kind === 'amount').map((p) => (p.kind === 'amount' ? p.value : new X(0)));
    fc.assert(
      fc.property(amount, amount, (budget, actual) => {
        const pct = deviationPercent(actual.minus(budget), budget);
        if (pct !== null) expect(Number.isFinite(pct.toNumber())).toBe(true);
      }),
      fuzzParams(1000),
    );
  });

  it('detectHeader: null or a header inside the grid, one column per role, on any grid', () => {
    // (one exception: with no text column left of the figures the label falls back to column A, as
    // the reader does, even when A holds figures)
    fc.assert(
      fc.property(grid, (g) => {
        const h = detectHeader(g);
        if (h === null) return;
        expect([1, 2]).toContain(h.headerRows);
        expect(h.firstHeaderRow).toBeGreaterThanOrEqual(0);
        expect(h.firstDataRow).toBe(h.firstHeaderRow + h.headerRows);
        expect(h.firstDataRow).toBeLessThanOrEqual(g.length);
        const cols = Object.values(h.columns) as number[];
        for (const c of cols) expect(c >= 0 && c < width(g)).toBe(true);
        const { label, ...roles } = h.columns;
        const others = Object.values(roles) as number[];
        expect(new Set(others).size).toBe(others.length);
        if (label !== undefined && label !== 0) expect(others).not.toContain(label);
      }),
      fuzzParams(1000),
    );
  });

  it('readSourceTable: never throws on any grid; every issue names the sheet and a cell inside the grid', () => {
    fc.assert(
      fc.property(grid, fc.constantFrom<'error' | 'zero'>('error', 'zero'), fc.constantFrom(undefined, 'signed' as const, 'unsigned' as const), (g, blanks, convention) => {
        const h = detectHeader(g);
        if (h === null) return;
        const src = readSourceTable('Drift', g, h, settings({ blanks, convention, months: 8 }));
        for (const i of src.issues) {
          expect(i.sheet).toBe('Drift');
          expect(i.message.length).toBeGreaterThan(0);
          if (i.cell === undefined) continue;
          const { row, col } = parseCellAddress(i.cell);
          expect(row >= h.firstDataRow && row < g.length).toBe(true);
          expect(col >= 0 && col < width(g)).toBe(true);
        }
        for (const r of src.rows) for (const v of Object.values(r.amounts)) expect(v?.isFinite()).toBe(true);
      }),
      fuzzParams(1000),
    );
  });

  it('the audit of any grid: never throws; every finding names a cell inside the grid', () => {
    fc.assert(
      fc.property(grid, fc.option(fc.integer({ min: 1, max: 12 }), { nil: undefined }), (g, months) => {
        const result = auditSheet('Tabell', g, { months });
        for (const f of result.findings) {
          const { row, col } = parseCellAddress(f.cell);
          expect(row >= 0 && row < g.length && col >= 0 && col < width(g)).toBe(true);
        }
      }),
      fuzzParams(1000),
    );
  });

  it('the whole report on any in-memory workbook: never throws; issues name a sheet of the workbook and a cell inside it', async () => {
    const sheet = fc.record({ name: fc.constantFrom('Drift', 'Investeringar', 'Budget 2026', 'Indikatorer'), values: grid });
    await fc.assert(
      fc.asyncProperty(fc.uniqueArray(sheet, { minLength: 1, maxLength: 3, selector: (s) => s.name }), fc.constantFrom('tkr', 'mnkr'), async (sheets, unit) => {
        const wb = new MemoryWorkbook(sheets.map((s) => ({ name: s.name, values: Array.from(s.values, (r) => r ?? []) })));
        const result = await runReport(wb, buildSettings({ unit, months: 8 }, undefined, 2026));
        for (const i of result.issues) {
          expect(typeof i.message).toBe('string');
          if (!i.sheet) continue;
          const s = sheets.find((x) => x.name === i.sheet);
          expect(s).toBeDefined();
          if (!i.cell || !s) continue;
          const m = /^([A-Z]{1,3})(\d+)$/.exec(i.cell);
          expect(m).not.toBeNull();
          expect(Number(m![2])).toBeLessThanOrEqual(s.values.length);
          expect(columnIndex(m![1])).toBeLessThan(Math.max(1, width(s.values)));
        }
      }),
      fuzzParams(300),
    );
  });
});

describe('regressions found by the fuzz', () => {
  it('the audit reads a header row with holes (an empty cell above the label column): no TypeError', () => {
    const top: RawValue[] = [];
    top[2] = 'Helår';
    top[3] = 'Perioden fg år';
    const grid: RawValue[][] = [top, ['Kategori', 'Typ', 'Budget', 'Utfall'], ['Taxor och avgifter', 'Intäkt', 10000000, 10000000], ['Personal', 'Kostnad', -10000000, -10000000]];
    expect(auditSheet('Drift', grid).tables).toHaveLength(1);
  });

  it('an amount of 10^18 or more is reported at its cell, not carried into the tables as Infinity', () => {
    expect(parseAmountCell('-1e400')).toEqual({ kind: 'error', message: '"-1e400" är för stort för att vara ett belopp' });
    expect(parseAmountCell(1.7976931348623157e308)).toEqual({ kind: 'error', message: '"1.7976931348623157e+308" är för stort för att vara ett belopp' });
    expect(parseAmountCell('1 000 000 000 000 000 000')).toMatchObject({ kind: 'error' });
    expect(parseAmountCell('999 999 999 999 999 999,99')).toMatchObject({ kind: 'amount' });
  });

  it('a budget below half an öre (float noise from a formula) gives no percentage, and so no flag by percent', () => {
    expect(deviationPercent(new X(1000), new X(5e-324))).toBeNull();
    expect(deviationPercent(new X(1000), new X('1e-400'))).toBeNull();
    expect(deviationPercent(new X('0.5'), new X(0.1 + 0.2 - 0.3))).toBeNull();
    expect(deviationPercent(new X(1), new X('0.005'))?.toNumber()).toBe(20000);
  });
});
