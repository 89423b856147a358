/** The audit on invented tables: clean ones raise no false alarms, planted errors are found at the right cell. */
import { auditSheet, type AuditFinding } from '../../src/audit';
import { DRIFT_COL as C, evenDrift, investments, portfolio, printedDrift, withCells, type Grid } from './grids';

const audit = (grid: Grid, sheet = 'Tabell') => auditSheet(sheet, grid as never);
const errors = (grid: Grid) => audit(grid).findings.filter((f) => f.kind === 'error');
const only = (grid: Grid): AuditFinding => {
  const list = errors(grid);
  expect(list).toHaveLength(1);
  return list[0];
};

/** The grid with `label`'s row replaced in the given columns by `f(old value)`. */
function shiftRow(grid: Grid, label: string, f: (v: number, col: number) => number, cols: number[]): Grid {
  return withCells(grid, ...cols.map((c) => [label, c, f(grid.find((r) => r[0] === label)![c] as number, c)] as [string, number, number]));
}

describe('the driftredovisning of domain.md as printed', () => {
  test('is clean: no errors and no rounding notes (its figures add up exactly)', () => {
    const result = audit(printedDrift());
    expect(result.findings).toEqual([]);
    expect(result.tables).toHaveLength(1);
    expect(result.tables[0]).toMatchObject({ sheet: 'Tabell', range: 'A3:H11', unit: 'tkr', decimals: 0, convention: 'unsigned', title: 'Driftredovisning', rows: 7 });
  });

  test('says which sign convention it assumed, in Swedish', () => {
    const note = audit(printedDrift()).tables[0].conventionNote;
    expect(note).toContain('utan tecken');
    expect(note).toContain('avvikelse = budget − prognos (utfall) för kostnader');
    expect(note).toContain('14 av 14 avvikelser stämmer');
  });

  test('a flipped sign on one avvikelse is found at that cell ("tecknet är omvänt")', () => {
    const f = only(withCells(printedDrift(), ['Personal', C.avvikelseHelar, 1805]));
    expect(f).toMatchObject({ sheet: 'Tabell', cell: 'D6', label: 'Personal', column: 'avvikelseHelar', found: 1805, expected: -1805, kind: 'error' });
    expect(f.message).toMatch(/^Personal, avvikelse helår: 1 805 borde vara -1 805 \(tecknet är omvänt\)/);
    expect(audit(withCells(printedDrift(), ['Personal', C.avvikelseHelar, 1805])).tables[0].conventionNote).toContain('13 av 14');
  });

  test('a flipped sign on a revenue row, in the period columns', () => {
    const f = only(withCells(printedDrift(), ['Verksamhetens intäkter', C.avvikelsePeriod, -784]));
    expect(f).toMatchObject({ cell: 'G5', column: 'avvikelsePeriod', found: -784, expected: 784 });
    expect(f.message).toContain('tecknet är omvänt');
  });

  test('a flipped sign that was carried into the sums is one finding at the row, naming the sums', () => {
    const grid = withCells(
      printedDrift(),
      ['Personal', C.avvikelseHelar, 1805],
      ['Verksamhetens kostnader', C.avvikelseHelar, -2482 + 3610],
      ['Årets resultat (nettokostnad)', C.avvikelseHelar, -1832 + 3610],
    );
    const f = only(grid);
    expect(f).toMatchObject({ cell: 'D6', found: 1805, expected: -1805 });
    expect(f.message).toContain('Felet följer med till Verksamhetens kostnader (D10) och Årets resultat (nettokostnad) (D11)');
  });

  test('a row missing from Verksamhetens kostnader points at the row, not at the sum', () => {
    const cols = [1, 2, 3, 4, 5, 6, 7];
    const lokaler = printedDrift().find((r) => r[0] === 'Lokaler')!;
    const grid = shiftRow(printedDrift(), 'Verksamhetens kostnader', (v, c) => v - (lokaler[c] as number), cols);
    const f = only(grid);
    expect(f).toMatchObject({ cell: 'B7', label: 'Lokaler', column: 'budgetHelar', found: 140125, expected: 149145, kind: 'error' });
    expect(f.message).toMatch(/^raden Lokaler verkar saknas i summan Verksamhetens kostnader \(skillnad 9 020\)/);
    expect(f.message).toContain('likaså prognos helår, avvikelse helår');
  });

  test('… also when Årets resultat was computed from the short sum', () => {
    const cols = [1, 2, 3, 4, 5, 6, 7];
    const lokaler = printedDrift().find((r) => r[0] === 'Lokaler')!;
    let grid = shiftRow(printedDrift(), 'Verksamhetens kostnader', (v, c) => v - (lokaler[c] as number), cols);
    grid = shiftRow(grid, 'Årets resultat (nettokostnad)', (v, c) => v - (lokaler[c] as number), cols);
    const f = only(grid);
    expect(f).toMatchObject({ cell: 'B7', label: 'Lokaler' });
    expect(f.message).toContain('Felet följer med till Årets resultat (nettokostnad) (B11, C11, D11, E11, F11, G11, H11)');
  });

  test('a typo in one budget (88 130 for 88 310) that breaks the sum is found at the budget cell', () => {
    const f = only(withCells(printedDrift(), ['Personal', C.budgetHelar, 88130]));
    expect(f).toMatchObject({ cell: 'B6', label: 'Personal', column: 'budgetHelar', found: 88130, expected: 88310, kind: 'error' });
    expect(f.message).toContain('(omkastade siffror?)');
    expect(f.message).toContain('summan Verksamhetens kostnader (149 145)');
  });

  test('a sum typed wrong, that disagrees with its own avvikelse too, is blamed itself', () => {
    const f = only(withCells(printedDrift(), ['Verksamhetens kostnader', C.budgetHelar, 149154]));
    expect(f).toMatchObject({ cell: 'B10', found: 149154, expected: 149145 });
    expect(f.message).toContain('summan av raderna');
  });

  test('when two rows would explain a sum equally well, the sum says so and names both', () => {
    // 180 more in Personal (88 130 → 88 310) or in Lokaler (9 020 → 9 200): both typo-like, both consistent
    const f = only(withCells(printedDrift(), ['Personal', C.budgetHelar, 88130], ['Personal', C.avvikelseHelar, -1985]));
    expect(f).toMatchObject({ cell: 'B10', found: 149145, expected: 148965 });
    expect(f.message).toContain('ingen enskild cell förklarar det entydigt');
    expect(f.message).toContain('Personal, budget helår 88 130 → 88 310 eller Lokaler, budget helår 9 020 → 9 200');
  });

  test('an avvikelse that is simply wrong is reported with what it should be', () => {
    const f = only(withCells(printedDrift(), ['Övrigt', C.avvikelseHelar, -878], ['Verksamhetens kostnader', C.avvikelseHelar, -2473], ['Årets resultat (nettokostnad)', C.avvikelseHelar, -1823]));
    expect(f).toMatchObject({ cell: 'D9', found: -878, expected: -887 });
  });
});

