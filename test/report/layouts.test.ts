/**
 * The layouts of issue 9 through the report (in memory): each point with the wording of real reports.
 * Every test asserts what is filled into the sheet, what the tables show and the Swedish line that says
 * what was assumed.
 */
import type { RawValue } from '../../src/core/types';
import { reportJson, type JsonTable } from '../../src/report/json';
import { runReport } from '../../src/report/run';
import { buildSettings, type SettingsInput } from '../../src/report/settings';
import { MemoryWorkbook } from '../../src/workbook/memory/memoryWorkbook';

async function run(values: RawValue[][], input: SettingsInput = {}, name = 'Blad1') {
  const wb = new MemoryWorkbook([{ name, values }]);
  const result = await runReport(wb, buildSettings(input, undefined, 2024));
  const json = reportJson(result.model, result.notes);
  const sheet = wb.sheet(name)!;
  const cell = (address: string) => {
    const m = /^([A-Z])(\d+)$/.exec(address)!;
    return sheet.values[Number(m[2]) - 1]?.[m[1].charCodeAt(0) - 65];
  };
  const formula = (address: string) => {
    const m = /^([A-Z])(\d+)$/.exec(address)!;
    return sheet.formulas.get(`${Number(m[2]) - 1},${m[1].charCodeAt(0) - 65}`);
  };
  return { result, json, notes: result.notes, errors: result.issues.filter((i) => i.severity === 'error'), cell, formula };
}

const table = (tables: JsonTable[], title: string) => {
  const t = tables.find((x) => x.title === title);
  if (!t) throw new Error(`no table ${title}: ${tables.map((x) => x.title).join(', ')}`);
  return t;
};
const row = (t: JsonTable, label: string) => t.rows.find((r) => r.label === label)!;

describe('1. net cost per verksamhet, no Typ column', () => {
  const netCosts = (budget = 'Nettobudget'): RawValue[][] => [
    ['Driftredovisning per verksamhet'],
    ['Belopp i tkr'],
    ['Verksamhet', budget, 'Nettokostnad jan–aug', 'Avvikelse'],
    ['Förskola', '120 500', '83 900', null],
    ['Grundskola', '240 000', '158 700', null],
    ['Nämnd och förvaltning', '8 200', '5 650', null],
  ];

  test('activities are net costs, never revenue: the avvikelse is filled, no "intäkt eller kostnad" error, and the assumption is said', async () => {
    const r = await run(netCosts(), { months: 8 });
    expect(r.errors).toEqual([]);
    expect(r.notes).toContain('Fliken Blad1: Tabellen läses som nettokostnad per verksamhet (kolumnerna anger nettobelopp): varje rad är en nettokostnad, aldrig en intäkt; ange "kind" för fliken för att läsa den på annat sätt.');
    expect(r.notes).toContain('Fliken Blad1: Beloppen antas vara utan tecken (nettokostnader positiva), eftersom nettokostnaderna är positiva.');
    // budget jan–aug = 120 500 × 8/12 = 80 333,33; an overrun of 3 567 tkr is negative
    expect(r.cell('D4')).toBeCloseTo(-3566.667, 3);
    expect(r.formula('D4')).toBe('B4*8/12-C4');
    const t = table(r.json.tables, 'Nettokostnad per verksamhet');
    expect(row(t, 'Förskola').cells).toMatchObject({ budgetPeriod: 80333, utfallPeriod: 83900, avvikelsePeriod: -3567 });
    expect(row(t, 'Summa nettokostnad').cells).toMatchObject({ budgetPeriod: 245800, utfallPeriod: 248250, avvikelsePeriod: -2450 });
  });

  test.each(['Kommunbidrag', 'Budgetram', 'Ram', 'Nettoram', 'Nettobudget', 'Budget (netto)'])('"%s" is the budget of a net-cost table', async (word) => {
    const r = await run(netCosts(word), { months: 8 });
    expect(r.errors).toEqual([]);
    expect(row(table(r.json.tables, 'Nettokostnad per verksamhet'), 'Grundskola').cells).toMatchObject({ budgetPeriod: 160000, avvikelsePeriod: 1300 });
  });

  test('--signed for the whole workbook does not turn every overrun of a positive net-cost table into a favourable deviation', async () => {
    const r = await run(netCosts(), { months: 8, signed: true });
    expect(r.notes.some((n) => /Beloppen läses utan tecken \(nettokostnader positiva\), eftersom nettokostnaderna är positiva: inställningen med tecken gäller inte här/.test(n))).toBe(true);
    expect(row(table(r.json.tables, 'Nettokostnad per verksamhet'), 'Förskola').cells.avvikelsePeriod).toBe(-3567);
    expect(row(table(r.json.tables, 'Nettokostnad per verksamhet'), 'Förskola').direction).toBe('negative');
  });

  test('a convention set for the sheet itself is obeyed (and said)', async () => {
    const r = await run(netCosts(), { months: 8, sheets: { Blad1: { signed: true } } });
    expect(r.notes).toContain('Fliken Blad1: Beloppen läses med tecken (nettokostnader negativa), enligt inställningen.');
  });

  test('net costs printed negative (signed) keep their direction: an overrun is still negative', async () => {
    const values: RawValue[][] = [['Verksamhet', 'Kommunbidrag', 'Nettokostnad 2024', 'Avvikelse'], ['Förskola', -120500, -123900, null], ['Grundskola', -240000, -238700, null]];
    const r = await run(values);
    expect(r.notes).toContain('Fliken Blad1: Beloppen antas vara med tecken (nettokostnader negativa), eftersom nettokostnaderna är negativa.');
    expect([r.cell('D2'), r.cell('D3')]).toEqual([-3400, 1300]);
  });
});

