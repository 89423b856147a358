import Decimal from 'decimal.js';
import { Dec } from '../../src/core/decimal';
import { detectHeader } from '../../src/core/roles';
import { conventionText, detectKind, readSourceTable, type SourceKind, type SourceTable } from '../../src/core/source';
import { DEFAULT_THRESHOLDS } from '../../src/core/thresholds';
import type { AmountRole, HeaderMap, RawValue, SourceRow, TableSettings } from '../../src/core/types';

function settings(over: Partial<TableSettings> = {}): TableSettings {
  return { inputUnit: 'kr', unit: 'tkr', blanks: 'error', thresholds: DEFAULT_THRESHOLDS, ...over };
}

function header(grid: RawValue[][]): HeaderMap {
  const h = detectHeader(grid);
  if (h === null) throw new Error('no header detected');
  return h;
}

function read(grid: RawValue[][], over: Partial<TableSettings> = {}, sheet = 'Drift', kind?: SourceKind): SourceTable {
  return readSourceTable(sheet, grid, header(grid), settings(over), kind);
}

function rowOf(src: SourceTable, label: string): SourceRow {
  const r = src.rows.find((x) => x.label === label);
  if (!r) throw new Error(`no row ${label}`);
  return r;
}

/** The row's signed amounts as strings, for readable comparisons. */
function amounts(r: SourceRow): Partial<Record<AmountRole, string>> {
  const out: Partial<Record<AmountRole, string>> = {};
  for (const [k, v] of Object.entries(r.amounts) as [AmountRole, Decimal][]) out[k] = v.toString();
  return out;
}

const DRIFT_HEADER = ['Kategori', 'Typ', 'Budget helår', 'Prognos helår'];

describe('detectKind', () => {
  it('drift, investeringar (by label header or sheet name), portfolj, indikatorer', () => {
    expect(detectKind(header([DRIFT_HEADER]), 'Drift')).toBe('drift');
    expect(detectKind(header([['Projekt', 'Budget', 'Prognos']]), 'Blad1')).toBe('investeringar');
    expect(detectKind(header([['Kategori', 'Budget', 'Prognos']]), 'Investeringar')).toBe('investeringar');
    expect(detectKind(header([['Nivå 1', 'Nivå 2', 'Projekt', 'Budget', 'Prognos']]), 'Expl')).toBe('portfolj');
    expect(detectKind(header([['Indikator', '2024', '2025', 'Mål']]), 'Ind')).toBe('indikatorer');
  });
});

