/**
 * Västerviks kommun, Årsredovisning 2020 (web edition), Finansiella rapporter: Driftsredovisning, kommunen (mnkr).
 * https://www.vastervik.se/Kommun-och-politik/Kommunfakta/Ekonomi-och-budget/Arsredovisning/arsredovisning-2020/finansiella-rapporter/driftsredovisning/
 * The stored copy of the page ends inside the row "Förändring semesterlöneskuld"; the corpus keeps the rows above
 * it (six nämnder, three of them with their verksamheter).
 */
import type { RealTable } from '../types';

export const vastervik2020Drift: RealTable = {
  id: 'vastervik-2020-drift',
  organisation: 'Västerviks kommun',
  document: 'Årsredovisning 2020',
  url: 'https://www.vastervik.se/Kommun-och-politik/Kommunfakta/Ekonomi-och-budget/Arsredovisning/arsredovisning-2020/finansiella-rapporter/driftsredovisning/',
  page: 'Finansiella rapporter, Driftsredovisning (rows down to Revision)',
  year: 2020,
  unit: 'mnkr',
  layout: ['totals-above', 'unit-in-sheet', 'annual', 'drift', 'signed'],
  printed: [
    ['Driftsredovisning, kommunen'],
    ['mnkr', 'Intäkter 2019', 'Intäkter 2020', 'Kostnader 2019', 'Kostnader 2020', 'Nettokostnad 2020', 'Budget 2020', 'Avvikelse mot budget 2020'],
    ['Kommunstyrelse', '305,8', '281,9', '-691,5', '-697,8', '-415,9', '-410,1', '-5,7'],
    ['Politisk verksamhet', '0,9', '0,0', '-13,4', '-11,9', '-11,9', '-12,4', '0,5'],
    ['Ledning', '16,2', '12,5', '-76,5', '-84,4', '-71,9', '-71,2', '-0,6'],
    ['Samhällsbyggnad', '42,4', '48,0', '-155,0', '-165,3', '-117,3', '-106,1', '-11,2'],
    ['Kultur', '9,4', '6,5', '-63,0', '-59,3', '-52,8', '-54,4', '1,6'],
    ['Arbete o kompetens', '53,9', '40,8', '-118,4', '-115,5', '-74,7', '-78,9', '4,2'],
    ['Kommunservice', '170,5', '164,3', '-193,2', '-189,2', '-24,9', '-26,1', '1,2'],
    ['Räddningstjänst', '11,6', '9,0', '-57,4', '-55,5', '-46,5', '-46,9', '0,4'],
    ['Prioriterade områden', '0,8', '0,8', '-14,3', '-16,8', '-15,9', '-14,1', '-1,8'],
    ['Barn- och utbildningsnämnd', '134,7', '134,6', '-977,1', '-991,9', '-857,3', '-862,3', '5,0'],
    ['Gemensam verksamhet', '8,8', '8,8', '-54,4', '-58,6', '-49,8', '-47,9', '-1,9'],
    ['Förskola och familjedaghem', '32,6', '36,3', '-228,2', '-235,9', '-199,6', '-201,6', '2,0'],
    ['Obligatorisk skola och fritidshem', '65,3', '69,2', '-491,2', '-496,4', '-427,2', '-428,3', '1,0'],
    ['Gymnasieskola, gymnasiesärskola', '21,5', '15,2', '-177,2', '-177,4', '-162,1', '-162,2', '0,1'],
    ['Komvux och SFI', '6,5', '5,1', '-26,0', '-23,7', '-18,6', '-22,3', '3,7'],
    ['Socialnämnd', '180,0', '216,4', '-1 074,0', '-1 133,1', '-916,7', '-918,6', '1,9'],
    ['Äldreomsorg', '104,5', '131,7', '-518,3', '-553,1', '-421,4', '-433,3', '11,9'],
    ['Individ- och familjeomsorg', '23,0', '15,4', '-119,9', '-105,1', '-89,7', '-77,6', '-12,1'],
    ['OF, omsorg & stöd, funktionsneds.', '43,3', '44,4', '-298,6', '-304,5', '-260,1', '-263,4', '3,3'],
    ['Hälso- och sjukvårdsverksamhet', '7,3', '23,1', '-114,1', '-130,9', '-107,8', '-105,4', '-2,4'],
    ['Förvaltningsstab och SN', '1,8', '1,9', '-23,0', '-39,6', '-37,7', '-38,9', '1,2'],
    ['Miljö- och byggnadsnämnd', '12,9', '15,3', '-26,2', '-27,9', '-12,7', '-15,0', '2,3'],
    ['Överförmyndare', '0,4', '0,1', '-3,8', '-3,0', '-2,9', '-3,5', '0,7'],
    ['Revision', '0,5', '0,5', '-2,0', '-2,1', '-1,6', '-1,6', '0,0'],
  ],
  headerRows: 2,
  mistakes: [],
  inputColumns: ['B', 'C', 'D', 'E', 'G'],
  sumRows: [3, 12, 18],
  relations: [
    'F{r} = C{r} + E{r} @ 3-26',
    'H{r} = F{r} - G{r} @ 3-26',
    '{c}3 = SUM({c}4:{c}11) @ B-H',
    '{c}12 = SUM({c}13:{c}17) @ B-H',
    '{c}18 = SUM({c}19:{c}23) @ B-H',
  ],
  notes:
    'The same layout as the 2021 table of the same kommun (vastervik-2021-drift), a year earlier and without its ' +
    'typo: a consistent table the audit must pass without a false alarm. Thousands printed with a space here ' +
    '("-1 074,0").',
};