describe('2. the unit written in the sheet', () => {
  const sheet = (unitLine: string | null, labelHeader = 'Verksamhet'): RawValue[][] => [
    ['Driftredovisning'],
    [unitLine],
    [labelHeader, 'Budget 2024', 'Utfall 2024', 'Avvikelse'],
    ['Förskola', 1200, 1250, null],
    ['Grundskola', 2400, 2300, null],
  ];

  test('"Belopp i tkr" makes the figures tkr: not divided by 1 000 again, and the line says where it was read', async () => {
    const r = await run(sheet('Belopp i tkr'));
    expect(r.notes).toContain('Fliken Blad1: Beloppen läses i tkr (enligt "Belopp i tkr" i A2); tabellerna visas i tkr.');
    expect(row(table(r.json.tables, 'Nettokostnad per verksamhet'), 'Förskola').cells).toMatchObject({ budgetPeriod: 1200, utfallPeriod: 1250, avvikelsePeriod: -50 });
  });

  test.each([
    ['(tkr)', null, 'tkr', 1200],
    ['Mnkr', null, 'mnkr', 1200],
    ['mkr', null, 'mnkr', 1200],
    [null, 'Verksamhet, tkr', 'tkr', 1200],
  ])('%s / %s: read as %s, shown as %s', async (unitLine, labelHeader, unit, budget) => {
    const r = await run(sheet(unitLine, labelHeader ?? 'Verksamhet'));
    const t = table(r.json.tables, 'Nettokostnad per verksamhet');
    expect(t.unit).toBe(unit);
    expect(row(t, 'Förskola').cells.budgetPeriod).toBe(budget);
  });

  test('the command line comes first, and the line says the sheet disagrees', async () => {
    const r = await run(sheet('Belopp i tkr'), { inputUnit: 'kr' });
    expect(r.notes).toContain('Fliken Blad1: Beloppen läses i kr enligt inställningen, fast arket anger tkr ("Belopp i tkr" i A2); tabellerna visas i tkr.');
    expect(row(table(r.json.tables, 'Nettokostnad per verksamhet'), 'Förskola').cells.budgetPeriod).toBe(1);
  });

  test('"Investeringar tkr" in a title over a project list', async () => {
    const values: RawValue[][] = [['Investeringar tkr'], ['Projekt', 'Budget 2024', 'Utfall 2024', 'Avvikelse'], ['Tak Norrskolan', -2000, -2300, null]];
    const r = await run(values);
    expect(row(table(r.json.tables, 'Investeringar'), 'Tak Norrskolan').cells).toMatchObject({ budgetPeriod: -2000, avvikelsePeriod: -300 });
  });

  test('nothing in the sheet: the default (kr), and no line about it', async () => {
    const r = await run(sheet(null));
    expect(r.notes.some((n) => /Beloppen läses i/.test(n))).toBe(false);
    expect(row(table(r.json.tables, 'Nettokostnad per verksamhet'), 'Förskola').cells.budgetPeriod).toBe(1);
  });
});

