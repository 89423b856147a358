/**
 * Göteborgs Stad, Årsredovisning 2018 (web edition), Räkenskaper för kommunen och sammanställd redovisning:
 * Not 6 Skatteintäkter, kommunalekonomisk utjämning med mera (Belopp i mnkr).
 * http://arsredovisning.goteborg.se/2018/block-5-rakenskaper-for-kommunen-och-sammanstalld-redovisning/noter/not-6-skatteintakter-kommunalekonomisk-utjamning-med-mera/
 * The stored copy puts every cell on its own line, so the four columns are unambiguous.
 */
import type { RealTable } from '../types';

export const goteborg2018Not6: RealTable = {
  id: 'goteborg-2018-not6',
  organisation: 'Göteborgs Stad',
  document: 'Årsredovisning 2018',
  url: 'http://arsredovisning.goteborg.se/2018/block-5-rakenskaper-for-kommunen-och-sammanstalld-redovisning/noter/not-6-skatteintakter-kommunalekonomisk-utjamning-med-mera/',
  page: 'Räkenskaper för kommunen och sammanställd redovisning, Noter, Not 6',
  year: 2018,
  unit: 'mnkr',
  layout: ['koncern', 'column-blocks', 'running-subtotals', 'unit-in-sheet', 'annual', 'signed'],
  printed: [
    ['Not 6 Skatteintäkter, kommunalekonomisk utjämning med mera'],
    [null, 'Kommunen', null, 'Sammanställd redovisning', null],
    ['Belopp i mnkr', '2017', '2018', '2017', '2018'],
    ['Preliminära skatteintäkter innevarande år', '26 656', '27 705', '26 656', '27 705'],
    ['Preliminär slutavräkning innevarande år', '-113', '-34', '-113', '-34'],
    ['Slutavräkning föregående år', '29', '-81', '-29', '-81'],
    ['Summa skatteintäkter', '26 572', '27 590', '26 572', '27 590'],
    ['Inkomstutjämning', '2 827', '2 690', '2 827', '2 690'],
    ['Strukturbidrag', '-', '-', '-', '-'],
    ['Kostnadsutjämning', '-314', '-460', '-314', '-460'],
    ['Regleringsbidrag/avgift', '-5', '89', '-5', '89'],
    ['LSS-utjämning', '150', '151', '150', '151'],
    ['Generella bidrag', '376', '422', '376', '422'],
    ['Kommunal fastighetsavgift', '793', '813', '793', '813'],
    ['Summa kommunalekonomisk utjämning mm', '3 827', '3 705', '3 827', '3 705'],
    ['Summa skatteintäkter och kommunalekonomisk utjämning med mera', '30 399', '31 295', '30 399', '31 295'],
  ],
  headerRows: 3,
  mistakes: [
    {
      cell: 'D6',
      note:
        'Sammanställd redovisning 2017: "Slutavräkning föregående år" is printed -29, while the kommun column prints ' +
        '29 and every other line is the same in both blocks; 26 656 − 113 − 29 = 26 514, but Summa skatteintäkter ' +
        'prints 26 572 = 26 656 − 113 + 29. The sign of one figure is flipped.',
      breaks: ['D7 = SUM(D4:D6)'],
    },
  ],
  inputColumns: ['B', 'C', 'D', 'E'],
  sumRows: [7, 15, 16],
  relations: ['{c}7 = SUM({c}4:{c}6) @ B-E', '{c}15 = SUM({c}8:{c}14) @ B-E', '{c}16 = {c}7 + {c}15 @ B-E'],
  notes:
    'Two blocks, Kommunen and Sammanställd redovisning, each with the earlier year first; the tax lines are the same ' +
    'in both. "-" stands for nothing (Strukturbidrag). The stored copy shows empty separator rows between the three ' +
    'groups, left out here; the last label is one line in the page ("Summa skatteintäkter och kommunalekonomisk" / ' +
    '"utjämning med mera").',
};
