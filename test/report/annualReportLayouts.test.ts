/**
 * Layouts of annual reports and delårsrapporter that the real-world corpus brought (issue 9), through the
 * report in memory: a forecast-accuracy table (prognossäkerhet), a summary income statement with a
 * `- varav` row, a balance sheet with its totals above their rows, a nämnd table of results with its
 * balanskravsresultat. Each asserts what is filled into the sheet (values and formulas), what the tables
 * show and the Swedish line that says what was assumed.
 */
import type { RawValue } from '../../src/core/types';
import { reportJson, type JsonTable } from '../../src/report/json';
import { runReport } from '../../src/report/run';
import { buildSettings, type SettingsInput } from '../../src/report/settings';
import { MemoryWorkbook } from '../../src/workbook/memory/memoryWorkbook';

async function run(values: RawValue[][], input: SettingsInput = {}) {
  const wb = new MemoryWorkbook([{ name: 'Blad1', values }]);
  const result = await runReport(wb, buildSettings(input, undefined, 2015));
  const sheet = wb.sheet('Blad1')!;
  const at = (address: string): [number, number] => {
    const m = /^([A-Z])(\d+)$/.exec(address)!;
    return [Number(m[2]) - 1, m[1].charCodeAt(0) - 65];
  };
  return {
    json: reportJson(result.model, result.notes),
    notes: result.notes,
    comments: result.model.comments.map((c) => c.text),
    errors: result.issues.filter((i) => i.severity === 'error'),
    cell: (address: string) => sheet.values[at(address)[0]]?.[at(address)[1]],
    formula: (address: string) => sheet.formulas.get(at(address).join(',')),
  };
}

const rowOf = (t: JsonTable, label: string) => t.rows.find((r) => r.label === label)!;

describe('forecast accuracy (prognossäkerhet): the bokslut against the forecast of the delårsrapport', () => {
  // Malmö stad, Årsredovisning 2015, Prognossäkerhet (first rows)
  const grid: RawValue[][] = [
    ['PROGNOSAVVIKELSE, MKR'],
    [null, 'Bokslut', 'Delårsrapp jan-aug', 'Avvikelse'],
    ['Servicenämnd', 67, 32, null],
    ['Ekonomiskt bistånd', -11, -10, null],
    ['Statsbidrag flyktingar', 0, -6, null],
    ['ÅRETS RESULTAT', 56, 16, null],
  ];

  test('avvikelse = bokslut − prognos, on results with their signs; the assumption is said', async () => {
    const r = await run(grid, { months: 8 });
    expect(r.errors).toEqual([]);
    expect([r.cell('D3'), r.cell('D4'), r.cell('D5'), r.cell('D6')]).toEqual([35, -1, 6, 40]);
    expect(r.formula('D3')).toBe('B3-C3');
    expect(r.notes).toContain('Fliken Blad1: Tabellen har ingen budget: kolumnen Bokslut jämförs med prognosen i kolumnen Delårsrapp jan-aug, och avvikelsen är utfallet minus prognosen (positiv när utfallet blev bättre än prognosen).');
    expect(r.notes).toContain('Fliken Blad1: Utfallet jämförs med prognosen: beloppen läses med sina tecken (ett överskott positivt, ett underskott negativt); ändra med "convention" för fliken.');
  });

  test('a table of results per verksamhet calls the yardstick Prognos, and the stubs compare with the forecast, not a budget', async () => {
    const r = await run(grid, { months: 8 });
    const t = r.json.tables[0];
    expect(t.title).toBe('Resultat per verksamhet');
    expect(t.headers.map((c) => `${c.group} ${c.title}`)).toEqual(['Helår Prognos', 'Helår Utfall', 'Helår Avvikelse', 'Helår Avvikelse %']);
    // results as the sheet shows them: a deficit negative, never typed as revenue or cost by its words
    expect(rowOf(t, 'Ekonomiskt bistånd').cells).toMatchObject({ budgetPeriod: -10, utfallPeriod: -11, avvikelsePeriod: -1 });
    expect(rowOf(t, 'Summa resultat').cells).toMatchObject({ budgetPeriod: 16, utfallPeriod: 56, avvikelsePeriod: 40 });
    expect(r.comments.join(' ')).not.toMatch(/budget/);
    expect(r.comments.some((c) => /prognosen/.test(c))).toBe(true);
  });
});