describe('3. annual tables', () => {
  const annual = (year: number): RawValue[][] => [
    ['Belopp i tkr'],
    ['Kategori', `Budget ${year}`, `Utfall ${year}`, 'Avvikelse'],
    ['Verksamhetens intäkter', 12400, 13050, null],
    ['Personal', 88310, 90115, null],
  ];

  test('Budget 2024 | Utfall 2024 | Avvikelse without --months: the whole year, its avvikelse filled and its tables built', async () => {
    const r = await run(annual(2024));
    expect(r.errors).toEqual([]);
    expect([r.cell('D3'), r.cell('D4')]).toEqual([650, -1805]);
    expect(r.notes).toContain('Fliken Blad1: Kolumnen Utfall 2024 läses som helårets utfall och jämförs med årsbudgeten (tabellen har ingen prognos och ingen period); ange "annual": false för fliken om det är ett utfall för en period.');
    const drift = table(r.json.tables, 'Driftredovisning');
    expect(drift.headers.map((h) => `${h.group} ${h.title}`)).toEqual(['Helår Budget', 'Helår Utfall', 'Helår Avvikelse']);
    expect(row(drift, 'Personal').cells).toMatchObject({ budgetPeriod: 88310, utfallPeriod: 90115, avvikelsePeriod: -1805 });
  });

  test('with --months 8 in the report year, the utfall is the period\'s and the budget is periodized (said, overridable)', async () => {
    const r = await run(annual(2024), { months: 8 });
    expect(r.notes).toContain('Fliken Blad1: Kolumnen Utfall 2024 läses som utfall för perioden (8 månader), mot årsbudgeten × 8/12; ange "annual": true för fliken om det är helårets utfall.');
    expect(r.cell('D4')).toBeCloseTo(88310 * (8 / 12) - 90115, 6);
    const forced = await run(annual(2024), { months: 8, sheets: { Blad1: { annual: true } } });
    expect(forced.cell('D4')).toBe(-1805);
  });

  test('a year that is over is the whole year even with --months 8', async () => {
    const r = await run(annual(2023), { months: 8 });
    expect(r.cell('D4')).toBe(-1805);
    expect(r.notes.some((n) => n.includes('(året 2023 är slut)'))).toBe(true);
  });

  test('"Bokslut 2024" names the whole year; "Bokslut 2023" beside it is last year', async () => {
    const values: RawValue[][] = [['Kategori', 'Bokslut 2023', 'Budget 2024', 'Bokslut 2024', 'Avvikelse'], ['Personal', 85000, 88310, 90115, null]];
    const r = await run(values, { months: 8 });
    expect(r.cell('E2')).toBe(-1805);
    expect(table(r.json.tables, 'Driftredovisning').columns).toEqual(['budgetPeriod', 'utfallPeriod', 'avvikelsePeriod', 'utfallFgAr']);
  });

  test('"Utfall helår" beside the annual budget is the whole year, even in a delårsrapport run', async () => {
    const values: RawValue[][] = [['Kategori', 'Budget helår', 'Utfall helår', 'Avvikelse'], ['Personal', 88310, 90115, null]];
    const r = await run(values, { months: 8 });
    expect(r.cell('D2')).toBe(-1805);
    expect(r.notes.some((n) => n.includes('(rubriken säger helår)'))).toBe(true);
  });
});

describe('4. income statements: running subtotals, Verksamhetens kostnader is a line', () => {
  const rr: RawValue[][] = [
    ['Resultaträkning, mnkr', 'Not', 'Budget 2024', 'Prognos 2024', 'Avvikelse'],
    ['Verksamhetens intäkter', 1, '412,0', '430,5', null],
    ['Verksamhetens kostnader', 2, '-2 350,0', '-2 390,2', null],
    ['Avskrivningar', 3, '-98,0', '-97,1', null],
    ['Verksamhetens nettokostnad', null, null, null, null],
    ['Skatteintäkter (not 4)', 4, '1 650,0', '1 662,3', null],
    ['Generella statsbidrag och utjämning', 5, '440,0', '441,9', null],
    ['Verksamhetens resultat', null, null, null, null],
    ['Finansiella intäkter', 6, '12,0', '14,1', null],
    ['Finansiella kostnader', 7, '-8,0', '-9,4', null],
    ['Resultat efter finansiella poster', null, null, null, null],
    ['Årets resultat', null, null, null, null],
  ];

  test('each result is the previous one plus the lines since, filled into the sheet and in the table', async () => {
    const r = await run(rr);
    expect(r.errors).toEqual([]);
    expect([r.cell('C5'), r.cell('D5'), r.formula('C5')]).toEqual([-2036, -2056.8, 'SUM(C2:C4)']);
    expect([r.cell('C8'), r.formula('C8')]).toEqual([54, 'SUM(C5:C7)']);
    expect([r.cell('C12'), r.cell('D12'), r.cell('E12')]).toEqual([58, 52.1, -5.9]);
    const t = table(r.json.tables, 'Resultaträkning');
    expect(t.rows.map((x) => [x.label, x.cells.avvikelseHelar])).toEqual([
      ['Verksamhetens intäkter', 18.5],
      ['Verksamhetens kostnader', -40.2],
      ['Avskrivningar', 0.9],
      ['Verksamhetens nettokostnad', -20.8],
      ['Skatteintäkter', 12.3],
      ['Generella statsbidrag och utjämning', 1.9],
      ['Verksamhetens resultat', -6.6],
      ['Finansiella intäkter', 2.1],
      ['Finansiella kostnader', -1.4],
      ['Resultat efter finansiella poster', -5.9],
      ['Årets resultat', -5.9],
    ]);
  });

  test('the comment on Årets resultat states the right direction', async () => {
    const r = await run(rr);
    expect(r.result.model.comments.find((c) => c.label === 'Årets resultat')?.text).toBe('Årets resultat beräknas för helåret bli 5,9 mnkr sämre än budget, vilket främst förklaras av [orsak].');
    expect(r.notes).toContain('Fliken Blad1: Kolumn B (Not) hänvisar till noter och läses inte.');
  });
});

