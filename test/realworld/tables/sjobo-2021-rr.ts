/**
 * Sjöbo kommun, Årsredovisning 2021: Resultaträkning, (mnkr).
 * https://finansiellinfo.se/Sjobo-2021/Resultatrakning.html — the page's table, with the balanskrav rows under it.
 */
import type { RealTable } from '../types';

export const sjobo2021Rr: RealTable = {
  id: 'sjobo-2021-rr',
  organisation: 'Sjöbo kommun',
  document: 'Årsredovisning 2021',
  url: 'https://finansiellinfo.se/Sjobo-2021/Resultatrakning.html',
  page: 'Resultaträkning',
  year: 2021,
  unit: 'mnkr',
  layout: ['resultatrakning', 'running-subtotals', 'not-column', 'note-numbers', 'koncern', 'column-blocks', 'varav-rows', 'unit-in-sheet', 'annual', 'signed'],
  printed: [
    ['Resultaträkning'],
    ['(mnkr)', 'Not', 'Kommunen', null, null, 'Sammanställd redovisning', null],
    [null, null, 'Bokslut 2020', 'Bokslut 2021', 'Budget 2021', 'Bokslut 2020', 'Bokslut 2021'],
    ['Verksamhetens intäkter', '3', '270,6', '281,9', '252,7', '363,3', '382,9'],
    ['varav jämförelsestörande poster', '3A', '0,1', '0,7', '0,0', '1,0', '0,8'],
    ['Verksamhetens kostnader', '4', '– 1 329,0', '– 1 381,2', '– 1 361,3', '– 1 333,6', '– 1 394,8'],
    ['varav jämförelsestörande poster', null, '0,0', '0,0', '0,0', '0,0', '0,0'],
    ['Av- och nedskrivningar', '5', '– 27,8', '– 28,1', '– 31,3', '– 74,5', '– 74,3'],
    ['Verksamhetens nettokostnader', null, '– 1 086,2', '– 1 127,4', '– 1 139,9', '– 1 044,8', '– 1 086,2'],
    ['Skatteintäkter', '6', '805,1', '861,9', '827,2', '805,1', '861,9'],
    ['Generella statsbidrag och utjämning', '7', '305,4', '326,6', '318,0', '305,4', '326,6'],
    ['Verksamhetens resultat', null, '24,3', '61,1', '5,3', '65,7', '102,3'],
    ['Finansiella intäkter', '8', '18,9', '20,2', '9,6', '8,5', '11,8'],
    ['Finansiella kostnader', '9', '– 5,3', '– 0,6', '– 0,6', '– 15,0', '– 10,4'],
    ['Resultat efter finansiella poster', null, '37,9', '80,7', '14,3', '59,2', '103,7'],
    ['Extraordinära poster', null, '0,0', '0,0', '0,0', '0,0', '0,0'],
    ['Årets resultat enligt resultaträkningen', null, '37,9', '80,7', '14,3', '59,2', '103,7'],
    ['Balanskravsjusteringar', null, '– 1,6', '– 9,2', '0,0'],
    ['Årets resultat efter balanskravsjusteringar', null, '36,3', '71,5', '14,3'],
    ['Reservering av medel till RUR', null, '– 22,0', '0,0', '0'],
    ['Balanskravsresultat', null, '14,3', '71,5', '14,3'],
  ],
  headerRows: 3,
  labelColumns: ['A', 'B'],
  mistakes: [],
  inputColumns: ['C', 'D', 'E', 'F', 'G'],
  sumRows: [9, 12, 15, 17, 19, 21],
  relations: [
    '{c}9 = {c}4 + {c}6 + {c}8 @ C-G',
    '{c}12 = {c}9 + {c}10 + {c}11 @ C-G',
    '{c}15 = {c}12 + {c}13 + {c}14 @ C-G',
    '{c}17 = {c}15 + {c}16 @ C-G',
    '{c}19 = {c}17 + {c}18 @ C-E',
    '{c}21 = {c}19 + {c}20 @ C-E',
  ],
  notes:
    'The "varav jämförelsestörande poster" rows are parts of the line above and must not be added into the ' +
    'subtotals. Note references include "3A". The kommun block has no Avvikelse column although it has a Budget 2021. ' +
    'The balanskrav rows below Årets resultat only fill the kommun block; "0" (no decimal) in the budget column of ' +
    '"Reservering av medel till RUR", as printed. Spacer rows between the groups are left out. Minus printed "– ".',
};
