/**
 * Västerviks kommun, Årsredovisning 2021 (web edition), Finansiella rapporter: Driftsredovisning, kommunen (mnkr).
 * https://www.vastervik.se/Kommun-och-politik/Kommunfakta/Ekonomi-och-budget/Arsredovisning/arsredovisning-2021/finansiella-rapporter/driftsredovisning/
 * The stored copy of the page ends inside the row "Överförmyndare"; the corpus keeps the four complete nämnd
 * blocks above it (Kommunstyrelse, Barn- och utbildningsnämnd, Socialnämnd, Miljö- och byggnadsnämnd).
 */
import type { RealTable } from '../types';

export const vastervik2021Drift: RealTable = {
  id: 'vastervik-2021-drift',
  organisation: 'Västerviks kommun',
  document: 'Årsredovisning 2021',
  url: 'https://www.vastervik.se/Kommun-och-politik/Kommunfakta/Ekonomi-och-budget/Arsredovisning/arsredovisning-2021/finansiella-rapporter/driftsredovisning/',
  page: 'Finansiella rapporter, Driftsredovisning (first four nämnd blocks)',
  year: 2021,
  unit: 'mnkr',
  layout: ['totals-above', 'unit-in-sheet', 'annual', 'drift', 'signed'],
  printed: [
    ['Driftsredovisning, kommunen'],
    ['mnkr', 'Intäkter 2020', 'Intäkter 2021', 'Kostnader 2020', 'Kostnader 2021', 'Nettokostnad 2021', 'Budget 2021', 'Avvikelse mot budget 2021'],
    ['Kommunstyrelse', '281,9', '283,1', '-697,8', '-693,8', '-410,7', '-415,1', '4,4'],
    ['Politisk verksamhet', '0,0', '0,0', '-11,9', '-12,6', '-12,6', '-13,0', '0,4'],
    ['Ledning', '12,5', '18,3', '-84,4', '-79,4', '-61,1', '-64,4', '3,4'],
    ['Samhällsbyggnad', '48,0', '48,3', '-165,3', '-173,1', '-124,9', '-111,6', '-13,2'],
    ['Kultur', '6,5', '6,6', '-59,3', '-60,1', '-53,5', '-55,1', '1,6'],
    ['Arbete och kompetens', '40,8', '41,0', '-115,5', '-114,2', '-73,1', '-81,9', '8,8'],
    ['Kommunservice', '164,3', '158,1', '-189,2', '-182,8', '-24,7', '-27,5', '2,9'],
    ['Räddningstjänst', '9,0', '10,3', '-55,5', '-58,9', '-48,6', '-48,4', '-0,2'],
    ['Prioriterade områden', '0,8', '0,5', '-16,8', '-12,7', '-12,2', '-13,1', '0,9'],
    ['Barn- och utbildningsnämnd', '134,6', '126,0', '-991,9', '-1004,4', '-878,4', '-877,1', '-1,3'],
    ['Gemensam verksamhet', '8,8', '7,0', '-58,6', '-55,0', '-47,9', '-47,5', '-0,4'],
    ['Förskola och familjedaghem', '36,3', '33,7', '-235,9', '-235,9', '-202,2', '-204,4', '2,2'],
    ['Obligatorisk skola och fritidshem', '69,2', '64,6', '-496,4', '-505,4', '-440,8', '-436,6', '-4,2'],
    ['Gymnasieskola, gymnasiesärskola', '15,2', '14,9', '-177,4', '-182,3', '-167,4', '-164,9', '-2,5'],
    ['Komvux och SFI', '5,1', '5,7', '-23,7', '-25,7', '-20,0', '-23,7', '3,7'],
    ['Socialnämnd', '216,4', '228,6', '-1133,1', '-1179,0', '-950,3', '-964,6', '14,3'],
    ['Äldreomsorg', '131,7', '157,0', '-553,1', '-558,2', '-431,2', '-445,1', '13,9'],
    ['Individ- och familjeomsorg', '15,4', '12,8', '-105,1', '-113,0', '-100,2', '-93,2', '-6,9'],
    ['OF, omsorg & stöd, funktionsneds.', '44,4', '43,8', '-304,5', '-308,4', '-264,6', '-267,8', '3,2'],
    ['Hälso- och sjukvårdsverksamhet', '23,1', '13,4', '-130,9', '-133,6', '-120,3', '-115,5', '-4,8'],
    ['Förvaltningsstab och SN', '1,9', '1,6', '-39,6', '-35,7', '-34,1', '-34,3', '0,2'],
    ['Uttag ur resultatutjämningsfond', null, null, null, '0,0', '0,0', '-8,7', '8,7'],
    ['Miljö- och byggnadsnämnd', '15,3', '15,0', '-27,9', '-29,3', '-14,4', '-15,5', '1,1'],
  ],
  headerRows: 2,
  mistakes: [
    {
      cell: 'E19',
      note:
        'Äldreomsorg, Kostnader 2021 printed −558,2: the row gives 157,0 − 558,2 = −401,2 against the printed ' +
        'Nettokostnad −431,2, and the Socialnämnd block sums to −1 148,9 against the printed −1 179,0. −588,2 ' +
        '(two digits swapped) satisfies both.',
      breaks: ['F19 = C19 + E19', 'E18 = SUM(E19:E24)'],
    },
  ],
  inputColumns: ['B', 'C', 'D', 'E', 'G'],
  sumRows: [3, 12, 18],
  relations: [
    'F{r} = C{r} + E{r} @ 3-25',
    'H{r} = F{r} - G{r} @ 3-25',
    '{c}3 = SUM({c}4:{c}11) @ B-H',
    '{c}12 = SUM({c}13:{c}17) @ B-H',
    '{c}18 = SUM({c}19:{c}24) @ B-H',
  ],
  notes:
    'Signed: costs, net costs and budgets negative; Avvikelse = Nettokostnad − Budget (positive = better). Each nämnd ' +
    'row carries the total of the verksamheter below it (totals above). Thousands printed without a space ' +
    '("-1004,4"). The row "Uttag ur resultatutjämningsfond" has only four figures (0,0 0,0 -8,7 8,7); the page does ' +
    'not show which two of the 2021 columns hold the zeros — here Kostnader 2021 and Nettokostnad 2021; any ' +
    'placement leaves every relation as it is. The rows after Miljö- och byggnadsnämnd are not in the stored copy.',
};