describe('5. several column blocks', () => {
  const blocks: RawValue[][] = [
    ['Investeringsredovisning, tkr'],
    [null, 'Projektet totalt', 'Projektet totalt', 'Projektet totalt', 'Projektet totalt', 'År 2024', 'År 2024', 'År 2024'],
    ['Projekt', 'Total budget', 'Ack. utfall', 'Prognos slutkostnad', 'Avvikelse', 'Budget 2024', 'Utfall 2024', 'Avvikelse'],
    ['Ny förskola Solrosen', '-48 000', '-30 100', '-46 500', null, '-20 000', '-18 400', null],
    ['Tak Norrskolan', '-6 000', '-5 900', '-6 300', null, '-3 000', '-3 350', null],
    ['Inventarier', null, null, null, null, '-1 200', '-800', null],
    ['Summa', null, null, null, null, null, null, null],
  ];

  test('each block with its own roles: both avvikelse columns filled, the year block in the standard table', async () => {
    const r = await run(blocks);
    expect(r.errors).toEqual([]);
    expect([r.cell('E4'), r.cell('E5'), r.cell('H4'), r.cell('H5'), r.cell('H6')]).toEqual([1500, -300, 1600, -350, 400]);
    expect([r.cell('F7'), r.cell('G7'), r.cell('H7'), r.cell('B7'), r.cell('E7')]).toEqual([-24200, -22550, 1650, -54000, 1200]);
    expect(row(table(r.json.tables, 'Investeringar'), 'Summa').cells).toMatchObject({ budgetPeriod: -24200, utfallPeriod: -22550, avvikelsePeriod: 1650 });
    expect(row(table(r.json.tables, 'Investeringar – Projektet totalt'), 'Summa').cells).toMatchObject({ budgetHelar: -54000, prognosHelar: -52800, avvikelseHelar: 1200 });
  });

  test('the blocks and a row blank in one of them are said, not dropped silently', async () => {
    const r = await run(blocks);
    expect(r.notes).toContain('Fliken Blad1: Kolumnerna F–H är årets block och ger standardtabellerna; B–E (Projektet totalt) läses som ett eget block, med egna tabeller och egna avvikelser.');
    expect(r.notes).toContain('Fliken Blad1: Projektet totalt: Rad 6 saknar belopp i kolumnerna B–D och ingår inte där.');
    expect(row(table(r.json.tables, 'Investeringar'), 'Inventarier').cells.avvikelsePeriod).toBe(400);
  });
});

