/**
 * Luleå kommun, Årsredovisning 2018, Finansiella rapporter (web edition).
 * Resultaträkning: https://www.lulea.se/kommun--politik/fakta-och-statistik/ekonomi-och-budget/arsredovisning-2018/finansiella-rapporter/resultatrakning.html
 * Noter (Not 1 and Not 2, the first two tables of the page):
 * https://www.lulea.se/kommun--politik/fakta-och-statistik/ekonomi-och-budget/arsredovisning-2018/finansiella-rapporter/noter.html
 */
import type { RealTable } from '../types';

const RR_URL =
  'https://www.lulea.se/kommun--politik/fakta-och-statistik/ekonomi-och-budget/arsredovisning-2018/finansiella-rapporter/resultatrakning.html';
const NOTER_URL =
  'https://www.lulea.se/kommun--politik/fakta-och-statistik/ekonomi-och-budget/arsredovisning-2018/finansiella-rapporter/noter.html';
const BLOCKS = [null, 'Kommunen', null, 'Kommunkoncernen', null];

export const lulea2018Rr: RealTable = {
  id: 'lulea-2018-rr',
  organisation: 'Luleå kommun',
  document: 'Årsredovisning 2018',
  url: RR_URL,
  page: 'Finansiella rapporter, Resultaträkning',
  year: 2018,
  unit: 'mnkr',
  layout: ['resultatrakning', 'running-subtotals', 'not-column', 'koncern', 'column-blocks', 'unit-in-sheet', 'annual', 'signed'],
  printed: [
    ['Resultaträkning'],
    [null, null, 'Kommunen', null, 'Kommunkoncernen', null],
    ['Belopp, mkr', 'NOT', '2018', '2017', '2018', '2017'],
    ['Verksamhetens intäkter', '1', '1 268', '1 136', '2 835', '2 633'],
    ['Verksamhetens kostnader', '2', '-5 455', '-5 200', '-6 572', '-6 185'],
    ['Avskrivningar', '3', '-332', '-320', '-508', '-542'],
    ['Verksamhetens nettokostnader', null, '-4 520', '-4 384', '-4 245', '-4 094'],
    ['Skatteintäkter', '4', '3 998', '3 950', '3 998', '3 950'],
    ['Generella statsbidrag och utjämning', '5', '490', '451', '490', '451'],
    ['Verksamhetens resultat', null, '-32', '17', '243', '307'],
    ['Finansiella intäkter', '6', '121', '455', '18', '10'],
    ['Finansiella kostnader', '7', '-10', '-10', '-80', '-91'],
    ['Resultat efter finansiella poster', null, '79', '462', '181', '226'],
    ['Skatt', '8', '-', '-', '-37', '-40'],
    ['Årets resultat', null, '79', '462', '144', '186'],
  ],
  headerRows: 3,
  labelColumns: ['A', 'B'],
  mistakes: [],
  inputColumns: ['C', 'D', 'E', 'F'],
  sumRows: [7, 10, 13, 15],
  relations: [
    '{c}7 = {c}4 + {c}5 + {c}6 @ C-F',
    '{c}10 = {c}7 + {c}8 + {c}9 @ C-F',
    '{c}13 = {c}10 + {c}11 + {c}12 @ C-F',
    '{c}15 = {c}13 + {c}14 @ C-F',
  ],
  notes:
    'Two column blocks (Kommunen, Kommunkoncernen) whose headers are bare years, the same two years in each block. ' +
    'Unit "mkr". Skatt is "-" (nothing) for the kommun. No budget column: an annual comparison of two years.',
};

export const lulea2018Not1: RealTable = {
  id: 'lulea-2018-not1',
  organisation: 'Luleå kommun',
  document: 'Årsredovisning 2018',
  url: NOTER_URL,
  page: 'Finansiella rapporter, Noter, Not 1 Verksamhetens intäkter',
  year: 2018,
  unit: 'mnkr',
  layout: ['koncern', 'column-blocks', 'unit-in-sheet', 'annual', 'running-subtotals'],
  printed: [
    ['Not 1 Verksamhetens intäkter'],
    BLOCKS,
    ['Belopp, mkr', '2018', '2017', '2018', '2017'],
    ['Nämndrelaterade intäkter enligt driftredovisning', '3 125', '3 060', '3 125', '3 060'],
    ['Avgår interna intäkter', '-1 899', '-1 936', '-1 899', '-1 936'],
    ['Reavinst', '42', '12', '42', '12'],
    ['SUMMA verksamhetens intäkter kommunen', '1 268', '1 136', '1 268', '1 136'],
    [],
    ['Luleå Kommunföretag AB', '-', '-', '0', '0'],
    ['Luleå Energi koncernen', '-', '-', '987', '939'],
    ['Lulebo AB', '-', '-', '582', '559'],
    ['Luleå Lokaltrafik AB', '-', '-', '158', '142'],
    ['Luleå MiljöResurs AB', '-', '-', '136', '125'],
    ['Luleå Hamn AB', '-', '-', '88', '83'],
    ['Nordiskt FlygTeknikCentrum AB', '-', '-', '15', '15'],
    ['SUMMA intäkter bolagen', '-', '-', '1 966', '1863'],
    ['Avgår interna intäkter', '-', '-', '-399', '-366'],
    ['SUMMA koncernens intäkter', '1 268', '1 136', '2 835', '2 633'],
  ],
  headerRows: 3,
  mistakes: [],
  inputColumns: ['B', 'C', 'D', 'E'],
  sumRows: [7, 16, 18],
  relations: ['{c}7 = SUM({c}4:{c}6) @ B-E', '{c}16 = SUM({c}9:{c}15) @ D-E', '{c}18 = {c}7 + {c}16 + {c}17 @ B-E'],
  notes: 'A note table: line items, SUMMA rows and a deduction between them. "1863" is printed without a space.',
};