describe('sign convention', () => {
  it('unsigned: cost rows with positive amounts; costs become negative internally', () => {
    const src = read([DRIFT_HEADER, ['Avgifter', 'Intäkt', 1000, 1200], ['Personal', 'Kostnad', 5000, 5100]]);
    expect(src.convention).toBe('unsigned');
    expect(src.conventionNote).toBe(
      'Beloppen antas vara utan tecken (radtypen anger intäkt eller kostnad), eftersom kostnadsraderna har positiva belopp.',
    );
    expect(amounts(rowOf(src, 'Avgifter'))).toEqual({ budgetHelar: '1000', prognosHelar: '1200' });
    expect(amounts(rowOf(src, 'Personal'))).toEqual({ budgetHelar: '-5000', prognosHelar: '-5100' });
    expect(rowOf(src, 'Personal').type).toBe('cost');
    expect(src.issues).toEqual([]);
  });

  it('signed: cost rows with negative amounts; amounts kept as they are', () => {
    const src = read([DRIFT_HEADER, ['Avgifter', 'Intäkt', 1000, 1200], ['Personal', 'Kostnad', -5000, -5100], ['Lokaler', 'Kostnad', -900, -800]]);
    expect(src.convention).toBe('signed');
    expect(src.conventionNote).toBe(
      'Beloppen antas vara med tecken (kostnader negativa, intäkter positiva), eftersom kostnadsraderna har negativa belopp.',
    );
    expect(amounts(rowOf(src, 'Personal'))).toEqual({ budgetHelar: '-5000', prognosHelar: '-5100' });
    expect(amounts(rowOf(src, 'Avgifter'))).toEqual({ budgetHelar: '1000', prognosHelar: '1200' });
  });

  it('without types, negative figures mean signed and the sign gives the row type', () => {
    const src = read([
      ['Kategori', 'Budget', 'Prognos'],
      ['Diverse A', 1000, 1100],
      ['Diverse B', -4000, -4200],
    ]);
    expect(src.convention).toBe('signed');
    expect(src.conventionNote).toBe('Beloppen antas vara med tecken (kostnader negativa, intäkter positiva), eftersom negativa belopp förekommer.');
    expect(rowOf(src, 'Diverse A').type).toBe('revenue');
    expect(rowOf(src, 'Diverse B').type).toBe('cost');
    expect(src.issues).toEqual([]);
  });

  it('only revenue rows, all positive: unsigned because all amounts are positive', () => {
    const src = read([DRIFT_HEADER, ['Avgifter', 'Intäkt', 1000, 1200]]);
    expect(src.convention).toBe('unsigned');
    expect(src.conventionNote).toBe('Beloppen antas vara utan tecken (radtypen anger intäkt eller kostnad), eftersom alla belopp är positiva.');
  });

  it('--signed overrides the detection (positive costs are then read as they stand)', () => {
    const src = read([DRIFT_HEADER, ['Personal', 'Kostnad', 5000, 5100]], { convention: 'signed' });
    expect(src.convention).toBe('signed');
    expect(src.conventionNote).toBe('Beloppen läses med tecken (kostnader negativa, intäkter positiva), enligt inställningen.');
    expect(amounts(rowOf(src, 'Personal'))).toEqual({ budgetHelar: '5000', prognosHelar: '5100' });
  });

  it('--unsigned overrides a sheet that looks signed', () => {
    const src = read([DRIFT_HEADER, ['Personal', 'Kostnad', -5000, -5100]], { convention: 'unsigned' });
    expect(src.convention).toBe('unsigned');
    expect(src.conventionNote).toBe('Beloppen läses utan tecken (radtypen anger intäkt eller kostnad), enligt inställningen.');
    expect(amounts(rowOf(src, 'Personal'))).toEqual({ budgetHelar: '5000', prognosHelar: '5100' });
  });

  it('conventionText', () => {
    expect(conventionText('signed')).toBe('med tecken (kostnader negativa, intäkter positiva)');
    expect(conventionText('unsigned')).toBe('utan tecken (radtypen anger intäkt eller kostnad)');
  });

  // BUG: source.ts readSourceTable takes the row type of an untyped row in a signed sheet from
  // `budgetHelar ?? firstAmount`; a budget of 0 is not undefined, so the zero budget decides and a row whose
  // only non-zero figure is a negative forecast (a cost) is classified as revenue.
  test('signed, untyped: a row with budget 0 takes its type from its first non-zero amount', () => {
    const src = read([
      ['Kategori', 'Budget', 'Prognos'],
      ['Diverse A', 1000, 1200],
      ['Diverse B', -5000, -5100],
      ['Nytt uppdrag', 0, -500000],
    ]);
    expect(src.convention).toBe('signed');
    expect(rowOf(src, 'Nytt uppdrag').type).toBe('cost');
  });
});