describe('6. totals printed above their rows', () => {
  test('a sheet without sum rows: each nämnd heading gets its verksamheters totals (said, overridable)', async () => {
    const values: RawValue[][] = [
      ['Driftsredovisning, mnkr'],
      ['mnkr', 'Intäkter 2021', 'Kostnader 2021', 'Nettokostnad 2021', 'Budget 2021', 'Avvikelse mot budget 2021'],
      ['Kommunstyrelse', null, null, null, null, null],
      ['Politisk verksamhet', '0,0', '-12,6', null, '-13,0', null],
      ['Ledning', '18,3', '-79,4', null, '-64,4', null],
      ['Socialnämnd', null, null, null, null, null],
      ['Äldreomsorg', '157,0', '-588,2', null, '-445,1', null],
      ['Individ- och familjeomsorg', '12,8', '-113,0', null, '-93,2', null],
      ['Miljö- och byggnadsnämnd', '15,0', '-29,3', null, '-15,5', null],
    ];
    const r = await run(values);
    expect(r.errors).toEqual([]);
    // the net is revenue + costs (costs negative); the avvikelse is net − budget
    expect([r.cell('D4'), r.formula('D4'), r.cell('F4')]).toEqual([-12.6, 'B4+C4', 0.4]);
    expect([r.cell('B3'), r.cell('C3'), r.cell('D3'), r.cell('E3'), r.cell('F3'), r.formula('D3')]).toEqual([18.3, -92, -73.7, -77.4, 3.7, 'SUM(D4:D5)']);
    expect([r.cell('D6'), r.cell('F6'), r.cell('D9')]).toEqual([-531.4, 6.9, -14.3]);
    expect(r.notes).toContain('Fliken Blad1: Rubrikraderna (Kommunstyrelse, Socialnämnd) får sina gruppers summor, eftersom fliken inte har några summarader; ange "headingTotals": false för fliken för att lämna dem tomma.');
    const off = await run(values, { sheets: { Blad1: { headingTotals: false } } });
    expect(off.cell('D3')).toBeNull();
  });
});

describe('8. period budgets for investments and portfolios', () => {
  test('-7 200 helår gives -4 800 jan–aug; a per-sheet setting turns it off', async () => {
    const values: RawValue[][] = [['Belopp i tkr'], ['Projekt', 'Budget 2024', 'Prognos 2024', 'Utfall jan–aug', 'Avvikelse jan–aug'], ['Ombyggnad kök Ekbacka', -7200, -7000, -5100, null]];
    const r = await run(values);
    expect(row(table(r.json.tables, 'Investeringar'), 'Ombyggnad kök Ekbacka').cells).toMatchObject({ budgetPeriod: -4800, utfallPeriod: -5100, avvikelsePeriod: -300 });
    expect([r.cell('E3'), r.formula('E3')]).toEqual([-300, 'D3-B3*8/12']);
    const off = await run(values, { sheets: { Blad1: { periodBudget: false } } });
    expect(table(off.json.tables, 'Investeringar').columns).not.toContain('budgetPeriod');
  });
});

describe('9. the full year first', () => {
  test('Nettokostnad per verksamhet shows the full-year columns first; a stub on both names the year first', async () => {
    const values: RawValue[][] = [
      ['Belopp i tkr'],
      ['Verksamhet', 'Budget helår', 'Prognos helår', 'Budget jan–aug', 'Utfall jan–aug'],
      ['Förskola', 120500, 123900, 80333, 83100],
      ['Grundskola', 240000, 238700, 160000, 158700],
    ];
    const r = await run(values);
    const t = table(r.json.tables, 'Nettokostnad per verksamhet');
    expect(t.columns).toEqual(['budgetHelar', 'prognosHelar', 'avvikelseHelar', 'avvikelsePctHelar', 'budgetPeriod', 'utfallPeriod', 'avvikelsePeriod', 'avvikelsePctPeriod']);
    expect(row(t, 'Förskola')).toMatchObject({ flag: 'comment', flagColumn: 'avvikelseHelar', direction: 'negative' });
    expect(r.result.model.comments.find((c) => c.label === 'Förskola')?.text).toBe(
      'Förskola beräknas för helåret avvika negativt med knappt 3 procent eller 3,4 mnkr jämfört med budget. För perioden är avvikelsen negativ med 2,8 mnkr. Avvikelsen förklaras främst av [orsak].',
    );
  });
});

