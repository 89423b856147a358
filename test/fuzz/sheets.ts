/**
 * Arbitraries for the whole-path fuzz: forecast sheets as a controller might type them. Headers come
 * from the real vocabulary (synonyms, years, one or two rows, below a preamble); amounts are exact
 * decimal strings written as numbers or as Swedish/English text; the awkward cells (words, Excel
 * errors, booleans, dates, blanks) are planted as defects on top.
 */
import Decimal from 'decimal.js';
import fc from 'fast-check';
import type { FixtureCell, FixtureSheet } from '../fixtures/xlsx';

/** Runs per property: modest by default, `FUZZ_RUNS=500` for a long local session; `FUZZ_SEED` replays. */
export function fuzzParams<T = unknown>(runs: number): fc.Parameters<T> {
  const seed = process.env.FUZZ_SEED;
  return { numRuns: Number(process.env.FUZZ_RUNS ?? runs), ...(seed ? { seed: Number(seed) } : {}) };
}

/** Exact arithmetic for expectations, wider than anything the engine needs. */
export const X = Decimal.clone({ precision: 60, rounding: Decimal.ROUND_HALF_UP });
export type X = Decimal;

export type Role = 'budgetHelar' | 'prognosHelar' | 'avvikelseHelar' | 'budgetPeriod' | 'utfallPeriod' | 'avvikelsePeriod' | 'utfallFgAr';
export type AmountRole = Exclude<Role, 'avvikelseHelar' | 'avvikelsePeriod'>;
export const ROLE_ORDER: Role[] = ['budgetHelar', 'prognosHelar', 'avvikelseHelar', 'budgetPeriod', 'utfallPeriod', 'avvikelsePeriod', 'utfallFgAr'];
export const CONTEXT: Record<Role, string> = {
  budgetHelar: 'Helår',
  prognosHelar: 'Helår',
  avvikelseHelar: 'Helår',
  budgetPeriod: 'Perioden jan–aug',
  utfallPeriod: 'Perioden jan–aug',
  avvikelsePeriod: 'Perioden jan–aug',
  utfallFgAr: 'Perioden fg år',
};
export const MEASURE: Record<Role, string> = {
  budgetHelar: 'Budget',
  prognosHelar: 'Prognos',
  avvikelseHelar: 'Avvikelse',
  budgetPeriod: 'Budget',
  utfallPeriod: 'Utfall',
  avvikelsePeriod: 'Avvikelse',
  utfallFgAr: 'Utfall',
};
/** The canonical one-row header of each role (what the exact family uses). */
export const CANONICAL: Record<Role, string> = {
  budgetHelar: 'Budget helår',
  prognosHelar: 'Prognos helår',
  avvikelseHelar: 'Avvikelse helår',
  budgetPeriod: 'Budget period',
  utfallPeriod: 'Utfall period',
  avvikelsePeriod: 'Avvikelse period',
  utfallFgAr: 'Utfall fg år',
};
/** One-row synonyms seen in real reports, years included. */
const SYNONYMS: Record<Role, string[]> = {
  budgetHelar: ['Budget helår', 'Årsbudget', 'Budget 2026', 'Budget', 'BUDGET HELÅR'],
  prognosHelar: ['Prognos helår', 'Helårsprognos', 'Prognos 2026', 'Prognos'],
  avvikelseHelar: ['Avvikelse helår', 'Budgetavvikelse', 'Avv. helår', 'Avvikelse', 'Återstår'],
  budgetPeriod: ['Budget period', 'Budget jan–aug', 'Budget jan-aug 2026', 'Periodbudget'],
  utfallPeriod: ['Utfall period', 'Utfall jan–aug', 'Ack. utfall', 'Utfall 2026', 'Utfall jan-aug'],
  avvikelsePeriod: ['Avvikelse period', 'Avvikelse jan–aug', 'Differens'],
  utfallFgAr: ['Utfall fg år', 'Utfall 2025', 'Utfall jan–aug 2025', 'Bokslut 2025'],
};

// ——— amounts ———