describe('bad cells', () => {
  it('a label cell holding a date outside every date (a date-formatted 1e15: Excel shows ####) reads as no text, not a crash', () => {
    // the package fuzz test's counterexample had such a Date where the table's kind is guessed from the labels
    const grid: RawValue[][] = [DRIFT_HEADER, [new Date(Number.NaN), 'Kostnad', 1200, 1300], ['Lokaler', 'Kostnad', 500, 450]];
    const src = read(grid);
    expect(src.rows.map((r) => r.label)).toEqual(['', 'Lokaler']);
    expect(amounts(src.rows[1])).toEqual({ budgetHelar: '-500', prognosHelar: '-450' });
  });

  /** 14 rows: header in row 1, data in rows 2–14; columns A Kategori … F Utfall period. */
  function gridWithBadCells(): RawValue[][] {
    const grid: RawValue[][] = [['Kategori', 'Typ', 'Budget helår', 'Prognos helår', 'Budget period', 'Utfall period']];
    for (let r = 2; r <= 14; r++) grid.push([`Personal ${r}`, 'Kostnad', 1200, 1300, 800, 850]);
    grid[5][5] = { error: '#N/A' }; // F6
    grid[8][2] = '#REF!'; // C9
    grid[13][4] = 'ca 300'; // E14
    return grid;
  }

  it('every bad cell of the sheet is reported, with its address, not just the first', () => {
    const src = read(gridWithBadCells(), {}, 'Prognos');
    expect(src.issues).toEqual([
      { sheet: 'Prognos', cell: 'F6', message: '"#N/A" är ett felvärde, inget belopp', severity: 'error' },
      // the wording for error text typed as a string belongs to money.ts; it must quote the cell and say it is no amount
      { sheet: 'Prognos', cell: 'C9', message: expect.stringMatching(/^"#REF!" .*inget belopp$/), severity: 'error' },
      { sheet: 'Prognos', cell: 'E14', message: '"ca 300" är inget belopp', severity: 'error' },
    ]);
  });

  it('several bad cells in one row are all reported', () => {
    const src = read([
      ['Kategori', 'Typ', 'Budget helår', 'Prognos helår'],
      ['Personal', 'Kostnad', 'ca 300', { error: '#N/A' }],
    ]);
    expect(src.issues.map((i) => [i.cell, i.message])).toEqual([
      ['C2', '"ca 300" är inget belopp'],
      ['D2', '"#N/A" är ett felvärde, inget belopp'],
    ]);
  });

  it('good rows are still read around the bad cells', () => {
    const src = read(gridWithBadCells());
    expect(amounts(rowOf(src, 'Personal 2'))).toEqual({
      budgetHelar: '-1200',
      prognosHelar: '-1300',
      budgetPeriod: '-800',
      utfallPeriod: '-850',
    });
  });

  it('Swedish numeric text is an amount, not an error', () => {
    const src = read([DRIFT_HEADER, ['Personal', 'Kostnad', '1\u00a0234,50', '(1 000)']], { convention: 'unsigned' });
    expect(src.issues).toEqual([]);
    expect(amounts(rowOf(src, 'Personal'))).toEqual({ budgetHelar: '-1234.5', prognosHelar: '1000' });
  });
});

