/**
 * The colours Excel shows are the engine's flags, cell for cell, on data built to sit on every
 * borderline: deviations exactly at, a öre beside and half a tkr beside each amount threshold (where
 * the displayed, rounded figure crosses it and the exact one does not), percentages exactly at 5 and 10
 * and a öre beside, budgets under half a tkr. The conditional formats are read back from the written
 * package and evaluated as Excel does, with the formulas of the source sheet calculated in binary.
 */
import Decimal from 'decimal.js';
import { join } from 'node:path';
import { Dec } from '../../src/core/decimal';
import { displayAmount } from '../../src/core/money';
import { DEFAULT_THRESHOLDS, direction, flagLevel } from '../../src/core/thresholds';
import type { DeviationRole, FlagLevel, Direction, StandardTable, TableRow } from '../../src/core/types';
import { deviationPercent } from '../../src/core/variance';
import { DEVIATION_OF } from '../../src/core/tableRows';
import { FLAG_COLORS, flagRules } from '../../src/report/flagFormula';
import { runReport, type RunResult } from '../../src/report/run';
import { buildSettings } from '../../src/report/settings';
import { cellKey, type SheetData } from '../../src/workbook/port';
import { evaluateFormula, fromRawValue, isTruthy } from '../../src/workbook/memory/formula';
import { XlsxPackage } from '../../src/workbook/xlsx/xlsxPackage';
import { parseCellAddress } from '../../src/core/address';
import { tempDir } from '../cli/helpers';
import { writeFixture, type FixtureCell } from '../fixtures/xlsx';
import { checkPackageLater } from '../helpers/ooxml';
import { conditionalFormats, dxfFills, fillAt, liveLookup, type Format } from '../helpers/conditionalFormats';

jest.setTimeout(60_000);

const HEADER = ['Post', 'Typ', 'Budget helår', 'Prognos helår', 'Avvikelse helår', 'Budget period', 'Utfall period', 'Avvikelse period'];

/** Deviations in kronor around each amount threshold and each half tkr that display rounding moves. */
function amountDeviations(): Decimal[] {
  const out: Decimal[] = [];
  for (const threshold of [500_000, 1_000_000]) {
    for (const off of ['-500.01', '-500', '-499.99', '-0.01', '0', '0.01', '499.99', '500', '500.01']) out.push(new Dec(threshold).plus(off));
  }
  return out;
}

/** (deviation, budget) pairs exactly at 5 % and 10 % and a öre beside; and budgets under half a tkr. */
function percentPairs(): [Decimal, Decimal][] {
  const out: [Decimal, Decimal][] = [];
  for (const dev of ['1499.99', '2000.01', '12345.67', '45.5', '99999.99', '250000', '7777.77', '31415.92', '549999.5']) {
    for (const p of [5, 10]) {
      const exact = new Dec(dev).times(100).div(p);
      for (const off of ['-0.01', '0', '0.01']) out.push([new Dec(dev), exact.plus(off)]);
    }
  }
  for (const [dev, budget] of [['300', '0.4'], ['499.99', '499.5'], ['-600', '0.01'], ['0.01', '0.1']]) out.push([new Dec(dev), new Dec(budget)]);
  return out;
}

interface Case {
  type: 'Intäkt' | 'Kostnad';
  budget: Decimal;
  dev: Decimal;
}

/** Every borderline deviation, positive and negative, on revenue and on cost rows. */
function cases(): Case[] {
  const out: Case[] = [];
  for (const type of ['Intäkt', 'Kostnad'] as const) {
    for (const sign of [1, -1]) {
      for (const budget of ['987654321.09', '55555555.55']) for (const dev of amountDeviations()) out.push({ type, budget: new Dec(budget), dev: dev.times(sign) });
      for (const [dev, budget] of percentPairs()) out.push({ type, budget, dev: dev.times(sign) });
    }
  }
  return out;
}

/** A row's actual from its budget and deviation (positive = better: more revenue, less cost). */
const actualOf = (c: Case) => (c.type === 'Intäkt' ? c.budget.plus(c.dev) : c.budget.minus(c.dev));

function grid(): FixtureCell[][] {
  const all = cases();
  const rows: FixtureCell[][] = [['Borderline – driftredovisning'], ['kr'], HEADER];
  all.forEach((c, i) => {
    const period = all[(i * 7 + 3) % all.length];
    rows.push([`Post ${String(i + 1).padStart(3, '0')}`, c.type, c.budget.toNumber(), actualOf(c).toNumber(), null, period.budget.toNumber(), actualOf(period).toNumber(), null]);
  });
  return rows;
}

const colourOf = (level: FlagLevel | null | undefined, dir: Direction | null | undefined) => (level && dir ? FLAG_COLORS[level][dir].fill : undefined);

/** The engine's verdict on one deviation cell of a table row, from its exact figures. */
function engineFlag(table: StandardTable, row: TableRow, devRole: DeviationRole): string | undefined {
  const dev = row.values[devRole];
  const budget = row.values[DEVIATION_OF[devRole].budget];
  if (!dev || !budget) return undefined;
  const pct = table.columns.some((c) => c.id === DEVIATION_OF[devRole].pct) ? row.values[DEVIATION_OF[devRole].pct] ?? null : deviationPercent(dev, budget);
  return colourOf(flagLevel(dev, pct, DEFAULT_THRESHOLDS), direction(dev));
}