/** An exact amount as a canonical decimal string: öre, whole kronor, 1e15-size, below one tkr, zero. */
export const exactAmount: fc.Arbitrary<string> = fc.oneof(
  { weight: 5, arbitrary: fc.tuple(fc.boolean(), fc.integer({ min: 0, max: 200_000_000 }), fc.integer({ min: 0, max: 99 })).map(([neg, kr, ore]) => `${neg ? '-' : ''}${kr}.${String(ore).padStart(2, '0')}`) },
  { weight: 2, arbitrary: fc.integer({ min: -50_000_000, max: 50_000_000 }).map(String) },
  { weight: 1, arbitrary: fc.tuple(fc.boolean(), fc.bigInt({ min: BigInt(0), max: BigInt('2000000000000000') }), fc.integer({ min: 0, max: 99 })).map(([neg, kr, ore]) => `${neg ? '-' : ''}${kr}.${String(ore).padStart(2, '0')}`) },
  { weight: 2, arbitrary: fc.tuple(fc.boolean(), fc.integer({ min: 0, max: 999 }), fc.integer({ min: 0, max: 99 })).map(([neg, kr, ore]) => `${neg ? '-' : ''}${kr}.${String(ore).padStart(2, '0')}`) },
  { weight: 1, arbitrary: fc.constantFrom('0', '500', '-500', '1500', '499.99', '-1499.50') },
).map((s) => new X(s).toFixed()); // canonical: no `-0`, no trailing `.00` kept as typed

/** Groups an unsigned integer text with `sep` between thousands. */
function group(int: string, sep: string): string {
  return int.replace(/\B(?=(\d{3})+$)/g, sep);
}

export type AmountFormat = 'number' | 'sv' | 'en' | 'nbsp' | 'thinKr' | 'padded' | 'paren' | 'unicodeMinus' | 'spaceMinus' | 'plain';
export const AMOUNT_FORMATS: AmountFormat[] = ['number', 'sv', 'en', 'nbsp', 'thinKr', 'padded', 'paren', 'unicodeMinus', 'spaceMinus', 'plain'];

/** A JS number that reads back as exactly `s`, or undefined (17 significant digits do not fit). */
function exactNumber(s: string): number | undefined {
  const n = Number(s);
  return Number.isFinite(n) && new X(n).eq(s) ? n : undefined;
}

/** An exact amount as a cell the engine must read as exactly that amount. */
export function amountCell(s: string, format: AmountFormat): FixtureCell {
  const neg = s.startsWith('-');
  const [int, frac] = (neg ? s.slice(1) : s).split('.');
  const sign = neg ? '-' : '';
  const sv = (sep: string) => `${group(int, sep)}${frac === undefined ? '' : `,${frac}`}`;
  switch (format) {
    case 'number':
      return exactNumber(s) ?? `${sign}${sv(' ')}`;
    case 'sv':
      return `${sign}${sv(' ')}`;
    case 'en':
      // `1,500` alone is 1,5 to a Swedish reader: English grouping needs its decimal point
      return `${sign}${group(int, ',')}${frac === undefined ? (int.length > 3 ? '.00' : '') : `.${frac}`}`;
    case 'nbsp':
      return `${sign}${sv('\u00A0')}`;
    case 'thinKr':
      return `${sign}${sv('\u2009')} kr`;
    case 'padded':
      return `  ${s}\u00A0`;
    case 'paren':
      return neg ? `(${sv(' ')})` : sv(' ');
    case 'unicodeMinus':
      return neg ? `\u2212${sv('\u00A0')}` : sv('\u00A0');
    case 'spaceMinus':
      return neg ? `- ${sv(' ')}` : sv(' ');
    case 'plain':
      return s;
  }
}

export const amountFormat = fc.constantFrom(...AMOUNT_FORMATS);

// ——— awkward cells ———

