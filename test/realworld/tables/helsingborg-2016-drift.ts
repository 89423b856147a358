/**
 * Helsingborgs stad, Årsredovisning 2016 (web edition): Driftsredovisning 2016, mnkr.
 * https://arsredovisning.helsingborg.se/ekonomisk-redovisning/staden/driftredovisning-2/
 * The stored copy runs the cells of a row together ("149,4-32,72 903,2536,1…"); every figure has exactly one
 * decimal, so each ends after its decimal digit and the split is unambiguous without any arithmetic.
 */
import type { RealTable } from '../types';

export const helsingborg2016Drift: RealTable = {
  id: 'helsingborg-2016-drift',
  organisation: 'Helsingborgs stad',
  document: 'Årsredovisning 2016',
  url: 'https://arsredovisning.helsingborg.se/ekonomisk-redovisning/staden/driftredovisning-2/',
  page: 'Ekonomisk redovisning, Staden, Driftsredovisning',
  year: 2016,
  unit: 'mnkr',
  layout: ['totals-above', 'drift', 'unit-in-sheet', 'annual', 'signed'],
  printed: [
    ['Driftsredovisning 2016, mnkr'],
    [null, 'Ingående redovisat resultat 1)', 'Disposition av resultat', 'Kommunbidrag 2)', 'Intäkter', 'Kostnader', 'Årets resultat', 'Utgående redovisat resultat'],
    ['Summa skatte- och avgiftsfinansierat', '362,9', '-77,9', '6 953,5', '3 414,5', '-10 176,7', '269,0', '553,9'],
    ['Nämnder'],
    ['Barn- och utbildningsnämnden', '149,4', '-32,7', '2 903,2', '536,1', '-3 503,2', '-31,2', '85,4'],
    ['Vård- och omsorgsnämnden', '39,8', '-24,9', '1 619,5', '251,1', '-1 898,5', '-3,0', '11,9'],
    ['Stadsbyggnadsnämnden', '24,6', '-8,0', '523,2', '304,0', '-795,6', '39,5', '56,1'],
    ['Arbetsmarknadsnämnden', '56,2', '-5,5', '460,2', '195,7', '-653,3', '8,1', '58,8'],
    ['Socialnämnden', '11,8', '0,0', '470,1', '248,6', '-697,0', '21,6', '33,4'],
    ['Idrotts- och fritidsnämnden', '5,6', '0,0', '226,3', '24,1', '-249,2', '1,1', '6,7'],
    ['Kulturnämnden', '10,7', '-3,5', '175,9', '35,6', '-210,8', '4,2', '11,4'],
    ['Fastighetsnämnden', '29,5', '0,0', '-110,2', '800,3', '-670,5', '19,6', '49,1'],
    ['Miljönämnden', '3,1', '-0,3', '24,2', '14,3', '-37,2', '1,6', '4,4'],
    ['Överförmyndarnämnden', '-0,1', '0,0', '11,3', '13,9', '-23,5', '1,6', '1,5'],
    ['Valnämnden', '2,9', '0,0', '0,3', '0,0', '-0,3', '0,1', '3,0'],
    ['Kommunstyrelsen', '27,2', '-3,1', '343,1', '487,9', '-802,2', '31,9', '56,0'],
    ['Kommunstyrelsen - stadsgemensamt', '0,0', '0,0', '300,2', '277,7', '-404,0', '173,9', '173,9'],
    ['Stadsrevisionen', '2,2', '0,0', '6,3', '0,0', '-6,2', '0,1', '2,3'],
    ['Summa skattefinansierat', '362,9', '-77,9', '6 953,5', '3 189,3', '-9 951,5', '269,0', '553,9'],
    ['Vatten- och avloppsverk', '0,0', '0,0', '0,0', '225,2', '-225,2', '0,0', '0,0'],
    ['Summa avgiftsfinansierat', '0,0', '0,0', '0,0', '225,2', '-225,2', '0,0', '0,0'],
    [],
    ['1) Det ingående redovisade resultatet består av ackumulerade över- och underskott från tidigare år.'],
    [
      '2) Kommunbidrag utgörs av nettot av kommunbidrag och utdelningskrav. Kommunbidraget är den del med vilken ' +
        'nämnderna är anslagsfinansierade, det vill säga med skatteintäkter och generella bidrag från staten. ' +
        'Negativt kommunbidrag (utdelningskrav) innebär att nämnden lämnar överskott till övrig anslagsfinansierad verksamhet.',
    ],
  ],
  headerRows: 2,
  mistakes: [],
  inputColumns: ['B', 'C', 'D', 'E', 'F'],
  sumRows: [3, 19, 21],
  relations: [
    'G{r} = D{r} + E{r} + F{r} - C{r} @ 3,5-21',
    'H{r} = B{r} + C{r} + G{r} @ 3,5-21',
    '{c}19 = SUM({c}5:{c}18) @ B-H',
    '{c}21 = SUM({c}20:{c}20) @ B-H',
    '{c}3 = {c}19 + {c}21 @ B-H',
  ],
  notes:
    'The grand total ("Summa skatte- och avgiftsfinansierat") is printed first, above the group heading "Nämnder"; ' +
    'the sub-totals below the rows they sum. Footnote markers "1)" and "2)" sit in the header cells; the footnotes ' +
    'under the table are kept as text rows. Årets resultat = Kommunbidrag + Intäkter + Kostnader − Disposition ' +
    '(the disposition of earlier surpluses finances part of the year); Utgående = Ingående + Disposition + Årets ' +
    'resultat. No budget or avvikelse column: the nämnd\'s result against its Kommunbidrag is the deviation.',
};
