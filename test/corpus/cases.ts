/**
 * The bad-input corpus of issue 5: awkward or broken forecast workbooks, each with the outcome the
 * command line must give — a Swedish message naming sheet and cell (exit 1, nothing written), or a
 * correct result. A case with `bug` is a known defect of the tool: its expectation is the correct one
 * and the test is marked `test.failing` until the tool is fixed.
 */
import type { FixtureCell, FixtureSheet } from '../fixtures/xlsx';
import { DOMAIN_COLUMNS, DOMAIN_HEADER, DOMAIN_PRINTED, DOMAIN_ROWS, domainGrid } from '../fixtures/domainDrift';

export interface CorpusSheet extends FixtureSheet {
  /** 1-based row numbers to hide. */
  hiddenRows?: number[];
  /** Single cells anywhere (e.g. `XFD1`, `A1048576`), written after the grid. */
  cells?: Record<string, FixtureCell>;
}

export type Cells = Record<string, number | null>;

export interface CorpusExpect {
  code: 0 | 1 | 2;
  /** Exactly these stderr lines (errors: including the closing count line). */
  errLines?: string[];
  /** Each of these occurs in some stderr line. */
  errContains?: string[];
  /** Each of these matches some stderr line. */
  errMatch?: RegExp[];
  /** Each of these occurs in some stdout line. */
  outContains?: string[];
  /** For successes: per table sheet, row label → expected displayed cells (partial). */
  json?: Record<string, Record<string, Cells>>;
  /** For successes: these labels must not be rows of the sheet's table. */
  absentRows?: Record<string, string[]>;
}

export interface CorpusCase {
  name: string;
  sheets: CorpusSheet[];
  /** Extra arguments after `report <in> --out <out> --json <json>`; default `--months 8`. */
  args?: string[];
  expect: CorpusExpect;
  /** Set when the tool is known to get this case wrong: what it does instead. */
  bug?: string;
}

const ALPHA = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
function colIndex(letters: string): number {
  return [...letters].reduce((n, ch) => n * 26 + ALPHA.indexOf(ch) + 1, 0) - 1;
}
/** A copy of `grid` with cells set by A1 address (`null` clears). */
export function edit(grid: FixtureCell[][], edits: Record<string, FixtureCell>): FixtureCell[][] {
  const out = grid.map((row) => [...row]);
  for (const [address, value] of Object.entries(edits)) {
    const m = /^([A-Z]+)(\d+)$/.exec(address)!;
    const r = Number(m[2]) - 1;
    const c = colIndex(m[1]);
    while (out.length <= r) out.push([]);
    while (out[r].length <= c) out[r].push(null);
    out[r][c] = value;
  }
  return out;
}

/** The correct drift sheet of domain.md: header in row 3, data in rows 4–8, columns A–I. */
export function drift(edits: Record<string, FixtureCell> = {}): FixtureCell[][] {
  return edit(domainGrid() as FixtureCell[][], edits);
}

/** The printed table of domain.md for the given labels (all by default), as column → figure. */
export function printed(labels: string[] = Object.keys(DOMAIN_PRINTED)): Record<string, Cells> {
  const out: Record<string, Cells> = {};
  for (const l of labels) out[l] = Object.fromEntries(DOMAIN_COLUMNS.map((c, i) => [c, DOMAIN_PRINTED[l][i]]));
  return out;
}

const ONE = (name: string, rows: FixtureCell[][], extra: Partial<CorpusSheet> = {}): CorpusSheet[] => [{ name, rows, ...extra }];
const FOOT = (n: number) => `${n} fel hittades; ingenting skrevs.`;
const BLANK_MSG = 'tom cell där ett belopp behövs (skriv 0, eller välj att tomma celler räknas som 0)';

/** The domain rows as text, each amount passed through `fmt` (kronor with öre as a decimal string). */
function textGrid(fmt: (amount: string) => string): FixtureCell[][] {
  return [
    ['Driftredovisning', null],
    ['kr', null],
    DOMAIN_HEADER,
    ...DOMAIN_ROWS.map(([label, typ, bh, ph, bp, up, fg]) => [label, typ, fmt(bh), fmt(ph), null, fmt(bp), fmt(up), null, fmt(fg)]),
  ];
}
function groupThousands(amount: string, sep: string, dec: string): string {
  const [i, f] = amount.split('.');
  return `${i.replace(/\B(?=(\d{3})+$)/g, sep)}${f === undefined ? '' : dec + f}`;
}