/** Cells that are no amount (or are blank): what a defect plants. */
export const awkwardCell: fc.Arbitrary<FixtureCell> = fc.oneof(
  fc.constantFrom<FixtureCell>(null, '', '–', '-', '   ', '\u00A0'),
  fc.constantFrom<FixtureCell>('ca 300', 'saknas', 'se not', '10 %', '1.234,5.6', '88 30 9879', 'x', '?', 'Prognosen är inte klar ännu, vi återkommer efter styrelsemötet i september'),
  fc.constantFrom<FixtureCell>({ error: '#N/A' }, { error: '#REF!' }, { error: '#DIV/0!' }, { error: '#VALUE!' }, '#N/A', '#NAME?'),
  fc.boolean(),
  fc.integer({ min: Date.UTC(1990, 0, 1), max: Date.UTC(2040, 0, 1) }).map((t) => new Date(Math.floor(t / 86_400_000) * 86_400_000)),
  fc.constantFrom<FixtureCell>('1e400', '-1e400', '1e-400', 1.7976931348623157e308, -1.7976931348623157e308, 5e-324, '1e15', '9999999999999999999999'),
  // figures where none are expected (a user's own avvikelse), formulas with and without a cached value
  fc.constantFrom<FixtureCell>(12345, -0.5, 0.1 + 0.2 - 0.3, { formula: 'C5*1', result: 88309879.1 }, { formula: 'SUM(C4:C8)', result: 0 }, { formula: 'C5*1.02' }, { formula: 'A1&"x"', result: 'text' }),
);

// ——— sheets ———

const LABELS = ['Personal', 'Lokaler', 'Köp av verksamhet', 'Övrigt', 'Verksamhetens intäkter', 'Taxor och avgifter', 'Bidrag', 'Material och tjänster'];
const AWKWARD_LABELS = ['3010 Taxor och avgifter', '5010 Löner', '8010 Finansiella intäkter', 'Summa kostnader', 'Summa', 'Totalt', 'Intäkter', 'Kostnader', '', '  Lokaler\u00A0', 'Årets resultat'];
const TYPES = ['Intäkt', 'Kostnad'];
const AWKWARD_TYPES = ['Summa', '', 'Okänd', 'kostnader', 'INTÄKT'];
const GROUPS = ['Förskola', 'Grundskola', 'Äldreomsorg', ''];
export const SHEET_NAMES = ['Drift', 'Budget 2026', "Nämnd 'A' 2026", 'Investeringar', 'Drift & IT (2026)', 'Blad1'];

export interface SheetSpec {
  name: string;
  preamble: number;
  twoRow: boolean;
  merged: boolean;
  labelHeader: string;
  typ: boolean;
  group: boolean;
  /** The amount and avvikelse columns, in order, with the header text of each (one-row headers). */
  roles: Role[];
  headers: string[];
  rows: { label: string; typ: string; group: string; amounts: FixtureCell[] }[];
  /** Defects: [data row, column of the sheet, cell], indexes taken modulo the sheet's size. */
  defects: [number, number, FixtureCell][];
  protect?: boolean;
  hidden?: boolean;
}

const rolesArb = fc.subarray(ROLE_ORDER, { minLength: 1 }).chain((roles) => fc.tuple(fc.constant(roles), fc.tuple(...roles.map((r) => fc.constantFrom(...SYNONYMS[r])))));

export const sheetSpec: fc.Arbitrary<SheetSpec> = fc
  .record({
    name: fc.constantFrom(...SHEET_NAMES),
    preamble: fc.integer({ min: 0, max: 3 }),
    twoRow: fc.boolean(),
    merged: fc.boolean(),
    labelHeader: fc.constantFrom('Kategori', 'Verksamhet', 'Konto', 'Benämning', 'Projekt'),
    typ: fc.boolean(),
    group: fc.boolean(),
    roles: rolesArb,
    rowCount: fc.integer({ min: 0, max: 7 }),
    defects: fc.array(fc.tuple(fc.nat(), fc.nat(), awkwardCell), { maxLength: 2 }),
    protect: fc.oneof({ weight: 15, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) }),
    hidden: fc.oneof({ weight: 10, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) }),
  })
  .chain((s) =>
    fc
      .array(
        fc.record({
          label: fc.oneof({ weight: 12, arbitrary: fc.constantFrom(...LABELS) }, { weight: 1, arbitrary: fc.constantFrom(...AWKWARD_LABELS) }),
          typ: fc.oneof({ weight: 12, arbitrary: fc.constantFrom(...TYPES) }, { weight: 1, arbitrary: fc.constantFrom(...AWKWARD_TYPES) }),
          group: fc.constantFrom(...GROUPS),
          amounts: fc.array(fc.tuple(exactAmount, amountFormat).map(([a, f]) => amountCell(a, f)), { minLength: s.roles[0].length, maxLength: s.roles[0].length }),
        }),
        { minLength: s.rowCount, maxLength: s.rowCount },
      )
      .map((rows): SheetSpec => ({ ...s, roles: s.roles[0], headers: s.roles[1], rows })),
  );