describe('rounding', () => {
  test('a sum one off from its rows is an avrundningsdifferens, not an error', () => {
    const result = audit(withCells(printedDrift(), ['Verksamhetens kostnader', C.budgetHelar, 149146], ['Verksamhetens kostnader', C.avvikelseHelar, -2481], ['Årets resultat (nettokostnad)', C.budgetHelar, 136746], ['Årets resultat (nettokostnad)', C.avvikelseHelar, -1831]));
    expect(result.findings.filter((f) => f.kind === 'error')).toEqual([]);
    const rounding = result.findings.find((f) => f.cell === 'B10')!;
    expect(rounding).toMatchObject({ kind: 'rounding', found: 149146, expected: 149145, column: 'budgetHelar' });
    expect(rounding.message).toContain('avrundningsdifferens');
  });

  test('an avvikelse one off from budget − prognos is an avrundningsdifferens', () => {
    const result = audit(withCells(printedDrift(), ['Lokaler', C.avvikelseHelar, 151], ['Verksamhetens kostnader', C.avvikelseHelar, -2481], ['Årets resultat (nettokostnad)', C.avvikelseHelar, -1831]));
    expect(result.findings.filter((f) => f.kind === 'error')).toEqual([]);
    expect(result.findings.find((f) => f.cell === 'D7')).toMatchObject({ kind: 'rounding', found: 151, expected: 150 });
  });

  test('three off in a sum of four rows is an error (at most ±2 is rounding)', () => {
    // Lokaler 5 883 → 5 880 and Personal 57 016 → 57 013 are equally likely: the sum says so
    const f = only(withCells(printedDrift(), ['Lokaler', C.utfallFgAr, 5883]));
    expect(f).toMatchObject({ cell: 'H10', found: 96146, expected: 96149 });
    expect(f.message).toContain('(skillnad 3)');
    expect(f.message).toContain('Lokaler, utfall fg år 5 883 → 5 880');
  });
});

