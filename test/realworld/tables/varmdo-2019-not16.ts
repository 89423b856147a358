/**
 * Värmdö kommun, Årsredovisning 2019 (web edition): Not 16 Pågående nyanläggningar (Tkr).
 * http://arsredovisning.varmdo.se/2019/ekonomisk-sammanstallning/noter-kommun-och-koncern/not-16/
 */
import type { RealTable } from '../types';

export const varmdo2019Not16: RealTable = {
  id: 'varmdo-2019-not16',
  organisation: 'Värmdö kommun',
  document: 'Årsredovisning 2019',
  url: 'http://arsredovisning.varmdo.se/2019/ekonomisk-sammanstallning/noter-kommun-och-koncern/not-16/',
  page: 'Ekonomisk sammanställning, Noter – kommun och koncern, Not 16',
  year: 2019,
  unit: 'tkr',
  layout: ['koncern', 'column-blocks', 'unit-in-sheet', 'annual', 'running-subtotals'],
  printed: [
    ['Not 16 Pågående nyanläggningar'],
    ['Tkr', 'Kommunen 2019', 'Kommunen 2018', 'Koncernen 2019', 'Koncernen 2018'],
    ['Ingående värde enligt tidigare fastställd balansräkning', '785 380', '815 623', '882 408', '854 147'],
    ['Justering ny redovisningslagomklassificering detaljplaner', null, '-23 430', null, '-23 430'],
    ['Justering rättelse av fel', null, '-11 276', null, '- 11 276'],
    ['Årets investeringar', '481 234', '619 658', '547 079', '701 266'],
    ['Omrubricering', null, '-1 137', null, '-1 137'],
    ['Överföring av avslutade nyanläggningar', '-637 887', '-650 389', '-642 085', '-671 868'],
    ['Bokfört värde', '628 727', '749 049', '787 402', '846 077'],
  ],
  headerRows: 2,
  mistakes: [
    {
      cell: 'E9',
      note:
        'Koncernen 2018: 854 147 − 23 430 − 11 276 + 701 266 − 1 137 − 671 868 = 847 702, printed Bokfört värde ' +
        '846 077 (1 625 less). The same 1 625 separates the kommun\'s Ingående värde 2019 (785 380) from its 2018 ' +
        'closing value before the two corrections (749 049 + 23 430 + 11 276 = 783 755).',
      breaks: ['E9 = SUM(E3:E8)'],
    },
  ],
  inputColumns: ['B', 'C', 'D', 'E'],
  sumRows: [9],
  relations: ['{c}9 = SUM({c}3:{c}8) @ B-E'],
  notes:
    'A balance-sheet note: opening value, movements, closing value. The label "redovisningslagomklassificering" ' +
    'lacks a space as printed; "- 11 276" has a space after the minus.',
};
