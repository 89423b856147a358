/**
 * The audit on layouts of annual reports that the real-world corpus brought (issue 9), with their
 * wording: each consistent table raises no error; each real or planted mistake is found at its cell.
 */
import type { RawValue } from '../../src/core/types';
import { audit, edit, errors } from './gridAudit';

describe('balances carried from one year to the next', () => {
  // Kungsbacka VA 2014, Not 5 (first group), with the 2014 opening value as it should have been printed
  const note: RawValue[][] = [
    ['Not 5, materiella anläggningstillgångar'],
    ['Miljoner kronor', '2013', '2014'],
    ['Anläggningar vatten och avlopp'],
    ['Ingående bokfört värde', '330,2', '403,3'],
    ['Nyanskaffningar', '91,7', '115'],
    ['Årets avskrivningar', '-18,6', '-21,9'],
    ['Utgående bokfört värde', '403,3', '496,4'],
  ];

  test('the opening value is last year’s closing value: consistent, no error', () => {
    expect(errors(note)).toEqual([]);
  });

  test('an opening value that is not last year’s closing one is found at the opening cell (as Kungsbacka printed it)', () => {
    const printed = edit(edit(note, 'C4', '423,9'), 'C7', '517');
    const f = errors(printed);
    expect(f.map((x) => [x.cell, x.found, x.expected])).toEqual([['C4', 423.9, 403.3]]);
    expect(f[0].message).toMatch(/^Ingående bokfört värde, 2014: 423,9 borde vara 403,3 – det är förra årets utgående värde: Utgående bokfört värde, 2013 i B7 är 403,3\./);
  });

});

describe('a balance sheet read by its sections’ names (Grästorp 2020)', () => {
  const br: RawValue[][] = [
    ['Balansräkning'],
    ['Belopp i tkr', 'Not', '2020', '2019'],
    ['TILLGÅNGAR'],
    ['ANLÄGGNINGSTILLGÅNGAR', null, '384 554', '315 298'],
    ['Immateriella anläggningstillgångar', null, '2 158', '446'],
    ['Immateriella anläggningstillgångar', '8', '2 158', '446'],
    ['Materiella anläggningstillgångar', null, '372 416', '304 872'],
    ['Mark, byggnader och tekniska anläggningar', '9', '359 745', '294 144'],
    ['Maskiner och inventarier', '10', '12 671', '10 728'],
    ['Övriga materiella anläggningstillgångar'],
    ['Finansiella anläggningstillgångar', null, '9 980', '9 980'],
    ['Aktier och andelar', '11', '9 980', '8 880'],
    ['Långfristiga fordringar', '12', '0', '1 100'],
    ['Bidrag till statlig infrastruktur', '13', '5 040', '5 320'],
    ['OMSÄTTNINGSTILLGÅNGAR', null, '88 300', '85 745'],
    ['Fordringar', '14', '39 331', '34 153'],
    ['Kassa och bank', '15', '48 969', '51 592'],
    ['SUMMA TILLGÅNGAR', null, '477 894', '406 363'],
    ['EGET KAPITAL, AVSÄTTNINGAR OCH SKULDER'],
    ['EGET KAPITAL, vid årets början', '16', '184 788', '172 745'],
    ['Årets resultat, inklusive justering', '17', '27 125', '12 043'],
    ['EGET KAPITAL, vid årets slut', '18', '211 913', '184 788'],
    ['– resultatutjämningreserv', '19', '13 500', '13 500'],
    ['– övrigt eget kapital', null, '198 413', '171 288'],
    ['AVSÄTTNINGAR', null, '14 153', '16 169'],
    ['Pensioner och liknande förpliktelser', '20', '7 094', '7 015'],
    ['Andra avsättningar', '21', '7 059', '9 154'],
    ['SKULDER', null, '251 828', '205 406'],
    ['Långfristiga skulder', '22', '151 284', '122 876'],
    ['Kortfristiga skulder', '23', '100 544', '82 530'],
    ['SUMMA EGET KAPITAL, AVSÄTTNINGAR OCH SKULDER', null, '477 894', '406 363'],
  ];

  test('totals above their sections, equity at the year’s end and its dash rows: consistent, no error', () => {
    expect(errors(br)).toEqual([]);
  });

  test('a wrong total above its rows is found at its cell', () => {
    expect(errors(edit(br, 'C25', '14 135')).map((x) => [x.cell, x.expected])).toEqual([['C25', 14153]]);
    expect(errors(edit(br, 'D7', '304 827')).map((x) => [x.cell, x.expected])).toEqual([['D7', 304872]]);
  });

  test('equity at the year’s start is last year’s equity at its end: a wrong one is found at its cell', () => {
    expect(errors(edit(edit(br, 'C20', '184 878'), 'C22', '212 003')).map((x) => [x.cell, x.expected])).toEqual([['C20', 184788]]);
  });
});