describe('blank cells', () => {
  const grid = (): RawValue[][] => [DRIFT_HEADER, ['Personal', 'Kostnad', 5000, null], ['Lokaler', 'Kostnad', '', 800]];

  it('policy error: every blank amount cell is an issue with its address', () => {
    const src = read(grid());
    expect(src.issues).toEqual([
      { sheet: 'Drift', cell: 'D2', message: 'tom cell där ett belopp behövs (skriv 0, eller välj att tomma celler räknas som 0)', severity: 'error' },
      { sheet: 'Drift', cell: 'C3', message: 'tom cell där ett belopp behövs (skriv 0, eller välj att tomma celler räknas som 0)', severity: 'error' },
    ]);
  });

  it('policy zero: blanks are 0 and no issue', () => {
    const src = read(grid(), { blanks: 'zero' });
    expect(src.issues).toEqual([]);
    expect(amounts(rowOf(src, 'Personal'))).toEqual({ budgetHelar: '-5000', prognosHelar: '0' });
    expect(amounts(rowOf(src, 'Lokaler'))).toEqual({ budgetHelar: '0', prognosHelar: '-800' });
  });

  // BUG: source.ts parseRows treats any row without amounts as a heading row, even when its Typ cell says it is a
  // data row; under blanks 'error' such a row vanishes without an issue (domain.md: blank = 0 only where the
  // user says so), and in a drift sheet without a group column it even becomes a group heading.
  test('policy error: a typed row whose amounts are all blank is reported, not skipped as a heading', () => {
    const src = read([DRIFT_HEADER, ['Personal', 'Kostnad', 5000, 5100], ['Lokaler', 'Kostnad', null, null]]);
    expect(src.issues.map((i) => i.cell)).toEqual(expect.arrayContaining(['C3', 'D3']));
  });

  it('a lone dash is a blank', () => {
    const src = read([DRIFT_HEADER, ['Personal', 'Kostnad', 5000, '–']], { blanks: 'zero' });
    expect(src.issues).toEqual([]);
    expect(rowOf(src, 'Personal').amounts.prognosHelar?.isZero()).toBe(true);
  });

  it('a fully blank separator row is skipped without an issue', () => {
    const src = read([DRIFT_HEADER, ['Avgifter', 'Intäkt', 100, 100], [null, null, null, null], [], ['', '', '', ''], ['Personal', 'Kostnad', 500, 400]]);
    expect(src.issues).toEqual([]);
    expect(src.rows.map((r) => [r.row, r.label])).toEqual([
      [2, 'Avgifter'],
      [6, 'Personal'],
    ]);
    expect(src.sheetRows.map((r) => r.row)).toEqual([2, 6]);
  });

  it('a row with amounts but no label is an issue at the label cell', () => {
    const src = read([DRIFT_HEADER, ['Personal', 'Kostnad', 500, 400], [null, 'Kostnad', 100, 100]]);
    expect(src.issues).toContainEqual({ sheet: 'Drift', cell: 'A3', message: 'raden har belopp men ingen benämning', severity: 'error' });
  });
});

describe('groups', () => {
  it('heading rows (label only) set the group of an investment sheet without a group column', () => {
    const src = read([
      ['Projekt', 'Budget', 'Prognos'],
      ['Reinvestering', null, null],
      ['Skolor', -1000000, -900000],
      ['Vägar', -500000, -650000],
      [null, null, null],
      ['Nyinvestering', null, null],
      ['Ny förskola', -2000000, -2100000],
    ]);
    expect(src.kind).toBe('investeringar');
    expect(src.issues).toEqual([]);
    expect(src.rows.map((r) => [r.label, r.groups])).toEqual([
      ['Skolor', ['Reinvestering']],
      ['Vägar', ['Reinvestering']],
      ['Ny förskola', ['Nyinvestering']],
    ]);
  });

  it('a group column is carried down over blank group cells', () => {
    const src = read([
      ['Verksamhet', 'Kategori', 'Typ', 'Budget', 'Prognos'],
      ['Förskola', 'Avgifter', 'Intäkt', 100, 100],
      [null, 'Personal', 'Kostnad', 900, 950],
      ['Grundskola', 'Personal', 'Kostnad', 2000, 1900],
    ]);
    expect(src.rows.map((r) => [r.label, r.groups])).toEqual([
      ['Avgifter', ['Förskola']],
      ['Personal', ['Förskola']],
      ['Personal', ['Grundskola']],
    ]);
  });

  it('nested portfolio: Nivå 1 / Nivå 2 carried down, Nivå 2 reset when Nivå 1 changes', () => {
    const src = read([
      ['Nivå 1', 'Nivå 2', 'Projekt', 'Budget', 'Prognos'],
      ['Exploatering', 'Genomförande', 'Område A', -100, -120],
      [null, null, 'Område B', -200, -200],
      ['Övriga', null, 'Område C', 50, 55],
    ]);
    expect(src.kind).toBe('portfolj');
    expect(src.rows.map((r) => r.groups)).toEqual([['Exploatering', 'Genomförande'], ['Exploatering', 'Genomförande'], ['Övriga']]);
  });
});