export const lulea2018Not2: RealTable = {
  id: 'lulea-2018-not2',
  organisation: 'Luleå kommun',
  document: 'Årsredovisning 2018',
  url: NOTER_URL,
  page: 'Finansiella rapporter, Noter, Not 2 Verksamhetens kostnader',
  year: 2018,
  unit: 'mnkr',
  layout: ['koncern', 'column-blocks', 'unit-in-sheet', 'annual', 'running-subtotals'],
  printed: [
    ['Not 2 Verksamhetens kostnader'],
    BLOCKS,
    ['Belopp, mkr', '2018', '2017', '2018', '2017'],
    ['Nämndrelaterade kostnader', '7 667', '7 388', '7 643', '7 388'],
    ['Utbetalade pensionsförmåner', '93', '88', '93', '88'],
    ['Pensionskostnad individuell del', '123', '111', '123', '111'],
    ['Årets förändring av pensionsavs. inkl. lönesk.', '25', '23', '25', '23'],
    ['Övrig finansiering', '-606', '-548', '-581', '-548'],
    ['Kommunens realisationsförluster och nedskrivningar av anläggningstillgångar', '52', '74', '52', '74'],
    ['Avgår interna kostnade', '-1899', '-548', '-1899', '-548'],
    ['SUMMA verksamhetens kostnader kommunen', '5 455', '5 200', '5 455', '5 200'],
    [],
    ['Luleå Kommunföretag AB', '-', '-', '4', '4'],
    ['Luleå Energi koncernen', '-', '-', '782', '705'],
    ['Lulebo AB', '-', '-', '334', '329'],
    ['Luleå Lokaltrafik AB', '-', '-', '186', '137'],
    ['Luleå Renhållning AB', '-', '-', '112', '104'],
    ['Luleå Hamn AB', '-', '-', '74', '60'],
    ['Nordiskt FlygTeknikCentrum AB', '-', '-', '17', '15'],
    ['SUMMA kostnader bolagen', '-', '-', '1 510', '1 354'],
    ['Avgår interna kostnader', '-', '-', '-393', '-369'],
    ['SUMMA koncernens kostnader', '5 455', '5 200', '6 572', '6 185'],
  ],
  headerRows: 3,
  mistakes: [
    {
      cell: 'C10',
      note:
        'Kommunen 2017: 7 388 + 88 + 111 + 23 − 548 + 74 − 548 = 6 588, printed SUMMA 5 200. "Avgår interna kostnade" 2017 ' +
        'repeats −548 from "Övrig finansiering"; −1 936 (the 2017 interna intäkter of Not 1) gives exactly 5 200.',
      breaks: ['C11 = SUM(C4:C10)'],
    },
    {
      cell: 'E10',
      note: 'Kommunkoncernen 2017: the same rows, 6 588 against the printed 5 200; the same −548 where −1 936 belongs.',
      breaks: ['E11 = SUM(E4:E10)'],
    },
  ],
  inputColumns: ['B', 'C', 'D', 'E'],
  sumRows: [11, 20, 22],
  relations: ['{c}11 = SUM({c}4:{c}10) @ B-E', '{c}20 = SUM({c}13:{c}19) @ D-E', '{c}22 = {c}11 + {c}20 + {c}21 @ B-E'],
  notes:
    'The label "Kommunens realisationsförluster och / nedskrivningar av anläggningstillgångar" wraps over two lines in ' +
    'print; "Avgår interna kostnade" is misspelt as printed. The SUMMA rows are right and one line item is wrong, so ' +
    'the mistake is at the line item; an audit that checks the sum sees it at C11/E11.',
};