/** The domain rows in signed form (costs negative), each amount as `neg(amount)` for costs. */
function signedGrid(neg: (amount: string) => FixtureCell): FixtureCell[][] {
  return [
    ['Driftredovisning', null],
    ['kr', null],
    DOMAIN_HEADER,
    ...DOMAIN_ROWS.map(([label, typ, bh, ph, bp, up, fg]) => {
      const f = (a: string): FixtureCell => (typ === 'Kostnad' ? neg(a) : Number(a));
      return [label, typ, f(bh), f(ph), null, f(bp), f(up), null, f(fg)];
    }),
  ];
}
/** What a signed sheet must give: the same table as the unsigned one (positive = better). */
const SIGNED_PRINTED = printed();

const TWO_ROW_HEADER: FixtureCell[][] = [
  ['Driftredovisning', null, 'Helår', null, null, 'Perioden jan–aug', null, null, 'Perioden fg år'],
  ['Kategori', 'Typ', 'Budget', 'Prognos', 'Avvikelse', 'Budget', 'Utfall', 'Avvikelse', 'Utfall'],
  ...drift().slice(3),
];

export const CASES: CorpusCase[] = [
  // ——— amounts that are not amounts: exit 1, one line per cell ———
  {
    name: 'text in an amount cell',
    sheets: ONE('Drift', drift({ D5: 'ca 300' })),
    expect: { code: 1, errLines: ['Drift!D5: "ca 300" är inget belopp', FOOT(1)] },
  },
  {
    name: '#N/A error value',
    sheets: ONE('Drift', drift({ G7: { error: '#N/A' } })),
    expect: { code: 1, errLines: ['Drift!G7: "#N/A" är ett felvärde, inget belopp', FOOT(1)] },
  },
  {
    name: '#REF! error value',
    sheets: ONE('Drift', drift({ C4: { error: '#REF!' } })),
    expect: { code: 1, errLines: ['Drift!C4: "#REF!" är ett felvärde, inget belopp', FOOT(1)] },
  },
  {
    name: '#DIV/0! error value',
    sheets: ONE('Drift', drift({ F6: { error: '#DIV/0!' } })),
    expect: { code: 1, errLines: ['Drift!F6: "#DIV/0!" är ett felvärde, inget belopp', FOOT(1)] },
  },
  {
    name: 'formula whose cached result is #DIV/0!',
    sheets: ONE('Drift', drift({ I8: { formula: 'I7/0', result: { error: '#DIV/0!' } as unknown as string } })),
    expect: { code: 1, errLines: ['Drift!I8: "#DIV/0!" är ett felvärde, inget belopp', FOOT(1)] },
  },
  {
    name: '#N/A typed as text',
    sheets: ONE('Drift', drift({ G5: '#N/A' })),
    expect: { code: 1, errLines: ['Drift!G5: "#N/A" är ett felvärde, inget belopp', FOOT(1)] },
  },
  {
    name: 'boolean in an amount cell',
    sheets: ONE('Drift', drift({ C6: true })),
    expect: { code: 1, errLines: ['Drift!C6: "SANT" är inget belopp', FOOT(1)] },
  },
  {
    name: 'date in an amount cell',
    sheets: ONE('Drift', drift({ F5: new Date(Date.UTC(2026, 7, 31)) })),
    expect: { code: 1, errLines: ['Drift!F5: "2026-08-31" är ett datum, inget belopp', FOOT(1)] },
  },
  {
    name: 'blank amount cell without --blank-as-zero',
    sheets: ONE('Drift', drift({ D7: null })),
    expect: { code: 1, errLines: [`Drift!D7: ${BLANK_MSG}`, FOOT(1)] },
  },
  {
    name: 'a lone dash counts as blank',
    sheets: ONE('Drift', drift({ D7: '–' })),
    expect: { code: 1, errLines: [`Drift!D7: ${BLANK_MSG}`, FOOT(1)] },
  },
  {
    name: 'badly grouped number text',
    sheets: ONE('Drift', drift({ C5: '88 30 9879' })),
    expect: { code: 1, errLines: ['Drift!C5: "88 30 9879" är inget belopp', FOOT(1)] },
  },
  {
    name: 'two decimal separators',
    sheets: ONE('Drift', drift({ C5: '1.234,5.6' })),
    expect: { code: 1, errLines: ['Drift!C5: "1.234,5.6" är inget belopp', FOOT(1)] },
  },
  {
    name: 'very long text is quoted cut',
    sheets: ONE('Drift', drift({ D6: 'Prognosen är inte klar ännu, vi återkommer efter styrelsemötet i september' })),
    expect: { code: 1, errLines: ['Drift!D6: "Prognosen är inte klar ännu, vi återkomm…" är inget belopp', FOOT(1)] },
  },
  {
    name: 'every bad cell is reported, in sheet order',
    sheets: ONE('Drift', drift({ C4: 'okänt', G6: { error: '#REF!' }, I8: 'x' })),
    expect: {
      code: 1,
      errLines: ['Drift!C4: "okänt" är inget belopp', 'Drift!G6: "#REF!" är ett felvärde, inget belopp', 'Drift!I8: "x" är inget belopp', FOOT(3)],
    },
  },
  {
    name: 'errors on two sheets',
    sheets: [
      { name: 'Nämnd A', rows: drift({ D5: 'saknas' }) },
      { name: 'Nämnd B', rows: drift({ G7: { error: '#N/A' } }) },
    ],
    expect: { code: 1, errLines: [`'Nämnd A'!D5: "saknas" är inget belopp`, `'Nämnd B'!G7: "#N/A" är ett felvärde, inget belopp`, FOOT(2)] },
  },
  {
    name: 'sheet name with spaces and quotes',
    sheets: ONE("Drift '26", drift({ D5: 'ca 300' })),
    expect: { code: 1, errLines: [`'Drift ''26'!D5: "ca 300" är inget belopp`, FOOT(1)] },
  },
  {
    name: 'sheet name with punctuation',
    sheets: ONE('Drift & IT (2026)', drift({ G8: '?' })),
    expect: { code: 1, errLines: [`'Drift & IT (2026)'!G8: "?" är inget belopp`, FOOT(1)] },
  },
  {
    name: 'bad cell in a hidden row is still reported',
    sheets: ONE('Drift', drift({ D6: 'se not' }), { hiddenRows: [6] }),
    expect: { code: 1, errLines: ['Drift!D6: "se not" är inget belopp', FOOT(1)] },
  },
  // ——— workbooks without anything to read ———
  {
    name: 'empty sheet',
    sheets: ONE('Blad1', []),
    expect: { code: 1, errLines: ['Hittade ingen flik med budget-, prognos- eller utfallskolumner i arbetsboken.', FOOT(1)] },
  },
  {
    name: 'headers but no data',
    sheets: ONE('Drift', drift().slice(0, 3)),
    expect: { code: 1, errLines: ['Drift: fliken har rubriker (rad 3) men inga datarader under dem', FOOT(1)] },
  },
  // ——— the user's data where our output would go ———
  {
    name: 'a user sheet named Avvikelsetabeller',
    sheets: [{ name: 'Drift', rows: drift() }, { name: 'Avvikelsetabeller', rows: [['Mina anteckningar']] }],
    expect: { code: 1, errLines: ['Avvikelsetabeller: fliken Avvikelsetabeller finns redan men är inte skapad av Avvikelse; byt namn på den så skrivs inget över', FOOT(1)] },
  },
  {
    name: 'a user sheet named Kommentarer',
    sheets: [{ name: 'Drift', rows: drift() }, { name: 'Kommentarer', rows: [['Egna kommentarer'], ['Personal: vikarier']] }],
    expect: { code: 1, errLines: ['Kommentarer: fliken Kommentarer finns redan men är inte skapad av Avvikelse; byt namn på den så skrivs inget över', FOOT(1)] },
  },
  {
    name: 'avvikelse column already holding the user\'s figures',
    sheets: ONE('Drift', drift({ E4: 650, E5: -1805, E6: 150, E7: 60, E8: -887 })),
    expect: { code: 0, outContains: ['Fliken Drift: kolumn E har redan eget innehåll (E4, E5, E6 …) och lämnas orörd.'], json: { Drift: printed() } },
  },
  // ——— awkward but readable: the correct result ———
  {
    name: 'the reference sheet',
    sheets: ONE('Drift', drift()),
    expect: { code: 0, json: { Drift: printed() } },
  },
  {
    name: 'numbers stored as Swedish text',
    sheets: ONE('Drift', textGrid((a) => groupThousands(a, ' ', ','))),
    expect: { code: 0, json: { Drift: printed() } },
  },
  {
    name: 'numbers stored as English text',
    sheets: ONE('Drift', textGrid((a) => groupThousands(a, ',', '.'))),
    expect: { code: 0, json: { Drift: printed() } },
  },
  {
    name: 'numbers with NBSP thousands separators',
    sheets: ONE('Drift', textGrid((a) => groupThousands(a, '\u00A0', ','))),
    expect: { code: 0, json: { Drift: printed() } },
  },
  {
    name: 'numbers with thin spaces and a kr suffix',
    sheets: ONE('Drift', textGrid((a) => `${groupThousands(a, '\u2009', ',')} kr`)),
    expect: { code: 0, json: { Drift: printed() } },
  },
  {
    name: 'numbers with padding spaces around',
    sheets: ONE('Drift', textGrid((a) => `  ${a}\u00A0`)),
    expect: { code: 0, json: { Drift: printed() } },
  },
  {
    name: 'signed sheet with negative numbers',
    sheets: ONE('Drift', signedGrid((a) => -Number(a))),
    args: ['--months', '8', '--signed'],
    expect: { code: 0, json: { Drift: SIGNED_PRINTED } },
  },
  {
    name: 'signed sheet with parentheses negatives',
    sheets: ONE('Drift', signedGrid((a) => `(${groupThousands(a, ' ', ',')})`)),
    args: ['--months', '8', '--signed'],
    expect: { code: 0, json: { Drift: SIGNED_PRINTED } },
  },
  {
    name: 'signed sheet with unicode minus',
    sheets: ONE('Drift', signedGrid((a) => `\u2212${groupThousands(a, '\u00A0', ',')}`)),
    args: ['--months', '8', '--signed'],
    expect: { code: 0, json: { Drift: SIGNED_PRINTED } },
  },
  {
    name: 'signed sheet with a space after the minus',
    sheets: ONE('Drift', signedGrid((a) => `- ${groupThousands(a, ' ', ',')}`)),
    args: ['--months', '8', '--signed'],
    expect: { code: 0, json: { Drift: SIGNED_PRINTED } },
  },
  {
    name: 'blank amount with --blank-as-zero',
    sheets: ONE('Drift', drift({ I6: null })),
    args: ['--months', '8', '--blank-as-zero'],
    expect: { code: 0, json: { Drift: { Lokaler: { utfallFgAr: 0 }, 'Verksamhetens kostnader': { utfallFgAr: 90266 } } } },
  },
  {
    name: 'hidden rows are read',
    sheets: ONE('Drift', drift(), { hiddenRows: [5, 7] }),
    expect: { code: 0, json: { Drift: printed() } },
  },
  {
    name: 'blank separator rows inside the data',
    sheets: ONE('Drift', [...drift().slice(0, 4), [], ...drift().slice(4, 6), [null, null], ...drift().slice(6)]),
    expect: { code: 0, json: { Drift: printed() } },
  },
  {
    name: 'header in row 1',
    sheets: ONE('Drift', drift().slice(2)),
    expect: { code: 0, json: { Drift: printed() } },
  },
  {
    name: 'header in row 9 below a long preamble',
    sheets: ONE('Drift', [
      ['Barn- och utbildningsnämnden'],
      ['Delårsrapport 2026'],
      [],
      ['Upprättad av: ekonomienheten'],
      ['Belopp i kronor'],
      [],
      [],
      [],
      ...drift().slice(2),
    ]),
    expect: { code: 0, json: { Drift: printed() } },
  },
  {
    name: 'two-row header with merged group cells',
    sheets: ONE('Drift', TWO_ROW_HEADER, { merges: ['C1:E1', 'F1:H1'] }),
    expect: { code: 0, json: { Drift: printed() } },
  },
  {
    name: 'merged title cell across the header width',
    sheets: ONE('Drift', drift(), { merges: ['A1:I1'] }),
    expect: { code: 0, json: { Drift: printed() } },
  },
  {
    name: 'duplicated labels are both counted',
    sheets: ONE('Drift', [...drift(), ['Övrigt', 'Kostnad', 1000000, 1000000, null, 600000, 700000, null, 500000]]),
    expect: {
      code: 0,
      json: { Drift: { 'Verksamhetens kostnader': { budgetHelar: 150145, prognosHelar: 152627, avvikelseHelar: -2482, utfallPeriod: 102080, avvikelsePeriod: -2819 } } },
    },
  },
  {
    name: 'a sum row typed by the user inside the data',
    sheets: ONE('Drift', [
      ...drift().slice(0, 4),
      ...drift().slice(4),
      ['Summa kostnader', 'Kostnad', 149144855.52, 151627231.51, null, 98660896.46, 101380090.64, null, 96146374.53],
    ]),
    expect: { code: 0, json: { Drift: printed(['Verksamhetens kostnader', 'Årets resultat (nettokostnad)']) } },
  },
  {
    name: 'öre precision: a sum float arithmetic gets wrong',
    sheets: ONE('Drift', [
      ['Kategori', 'Typ', 'Budget helår', 'Prognos helår', 'Avvikelse helår'],
      ['Lokaler', 'Kostnad', 4349.65, 4349.65, null],
      ['Material', 'Kostnad', 3859.95, 3859.95, null],
      ['Övrigt', 'Kostnad', 4290.4, 4290.4, null],
    ]),
    expect: { code: 0, json: { Drift: { 'Verksamhetens kostnader': { budgetHelar: 13, prognosHelar: 13, avvikelseHelar: 0 } } } },
  },
  {
    name: 'half a tkr rounds away from zero',
    sheets: ONE('Drift', [
      ['Kategori', 'Typ', 'Budget helår', 'Prognos helår', 'Avvikelse helår'],
      ['Personal', 'Kostnad', 1000, 2500, null],
      ['Lokaler', 'Kostnad', '1 000,00', '1 499,99', null],
    ]),
    expect: { code: 0, json: { Drift: { Personal: { budgetHelar: 1, prognosHelar: 3, avvikelseHelar: -2 }, Lokaler: { avvikelseHelar: 0 } } } },
  },
  {
    name: '1e15-size amounts stay exact',
    sheets: ONE('Drift', [
      ['Kategori', 'Typ', 'Budget helår', 'Prognos helår', 'Avvikelse helår'],
      ['Personal', 'Kostnad', '1 000 000 000 000 000', '1 000 000 000 001 500', null],
      ['Lokaler', 'Kostnad', '1e15', 999999999999500, null],
    ]),
    expect: {
      code: 0,
      json: { Drift: { Personal: { budgetHelar: 1e12, prognosHelar: 1000000000002, avvikelseHelar: -2 }, 'Verksamhetens kostnader': { budgetHelar: 2e12, avvikelseHelar: -1 } } },
    },
  },
  {
    name: 'a budget of 0',
    sheets: ONE('Drift', [
      ['Kategori', 'Typ', 'Budget helår', 'Prognos helår', 'Avvikelse helår'],
      ['Personal', 'Kostnad', 0, 500000, null],
      ['Lokaler', 'Kostnad', 1000000, 1000000, null],
    ]),
    expect: { code: 0, json: { Drift: { Personal: { budgetHelar: 0, prognosHelar: 500, avvikelseHelar: -500 } } } },
  },
  {
    name: 'minus zero text is zero',
    sheets: ONE('Drift', [
      ['Kategori', 'Typ', 'Budget helår', 'Prognos helår', 'Avvikelse helår'],
      ['Personal', 'Kostnad', '-0', '−0,00', null],
    ]),
    expect: { code: 0, json: { Drift: { Personal: { budgetHelar: 0, prognosHelar: 0, avvikelseHelar: 0 } } } },
  },
  {
    name: 'formula cells are read by their cached value',
    sheets: ONE('Drift', drift({ C5: { formula: '88309879.1*1', result: 88309879.1 }, D8: { formula: 'SUM(31001890.36)', result: 31001890.36 } })),
    expect: { code: 0, json: { Drift: printed() } },
  },
  {
    name: 'values beyond the header width are ignored',
    sheets: ONE('Drift', drift({ K5: 'anteckning', L6: 12345, K8: { error: '#N/A' } })),
    expect: { code: 0, json: { Drift: printed() } },
  },
  {
    name: 'a protected sheet',
    sheets: ONE('Drift', drift(), { protect: true }),
    expect: { code: 1, errLines: ['Drift: fliken är skrivskyddad; ta bort skyddet för att fylla i avvikelsekolumnerna', FOOT(1)] },
  },
  {
    name: 'used range reaches row 1 048 576',
    sheets: ONE('Drift', drift(), { cells: { A1048576: 'slut' } }),
    expect: { code: 0, json: { Drift: printed() } },
  },
  {
    name: 'a cell in column XFD',
    sheets: ONE('Drift', drift(), { cells: { XFD3: 'sista kolumnen' } }),
    expect: { code: 0, json: { Drift: printed() } },
  },
  {
    name: 'a cell at XFD1048576',
    sheets: ONE('Drift', drift(), { cells: { XFD1048576: 1 } }),
    expect: { code: 0, json: { Drift: printed() } },
  },
  {
    name: 'a notes sheet next to the forecast is skipped',
    sheets: [{ name: 'Anteckningar', rows: [['Att göra'], ['ringa ekonomichefen']] }, { name: 'Drift', rows: drift() }],
    expect: { code: 0, json: { Drift: printed() } },
  },
  {
    name: 'amounts in tkr with --input-unit tkr',
    sheets: ONE('Drift', textGrid((a) => String(Number(a) / 1000))),
    args: ['--months', '8', '--input-unit', 'tkr'],
    expect: { code: 0, json: { Drift: printed() } },
  },
  {
    name: 'tables in mnkr',
    sheets: ONE('Drift', drift()),
    args: ['--months', '8', '--unit', 'mnkr'],
    expect: { code: 0, json: { Drift: { Personal: { budgetHelar: 88.3, avvikelseHelar: -1.8 }, 'Verksamhetens kostnader': { budgetHelar: 149.1, avvikelseHelar: -2.5 } } } },
  },
  {
    name: 'labels with stray spaces',
    sheets: ONE('Drift', drift({ A6: '  Lokaler\u00A0' })),
    expect: { code: 0, json: { Drift: printed(['Lokaler', 'Verksamhetens kostnader']) } },
  },
  {
    name: 'a short row: mismatched range sizes',
    sheets: ONE('Drift', drift({ F6: null, G6: null, I6: null })),
    expect: { code: 1, errLines: [`Drift!F6: ${BLANK_MSG}`, `Drift!G6: ${BLANK_MSG}`, `Drift!I6: ${BLANK_MSG}`, FOOT(3)] },
  },
  {
    name: 'percent text in an amount cell',
    sheets: ONE('Drift', drift({ D4: '10 %' })),
    expect: { code: 1, errLines: ['Drift!D4: "10 %" är inget belopp', FOOT(1)] },
  },
  {
    name: 'formula without a cached value',
    sheets: ONE('Drift', drift({ D5: { formula: 'C5*1.02' } })),
    expect: { code: 1, errMatch: [/^Drift!D5: .*formel/] },
  },
  {
    name: 'rich text holding a number',
    sheets: ONE('Drift', drift({ C5: { richText: [{ text: '88 309 879' }, { text: ',10' }] } as unknown as string })),
    expect: { code: 0, json: { Drift: printed() } },
  },
  {
    name: 'row types from Kommun-Bas account numbers, no Typ column',
    sheets: ONE('Drift', [
      ['Konto', 'Budget helår', 'Prognos helår', 'Avvikelse helår'],
      ['3010 Taxor och avgifter', 12399785.63, 13050197.64, null],
      ['5010 Löner', 88309879.1, 90115238.76, null],
      ['6010 Lokalhyror', 9019833.54, 8869957.69, null],
    ]),
    expect: {
      code: 0,
      json: { Drift: { '3010 Taxor och avgifter': { avvikelseHelar: 650 }, '5010 Löner': { avvikelseHelar: -1805 }, '6010 Lokalhyror': { avvikelseHelar: 150 }, 'Verksamhetens kostnader': { budgetHelar: 97330, avvikelseHelar: -1655 } } },
    },
  },
  // ——— ledger extracts (huvudboksutdrag) ———
  {
    name: 'ledger: amounts as Swedish and English text, parentheses, unicode minus, NBSP, a blank cell',
    sheets: ONE('Huvudbok', [
      ['Konto', 'Ansvar', 'Budget 2026', 'Utfall jan–aug'],
      [5010, '410 Skola', '1\u00a0200\u00a0000,50', '810 000.25'],
      [5010, '410 Skola', '(200 000)', '\u2212150\u2009000'],
      [3110, '410 Skola', -300000, null],
      ['6110 Lokalhyra', '410 Skola', 90000, 61000],
    ]),
    expect: {
      code: 0,
      outContains: ['huvudboksutdrag med 4 rader, 3 konton och 1 verksamhet', '1 tom beloppscell räknas som 0'],
      json: { Huvudbok: { Personal: { budgetHelar: 1000, utfallPeriod: 660 }, Lokaler: { budgetHelar: 90 }, 'Årets resultat (nettokostnad)': { budgetHelar: 790, utfallPeriod: 721 } } },
    },
  },
  {
    name: 'ledger: a Summa row and blank separator rows are skipped, not summed',
    sheets: ONE('Huvudbok', [
      ['Huvudboksutdrag jan–aug 2026'],
      ['Konto', 'Verksamhet', 'Budget', 'Utfall jan–aug'],
      [5010, 'Skola', 1000000, 700000],
      [],
      [5010, 'Förskola', 500000, 300000],
      [5010, 'Förskola', 500000, 300000],
      ['Summa', null, 2000000, 1300000],
    ]),
    expect: { code: 0, outContains: ['huvudboksutdrag med 3 rader, 1 konto och 2 verksamheter', '1 summarad räknas inte (rad 7)'], json: { Huvudbok: { 'Summa nettokostnad': { utfallPeriod: 1300 }, Förskola: { utfallPeriod: 600 } } } },
  },
  {
    name: 'ledger: a row without an account number and an error value are errors at their cells',
    sheets: ONE('Huvudbok', [
      ['Konto', 'Ansvar', 'Budget', 'Utfall jan–aug'],
      [5010, 410, 1000, 700],
      [5010, 410, 1000, { error: '#REF!' } as unknown as FixtureCell],
      [5010, 420, 1000, 700],
      [4010, 420, 1000, 700],
      ['Personal', 410, 1000, 700],
    ]),
    expect: { code: 1, errLines: ['Huvudbok!D3: "#REF!" är ett felvärde, inget belopp', 'Huvudbok!A6: "Personal" är inget kontonummer', FOOT(2)] },
  },
  {
    name: 'ledger: an account outside the map is listed and reconciled on its own row',
    sheets: ONE('Huvudbok', [
      ['Konto', 'Ansvar', 'Budget', 'Utfall jan–aug'],
      [5010, 410, 1000000, 700000],
      [8410, 410, 20000, 15000],
      [8410, 420, 20000, 15000],
    ]),
    expect: {
      code: 0,
      outContains: ['Varning: Huvudbok!A3: konto 8410 (2 rader) finns inte i kontoplanen och redovisas på raden "Ej mappade konton"'],
      json: { Huvudbok: { 'Ej mappade konton': { budgetHelar: 40, utfallPeriod: 30 }, 'Årets resultat (nettokostnad)': { budgetHelar: 1040, utfallPeriod: 730 } } },
    },
  },
  // ——— usage errors ———
  {
    name: 'unknown unit option',
    sheets: ONE('Drift', drift()),
    args: ['--unit', 'kkr'],
    expect: { code: 2, errLines: ['avvikelse: unit: "kkr" ska vara tkr eller mnkr'] },
  },
  {
    name: 'months out of range',
    sheets: ONE('Drift', drift()),
    args: ['--months', '13'],
    expect: { code: 2, errContains: ['months'] },
  },
  // ——— one column, one separator style (issue 10) ———
  {
    name: 'a column mixing 12,399,785.63 with 21,699 reads the latter as 21 699 kr',
    sheets: ONE('Drift', [
      ['Kategori', 'Typ', 'Budget helår', 'Prognos helår', 'Avvikelse helår'],
      ['Intäkter', 'Intäkt', '12,399,785.63', '13,050,000.00', null],
      ['Lokaler', 'Kostnad', '21,699', '25,000.00', null],
    ]),
    expect: {
      code: 0,
      outContains: ['Varning: Drift!C3: "21,699" läses med tusentalskomma, eftersom kolumnen skriver belopp med decimalpunkt och tusentalskomma (som "12,399,785.63" i C2)'],
      json: { Drift: { Intäkter: { budgetHelar: 12400, prognosHelar: 13050 }, Lokaler: { budgetHelar: 22, prognosHelar: 25, avvikelseHelar: -3 } } },
    },
  },
  {
    name: 'an amount written in the other separator style than its column is reported at its cell',
    sheets: ONE('Drift', [
      ['Kategori', 'Typ', 'Budget helår', 'Prognos helår', 'Avvikelse helår'],
      ['Intäkter', 'Intäkt', '12 399 785,63', '13 050 000,00', null],
      ['Personal', 'Kostnad', '88 310 000,00', '90,115,000.00', null],
      ['Lokaler', 'Kostnad', '9 020 000,00', '8 870 000,00', null],
    ]),
    expect: {
      code: 0,
      outContains: [
        'Varning: Drift!D3: "90,115,000.00" är skrivet med decimalpunkt och tusentalskomma, men kolumnen skriver belopp med decimalkomma (som "13 050 000,00" i D2); det läses som det står, men se över kolumnen',
      ],
      json: { Drift: { Personal: { budgetHelar: 88310, prognosHelar: 90115 } } },
    },
  },
  {
    name: 'an ambiguous amount in a column tied between the two styles is an error at its cell',
    sheets: ONE('Drift', [
      ['Kategori', 'Typ', 'Budget helår', 'Prognos helår', 'Avvikelse helår'],
      ['Intäkter', 'Intäkt', '12 399 785,63', '13 050 000,00', null],
      ['Personal', 'Kostnad', '88,310,000.00', '90 115 000,00', null],
      ['Lokaler', 'Kostnad', '21,699', '8 870 000,00', null],
    ]),
    expect: {
      code: 1,
      errLines: [
        'Drift!C4: "21,699" kan läsas på två sätt: kolumnen blandar decimalkomma ("12 399 785,63" i C2) och decimalpunkt ("88,310,000.00" i C3); skriv beloppet entydigt',
        FOOT(1),
      ],
    },
  },
  // ——— found by the fuzz (test/fuzz) ———
  {
    name: 'a boolean in the Typ column is quoted as Excel shows it',
    sheets: ONE('Drift', drift({ B5: false })),
    expect: { code: 1, errLines: ['Drift!B5: "FALSKT" är ingen radtyp (skriv Intäkt eller Kostnad)', FOOT(1)] },
  },
  {
    name: 'amounts too large to be amounts',
    sheets: ONE('Drift', drift({ D5: '-1e400', G7: 1.7976931348623157e308 })),
    expect: {
      code: 1,
      errLines: ['Drift!D5: "-1e400" är för stort för att vara ett belopp', 'Drift!G7: "1.7976931348623157e+308" är för stort för att vara ett belopp', FOOT(2)],
    },
  },
  {
    name: 'a budget of float noise gives no percentage',
    sheets: ONE('Drift', [
      ['Verksamhet', 'Kategori', 'Typ', 'Budget helår', 'Prognos helår', 'Avvikelse helår'],
      ['Förskola', 'Avgifter', 'Intäkt', 0, 0, null],
      ['Förskola', 'Personal', 'Kostnad', 0.1 + 0.2 - 0.3, 0, null],
    ]),
    expect: { code: 0, json: { Drift: { Förskola: { budgetHelar: 0, prognosHelar: 0, avvikelseHelar: 0, avvikelsePctHelar: null } } } },
  },
];
