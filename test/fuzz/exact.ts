/**
 * The exact family of the whole-path fuzz: forecast sheets of a known layout (Kategori, Typ and the
 * canonical or two-row headers), so that every figure of the driftredovisning can be recomputed here
 * with decimal.js from the generated amounts and compared with the JSON.
 */
import fc from 'fast-check';
import type { FixtureCell, FixtureSheet } from '../fixtures/xlsx';
import { amountCell, amountFormat, CANONICAL, CONTEXT, exactAmount, MEASURE, ROLE_ORDER, X, type AmountFormat, type AmountRole, type Role } from './sheets';

const EXACT_LABELS = ['Personal', 'Lokaler', 'Köp av verksamhet', 'Övrigt', 'Verksamhetens intäkter', 'Taxor och avgifter', 'Bidrag'];
export type Typ = 'Intäkt' | 'Kostnad';

export interface ExactRow {
  label: string;
  typ: Typ;
  /** Per amount role of the sheet: an exact amount, or null for a blank cell. */
  amounts: (string | null)[];
  formats: AmountFormat[];
}

export interface ExactSpec {
  preamble: number;
  twoRow: boolean;
  /** Amount roles, in column order; budgetHelar always, a period budget whenever there is utfall. */
  amountRoles: AmountRole[];
  /** Empty avvikelse columns after each pair, as a controller leaves them. */
  devColumns: boolean;
  rows: ExactRow[];
  /** A `Summa kostnader` row typed by the user (to be ignored), inserted before this row index. */
  sumRowAt: number | null;
  sumAmounts: string[];
  /** A blank separator row before this row index. */
  blankRowAt: number | null;
  /** `auto`: no option, the convention is worked out from the figures. */
  convention: 'signed' | 'unsigned' | 'auto';
  unit: 'tkr' | 'mnkr';
  inputUnit: 'kr' | 'tkr';
  blankAsZero: boolean;
}

const exactRoles: fc.Arbitrary<AmountRole[]> = fc
  .subarray<AmountRole>(['prognosHelar', 'budgetPeriod', 'utfallPeriod', 'utfallFgAr'], { minLength: 1 })
  .map((rest) => {
    const set = new Set<AmountRole>(['budgetHelar', ...rest]);
    if (set.has('utfallPeriod')) set.add('budgetPeriod');
    return (ROLE_ORDER as AmountRole[]).filter((r) => set.has(r));
  });

export const exactSpec: fc.Arbitrary<ExactSpec> = fc
  .record({
    preamble: fc.integer({ min: 0, max: 3 }),
    twoRow: fc.boolean(),
    amountRoles: exactRoles,
    devColumns: fc.boolean(),
    convention: fc.constantFrom<'signed' | 'unsigned' | 'auto'>('signed', 'unsigned', 'auto'),
    unit: fc.constantFrom<'tkr' | 'mnkr'>('tkr', 'mnkr'),
    inputUnit: fc.constantFrom<'kr' | 'tkr'>('kr', 'kr', 'tkr'),
    blankAsZero: fc.boolean(),
    rowCount: fc.integer({ min: 2, max: 9 }),
    sumRowAt: fc.option(fc.nat(), { nil: null }),
    blankRowAt: fc.option(fc.nat(), { nil: null }),
  })
  .chain((s) => {
    const n = s.amountRoles.length;
    const cell = s.blankAsZero ? fc.oneof({ weight: 8, arbitrary: exactAmount }, { weight: 1, arbitrary: fc.constant(null) }) : exactAmount;
    const row = fc.record({
      label: fc.constantFrom(...EXACT_LABELS),
      typ: fc.constantFrom<Typ>('Intäkt', 'Kostnad'),
      amounts: fc.array(cell, { minLength: n, maxLength: n }),
      formats: fc.array(amountFormat, { minLength: n, maxLength: n }),
    });
    return fc.record({
      rows: fc.array(row, { minLength: s.rowCount, maxLength: s.rowCount }).map((rows) => {
        // at least one revenue and one cost row, so that every sum row exists
        rows[0] = { ...rows[0], typ: 'Intäkt' };
        rows[1] = { ...rows[1], typ: 'Kostnad' };
        return rows;
      }),
      sumAmounts: fc.array(exactAmount, { minLength: n, maxLength: n }),
    }).map(({ rows, sumAmounts }): ExactSpec => {
      const { rowCount, ...rest } = s;
      return { ...rest, rows, sumAmounts, sumRowAt: s.sumRowAt === null ? null : s.sumRowAt % (rowCount + 1), blankRowAt: s.blankRowAt === null ? null : s.blankRowAt % (rowCount + 1) };
    });
  });

