/**
 * The audit on the layouts of issue 9, with the wording of real reports: a consistent table raises no
 * error, a planted mistake is found at its cell.
 */
import type { RawValue } from '../../src/core/types';
import { audit, edit, errors } from './gridAudit';

describe('4. an income statement: results are running subtotals', () => {
  const rr: RawValue[][] = [
    ['Resultaträkning'],
    ['Belopp i mnkr', 'Not', 'Utfall 2019', 'Utfall 2018', 'Budget 2019', 'Avvikelse'],
    ['Verksamhetens intäkter', '1', '269', '522', '300', '− 31'],
    ['Verksamhetens kostnader', '2', '− 1 116', '− 1 344', '− 1 149', '33'],
    ['Avskrivningar', '3', '− 25', '− 31', '− 35', '10'],
    ['Verksamhetens nettokostnader', null, '− 872', '− 853', '− 884', '12'],
    ['Skatteintäkter (not 4)', '4', '705', '683', '705', '0'],
    ['Generella statsbidrag och utjämning', '5', '212', '203', '204', '8'],
    ['Verksamhetens resultat', null, '45', '33', '25', '20'],
    ['Finansiella intäkter', '6', '3', '4', '1', '2'],
    ['Finansiella kostnader', '7', '− 6', '− 8', '− 11', '5'],
    ['Resultat efter finansiella poster', null, '42', '29', '15', '27'],
    ['Årets resultat', null, '42', '29', '15', '27'],
  ];

  test('printed consistently (Hallsberg 2019), it raises no error: Verksamhetens kostnader is a line, not a sum', () => {
    expect(errors(rr)).toEqual([]);
  });

  test('a wrong result is found at its cell, as the previous result plus the lines since', () => {
    const f = errors(edit(rr, 'C9', '55'));
    expect(f.map((x) => [x.cell, x.expected])).toEqual([['C9', 45]]);
    expect(f[0].message).toMatch(/^Verksamhetens resultat, Utfall 2019: 55 borde vara 45/);
  });
});

describe('5. column blocks: every block is audited', () => {
  const blocks: RawValue[][] = [
    ['Investeringsredovisning, tkr'],
    [null, 'Projektet totalt', 'Projektet totalt', 'Projektet totalt', 'Projektet totalt', 'År 2025', 'År 2025', 'År 2025'],
    ['Projekt', 'Total budget', 'Ack. utfall', 'Prognos slutkostnad', 'Avvikelse', 'Budget 2025', 'Utfall 2025', 'Avvikelse'],
    ['Ny förskola Solrosen', '-48 000', '-30 100', '-46 500', '1 500', '-20 000', '-18 400', '1 600'],
    ['Tak Norrskolan', '-6 000', '-5 900', '-6 300', '-300', '-3 000', '-3 350', '-350'],
    ['Summa', '-54 000', '-36 000', '-52 800', '1 200', '-23 000', '-21 750', '1 250'],
  ];

  test('a consistent table is clean in both blocks, which are audited as two tables', () => {
    const result = audit(blocks);
    expect(result.findings).toEqual([]);
    expect(result.tables.map((t) => t.title)).toEqual(['Investeringsredovisning, tkr', 'Investeringsredovisning, tkr – Projektet totalt']);
  });

  test('a mistake in the project block is found at its cell', () => {
    expect(errors(edit(blocks, 'E5', '300')).map((f) => [f.cell, f.expected])).toEqual([['E5', -300]]);
  });
});

describe('6. totals printed above their rows', () => {
  const above: RawValue[][] = [
    ['Driftsredovisning, kommunen'],
    ['mnkr', 'Intäkter 2021', 'Kostnader 2021', 'Nettokostnad 2021', 'Budget 2021', 'Avvikelse mot budget 2021'],
    ['Socialnämnd', '228,6', '-1179,0', '-950,3', '-964,6', '14,3'],
    ['Äldreomsorg', '157,0', '-588,2', '-431,2', '-445,1', '13,9'],
    ['Individ- och familjeomsorg', '12,8', '-113,0', '-100,2', '-93,2', '-6,9'],
    ['OF, omsorg & stöd, funktionsneds.', '43,8', '-308,4', '-264,6', '-267,8', '3,2'],
    ['Hälso- och sjukvårdsverksamhet', '13,4', '-133,6', '-120,3', '-115,5', '-4,8'],
    ['Förvaltningsstab och SN', '1,6', '-35,7', '-34,1', '-34,3', '0,2'],
    ['Uttag ur resultatutjämningsfond', null, '0,0', '0,0', '-8,7', '8,7'],
    ['Miljö- och byggnadsnämnd', '15,0', '-29,3', '-14,4', '-15,5', '1,1'],
  ];

  test('a nämnd whose total stands on its own row over its verksamheter: consistent, no error', () => {
    expect(errors(above)).toEqual([]);
  });

  test('a 10 mnkr error in the total above is found at that cell', () => {
    const f = errors(edit(above, 'E3', '-974,6'));
    expect(f.map((x) => [x.cell, x.expected])).toEqual([['E3', -964.6]]);
  });

  test('a typo in a verksamhet is found at its cell by its net and the total above (Västervik 2021)', () => {
    const f = errors(edit(above, 'C4', '-558,2'));
    expect(f.map((x) => [x.cell, x.expected])).toEqual([['C4', -588.2]]);
    expect(f[0].message).toMatch(/^Äldreomsorg, Kostnader 2021: -558,2 borde vara -588,2 \(en siffra fel\?\) – med -588,2 stämmer nettot av intäkter och kostnader i D4 \(-431,2\) och summan Socialnämnd/);
  });
});

