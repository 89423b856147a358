/** The words of real reports (issue 9, point 10 and the readers' vocabulary), one function at a time. */
import { statementLine, looksLikeIncomeStatement, looksLikeBalanceSheet } from '../../src/core/incomeStatement';
import { ignoredHeader } from '../../src/core/columnWords';
import { headerMeasure, normalizeHeader, periodFromText } from '../../src/core/headerWords';
import { withoutNoteRef } from '../../src/core/labels';
import { detectHeader } from '../../src/core/roles';
import { unitIn } from '../../src/core/sheetUnit';
import { userSumKind } from '../../src/core/rowTypes';

const measure = (text: string) => headerMeasure(normalizeHeader(text));

describe('header words', () => {
  test.each([
    ['Avvikelse mot budget', 'deviation'],
    ['Budgetavvikelse', 'deviation'],
    ['Avv. mot budget', 'deviation'],
    ['Återstår', 'deviation'],
    ['Av-vikelse 2023', 'deviation'],
    ['Avvikelse Budget-Utfall', 'deviation'],
    ['Kommunbidrag', 'budget'],
    ['Budgetram', 'budget'],
    ['Ram', 'budget'],
    ['Nettoram', 'budget'],
    ['Budget (netto)', 'budget'],
    ['Bokslut 2024', 'utfall'],
    ['Utfall helår', 'utfall'],
    ['Prognos aug', 'prognos'],
    ['Prognos T2', 'prognos'],
    ['Årsprognos (P)', 'prognos'],
    ['Delårsrapp jan-aug', 'prognos'],
    ['Delårsrapport jan-aug', 'prognos'],
    ['Utfall delårsrapport', 'utfall'],
  ])('%s names a %s', (text, expected) => {
    expect(measure(text)).toBe(expected);
  });

  test('Prognos aug names no period; Utfall T2 is jan–aug, Tertial 1 jan–apr', () => {
    expect(periodFromText('Prognos aug')).toBeUndefined();
    expect(periodFromText('Utfall T2')).toEqual({ months: 8, periodText: 'jan–aug' });
    expect(periodFromText('Tertial 1')).toEqual({ months: 4, periodText: 'jan–apr' });
  });

  test.each([
    ['Not', 'note'],
    ['Förändring %', 'change'],
    ['Förändring 2012/2013 %', 'change'],
    ['Förbrukat %', 'consumed'],
    ['Utfall i % av budget', 'consumed'],
  ])('%s is not read (%s)', (text, reason) => {
    expect(ignoredHeader(normalizeHeader(text))).toBe(reason);
  });

  test('a change in kronor is a figure (it adds up); an avvikelse in % of budget is an avvikelse %', () => {
    expect(ignoredHeader(normalizeHeader('Förändring 2012/2013'))).toBeUndefined();
    expect(ignoredHeader(normalizeHeader('Avvikelse i % av budget'))).toBeUndefined();
  });
});

describe('headers of annual reports', () => {
  test('Kommunen / Kommunkoncernen over bare years: this year and last, the koncern a block of its own', () => {
    const h = detectHeader([['Resultaträkning'], [null, null, 'Kommunen', null, 'Kommunkoncernen', null], ['Belopp, mkr', 'NOT', '2018', '2017', '2018', '2017'], ['Verksamhetens intäkter', 1, 1268, 1136, 2835, 2633]]);
    expect(h?.columns).toMatchObject({ label: 0, utfallPeriod: 2, utfallFgAr: 3 });
    expect(h?.blocks).toEqual([{ name: 'Kommunkoncernen', columns: { utfallPeriod: 4, utfallFgAr: 5 }, from: 4, to: 6, koncern: true }]);
    expect(h?.ignored).toEqual([{ column: 1, header: 'NOT', reason: 'note' }]);
  });

  test('Intäkter | Kostnader | Nettokostnad: the net and its parts, paired by year', () => {
    const h = detectHeader([['mnkr', 'Intäkter 2020', 'Intäkter 2021', 'Kostnader 2020', 'Kostnader 2021', 'Nettokostnad 2021', 'Budget 2021', 'Avvikelse mot budget 2021']]);
    expect(h?.components).toEqual([{ revenue: 1, cost: 3 }, { revenue: 2, cost: 4, net: 5 }]);
    // the avvikelse stands by the budget: helår until the annual reading makes the year the period
    expect(h?.columns).toMatchObject({ utfallPeriod: 5, budgetHelar: 6, avvikelseHelar: 7 });
  });

  test('Urspr budget | Om-budget År | Budget 2023: the budget and its parts', () => {
    const h = detectHeader([['(mnkr)', 'Urspr budget 2023', 'Om-budget År', 'Budget 2023', 'Utfall 2023', 'Av-vikelse 2023', 'Prognos okt 2023']]);
    expect(h?.budgetParts).toEqual({ parts: [1, 2], total: 3 });
    expect(h?.columns).toMatchObject({ budgetHelar: 3, utfallPeriod: 4, avvikelsePeriod: 5, prognosHelar: 6 });
  });

  test('a column without a header text in column A still holds the labels when its cells are words', () => {
    const h = detectHeader([
      [null, 'Ingående redovisat resultat 1)', 'Disposition av resultat', 'Kommunbidrag 2)', 'Intäkter', 'Kostnader', 'Årets resultat', 'Utgående redovisat resultat'],
      ['Barn- och utbildningsnämnden', 149.4, -32.7, 2903.2, 536.1, -3503.2, null, null],
    ]);
    expect(h?.columns.label).toBe(0);
    expect(h?.resultFund).toEqual({ opening: 1, disposition: 2, result: 6, closing: 7 });
  });
});