describe('a summary income statement of a delårsrapport: Prognos | Budget | Avvikelse', () => {
  // Malmö stad, Delårsrapport 2 2014, Budgetutfall
  const grid: RawValue[][] = [
    ['Budgetavvikelse Mkr'],
    [null, 'Prognos', 'Budget', 'Avvikelse'],
    ['Nettokostnad', '-15 351', '-15 233', null],
    ['- varav rea/ expl- vinster', 260, 200, null],
    ['Skatter och generella bidrag', '15 266', '15 185', null],
    ['Finansnetto', 86, -31, null],
    ['Årets resultat', null, null, null],
  ];

  test('read as a resultaträkning: the varav row is not added again, Årets resultat is filled', async () => {
    const r = await run(grid);
    expect(r.errors).toEqual([]);
    expect(r.notes.some((n) => n.startsWith('Fliken Blad1: Tabellen läses som resultaträkning'))).toBe(true);
    expect([r.cell('B7'), r.cell('C7'), r.cell('D7')]).toEqual([1, -79, 80]);
    expect(r.formula('B7')).toBe('SUM(B3,B5:B6)');
    expect([r.cell('D3'), r.cell('D4')]).toEqual([-118, 60]);
  });
});

describe('a balance sheet with its totals above their rows (Grästorp 2020)', () => {
  const grid: RawValue[][] = [
    ['Balansräkning'],
    ['Belopp i tkr', 'Not', '2020', '2019'],
    ['TILLGÅNGAR'],
    ['ANLÄGGNINGSTILLGÅNGAR', null, null, null],
    ['Materiella anläggningstillgångar', null, null, null],
    ['Mark, byggnader och tekniska anläggningar', '9', '359 745', '294 144'],
    ['Maskiner och inventarier', '10', '12 671', '10 728'],
    ['Finansiella anläggningstillgångar', null, null, null],
    ['Aktier och andelar', '11', '9 980', '8 880'],
    ['Långfristiga fordringar', '12', 0, '1 100'],
    ['Bidrag till statlig infrastruktur', '13', '5 040', '5 320'],
    ['OMSÄTTNINGSTILLGÅNGAR', null, null, null],
    ['Fordringar', '14', '39 331', '34 153'],
    ['Kassa och bank', '15', '48 969', '51 592'],
    ['SUMMA TILLGÅNGAR', null, null, null],
    ['EGET KAPITAL, AVSÄTTNINGAR OCH SKULDER'],
    ['EGET KAPITAL, vid årets början', '16', '184 788', '172 745'],
    ['Årets resultat, inklusive justering', '17', '27 125', '12 043'],
    ['EGET KAPITAL, vid årets slut', '18', null, null],
    ['– resultatutjämningreserv', '19', '13 500', '13 500'],
    ['– övrigt eget kapital', null, '198 413', '171 288'],
    ['SKULDER', null, null, null],
    ['Långfristiga skulder', '22', '151 284', '122 876'],
    ['Kortfristiga skulder', '23', '100 544', '82 530'],
    ['SUMMA EGET KAPITAL, AVSÄTTNINGAR OCH SKULDER', null, null, null],
  ];

  test('each section line left blank gets its section’s total; Bidrag till statlig infrastruktur is a section of its own', async () => {
    const r = await run(grid);
    expect(r.errors).toEqual([]);
    expect(r.cell('C5')).toBe(372416);
    expect(r.cell('C8')).toBe(9980);
    expect(r.cell('C4')).toBe(382396);
    expect(r.formula('C4')).toBe('SUM(C5,C8)');
    expect(r.cell('C12')).toBe(88300);
    expect(r.cell('C15')).toBe(382396 + 5040 + 88300);
    expect(r.formula('C15')).toBe('SUM(C4,C11:C12)');
  });

  test('equity at the year’s end is the opening equity plus the lines since; the dash rows break it down and are not added', async () => {
    const r = await run(grid);
    expect(r.cell('C19')).toBe(211913);
    expect(r.formula('C19')).toBe('SUM(C17:C18)');
    expect(r.cell('C22')).toBe(251828);
    expect(r.cell('C25')).toBe(211913 + 251828);
    const t = r.json.tables.find((x) => x.type === 'balansrakning')!;
    expect(rowOf(t, 'SUMMA EGET KAPITAL, AVSÄTTNINGAR OCH SKULDER').cells.utfallPeriod).toBe(463741);
  });
});

