/**
 * Värmdö kommun, Årsredovisning 2019 (web edition): Resultaträkning (Tkr).
 * http://arsredovisning.varmdo.se/2019/ekonomisk-sammanstallning/resultatrakning/
 */
import type { RealTable } from '../types';

export const varmdo2019Rr: RealTable = {
  id: 'varmdo-2019-rr',
  organisation: 'Värmdö kommun',
  document: 'Årsredovisning 2019',
  url: 'http://arsredovisning.varmdo.se/2019/ekonomisk-sammanstallning/resultatrakning/',
  page: 'Ekonomisk sammanställning, Resultaträkning',
  year: 2019,
  unit: 'tkr',
  layout: ['resultatrakning', 'running-subtotals', 'not-column', 'koncern', 'column-blocks', 'unit-in-sheet', 'annual', 'signed'],
  printed: [
    ['Resultaträkning'],
    ['Tkr', 'Not', null, 'Kommunen 2019', 'Kommunen 2018', 'Koncernen 2019', 'Koncernen 2018'],
    ['Verksamhetens intäkter', '1', null, '810 118', '775 001', '916 986', '877 293'],
    ['Jämförelsestörande intäktsposter', '2', null, '58 146', '4 922', '58 146', '4 922'],
    ['Verksamhetens kostnader', '3', null, '-3 034 551', '-2 908 846', '-3 117 955', '-2 985 674'],
    ['Jämförelsestörande kostnadsposter', '2', null, null, '-63 642', null, '-63 642'],
    ['Avskrivningar', '4', null, '-136 219', '-113 909', '-154 390', '-130 551'],
    ['Verksamhetens nettokostnader', null, null, '-2 302 506', '-2 306 474', '-2 297 213', '-2 297 652'],
    [],
    ['Skatteintäkter', '5', null, '2 150 109', '2 061 747', '2 150 109', '2 061 747'],
    ['Bidrag från utjämningssystemen och generella statliga bidrag inklusive fastighetsavgift', '6', null, '333 894', '301 524', '333 894', '301 524'],
    ['Avgifter i utjämningssystemen', '7', null, '-65 016', '-43 735', '-65 016', '-43 735'],
    ['Verksamhetens resultat', null, null, '116 481', '13 062', '121 774', '21 884'],
    [],
    ['Finansiella intäkter', '8', null, '4 420', '5 659', '3 115', '3 732'],
    ['Finansiella kostnader', '9', null, '-26 768', '-24 740', '-24 721', '-20 749'],
    ['Resultat efter skatter och finansnetto', null, null, '94 133', '-6 019', '100 168', '4 867'],
    [],
    ['Uppskjuten skatt', null, null, null, null, '-1 390', '-256'],
    ['Årets resultat', '10', null, '94 133', '-6 019', '98 778', '4 611'],
  ],
  headerRows: 2,
  labelColumns: ['A', 'B'],
  mistakes: [],
  inputColumns: ['D', 'E', 'F', 'G'],
  sumRows: [8, 13, 17, 20],
  relations: [
    '{c}8 = SUM({c}3:{c}7) @ D-G',
    '{c}13 = {c}8 + SUM({c}10:{c}12) @ D-G',
    '{c}17 = {c}13 + {c}15 + {c}16 @ D-G',
    '{c}20 = {c}17 + {c}19 @ D-G',
  ],
  notes:
    'An empty spacer column (C) between Not and the figures, as printed. Jämförelsestörande poster are their own ' +
    'lines inside Verksamhetens nettokostnader; "Avgifter i utjämningssystemen" is a negative line among the tax ' +
    'revenue. The long label wraps over two lines in print. Blank spacer rows as printed.',
};
