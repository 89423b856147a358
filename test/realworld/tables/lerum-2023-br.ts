/**
 * Lerums kommun, Årsredovisning 2023 (web edition on finansiellinfo.se): Balansräkning (Miljoner kronor), from the
 * top down to SUMMA EGET KAPITAL, AVSÄTTNINGAR OCH SKULDER (the Panter och ansvarsförbindelser below are left out).
 * https://finansiellinfo.se/Lerum/Arsredovisning-2023/Balansrakning.html
 *
 * The stored copy puts each row on one line, single spaces between note numbers and figures, and a space is also the
 * thousands separator. Every figure has one decimal, so only a note number in front can be misread as a thousands
 * group ("Finansiella anläggningstillgångar 13 281,2 …" could be 13 281,2); in every such row the sums leave one
 * reading (0,1 + 3 307,7 + 281,2 = 3 589,0, the printed Summa anläggningstillgångar).
 */
import type { RealTable } from '../types';

export const lerum2023Br: RealTable = {
  id: 'lerum-2023-br',
  organisation: 'Lerums kommun',
  document: 'Årsredovisning 2023',
  url: 'https://finansiellinfo.se/Lerum/Arsredovisning-2023/Balansrakning.html',
  page: 'Räkenskaper, Balansräkning',
  year: 2023,
  unit: 'mnkr',
  layout: ['koncern', 'column-blocks', 'varav-rows', 'running-subtotals', 'not-column', 'note-numbers', 'unit-in-sheet', 'annual'],
  printed: [
    ['Balansräkning'],
    ['Miljoner kronor', 'Not', 'Kommun 2022', 'Kommun 2023', 'Koncern 2022', 'Koncern 2023'],
    ['TILLGÅNGAR'],
    ['Anläggningstillgångar'],
    ['Immateriella anläggningstillgångar', '11', '0,1', '0,0', '0,1', '0,0'],
    ['Materiella anläggningstillgångar', null, '3 307,7', '4 133,0', '4 286,0', '4 593,7'],
    ['varav mark, byggnader och tekniska anläggningar', '12, 25', '3 237,3', '4 010,8', '4 203,5', '4 472,1'],
    ['varav maskiner och inventarier', '13, 25', '70,4', '122,3', '82,5', '121,6'],
    ['Finansiella anläggningstillgångar', '13', '281,2', '272,4', '70,8', '70,8'],
    ['Summa anläggningstillgångar', null, '3 589,0', '4 405,4', '4 356,9', '4 664,5'],
    ['Omsättningstillgångar'],
    ['Förråd och exploatering', '15', '2,1', '4,9', '7,4', '13,7'],
    ['Fordringar', '16', '405,2', '405,3', '404,5', '417,6'],
    ['Kortfristiga placeringar', '17', '278,3', '308,1', '278,3', '308,1'],
    ['Kassa och bank', '18', '109,3', '74,1', '124,0', '87,3'],
    ['Summa omsättningstillgångar', null, '795,0', '792,4', '814,2', '826,7'],
    ['SUMMA TILLGÅNGAR', null, '4 383,9', '5 197,9', '5 171,1', '5 491,2'],
    ['EGET KAPITAL, AVSÄTTNINGAR OCH SKULDER'],
    ['Eget kapital', '19'],
    ['Årets resultat', null, '87,6', '62,2', '118,4', '91,5'],
    ['Varav resultatutjämningsreserv', null, '45,5', '5,1', '45,5', '5,1'],
    ['Övrigt eget kapital', null, '1 203,2', '1 290,8', '1 459,7', '1 572,6'],
    ['Summa eget kapital', null, '1 290,8', '1 353,0', '1 578,1', '1 664,1'],
    ['Avsättningar'],
    ['Avsättningar för pensioner och liknande förpliktelser', '20', '858,3', '927,1', '858,3', '927,1'],
    ['varav pensioner intjänade från och med 1998', null, '222,9', '288,9', '222,9', '288,9'],
    ['varav pensioner intjänade före 1998', null, '635,4', '638,2', '635,4', '638,2'],
    ['Övriga avsättningar', '21', '129,8', '163,6', '209,9', '250,4'],
    ['Summa avsättningar', null, '988,1', '1 090,7', '1 068,2', '1 177,5'],
    ['Skulder'],
    ['Långfristiga skulder', '22', '1 171,3', '1 837,5', '1 381,4', '1 509,3'],
    ['Kortfristiga skulder', '23', '933,7', '916,7', '1 143,6', '1 140,3'],
    ['Summa skulder', null, '2 105,0', '2 754,2', '2 524,9', '2 649,6'],
    ['SUMMA EGET KAPITAL, AVSÄTTNINGAR OCH SKULDER', null, '4 383,9', '5 197,9', '4 959,4', '5 491,2'],
  ],
  headerRows: 2,
  labelColumns: ['A', 'B'],
  mistakes: [
    {
      cell: 'E34',
      note:
        'Koncern 2022: Summa eget kapital 1 578,1 + Summa avsättningar 1 068,2 + Summa skulder 2 524,9 = 5 171,2, and ' +
        'SUMMA TILLGÅNGAR prints 5 171,1; the printed total is 4 959,4 (211,8 short), so the koncern\'s 2022 balance ' +
        'sheet does not balance as printed. Every other column balances.',
      breaks: ['E34 = E23 + E29 + E33', 'E34 = E17'],
    },
  ],
  inputColumns: ['C', 'D', 'E', 'F'],
  sumRows: [6, 10, 16, 17, 23, 25, 29, 33, 34],
  relations: [
    '{c}6 = {c}7 + {c}8 @ C-F',
    '{c}10 = {c}5 + {c}6 + {c}9 @ C-F',
    '{c}16 = SUM({c}12:{c}15) @ C-F',
    '{c}17 = {c}10 + {c}16 @ C-F',
    '{c}23 = {c}20 + {c}22 @ C-F',
    '{c}25 = {c}26 + {c}27 @ C-F',
    '{c}29 = {c}25 + {c}28 @ C-F',
    '{c}33 = {c}31 + {c}32 @ C-F',
    '{c}34 = {c}23 + {c}29 + {c}33 @ C-F',
    '{c}34 = {c}17 @ C-F',
  ],
  notes:
    'Kommun and koncern blocks side by side, the earlier year first in each. "Materiella anläggningstillgångar" is ' +
    'broken down by two "varav" rows below it, which are not added again; the pension provision likewise. ' +
    '"Varav resultatutjämningsreserv" is part of Övrigt eget kapital, not added to Summa eget kapital. Note references ' +
    'can be two numbers ("12, 25"); "Finansiella anläggningstillgångar" carries note 13 as printed (the same number ' +
    'as the maskiner row). Kommun 2023\'s Övrigt eget kapital (1 290,8) is Kommun 2022\'s Summa eget kapital.',
};