describe('user-typed sum rows', () => {
  const grid = (): RawValue[][] => [
    DRIFT_HEADER,
    ['Avgifter', 'Intäkt', 1000, 1200],
    ['Personal', 'Kostnad', 5000, 5100],
    ['Lokaler', 'Kostnad', 900, 800],
    ['Verksamhetens kostnader', null, 5900, 5900],
    ['Årets resultat', null, 4900, 4700],
    ['Summa', null, 4900, 4700],
    ['Netto', 'Summa', 4900, 4700],
  ];

  it('are left out of the data rows', () => {
    const src = read(grid());
    expect(src.rows.map((r) => r.label)).toEqual(['Avgifter', 'Personal', 'Lokaler']);
    expect(src.issues).toEqual([]);
  });

  it('stay in sheetRows with their kind, in sheet order and sheet sign', () => {
    const src = read(grid());
    expect(src.sheetRows.map((r) => [r.row, r.label, r.sum])).toEqual([
      [2, 'Avgifter', undefined],
      [3, 'Personal', undefined],
      [4, 'Lokaler', undefined],
      [5, 'Verksamhetens kostnader', 'costs'],
      [6, 'Årets resultat', 'net'],
      [7, 'Summa', 'total'],
      [8, 'Netto', 'total'],
    ]);
    const costs = src.sheetRows.find((r) => r.sum === 'costs');
    expect(costs?.raw.budgetHelar?.toString()).toBe('5900');
    expect(costs?.type).toBe('cost');
    expect(src.sheetRows.find((r) => r.label === 'Personal')?.raw.budgetHelar?.toString()).toBe('5000');
  });

  it('a `Summa …` heading without amounts does not become a group', () => {
    const src = read([['Projekt', 'Budget', 'Prognos'], ['Reinvestering', null, null], ['Skolor', -100, -90], ['Summa reinvestering', null, null], ['Vägar', -50, -60]]);
    expect(src.rows.map((r) => r.groups)).toEqual([['Reinvestering'], ['Reinvestering']]);
  });
});