describe('10. words real reports use', () => {
  test('Förändring % is not an avvikelse %, a Koncern block and a Not column are not read: each is said', async () => {
    const values: RawValue[][] = [
      ['Belopp i mnkr', 'Not', 'Utfall 2024', 'Budget 2024', 'Avvikelse', 'Förändring %', 'Koncern 2024'],
      ['Verksamhetens intäkter', 1, 269, 300, null, '3,1 %', 475],
      ['Personal', 2, -1116, -1149, null, '-2,0 %', -1303],
    ];
    const r = await run(values);
    expect(r.notes).toContain('Fliken Blad1: Kolumn F (Förändring %) är en förändring mot föregående år, ingen budgetavvikelse och läses inte.');
    expect(r.notes).toContain('Fliken Blad1: Kolumnerna G (Koncern 2024) hör till koncernen, inte till kommunen och läses inte här; granskningen kontrollerar dem.');
    expect(r.notes).toContain('Fliken Blad1: Kolumn B (Not) hänvisar till noter och läses inte.');
    expect([r.cell('E2'), r.cell('E3')]).toEqual([-31, 33]);
  });

  test('a label with a note number is the label without it', async () => {
    const values: RawValue[][] = [['Kategori', 'Budget 2024', 'Prognos 2024'], ['Skatteintäkter (not 4)', 1650, 1662], ['Personal', 500, 510]];
    const r = await run(values);
    expect(table(r.json.tables, 'Driftredovisning').rows.map((x) => x.label)).toContain('Skatteintäkter');
  });
});

describe('the settings that override an assumption', () => {
  test('per sheet in --config: kind, unit, annual, periodBudget, headingTotals; the sheet wins over the workbook', async () => {
    const s = buildSettings({ inputUnit: 'kr', sheets: { Blad1: { kind: 'nettokostnad', inputUnit: 'mnkr', annual: false, periodBudget: false, headingTotals: true } } }, undefined, 2024);
    expect(s.sheets.Blad1).toMatchObject({ kind: 'nettokostnad', inputUnit: 'mnkr', annual: false, periodBudget: false, headingTotals: true });
    expect(s.given).toEqual({ inputUnit: 'global' });
  });

  test('a setting that is no true or false is a Swedish error naming it', () => {
    expect(() => buildSettings({ sheets: { Blad1: { annual: 'ja' as unknown as boolean } } }, undefined, 2024)).toThrow('konfiguration: Blad1 annual: "ja" ska vara true eller false');
    expect(() => buildSettings({ inputUnit: 'Mkr' }, undefined, 2024)).toThrow('input-unit: "Mkr" ska vara kr eller tkr eller mnkr');
  });

  test('a kind forced for the sheet is used and not re-announced', async () => {
    const values: RawValue[][] = [['Kategori', 'Budget 2024', 'Utfall 2024', 'Avvikelse'], ['Förskola', 100, 110, null]];
    const r = await run(values, { sheets: { Blad1: { kind: 'nettokostnad' } } });
    expect(r.errors).toEqual([]);
    expect(r.notes.some((n) => n.includes('läses som nettokostnad per verksamhet'))).toBe(false);
    expect(r.cell('D2')).toBe(-10);
  });
});

describe('years side by side need rows named in words', () => {
  // the first rows of Apache POI's AverageTaxRates.xlsx: incomes down the side, a rate per year
  const rates: RawValue[][] = [
    [null, null, '(iii) AVERAGE TAX RATES ON ANNUAL EARNINGS IN % TERMS*'],
    ['FULL RATE PRSI', null, 'SINGLE'],
    ['€', '£', 1997, 1998, 1999, 2000],
    [15000, 9451, 0.2302, 0.2075, 0.18, 0.139],
    [20000, 15751, 0.2846, 0.2576, 0.2354, 0.1906],
    [null, null, 'MARRIED ONE INCOME 2  CHILDREN'],
    [25000, 19689, 0.3372, 0.3116, 0.2933, 0.2395],
  ];

  test('a rate table with years over figures is no accounts: not read, no errors on its cells', async () => {
    const { errors, json } = await run(rates);
    expect(json.tables).toEqual([]);
    expect(errors.map((e) => e.message)).toEqual(['Hittade ingen flik med budget-, prognos- eller utfallskolumner i arbetsboken.']);
  });

  test('the same years over rows named in words are a note’s years side by side, read as actuals', async () => {
    // Värmdö 2019, Not 16, its sum left blank for the year
    const note: RawValue[][] = [
      ['Tkr', 2019, 2018],
      ['Ingående värde', '785 380', '815 623'],
      ['Årets investeringar', '481 234', '619 658'],
      ['Överföring av avslutade nyanläggningar', '-637 887', '-650 389'],
      ['Bokfört värde', null, '784 892'],
    ];
    const { errors, json, notes } = await run(note);
    expect(errors).toEqual([]);
    expect(json.tables.map((t) => t.title)).toEqual(['Driftredovisning']);
    expect(notes).toContain('Fliken Blad1: Tabellen har bara utfall (ingen budget eller prognos att jämföra med): beloppen läses med sina tecken och en tom cell räknas som 0; ändra med "convention" eller "blankAsZero" för fliken.');
  });
});