describe('a nämnd table of results, its words hyphenated by a narrow column (Nynäshamn 2021)', () => {
  const grid: RawValue[][] = [
    ['DRIFTREDOVISNING'],
    ['NÄMND/FÖRVALTNING MNKR', 'SKATTE-INTÄKTER OCH GE-NERELLA BIDRAG (NÄMND-BIDRAG)', 'VERKSAMHETS-INTÄKTER (ÖVRIGA INTÄKTER OCH BIDRAG)', 'VERKSAM-HETENS KOS-TNADER', 'RESULTAT', 'BUDGE-TERAT RESULTAT', 'AVVIKELSE MOT BUDGET (RESULTAT)', 'JUSTE-RING BALANS-KRAV', 'BALANS-KRAVS-RESULTAT'],
    ['Kommunstyrelsen', '224,1', '255,8', '– 448,0', null, '0,0', null, '– 30,7', null],
    ['varav mark och exploatering', '12,2', '37,6', '– 24,2', null, '0,0', null, '– 30,7', null],
    ['Barn- och utbildningsnämnden', '554,1', '115,8', '– 677,9', null, '0,0', null, '0,0', null],
    ['Summa nämnder', null, null, null, null, null, null, null, null],
  ];

  test('Resultat is bidrag + intäkter + kostnader, Balanskravsresultat is Resultat + Justering, Avvikelse = Resultat − Budgeterat resultat', async () => {
    const r = await run(grid);
    expect(r.errors).toEqual([]);
    expect(r.cell('E3')).toBeCloseTo(31.9, 9);
    expect(r.formula('E3')).toBe('B3+C3+D3');
    expect(r.cell('I3')).toBeCloseTo(1.2, 9);
    expect(r.formula('I3')).toBe('E3+H3');
    expect(r.cell('G5')).toBeCloseTo(-8, 9);
    expect(r.notes).toContain('Fliken Blad1: Kolumnerna är resultat: beloppen läses med sina tecken (ett överskott positivt, ett underskott negativt); ändra med "convention" för fliken.');
  });

  test('Summa nämnder adds the nämnder, not their varav rows', async () => {
    const r = await run(grid);
    expect(r.cell('B6')).toBeCloseTo(778.2, 9);
    expect(r.formula('B6')).toBe('SUM(B3,B5)');
    expect(r.cell('E6')).toBeCloseTo(23.9, 9);
    expect(r.cell('I6')).toBeCloseTo(-6.8, 9);
    const t = r.json.tables.find((x) => x.title === 'Resultat per verksamhet')!;
    expect(rowOf(t, 'Summa resultat').cells).toMatchObject({ utfallPeriod: 23.9, avvikelsePeriod: 23.9 });
  });
});

describe('an income statement leaves a line empty where there is nothing', () => {
  test('a blank budget cell of Jämförelsestörande poster is 0, said once (Ängelholm 2021)', async () => {
    const grid: RawValue[][] = [
      ['Resultaträkning, mnkr'],
      [null, 'Not', '2021', 'Budget 2021', 'Avvikelse'],
      ['Verksamhetens intäkter', '3', '699,1', '650,0', null],
      ['Verksamhetens kostnader', '4', '-2 911,8', '-3 107,7', null],
      ['Avskrivningar', '5', '-302,0', '-89,0', null],
      ['Jämförelsestörande poster', '6', '54,6', null, null],
      ['Verksamhetens nettokostnader', null, null, null, null],
    ];
    const r = await run(grid);
    expect(r.errors).toEqual([]);
    expect(r.notes).toContain('Fliken Blad1: Tabellen är en resultaträkning: en tom cell är en rad utan belopp och räknas som 0; ändra med "blankAsZero" för fliken.');
    expect(r.cell('D7')).toBeCloseTo(-2546.7, 9);
    expect(r.cell('E6')).toBeCloseTo(54.6, 9);
  });
});