/** The roles of the sheet's columns in order, avvikelse columns included when the spec has them. */
export function exactColumns(s: ExactSpec): Role[] {
  const cols: Role[] = [];
  for (const r of s.amountRoles) {
    cols.push(r);
    if (!s.devColumns) continue;
    if (r === 'prognosHelar' && s.amountRoles.includes('budgetHelar')) cols.push('avvikelseHelar');
    if (r === 'utfallPeriod' && s.amountRoles.includes('budgetPeriod')) cols.push('avvikelsePeriod');
  }
  return cols;
}

export function exactGrid(s: ExactSpec): FixtureSheet {
  const cols = exactColumns(s);
  const rows: FixtureCell[][] = [['Driftredovisning'], ['kr'], []].slice(0, s.preamble);
  if (s.twoRow) {
    rows.push([null, null, ...cols.map((r, i) => (i === 0 || CONTEXT[cols[i - 1]] !== CONTEXT[r] ? CONTEXT[r] : null))]);
    rows.push(['Kategori', 'Typ', ...cols.map((r) => MEASURE[r])]);
  } else rows.push(['Kategori', 'Typ', ...cols.map((r) => CANONICAL[r])]);
  const amountRow = (amounts: (string | null)[], formats: AmountFormat[] | undefined) =>
    cols.map((r) => {
      const i = s.amountRoles.indexOf(r as AmountRole);
      if (i < 0) return null;
      const a = amounts[i];
      return a === null ? null : amountCell(a, formats?.[i] ?? 'number');
    });
  s.rows.forEach((r, i) => {
    if (s.blankRowAt === i) rows.push([]);
    if (s.sumRowAt === i) rows.push(['Summa kostnader', null, ...amountRow(s.sumAmounts, undefined)]);
    rows.push([r.label, r.typ, ...amountRow(r.amounts, r.formats)]);
  });
  if (s.sumRowAt === s.rows.length) rows.push(['Summa kostnader', null, ...amountRow(s.sumAmounts, undefined)]);
  return { name: 'Drift', rows };
}

export function exactArgs(s: ExactSpec): string[] {
  return ['--months', '8', ...(s.convention === 'auto' ? [] : [`--${s.convention}`]), '--unit', s.unit, '--input-unit', s.inputUnit, ...(s.blankAsZero ? ['--blank-as-zero'] : [])];
}

export interface ExpectedRow {
  label: string;
  kind: 'revenue' | 'cost' | 'sum' | 'net';
  cells: Record<string, number>;
}

/**
 * The driftredovisning recomputed here with decimal.js from the generated amounts: one row per
 * (type, label), `Verksamhetens intäkter` when there are several revenue rows, `Verksamhetens
 * kostnader`, `Årets resultat (nettokostnad)`; every figure rounded once, half away from zero.
 */
