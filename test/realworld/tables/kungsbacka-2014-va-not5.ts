/**
 * Kungsbacka kommun, Årsredovisning 2014 (web edition, arsredovisningkba.se): Avgiftsfinansierad verksamhet,
 * Vatten och avlopp — Not 5, materiella anläggningstillgångar (Miljoner kronor).
 * http://arsredovisningkba.se/2014/ekonomisk-redovisning/avgiftsfinansierad-verksamhet/vatten-och-avlopp/not-5-vatten-och-avlopp/
 * The note behind "Summa materiella anläggningstillgångar" of the VA balance sheet (kungsbacka-2014-va-br). The
 * stored copy puts each row on one line; every row has exactly two figures, so the columns are unambiguous.
 */
import type { RealTable } from '../types';

export const kungsbacka2014VaNot5: RealTable = {
  id: 'kungsbacka-2014-va-not5',
  organisation: 'Kungsbacka kommun',
  document: 'Årsredovisning 2014 (Vatten och avlopp)',
  url: 'http://arsredovisningkba.se/2014/ekonomisk-redovisning/avgiftsfinansierad-verksamhet/vatten-och-avlopp/not-5-vatten-och-avlopp/',
  page: 'Ekonomisk redovisning, Avgiftsfinansierad verksamhet, Vatten och avlopp: Not 5',
  year: 2014,
  unit: 'mnkr',
  layout: ['running-subtotals', 'decimals', 'unit-in-sheet', 'annual', 'signed'],
  printed: [
    ['Not 5, materiella anläggningstillgångar'],
    ['Miljoner kronor', '2013', '2014'],
    ['Anläggningar vatten och avlopp'],
    ['Ingående bokfört värde', '330,2', '423,9'],
    ['Nyanskaffningar', '91,7', '115'],
    ['Årets avskrivningar', '-18,6', '-21,9'],
    ['Utgående bokfört värde', '403,3', '517'],
    ['Maskiner och inventarier'],
    ['Ingående bokfört värde', '13,4', '14,4'],
    ['Nyanskaffningar', '1', '2'],
    ['Årets avskrivningar', '-1,2', '-1,4'],
    ['Utgående bokfört värde', '13,2', '15'],
    ['Pågående investeringar'],
    ['Ingående bokfört värde', '5,3', '0'],
    ['Nyanskaffning', '49', '0'],
    ['Årets avskrivningar', '-0,2', '0'],
    ['Utgående bokfört värde', '54,1', '0'],
    ['Summa materialla anläggningstillgångar', '470,6', '532,2'],
  ],
  headerRows: 2,
  mistakes: [
    {
      cell: 'C4',
      note:
        'Anläggningar vatten och avlopp: the 2014 opening value 423,9 is not the 2013 closing value 403,3 printed ' +
        'beside it (and in the balance sheet). Over the three groups the 2014 openings add to 438,3 against closing ' +
        'values of 470,6 a year earlier; no reclassification or restatement row explains the 32,3.',
      breaks: ['C4 = B7'],
    },
    {
      cell: 'C9',
      note: 'Maskiner och inventarier: 2014 opening value 14,4, 2013 closing value 13,2.',
      breaks: ['C9 = B12'],
    },
    {
      cell: 'C14',
      note: 'Pågående investeringar: 2014 opening value 0, 2013 closing value 54,1.',
      breaks: ['C14 = B17'],
    },
  ],
  inputColumns: ['B', 'C'],
  sumRows: [7, 12, 17, 18],
  relations: [
    '{c}7 = SUM({c}4:{c}6) @ B-C',
    '{c}12 = SUM({c}9:{c}11) @ B-C',
    '{c}17 = SUM({c}14:{c}16) @ B-C',
    '{c}18 = {c}7 + {c}12 + {c}17 @ B-C',
    'C4 = B7',
    'C9 = B12',
    'C14 = B17',
  ],
  notes:
    'A roll-forward per asset group: opening book value, additions, depreciation, closing book value; the year\'s ' +
    'opening value must be the previous year\'s closing value. Each column adds up on its own; the three openings of ' +
    '2014 do not match 2013\'s closings (which are the balance sheet\'s 2013 figures). Precision varies from cell ' +
    'to cell ("115", "517", "1", "49" among one-decimal figures). "materialla" and a depreciation on pågående ' +
    'investeringar (-0,2) are as printed.',
};
