/**
 * Kungsbacka kommun, Årsredovisning 2014 (web edition, arsredovisningkba.se): Avgiftsfinansierad verksamhet,
 * Vatten och avlopp — Resultaträkning and Balansräkning (Miljoner kronor).
 * http://arsredovisningkba.se/2014/category/ekonomisk-redovisning/avgiftsfinansierad-verksamhet/vatten-och-avlopp/
 * The site does not spell out the kommun's name on this page; Kullaviks reningsverk and the Lerkil fund it
 * names are Kungsbacka's, and "kba" is Kungsbacka's abbreviation.
 */
import type { RealTable } from '../types';

const SOURCE = {
  organisation: 'Kungsbacka kommun',
  document: 'Årsredovisning 2014 (Vatten och avlopp)',
  url: 'http://arsredovisningkba.se/2014/category/ekonomisk-redovisning/avgiftsfinansierad-verksamhet/vatten-och-avlopp/',
  year: 2014,
  unit: 'mnkr' as const,
};

export const kungsbacka2014VaRr: RealTable = {
  ...SOURCE,
  id: 'kungsbacka-2014-va-rr',
  page: 'Ekonomisk redovisning, Avgiftsfinansierad verksamhet, Vatten och avlopp: Resultaträkning',
  layout: ['resultatrakning', 'running-subtotals', 'not-column', 'decimals', 'unit-in-sheet', 'annual', 'signed'],
  printed: [
    ['Resultaträkning'],
    ['Miljoner kronor', 'Not', 'Utfall 2011', 'Utfall 2012', 'Utfall 2013', 'Utfall 2014'],
    ['Intäkter', '1', '107,4', '114,3', '117,7', '121,7'],
    ['Personalkostnader', null, '-31,1', '-32,7', '-33,7', '-33,3'],
    ['Övriga kostnader', '2,3', '-57', '-57,4', '-61,6', '-59,7'],
    ['Kapitalkostnader', '3', '-15,1', '-24,1', '-28,9', '-34,8'],
    ['Resultat före avsättning', null, '4,2', '0', '-6,5', '-6,1'],
    ['Avsättning för Lerkil fond', null, '0', '5,5', '6,3', '3,8'],
    ['Resultat före bokslutsdisposition', null, '4,2', '5,5', '-0,2', '-2,2'],
    ['Förändring fordran/skuld till VA-abonnenter', null, '-4,2', '-5,5', '0,2', '2,2'],
    ['Årets resultat', '4', '0', '0', '0', '0'],
  ],
  headerRows: 2,
  labelColumns: ['A', 'B'],
  mistakes: [],
  inputColumns: ['C', 'D', 'E', 'F'],
  sumRows: [7, 9, 11],
  relations: ['{c}7 = SUM({c}3:{c}6) @ C-F', '{c}9 = {c}7 + {c}8 @ C-F', '{c}11 = {c}9 + {c}10 @ C-F'],
  notes:
    'Unit written as "Miljoner kronor". One-decimal figures whose trailing ",0" is dropped ("-57", "0") sit among ' +
    'the others: the precision differs from cell to cell. The note reference "2,3" on Övriga kostnader looks like ' +
    'a decimal number. Four years side by side, no budget.',
};

export const kungsbacka2014VaBr: RealTable = {
  ...SOURCE,
  id: 'kungsbacka-2014-va-br',
  page: 'Ekonomisk redovisning, Avgiftsfinansierad verksamhet, Vatten och avlopp: Balansräkning',
  layout: ['not-column', 'running-subtotals', 'decimals', 'unit-in-sheet', 'annual'],
  printed: [
    ['Balansräkning'],
    ['Miljoner kronor', 'Not', '2013', '2014'],
    ['Tillgångar'],
    ['Materiella anläggningstillgångar'],
    ['Mark, byggnader och tekniska anläggningar', null, '403,3', '517'],
    ['Maskiner och inventarier', null, '13,2', '15'],
    ['Pågående investeringar', null, '54,1', '0'],
    ['Summa materiella anläggningstillgångar', '5', '470,6', '532,2'],
    ['Omsättningstillgångar'],
    ['Förråd', null, '4,3', '4,2'],
    ['Fordringar', '6', '31,2', '28'],
    ['Osäkra fordringar', null, '-1,1', '-1,2'],
    ['Summa omsättningstillgångar', null, '34,4', '31'],
    ['Summa tillgångar', null, '505', '563,2'],
    ['Avsättningar och skulder'],
    ['Avsättningar'],
    ['Lerkil fond', '7', '3,8', '0'],
    ['Summa avsättningar', null, '3,8', '0'],
    ['Skulder'],
    ['Långfristig skuld, anslutningsavgifter', null, '127,5', '151,5'],
    ['Långfristig skuld, till kommunen', null, '362,2', '405,7'],
    ['Kortfristiga skulder', '8', '16,1', '13,9'],
    ['Skuld till VA-abonnenter', null, '9,5', '7,3'],
    ['Summa skulder', null, '515,6', '578,4'],
    ['Summa avsättningar och skulder', null, '505', '563,2'],
  ],
  headerRows: 2,
  labelColumns: ['A', 'B'],
  mistakes: [
    {
      cell: 'C24',
      note: '2013: 127,5 + 362,2 + 16,1 + 9,5 = 515,3 against the printed Summa skulder 515,6 (0,3 apart).',
      breaks: ['C24 = SUM(C20:C23)'],
    },
    {
      cell: 'C25',
      note:
        '2013: Summa avsättningar 3,8 + Summa skulder 515,6 = 519,4, printed 505 (equal to Summa tillgångar). The ' +
        'balance sheet balances on its totals but not on its own liability lines.',
      breaks: ['C25 = C18 + C24'],
    },
    {
      cell: 'D25',
      note: '2014: 0 + 578,4 = 578,4, printed 563,2 (equal to Summa tillgångar); 15,2 apart.',
      breaks: ['D25 = D18 + D24'],
    },
  ],
  inputColumns: ['C', 'D'],
  sumRows: [8, 13, 14, 18, 24, 25],
  relations: [
    '{c}8 = SUM({c}5:{c}7) @ C-D',
    '{c}13 = SUM({c}10:{c}12) @ C-D',
    '{c}14 = {c}8 + {c}13 @ C-D',
    '{c}18 = SUM({c}17:{c}17) @ C-D',
    '{c}24 = SUM({c}20:{c}23) @ C-D',
    '{c}25 = {c}18 + {c}24 @ C-D',
    '{c}25 = {c}14 @ C-D',
  ],
  notes:
    'Bare years as headers. Precision varies by cell ("517", "15", "28", "31", "505" among one-decimal figures), ' +
    'so the rounding tolerance must come from each figure. The liability side does not add up to its printed total ' +
    'in either year, although the totals equal Summa tillgångar.',
};