describe('periodized budget', () => {
  test('an evenly periodized table is clean, and the months are reported', () => {
    const result = audit(evenDrift());
    expect(result.findings.filter((f) => f.kind === 'error')).toEqual([]);
    expect(result.tables[0].evenPeriodMonths).toBe(8);
  });

  test('a wrong period budget is found (budget × 8/12)', () => {
    const f = only(withCells(evenDrift(), ['Lokaler', C.budgetPeriod, 6031]));
    expect(f).toMatchObject({ cell: 'E7', column: 'budgetPeriod', found: 6031, expected: 6013, kind: 'error' });
    expect(f.message).toContain('periodens budget avviker från jämn periodisering (förväntat 6 013 = 9 020 × 8/12)');
  });

  test('a wrong period budget carried into its avvikelse and the sums is still found at the period budget', () => {
    const grid = shiftRow(shiftRow(shiftRow(evenDrift(), 'Lokaler', (v, c) => (c === C.budgetPeriod ? v + 500 : v + 500), [C.budgetPeriod, C.avvikelsePeriod]), 'Verksamhetens kostnader', (v) => v + 500, [C.budgetPeriod, C.avvikelsePeriod]), 'Årets resultat (nettokostnad)', (v) => v + 500, [C.budgetPeriod, C.avvikelsePeriod]);
    const f = only(grid);
    expect(f).toMatchObject({ cell: 'E7', found: 6513, expected: 6013 });
    expect(f.message).toContain('jämn periodisering');
    expect(f.message).toContain('Felet följer med till');
  });

  test('a table with its own periodization profile (domain.md) is not checked against 8/12', () => {
    expect(audit(printedDrift()).tables[0].evenPeriodMonths).toBeUndefined();
  });
});

describe('investeringar (signed, groups with Summa rows)', () => {
  test('clean: the signed convention is detected; the one rounding difference is labelled', () => {
    const result = audit(investments());
    expect(result.tables[0]).toMatchObject({ convention: 'signed', range: 'A3:E17' });
    expect(result.tables[0].conventionNote).toContain('med tecken');
    expect(result.findings).toEqual([expect.objectContaining({ cell: 'E17', kind: 'rounding', found: -49939, expected: -49940 })]);
  });

  test('a flipped sign in a project is found', () => {
    const f = only(withCells(investments(), ['Ventilation Ekbyskolan', 3, 1250]));
    expect(f).toMatchObject({ cell: 'D7', found: 1250, expected: -1250 });
    expect(f.message).toContain('tecknet är omvänt');
  });

  test('a row left out of a group sum is pointed at', () => {
    const f = only(withCells(investments(), ['Summa nyinvestering', 1, -60600], ['Summa nyinvestering', 2, -54800], ['Summa nyinvestering', 4, -36610]));
    expect(f).toMatchObject({ cell: 'B15', label: 'Investeringsbidrag Norrskolan', found: -60600, expected: -58200 });
    expect(f.message).toMatch(/^raden Investeringsbidrag Norrskolan verkar saknas i Summa nyinvestering \(skillnad 2 400\)/);
  });

  test('a group sum typed wrong in the grand total column is found', () => {
    const f = only(withCells(investments(), ['Summa', 2, -74070]));
    expect(f).toMatchObject({ cell: 'C17', found: -74070, expected: -74700 });
  });
});

describe('mnkr with one decimal', () => {
  test('a portfolio whose groups carry their totals on their own rows is clean (rounding notes only)', () => {
    const result = audit(portfolio());
    expect(result.tables[0]).toMatchObject({ unit: 'mnkr', decimals: 1, convention: 'signed' });
    expect(result.findings.filter((f) => f.kind === 'error')).toEqual([]);
    expect(result.findings.every((f) => /avrundningsdifferens/.test(f.message))).toBe(true);
  });

  test('a typo in a project is found with one decimal', () => {
    const f = only(withCells(portfolio(), ['Verkstadsområdet', 1, -13.4]));
    expect(f).toMatchObject({ cell: 'B9', found: -13.4, expected: -14.3 });
    expect(f.message).toContain('-13,4 borde vara -14,3 (omkastade siffror?)');
    expect(f.message).toContain('summan Genomförandeprojekt (2,1)');
  });

  test('a level-1 group total typed wrong is found', () => {
    const f = only(withCells(portfolio(), ['Markreserv', 2, -4.7]));
    expect(f).toMatchObject({ cell: 'C15', found: -4.7, expected: -7.4 });
  });
});

