/**
 * Kramfors kommun, Årsredovisning 2018: Resultaträkning (Löpande prisnivå, mnkr).
 * https://finansiellinfo.se/Kramfors_2018/resultatrakning.html
 */
import type { RealTable } from '../types';

export const kramfors2018Rr: RealTable = {
  id: 'kramfors-2018-rr',
  organisation: 'Kramfors kommun',
  document: 'Årsredovisning 2018',
  url: 'https://finansiellinfo.se/Kramfors_2018/resultatrakning.html',
  page: 'Resultaträkning',
  year: 2018,
  unit: 'mnkr',
  layout: ['resultatrakning', 'running-subtotals', 'not-column', 'koncern', 'column-blocks', 'unit-in-sheet', 'annual', 'signed'],
  printed: [
    ['Resultaträkning'],
    ['Löpande prisnivå, mnkr', null, 'KOMMUNEN', null, null, 'KONCERNEN', null],
    [null, 'Not', '2018', '2017', 'Not', '2018', '2017'],
    ['Verksamhetens intäkter', '1', '421,3', '469,1', '1', '566,5', '596,9'],
    ['Verksamhetens kostnader', '2', '– 1 628,5', '– 1 616,0', '2', '– 1 712,9', '– 1 707,6'],
    ['Avskrivningar', '3', '– 39,3', '– 38,2', '3', '– 77,5', '– 74,5'],
    ['Jämförelsestörande intäkter', '4', '1,4', '1,3', '4', '1,3', '0,4'],
    ['Jämförelsestörande kostnader', '4', '– 8,8', '0,0', '4', '– 8,8', '0,0'],
    ['Verksamhetens nettokostnader', null, '– 1 253,8', '– 1 183,7', null, '– 1 231,4', '– 1 184,8'],
    ['Skatteintäkter', '5', '836,5', '832,6', null, '836,5', '832,6'],
    ['Generella statsbidrag netto', '6', '363,6', '382,7', null, '363,6', '382,7'],
    ['Finansiella intäkter', '7', '5,9', '4,4', '5', '4,0', '2,7'],
    ['Finansiella kostnader', '8', '– 4,2', '– 4,4', '6', '– 17,6', '– 18,8'],
    ['Skatter och minoritetsandelar', null, null, null, '7', '– 8,8', '22,3'],
    ['Resultat före extraordinära poster', null, '– 52,0', '31,7', null, '– 53,7', '36,7'],
    ['Bokslutsdispositioner, skatter med mera'],
    ['ÅRETS RESULTAT', '9', '– 52,0', '31,7', null, '– 53,7', '36,7'],
  ],
  headerRows: 3,
  labelColumns: ['A', 'B', 'E'],
  mistakes: [],
  inputColumns: ['C', 'D', 'F', 'G'],
  sumRows: [9, 15, 17],
  relations: ['{c}9 = SUM({c}4:{c}8) @ C,D,F,G', '{c}15 = {c}9 + SUM({c}10:{c}14) @ C,D,F,G', '{c}17 = {c}15 + {c}16 @ C,D,F,G'],
  notes:
    'Each block has its own Not column (B for the kommun, E for the koncern, with different note numbers). Headers ' +
    'are bare years under the block headings KOMMUNEN/KONCERNEN. No "Verksamhetens resultat" subtotal: the financial ' +
    'items go straight into "Resultat före extraordinära poster". Minus printed "– ".',
};