describe('7. precision read from the printed figures', () => {
  const mnkr3: RawValue[][] = [
    ['Investeringar, mnkr'],
    ['Projekt', 'Budget 2025', 'Prognos 2025', 'Avvikelse'],
    ['Skolor', '-4,823', '-4,700', '0,123'],
    ['Förskolor', '-2,150', '-2,210', '-0,060'],
    ['Summa', '-6,973', '-6,910', '0,063'],
  ];

  test('mnkr with three decimals: exact rows get no rounding note', () => {
    expect(audit(mnkr3).findings).toEqual([]);
    expect(audit(mnkr3).tables[0].decimals).toBe(3);
  });

  test('a 4 tkr error in mnkr with three decimals is an error, not hidden by a rounding to two decimals', () => {
    const f = errors(edit(mnkr3, 'D3', '0,127'));
    expect(f.map((x) => [x.cell, x.found, x.expected])).toEqual([['D3', 0.127, 0.123]]);
  });

  test('a stale total is found to the tkr', () => {
    expect(errors(edit(mnkr3, 'B5', '-6,975')).map((x) => [x.cell, x.expected])).toEqual([['B5', -6.973]]);
  });

  test('tkr with one decimal', () => {
    const tkr1: RawValue[][] = [['Belopp i tkr'], ['Verksamhet', 'Budget', 'Utfall', 'Avvikelse'], ['Förskola', '1 234,5', '1 240,1', '-5,6'], ['Grundskola', '2 000,0', '1 990,4', '9,6']];
    expect(audit(tkr1).findings).toEqual([]);
    expect(errors(edit(tkr1, 'D3', '-5,9')).map((x) => [x.cell, x.expected])).toEqual([['D3', -5.6]]);
  });
});

describe('10. words real reports use', () => {
  test('Förändring % is a change against last year: not audited as an avvikelse %', () => {
    const grid: RawValue[][] = [
      ['(tkr)', 'Utfall2013', 'Förändring 2012/2013', 'Förändring 2012/2013', 'Budget 2013', 'Budget-avvikelse'],
      ['Revision', '– 614', '– 9', '1,6 %', '– 620', '6'],
      ['Överförmyndare', '– 819', '50', '– 5,7 %', '– 847', '28'],
    ];
    expect(audit(grid).findings).toEqual([]);
  });

  test('a Koncern block is audited on its own, and a sign flipped there is found', () => {
    const grid: RawValue[][] = [
      ['Tkr', 'Kommunen 2019', 'Kommunen 2018', 'Koncernen 2019', 'Koncernen 2018'],
      ['Ingående värde', '785 380', '815 623', '882 408', '854 147'],
      ['Årets investeringar', '481 234', '619 658', '547 079', '701 266'],
      ['Överföring av avslutade nyanläggningar', '-637 887', '-650 389', '-642 085', '-671 868'],
      ['Bokfört värde', '628 727', '784 892', '787 402', '883 545'],
    ];
    expect(audit(grid).tables.map((t) => t.title)).toEqual([undefined, 'Koncernen 2019, Koncernen 2018']);
    expect(errors(grid)).toEqual([]);
    expect(errors(edit(grid, 'D5', '-787 402')).map((f) => [f.cell, f.expected])).toEqual([['D5', 787402]]);
  });

  test('varav rows are not added again; when they break their line down completely (in all columns but one), they are checked', () => {
    // Vårgårda 2023, Kommunen: the three varav rows give 907,2 against the line's 907,5
    const grid: RawValue[][] = [
      ['(mnkr)', 'Bokslut 2021', 'Bokslut 2022', 'Bokslut 2023'],
      ['Materiella anläggningstillgångar', '801,0', '828,4', '907,5'],
      ['varav mark, byggnader och tekniska anläggningar', '720,0', '742,8', '761,5'],
      ['varav maskiner och inventarier', '41,0', '44,1', '53,2'],
      ['varav övriga materiella anläggningstillgångar', '40,0', '41,6', '92,5'],
      ['Finansiella anläggningstillgångar', '34,0', '35,0', '35,9'],
      ['Summa anläggningstillgångar', '835,0', '863,4', '943,4'],
    ];
    const f = errors(grid);
    expect(f.map((x) => x.cell)).toEqual(['D2']);
    expect(f[0].message).toContain('ingen enskild cell förklarar det entydigt');
  });
});