export function expectedDrift(s: ExactSpec): { columns: string[]; rows: ExpectedRow[] } {
  const convention = s.convention === 'auto' ? detectedConvention(s) : s.convention;
  const scale = s.inputUnit === 'tkr' ? 1000 : 1;
  const filled = new Set(s.amountRoles.filter((_, i) => s.rows.some((r) => r.amounts[i] !== null) || (s.sumRowAt !== null && s.sumAmounts[i] !== null)));
  const has = (r: AmountRole) => filled.has(r);
  const columns: string[] = [];
  if (has('budgetHelar')) columns.push('budgetHelar');
  if (has('prognosHelar')) columns.push('prognosHelar');
  if (has('budgetHelar') && has('prognosHelar')) columns.push('avvikelseHelar');
  if (has('budgetPeriod')) columns.push('budgetPeriod');
  if (has('utfallPeriod')) columns.push('utfallPeriod');
  if (has('budgetPeriod') && has('utfallPeriod')) columns.push('avvikelsePeriod');
  if (has('utfallFgAr')) columns.push('utfallFgAr');
  /** Internal signed kronor per column, summed over a set of rows (deviations: actual − budget). */
  const total = (rows: ExactRow[]) => {
    const sums: Record<string, X> = {};
    for (const c of columns) sums[c] = new X(0);
    for (const r of rows) {
      const sign = convention === 'signed' || r.typ === 'Intäkt' ? 1 : -1;
      const v = (role: AmountRole) => {
        const i = s.amountRoles.indexOf(role);
        return new X(r.amounts[i] ?? 0).times(scale).times(sign);
      };
      for (const c of columns) {
        if (c === 'avvikelseHelar') sums[c] = sums[c].plus(v('prognosHelar').minus(v('budgetHelar')));
        else if (c === 'avvikelsePeriod') sums[c] = sums[c].plus(v('utfallPeriod').minus(v('budgetPeriod')));
        else sums[c] = sums[c].plus(v(c as AmountRole));
      }
    }
    return sums;
  };
  const shown = (sums: Record<string, X>, displaySign: 1 | -1): Record<string, number> => {
    const out: Record<string, number> = {};
    for (const c of columns) {
      const v = c.startsWith('avvikelse') ? sums[c] : sums[c].times(displaySign);
      const inUnit = s.unit === 'tkr' ? v.div(1000) : v.div(1_000_000);
      out[c] = inUnit.toDecimalPlaces(s.unit === 'tkr' ? 0 : 1, X.ROUND_HALF_UP).toNumber() || 0;
    }
    return out;
  };
  const groups = (typ: Typ) => {
    const byLabel = new Map<string, ExactRow[]>();
    for (const r of s.rows.filter((x) => x.typ === typ)) byLabel.set(r.label, [...(byLabel.get(r.label) ?? []), r]);
    return [...byLabel];
  };
  const revenue = groups('Intäkt');
  const costs = groups('Kostnad');
  const rows: ExpectedRow[] = [];
  for (const [label, list] of revenue) rows.push({ label, kind: 'revenue', cells: shown(total(list), 1) });
  if (revenue.length > 1) rows.push({ label: 'Verksamhetens intäkter', kind: 'sum', cells: shown(total(s.rows.filter((r) => r.typ === 'Intäkt')), 1) });
  for (const [label, list] of costs) rows.push({ label, kind: 'cost', cells: shown(total(list), -1) });
  rows.push({ label: 'Verksamhetens kostnader', kind: 'sum', cells: shown(total(s.rows.filter((r) => r.typ === 'Kostnad')), -1) });
  rows.push({ label: 'Årets resultat (nettokostnad)', kind: 'net', cells: shown(total(s.rows), -1) });
  return { columns, rows };
}

/**
 * The convention of domain.md worked out from the figures, as the README promises: signed when most
 * cost rows carry a negative figure (the first non-zero of budget, prognos, then the others).
 */
function detectedConvention(s: ExactSpec): 'signed' | 'unsigned' {
  const order: AmountRole[] = ['budgetHelar', 'prognosHelar', 'budgetPeriod', 'utfallPeriod', 'utfallFgAr'];
  const first = (r: ExactRow) => order.map((role) => s.amountRoles.indexOf(role)).filter((i) => i >= 0).map((i) => new X(r.amounts[i] ?? 0)).find((v) => !v.isZero());
  let negative = 0;
  let positive = 0;
  for (const r of s.rows.filter((x) => x.typ === 'Kostnad')) {
    const v = first(r);
    if (v) v.isNegative() ? negative++ : positive++;
  }
  // no cost row with a figure: signed as soon as any row's figure is negative
  if (negative + positive === 0) return s.rows.some((r) => first(r)?.isNegative()) ? 'signed' : 'unsigned';
  return negative > positive ? 'signed' : 'unsigned';
}
