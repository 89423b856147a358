import Decimal from 'decimal.js';
import fc from 'fast-check';
import type { RawValue } from '../../src/core/types';
import { runReport } from '../../src/report/run';
import { buildSettings } from '../../src/report/settings';
import { MemoryWorkbook } from '../../src/workbook/memory/memoryWorkbook';

const HEADER = ['Verksamhet', 'Typ', 'Budget helår', 'Prognos helår', 'Avvikelse helår', 'Avvikelse helår %', 'Budget jan–aug', 'Utfall jan–aug', 'Avvikelse jan–aug', 'Avvikelse jan–aug %'];
const [BUDGET, PROGNOS, DEV, PCT, BUDGET_P, UTFALL_P, DEV_P, PCT_P] = [2, 3, 4, 5, 6, 7, 8, 9];
const col = (c: number) => String.fromCharCode(65 + c);
/**
 * The expected figures are worked out to 60 digits, so that their rounding to a double is the exact
 * quotient's (decimal.js's default 20 digits, rounded again to a double, can land one ulp off).
 */
const Exact = Decimal.clone({ precision: 60 });

/** An amount: whole kronor, öre, or with more decimals (read as a Decimal, not as öre). */
const amountArb = fc.oneof(fc.integer({ min: -5e7, max: 5e7 }), fc.integer({ min: -5e9, max: 5e9 }).map((o) => o / 100), fc.integer({ min: -5e6, max: 5e6 }).map((m) => m / 1000), fc.constant(0));
const rowArb = fc.record({ cost: fc.boolean(), amounts: fc.array(amountArb, { minLength: 4, maxLength: 4 }) });

describe('avvikelse columns planned as columns', () => {
  test('every filled cell holds its row’s formula in the sheet’s convention and, cached, that formula’s exact value', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(rowArb, { minLength: 1, maxLength: 12 }), fc.constantFrom('signed', 'unsigned'), async (rows, convention) => {
        const values: RawValue[][] = [HEADER, ...rows.map((r, i) => [`Verksamhet ${i + 1}`, r.cost ? 'Kostnad' : 'Intäkt', r.amounts[0], r.amounts[1], null, null, r.amounts[2], r.amounts[3], null, null])];
        const wb = new MemoryWorkbook([{ name: 'Drift', values }]);
        const result = await runReport(wb, buildSettings({ months: 8, convention }, undefined, 2026));
        const sheet = wb.sheet('Drift')!;
        expect(result.cellsWritten).toBe(4 * rows.length);
        rows.forEach((row, i) => {
          const r = i + 1;
          const flip = convention === 'unsigned' && row.cost;
          for (const [dev, pct, b, a] of [[DEV, PCT, BUDGET, PROGNOS], [DEV_P, PCT_P, BUDGET_P, UTFALL_P]]) {
            const [x, y] = flip ? [b, a] : [a, b];
            expect(sheet.formulas.get(`${r},${dev}`)).toBe(`${col(x)}${r + 1}-${col(y)}${r + 1}`);
            const deviation = new Exact(values[r][x] as number).minus(values[r][y] as number);
            expect(sheet.values[r][dev]).toBe(deviation.toNumber() || 0);
            const budget = new Exact(values[r][b] as number);
            expect(sheet.formulas.get(`${r},${pct}`)).toBe(`IF(${col(b)}${r + 1}=0,"",${col(dev)}${r + 1}/ABS(${col(b)}${r + 1}))`);
            expect(sheet.values[r][pct]).toBe(budget.isZero() ? '' : deviation.div(budget.abs()).toNumber() || 0);
          }
        });
      }),
      { numRuns: 60 },
    );
  });
});