describe('tables pasted from Word (amounts as text)', () => {
  const asText = (grid: Grid): Grid =>
    grid.map((row, r) => (r < 4 ? row : row.map((v) => (typeof v === 'number' ? (v < 0 ? `- ${Math.abs(v).toLocaleString('sv-SE')}` : v.toLocaleString('sv-SE')).replace(/\u00a0/g, ' ') : v))));

  test('`- 1 805`, `1 070`, `88 310` read as numbers: the table is clean', () => {
    const grid = asText(printedDrift());
    expect(grid[5][3]).toBe('- 1 805');
    expect(audit(grid).findings).toEqual([]);
  });

  test('a flipped sign among text cells is found with numbers in found/expected', () => {
    const f = only(withCells(asText(printedDrift()), ['Övrigt', C.avvikelseHelar, '887']));
    expect(f).toMatchObject({ cell: 'D9', found: 887, expected: -887 });
  });

  test('a text that is no number takes its rules out instead of raising false alarms', () => {
    expect(errors(withCells(printedDrift(), ['Lokaler', C.budgetHelar, 'ca 9 000']))).toEqual([]);
  });
});

describe('other shapes', () => {
  test('a signed operating account (costs negative, avvikelse = prognos − budget everywhere)', () => {
    const signed = printedDrift().map((row, r) => (r < 4 || row[0] === 'Verksamhetens intäkter' ? row : [row[0], ...row.slice(1).map((v, i) => (i === 2 || i === 5 ? v : -(v as number)))]));
    // Årets resultat as the signed sum: revenue + costs
    const result = audit(signed);
    expect(result.tables[0].convention).toBe('signed');
    expect(result.findings).toEqual([]);
    const f = only(withCells(signed, ['Köp av verksamhet', C.avvikelseHelar, -60]));
    expect(f).toMatchObject({ cell: 'D8', found: -60, expected: 60 });
  });

  test('a source sheet with empty avvikelse columns raises nothing', () => {
    const grid = printedDrift().map((row, r) => (r < 4 ? row : row.map((v, c) => (c === C.avvikelseHelar || c === C.avvikelsePeriod ? null : v))));
    expect(audit(grid).findings).toEqual([]);
  });

  test('avvikelse % is checked against the avvikelse and |budget|', () => {
    const grid: Grid = [
      ['Nettokostnad per verksamhet'],
      ['tkr'],
      [null, 'Perioden jan–aug', 'Perioden jan–aug', 'Perioden jan–aug', 'Perioden jan–aug'],
      ['Verksamhet, tkr', 'Budget', 'Utfall', 'Avvikelse', 'Avvikelse %'],
      ['Förskola', 145532, 144512, 1020, 0.7],
      ['Grundskola', 274396, 277137, -2740, -1],
      ['Gymnasieskola', 127121, 127512, -391, 3],
      ['Summa nettokostnad', 547049, 549161, -2111, -0.4],
    ];
    const list = errors(grid);
    expect(list).toEqual([expect.objectContaining({ cell: 'E7', column: 'avvikelsePctPeriod', found: 3, expected: -0.3 })]);
  });

  test('one sheet with two tables, one under the other, audits both', () => {
    const grid: Grid = [...printedDrift(), ['Avrundningsdifferenser kan förekomma.'], [], [], ...investments()];
    const result = audit(grid);
    expect(result.tables.map((t) => t.title)).toEqual(['Driftredovisning', 'Investeringar']);
    expect(result.findings.filter((f) => f.kind === 'error')).toEqual([]);
  });

  test('a single-row header (`Budget helår | Prognos helår | Avvikelse helår`) without title', () => {
    const grid: Grid = [
      ['Verksamhet', 'Budget helår', 'Prognos helår', 'Avvikelse helår'],
      ['Intäkter', 12400, 13050, 650],
      ['Personal', 88310, 90115, -1805],
      ['Lokaler', 9020, 8870, 150],
      ['Summa kostnader', 97330, 98985, -1655],
      ['Nettokostnad', 84930, 85935, -1005],
    ];
    expect(audit(grid).findings).toEqual([]);
    expect(only(withCells(grid, ['Nettokostnad', 2, 85953]))).toMatchObject({ cell: 'C6', found: 85953, expected: 85935 });
  });

  test('findings are ordered by row, then column', () => {
    const grid = withCells(printedDrift(), ['Övrigt', C.avvikelsePeriod, 764], ['Personal', C.avvikelseHelar, 1805], ['Personal', C.budgetPeriod, 58140]);
    expect(errors(grid).map((f) => f.cell)).toEqual(['D6', 'E6', 'G9']);
  });
});