/** The grid of a sheet spec, and its merges. Avvikelse columns stay empty, as a controller leaves them. */
export function sheetGrid(s: SheetSpec): FixtureSheet {
  const lead: string[] = [...(s.group ? ['Verksamhet'] : []), s.labelHeader, ...(s.typ ? ['Typ'] : [])];
  const rows: FixtureCell[][] = [];
  const preamble: FixtureCell[][] = [['Driftredovisning – Barn- och utbildningsnämnden'], ['Belopp i kronor'], []];
  rows.push(...preamble.slice(0, s.preamble));
  const merges: string[] = [];
  if (s.twoRow) {
    const top: FixtureCell[] = lead.map(() => null);
    s.roles.forEach((r, i) => {
      const ctx = CONTEXT[r];
      const first = i === 0 || CONTEXT[s.roles[i - 1]] !== ctx;
      top.push(first ? ctx : null);
    });
    rows.push(top);
    if (s.merged) {
      const topRow = rows.length;
      let start = 0;
      s.roles.forEach((r, i) => {
        const last = i === s.roles.length - 1 || CONTEXT[s.roles[i + 1]] !== CONTEXT[r];
        if (!last) return;
        if (i > start) merges.push(`${letters(lead.length + start)}${topRow}:${letters(lead.length + i)}${topRow}`);
        start = i + 1;
      });
    }
    rows.push([...lead, ...s.roles.map((r) => MEASURE[r])]);
  } else rows.push([...lead, ...s.headers]);
  const firstData = rows.length;
  for (const r of s.rows) {
    const cells: FixtureCell[] = [...(s.group ? [r.group] : []), r.label, ...(s.typ ? [r.typ] : [])];
    s.roles.forEach((role, i) => cells.push(role === 'avvikelseHelar' || role === 'avvikelsePeriod' ? null : r.amounts[i]));
    rows.push(cells);
  }
  const width = lead.length + s.roles.length;
  if (s.rows.length > 0) {
    for (const [r, c, v] of s.defects) rows[firstData + (r % s.rows.length)][c % width] = v;
  }
  return { name: s.name, rows, merges, protect: s.protect, hidden: s.hidden };
}

/** 0-based column → letters. */
export function letters(col: number): string {
  let n = col + 1;
  let out = '';
  while (n > 0) {
    out = String.fromCharCode(65 + ((n - 1) % 26)) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/** Sheets with distinct names: one or two forecast sheets. */
export const workbookSpec: fc.Arbitrary<SheetSpec[]> = fc.uniqueArray(sheetSpec, { minLength: 1, maxLength: 2, selector: (s) => s.name });

export interface RunOptions {
  months?: number;
  unit: 'tkr' | 'mnkr';
  inputUnit: 'kr' | 'tkr';
  convention?: 'signed' | 'unsigned';
  blankAsZero: boolean;
}

export const runOptions: fc.Arbitrary<RunOptions> = fc.record({
  months: fc.constantFrom(undefined, 8, 12, 1),
  unit: fc.constantFrom<'tkr' | 'mnkr'>('tkr', 'mnkr'),
  inputUnit: fc.constantFrom<'kr' | 'tkr'>('kr', 'kr', 'tkr'),
  convention: fc.constantFrom<'signed' | 'unsigned' | undefined>(undefined, undefined, 'signed', 'unsigned'),
  blankAsZero: fc.boolean(),
});

export function optionArgs(o: RunOptions): string[] {
  const args = ['--unit', o.unit, '--input-unit', o.inputUnit];
  if (o.months) args.push('--months', String(o.months));
  if (o.convention) args.push(`--${o.convention}`);
  if (o.blankAsZero) args.push('--blank-as-zero');
  return args;
}