describe('flags in Excel are the engine’s flags, in every cell', () => {
  let result: RunResult;
  let out: XlsxPackage;
  let tables: SheetData;
  let formats: Format[];

  beforeAll(async () => {
    const dir = tempDir();
    const input = await writeFixture(join(dir, 'gränsfall.xlsx'), [{ name: 'Drift', rows: grid() }]);
    const pkg = XlsxPackage.open(input);
    result = await runReport(pkg, buildSettings({ months: '8' }, undefined, 2026));
    expect(result.issues.filter((i) => i.severity === 'error')).toEqual([]);
    const output = join(dir, 'gränsfall-ut.xlsx');
    await pkg.save(output);
    checkPackageLater(output, input);
    out = XlsxPackage.open(output);
    const data = await out.read();
    tables = data.sheets.find((s) => s.name === 'Avvikelsetabeller')!;
    formats = conditionalFormats(out.sheetXml('Avvikelsetabeller')!, dxfFills(out.stylesXml()!));
  });

  test('the tables sheet: every deviation cell coloured exactly as the engine flags it (JSON’s flag on its flag column)', () => {
    const lookup = liveLookup(tables);
    let cells = 0;
    let roundedWouldDisagree = 0;
    const disagree: string[] = [];
    for (const table of result.model.tables) {
      for (const row of table.rows) {
        const ref = result.tableRowRefs.get(row);
        if (!ref) continue;
        const r = parseCellAddress(ref.address.split(':')[0]).row;
        for (const devRole of ['avvikelseHelar', 'avvikelsePeriod'] as DeviationRole[]) {
          const c = table.columns.findIndex((col) => col.id === devRole);
          if (c < 0) continue;
          cells++;
          const shown = fillAt(formats, lookup, r, 1 + c);
          const expected = engineFlag(table, row, devRole);
          if (shown !== expected) disagree.push(`${table.title} ${row.label} ${devRole}: visas ${shown}, motorn ${expected}`);
          if (row.flagColumn === devRole) expect(shown).toBe(colourOf(row.flag, row.direction));
          // what a test of the rounded figures (the former rules) would have shown
          const b = table.columns.findIndex((col) => col.id === DEVIATION_OF[devRole].budget);
          const [neg, pos] = flagRules('D1', 'B1', DEFAULT_THRESHOLDS, new Dec(1)).map((rule) => rule.formula);
          const rounded = (dcol: number) => displayAmount(row.values[table.columns[dcol].id] ?? new Dec(0), table.unit).toNumber();
          const at = (rr: number, cc: number) => (cc === 3 ? rounded(c) : cc === 1 ? rounded(b) : null);
          const oldComment = [neg, pos].some((f) => isTruthy(evaluateFormula(f, at)));
          if (b >= 0 && oldComment !== (engineFlag(table, row, devRole) === FLAG_COLORS.comment.negative.fill || engineFlag(table, row, devRole) === FLAG_COLORS.comment.positive.fill)) roundedWouldDisagree++;
        }
      }
    }
    expect(disagree).toEqual([]);
    expect(cells).toBeGreaterThan(700);
    // the data does sit on the borderlines: rules on the rounded figures would get many cells wrong
    expect(roundedWouldDisagree).toBeGreaterThan(20);
    console.log(`${cells} celler jämförda; regler på avrundade tal hade visat fel i ${roundedWouldDisagree}`);
  });

  test.each(['binary', 'denoised'] as const)('the source sheet: the live flags on the filled avvikelse columns agree with the engine on every row (arithmetic %s)', async (mode) => {
    const drift = (await out.read()).sheets.find((s) => s.name === 'Drift')!;
    const sheetFormats = conditionalFormats(out.sheetXml('Drift')!, dxfFills(out.stylesXml()!));
    const lookup = liveLookup(drift, mode);
    const disagree: string[] = [];
    let rows = 0;
    for (let r = 3; r < drift.values.length; r++) {
      const row = drift.values[r];
      if (!row?.[0]) continue;
      for (const [devCol, b, a] of [[4, 2, 3], [7, 5, 6]]) {
        expect(drift.formulas.has(cellKey(r, devCol))).toBe(true);
        const budget = new Dec(fromRawValue(row[b]) as number);
        const actual = new Dec(fromRawValue(row[a]) as number);
        const dev = row[1] === 'Intäkt' ? actual.minus(budget) : budget.minus(actual);
        const expected = colourOf(flagLevel(dev, deviationPercent(dev, budget), DEFAULT_THRESHOLDS), direction(dev));
        const shown = fillAt(sheetFormats, lookup, r, devCol, mode);
        if (shown !== expected) disagree.push(`rad ${r + 1} kolumn ${devCol}: visas ${shown}, motorn ${expected}`);
        rows++;
      }
    }
    expect(disagree).toEqual([]);
    expect(rows).toBeGreaterThan(300);
  });
});
