/**
 * Vansbro kommun, Årsredovisning 2019: Resultaträkning (tkr).
 * https://finansiellinfo.se/Vansbro_2019/Resultatrakning.html
 */
import type { RealTable } from '../types';

export const vansbro2019Rr: RealTable = {
  id: 'vansbro-2019-rr',
  organisation: 'Vansbro kommun',
  document: 'Årsredovisning 2019',
  url: 'https://finansiellinfo.se/Vansbro_2019/Resultatrakning.html',
  page: 'Resultaträkning',
  year: 2019,
  unit: 'tkr',
  layout: ['resultatrakning', 'running-subtotals', 'not-column', 'note-numbers', 'koncern', 'column-blocks', 'unit-in-sheet', 'annual', 'signed'],
  printed: [
    ['Resultaträkning'],
    ['(tkr)', null, 'Kommunen', null, 'Sammanställd redovisning', null],
    [null, null, 'Utfall 2019-12-31', 'Utfall 2018-12-31', 'Utfall 2019-12-31', 'Utfall 2018-12-31'],
    ['Verksamhetens intäkter', 'Not 2', '132 371', '106 488', '266 090', '228 338'],
    ['Verksamhetens kostnader', 'Not 3', '– 522 941', '– 515 518', '– 643 944', '– 625 709'],
    ['Avskrivningar', 'Not 4', '– 15 842', '– 14 517', '– 25 576', '– 23 244'],
    ['VERKSAMHETENS NETTOKOSTNADER', null, '– 406 412', '– 423 547', '– 403 430', '– 420 615'],
    ['Skatteintäkter', 'Not 5', '286 537', '279 214', '286 537', '279 214'],
    ['Generella statsbidrag och utjämning', 'Not 6', '130 818', '128 722', '130 824', '128 722'],
    ['VERKSAMHETENS RESULTAT', null, '10 943', '– 15 611', '13 931', '– 12 679'],
    ['Finansiella intäkter', 'Not 7', '2 992', '3 946', '2 613', '3 692'],
    ['Finansiella kostnader', 'Not 8', '– 33 378', '– 1 842', '– 34 848', '– 3 248'],
    ['RESULTAT EFTER FINANSIELLA POSTER', null, '– 19 443', '– 13 507', '– 18 304', '– 12 235'],
    ['Extraordinära poster', 'Not 9', '– 16 064', null, '– 16 064', null],
    ['ÅRETS RESULTAT', null, '– 35 507', '– 13 507', '– 34 368', '– 12 235'],
  ],
  headerRows: 3,
  labelColumns: ['A', 'B'],
  mistakes: [],
  inputColumns: ['C', 'D', 'E', 'F'],
  sumRows: [7, 10, 13, 15],
  relations: [
    '{c}7 = SUM({c}4:{c}6) @ C-F',
    '{c}10 = {c}7 + {c}8 + {c}9 @ C-F',
    '{c}13 = {c}10 + {c}11 + {c}12 @ C-F',
    '{c}15 = {c}13 + {c}14 @ C-F',
  ],
  notes:
    'Note references as text ("Not 2"). Headers carry dates ("Utfall 2019-12-31"). Subtotal labels in capitals. ' +
    'The Extraordinära poster row has two figures: they are the 2019 columns (Årets resultat 2018 equals the ' +
    'result after financial items). Spacer rows between groups are left out. Minus printed "– ".',
};