describe('labels', () => {
  test.each([
    ['Skatteintäkter (not 4)', 'Skatteintäkter'],
    ['Finansiella kostnader (Not 7, 8)', 'Finansiella kostnader'],
    ['Skatteintäkter not 4', 'Skatteintäkter'],
    ['Avskrivningar*', 'Avskrivningar'],
    ['Grundskola 7-9', 'Grundskola 7-9'],
  ])('%s → %s', (label, expected) => {
    expect(withoutNoteRef(label)).toBe(expected);
  });

  test('income-statement lines and results', () => {
    expect(statementLine('Verksamhetens kostnader')).toEqual({ kind: 'item', type: 'cost' });
    expect(statementLine('Skatteintäkter (not 4)')).toEqual({ kind: 'item', type: 'revenue' });
    expect(statementLine('Resultat efter finansiella poster')).toEqual({ kind: 'subtotal' });
    expect(statementLine('Balanskravsresultat')).toEqual({ kind: 'subtotal' });
    expect(looksLikeIncomeStatement(['Verksamhetens intäkter', 'Verksamhetens kostnader', 'Skatteintäkter', 'Generella statsbidrag och utjämning'])).toBe(true);
    expect(looksLikeIncomeStatement(['Verksamhetens intäkter', 'Personal', 'Lokaler', 'Verksamhetens kostnader'])).toBe(false);
    expect(looksLikeBalanceSheet(['Immateriella anläggningstillgångar', 'Materiella anläggningstillgångar', 'Summa anläggningstillgångar', 'Kassa och bank'])).toBe(true);
  });

  test('sum words of real reports', () => {
    expect(userSumKind('Kommunen totalt')).toBe('total');
    expect(userSumKind('Bokfört värde')).toBe('total');
    expect(userSumKind('Verksamhetens nettokostnader')).toBe('net');
    expect(userSumKind('Resultat före avskrivningar')).toBe('result');
    expect(userSumKind('Förskola')).toBeUndefined();
  });
});

describe('units', () => {
  test.each([
    ['Belopp i tkr', 'tkr'],
    ['(tkr)', 'tkr'],
    ['Mnkr', 'mnkr'],
    ['mkr', 'mnkr'],
    ['Miljoner kronor', 'mnkr'],
    ['Verksamhet, tkr', 'tkr'],
    ['Investeringar tkr', 'tkr'],
    ['Belopp i kronor', 'kr'],
    ['Nettokostnad kr/invånare', undefined],
    ['Driftredovisning', undefined],
  ])('%s → %s', (text, unit) => {
    expect(unitIn(text)).toBe(unit);
  });
});

describe('headers of annual reports', () => {
  test('a header hyphenated by a narrow column is read with its words joined; the parts of a result and the balanskrav columns are found', () => {
    const h = detectHeader([
      ['NÄMND/FÖRVALTNING MNKR', 'SKATTE-INTÄKTER OCH GE-NERELLA BIDRAG (NÄMND-BIDRAG)', 'VERKSAMHETS-INTÄKTER (ÖVRIGA INTÄKTER OCH BIDRAG)', 'VERKSAM-HETENS KOS-TNADER', 'RESULTAT', 'BUDGE-TERAT RESULTAT', 'AVVIKELSE MOT BUDGET (RESULTAT)', 'JUSTE-RING BALANS-KRAV', 'BALANS-KRAVS-RESULTAT'],
      ['Kommunstyrelsen', '224,1', '255,8', '– 448,0', '31,9', '0,0', '31,9', '– 30,7', '1,3'],
    ])!;
    expect(h.columns).toMatchObject({ label: 0, utfallPeriod: 4, budgetHelar: 5, avvikelseHelar: 6 });
    expect(h.rowSums).toEqual([
      { total: 4, parts: [{ column: 1 }, { column: 2 }, { column: 3, cost: true }], what: 'resultatet av intäkter och kostnader' },
      { total: 8, parts: [{ column: 4 }, { column: 7 }], what: 'balanskravsresultatet: resultatet och justeringarna' },
    ]);
    expect(h.results).toBe(true);
  });

  test('month ranges keep their dash: Utfall jan-aug is a period, not a word', () => {
    expect(detectHeader([['Verksamhet', 'Budget', 'Utfall jan-aug', 'Avvikelse'], ['Förskola', '1', '2', null]])!.months).toBe(8);
  });

  test.each([
    ['Skatter och generella bidrag', { kind: 'item', type: 'revenue' }],
    ['Nettokostnad', { kind: 'item', type: 'cost' }],
    ['Finansnetto', { kind: 'item' }],
  ])('%s is a line of a summary income statement', (label, expected) => {
    expect(statementLine(label)).toEqual(expected);
  });

  test('a summary income statement is one; an operating account ending in a statement\'s last lines is not', () => {
    expect(looksLikeIncomeStatement(['Nettokostnad', '- varav rea/ expl- vinster', 'Skatter och generella bidrag', 'Finansnetto', 'Årets resultat'])).toBe(true);
    expect(looksLikeIncomeStatement(['Politisk verksamhet', 'Kommunövergripande', 'Förskola/Grundskola', 'Socialtjänst', 'Vård och omsorg', 'Resultat före avskrivningar', 'Avskrivningar', 'Verksamhetens nettokostnader'])).toBe(false);
  });
});