describe('row types', () => {
  it('an unknown Typ text is an issue naming the Typ cell; the row is left out', () => {
    const src = read([DRIFT_HEADER, ['Personal', 'Kostnad', 5000, 5100], ['Diverse', 'Okänd', 100, 100]]);
    expect(src.issues).toEqual([{ sheet: 'Drift', cell: 'B3', message: '"Okänd" är ingen radtyp (skriv Intäkt eller Kostnad)', severity: 'error' }]);
    expect(src.rows.map((r) => r.label)).toEqual(['Personal']);
  });

  it('account numbers type the rows without a Typ column (3 revenue, 4–7 cost)', () => {
    const src = read([['Konto', 'Budget', 'Prognos'], ['3010 Taxor', 1000, 1100], ['4010 Löner', 5000, 5200], ['7010 Diverse', 300, 250]]);
    expect(src.rows.map((r) => [r.label, r.type])).toEqual([
      ['3010 Taxor', 'revenue'],
      ['4010 Löner', 'cost'],
      ['7010 Diverse', 'cost'],
    ]);
    expect(src.issues).toEqual([]);
  });

  it('account class 8 is an issue at the label cell; the row is left out', () => {
    const src = read([['Konto', 'Budget', 'Prognos'], ['4010 Löner', 5000, 5200], ['8410 Räntekostnader', 300, 250]]);
    expect(src.issues).toEqual([
      { sheet: 'Drift', cell: 'A3', message: 'kontot i "8410 Räntekostnader" hör inte till driftredovisningen (kontoklass 3–7)', severity: 'error' },
    ]);
    expect(src.rows.map((r) => r.label)).toEqual(['4010 Löner']);
  });

  it('label words type the rows when there is no Typ column', () => {
    const src = read([['Kategori', 'Budget', 'Prognos'], ['Verksamhetens intäkter', 1000, 1100], ['Personal', 5000, 5200]]);
    expect(src.rows.map((r) => r.type)).toEqual(['revenue', 'cost']);
    expect(src.convention).toBe('unsigned');
  });

  it('unsigned: a row whose type cannot be known is an issue at the label cell', () => {
    const src = read([['Kategori', 'Budget', 'Prognos'], ['Personal', 5000, 5200], ['Diverse', 300, 250]]);
    expect(src.convention).toBe('unsigned');
    expect(src.issues).toEqual([
      { sheet: 'Drift', cell: 'A3', message: 'kan inte avgöra om "Diverse" är intäkt eller kostnad (lägg till en kolumn Typ)', severity: 'error' },
    ]);
    expect(src.rows.map((r) => r.label)).toEqual(['Personal']);
  });

  it('signed: the same row gets its type from its sign, no issue', () => {
    const src = read([['Kategori', 'Budget', 'Prognos'], ['Personal', -5000, -5200], ['Diverse', -300, -250]]);
    expect(src.convention).toBe('signed');
    expect(src.issues).toEqual([]);
    expect(rowOf(src, 'Diverse').type).toBe('cost');
  });

  // BUG: source.ts readSourceTable de-duplicates the "kan inte avgöra" issue with
  // `i.cell.endsWith(String(p.row))`, so a radtyp/kontoklass issue in row 14 (B14) hides the issue of row 4:
  // the untypable row 4 is dropped silently, with no issue at all.
  test('an untypable row is reported even when another row number ends with the same digits', () => {
    const grid: RawValue[][] = [DRIFT_HEADER];
    for (let r = 2; r <= 14; r++) grid.push([`Personal ${r}`, 'Kostnad', 100, 100]);
    grid[3] = ['Diverse', null, 100, 100]; // row 4: no Typ, no telling words
    grid[13] = ['Personal 14', 'Okänd', 100, 100]; // row 14: unknown Typ
    const src = read(grid);
    expect(src.rows.some((r) => r.row === 4)).toBe(false);
    expect(src.issues).toContainEqual({ sheet: 'Drift', cell: 'B14', message: '"Okänd" är ingen radtyp (skriv Intäkt eller Kostnad)', severity: 'error' });
    expect(src.issues).toContainEqual({
      sheet: 'Drift',
      cell: 'A4',
      message: 'kan inte avgöra om "Diverse" är intäkt eller kostnad (lägg till en kolumn Typ)',
      severity: 'error',
    });
  });

  it('the untypable-row issue is not duplicated when the row already has a Typ issue', () => {
    const src = read([DRIFT_HEADER, ['Personal', 'Kostnad', 5000, 5100], ['Diverse', 'Okänd', 100, 100]]);
    expect(src.issues.filter((i) => i.cell?.endsWith('3'))).toHaveLength(1);
  });

  it('investment rows need no type (expenditure): unsigned positives become negative', () => {
    const src = read([['Projekt', 'Budget', 'Prognos'], ['Skolor', 1000000, 900000]]);
    expect(src.convention).toBe('unsigned');
    expect(amounts(rowOf(src, 'Skolor'))).toEqual({ budgetHelar: '-1000000', prognosHelar: '-900000' });
  });
});