describe('a nämnd table of results with its balanskravsresultat (Nynäshamn 2021)', () => {
  const grid: RawValue[][] = [
    ['DRIFTREDOVISNING'],
    ['NÄMND/FÖRVALTNING MNKR', 'SKATTE-INTÄKTER OCH GE-NERELLA BIDRAG (NÄMND-BIDRAG)', 'VERKSAMHETS-INTÄKTER (ÖVRIGA INTÄKTER OCH BIDRAG)', 'VERKSAM-HETENS KOS-TNADER', 'RESULTAT', 'BUDGE-TERAT RESULTAT', 'AVVIKELSE MOT BUDGET (RESULTAT)', 'JUSTE-RING BALANS-KRAV', 'BALANS-KRAVS-RESULTAT'],
    ['Kommunstyrelsen', '224,1', '255,8', '– 448,0', '31,9', '0,0', '31,9', '– 30,7', '1,3'],
    ['varav mark och exploatering', '12,2', '37,6', '– 24,2', '25,6', '0,0', '25,6', '– 30,7', '– 5,0'],
    ['Samhällsbyggnadsnämnden', '61,1', '132,9', '– 191,8', '2,2', '0,0', '2,2', '0,0', '2,2'],
    ['varav vatten och avlopp', null, '86,9', '– 86,4', '0,4', '0,0', '0,4', '0,0', '0,4'],
    ['Barn- och utbildningsnämnden', '554,1', '115,8', '– 677,9', '– 8,0', '0,0', '– 8,0', '0,0', '– 8,0'],
    ['Summa nämnder', '839,3', '504,5', '– 1 317,7', '26,1', '0,0', '26,1', '– 30,7', '– 4,5'],
  ];

  test('Resultat = bidrag + intäkter + kostnader, Balanskravsresultat = Resultat + Justering, varav rows not added: no error', () => {
    expect(errors(grid)).toEqual([]);
  });

  test('a varav row counted again in the total balanskravsresultat is found at the total', () => {
    const f = errors(edit(grid, 'I8', '– 4,1'));
    // the nämnder give −4,5 and the row's own Resultat + Justering −4,6: both within the rounding of the other
    expect(f.map((x) => x.cell)).toEqual(['I8']);
    expect([-4.5, -4.6]).toContain(f[0].expected);
  });

  test('a result that is not the sum of its parts is found at its cell', () => {
    expect(errors(edit(edit(grid, 'E7', '– 9,0'), 'G7', '– 9,0')).map((x) => x.cell)).toContain('E7');
  });
});

describe('forecast accuracy (Malmö 2014, prognossäkerhet): avvikelse = bokslut − delårsrapportens prognos', () => {
  const grid: RawValue[][] = [
    ['Prognosavvikelse, Mkr'],
    [null, 'Bokslut', 'Delårsrapport jan-aug', 'Avvikelse'],
    ['Årets resultat', -70, 80, -150],
    ['Servicenämnd', 38, 7, 31],
    ['Kommunstyrelse', -18, 44, -62],
    ['Finansiering', -90, 29, -119],
  ];

  test('consistent, with its total above the rows: no error, and the convention says the yardstick', () => {
    const r = audit(grid);
    expect(r.findings.filter((f) => f.kind === 'error')).toEqual([]);
    expect(r.tables[0].conventionNote).toMatch(/avvikelse = utfall − prognos på varje rad/);
  });

  test('a wrong deviation is found at its cell', () => {
    expect(errors(edit(grid, 'D5', -72)).map((x) => [x.cell, x.expected])).toEqual([['D5', -62]]);
  });
});