describe('period budget', () => {
  const PERIOD_HEADER = ['Kategori', 'Typ', 'Budget helår', 'Prognos helår', 'Utfall period'];

  it('even periodization when there is no Budget period column and the months are given', () => {
    const src = read([PERIOD_HEADER, ['Avgifter', 'Intäkt', 120000, 125000, 90000], ['Personal', 'Kostnad', 120000, 118000, 79000]], { months: 8 });
    expect(src.months).toBe(8);
    expect(src.issues).toEqual([]);
    expect(rowOf(src, 'Avgifter').amounts.budgetPeriod?.toString()).toBe('80000');
    expect(rowOf(src, 'Personal').amounts.budgetPeriod?.toString()).toBe('-80000');
    // the sheet row keeps the sheet's sign
    expect(src.sheetRows.find((r) => r.label === 'Personal')?.raw.budgetPeriod?.toString()).toBe('80000');
  });

  it('the months come from the header (`Utfall jan–aug`) when not given', () => {
    const src = read([['Kategori', 'Typ', 'Budget helår', 'Prognos helår', 'Utfall jan–aug'], ['Personal', 'Kostnad', 120000, 118000, 79000]]);
    expect(src.months).toBe(8);
    expect(rowOf(src, 'Personal').amounts.budgetPeriod?.toString()).toBe('-80000');
  });

  it('the months setting wins over the header', () => {
    const src = read([['Kategori', 'Typ', 'Budget helår', 'Prognos helår', 'Utfall jan–aug'], ['Personal', 'Kostnad', 120000, 118000, 79000]], { months: 6 });
    expect(rowOf(src, 'Personal').amounts.budgetPeriod?.toString()).toBe('-60000');
  });

  it('a monthly profile is used instead of even periodization', () => {
    const profile = [1, 1, 1, 1, 1, 1, 0, 1, 1, 1, 1, 1].map((w) => new Dec(w));
    const src = read([PERIOD_HEADER, ['Personal', 'Kostnad', 110000, 118000, 79000]], { months: 8, profile });
    expect(rowOf(src, 'Personal').amounts.budgetPeriod?.toString()).toBe('-70000');
  });

  it('a Budget period column in the sheet is used as it stands', () => {
    const src = read([['Kategori', 'Typ', 'Budget helår', 'Budget period', 'Utfall period'], ['Personal', 'Kostnad', 120000, 50000, 49000]], { months: 8 });
    expect(rowOf(src, 'Personal').amounts.budgetPeriod?.toString()).toBe('-50000');
  });

  it('months unknown, utfall but no period budget: one sheet-level issue, no period budget invented', () => {
    const src = read([PERIOD_HEADER, ['Personal', 'Kostnad', 120000, 118000, 79000], ['Lokaler', 'Kostnad', 12000, 11800, 7900]]);
    expect(src.months).toBeUndefined();
    expect(src.issues).toEqual([
      {
        sheet: 'Drift',
        cell: undefined,
        message: 'periodens längd är okänd: ange antal månader (--months) eller lägg till en kolumn Budget period',
        severity: 'error',
      },
    ]);
    expect(rowOf(src, 'Personal').amounts.budgetPeriod).toBeUndefined();
  });
});

describe('input unit', () => {
  it('tkr multiplies by 1 000 (exactly, text and numbers)', () => {
    const src = read([DRIFT_HEADER, ['Personal', 'Kostnad', '1 234,5', 12.345]], { inputUnit: 'tkr' });
    expect(amounts(rowOf(src, 'Personal'))).toEqual({ budgetHelar: '-1234500', prognosHelar: '-12345' });
    expect(src.sheetRows[0].raw.budgetHelar?.toString()).toBe('1234500');
  });

  it('kr is unchanged, öre kept', () => {
    const src = read([DRIFT_HEADER, ['Personal', 'Kostnad', '88309879,10', 90115238.76]]);
    expect(amounts(rowOf(src, 'Personal'))).toEqual({ budgetHelar: '-88309879.1', prognosHelar: '-90115238.76' });
  });
});

describe('row numbers', () => {
  it('are 1-based Excel rows, counting the title rows above the header', () => {
    const src = read([['Driftredovisning'], ['kr'], DRIFT_HEADER, ['Personal', 'Kostnad', 1, 1]]);
    expect(src.rows[0].row).toBe(4);
  });
});
