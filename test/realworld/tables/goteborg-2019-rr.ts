/**
 * Göteborgs Stad. Årsredovisning 2019: Resultaträkning (Belopp i mnkr).
 * https://goteborg.se/wps/portal/enhetssida/goteborgs-stads-arsredovisningar/Arsredovisning-2019/rakenskaper/resultatrakning
 * Årsredovisning 2018 (web edition): Not 2 Verksamhetens kostnader (Belopp i mnkr).
 * http://arsredovisning.goteborg.se/2018/block-5-rakenskaper-for-kommunen-och-sammanstalld-redovisning/noter/not-2-verksamhetens-kostnader/
 */
import type { RealTable } from '../types';

export const goteborg2019Rr: RealTable = {
  id: 'goteborg-2019-rr',
  organisation: 'Göteborgs Stad',
  document: 'Årsredovisning 2019',
  url: 'https://goteborg.se/wps/portal/enhetssida/goteborgs-stads-arsredovisningar/Arsredovisning-2019/rakenskaper/resultatrakning',
  page: 'Räkenskaper, Resultaträkning',
  year: 2019,
  unit: 'mnkr',
  layout: ['resultatrakning', 'running-subtotals', 'not-column', 'note-numbers', 'koncern', 'column-blocks', 'unit-in-sheet', 'annual', 'signed'],
  printed: [
    ['Resultaträkning'],
    ['Resultaträkning för kommunen och den kommunala koncernen.'],
    [null, null, 'Kommunen', null, 'Kommunala koncernen', null],
    ['Belopp i mnkr', 'Not', '2018', '2019', '2018', '2019'],
    ['Verksamhetens intäkter', '1', '10 932', '11 397', '26 287', '26 720'],
    ['Verksamhetens kostnader', '2, 3, 17', '-39 658', '-41 140', '-50 016', '-51 646'],
    ['Avskrivningar', '4,5', '-1 490', '-1 639', '-4 488', '-4 613'],
    ['Verksamhetens nettokostnader', null, '-30 216', '-31 382', '-28 217', '-29 539'],
    ['Skatteintäkter', '6', '27 590', '28 833', '27 590', '28 833'],
    ['Generella statsbidrag och utjämningsbidrag', '6', '3 705', '3 634', '3 705', '3 634'],
    ['Verksamhetens resultat', null, '1 079', '1 085', '3 078', '2 928'],
    ['Finansiella intäkter', '7', '1 224', '978', '67', '65'],
    ['Finansiella kostnader', '3, 7', '-511', '-559', '-790', '-773'],
    ['Resultat efter finansiella poster', null, '1 792', '1 504', '2 355', '2 220'],
    ['Extraordinära poster', null, '-', '-', '-', '-'],
    ['Årets resultat', null, '1 792', '1 504', '2 355', '2 220'],
  ],
  headerRows: 4,
  labelColumns: ['A', 'B'],
  mistakes: [],
  inputColumns: ['C', 'D', 'E', 'F'],
  sumRows: [8, 11, 14, 16],
  relations: [
    '{c}8 = SUM({c}5:{c}7) @ C-F',
    '{c}11 = {c}8 + {c}9 + {c}10 @ C-F',
    '{c}14 = {c}11 + {c}12 + {c}13 @ C-F',
    '{c}16 = {c}14 + {c}15 @ C-F',
  ],
  notes:
    'Years ascend (2018 before 2019) in both blocks, and the headers are bare years. Note references list several ' +
    'notes ("2, 3, 17", "4,5"). "-" for nothing on the Extraordinära poster row.',
};

export const goteborg2018Not2: RealTable = {
  id: 'goteborg-2018-not2',
  organisation: 'Göteborgs Stad',
  document: 'Årsredovisning 2018',
  url: 'http://arsredovisning.goteborg.se/2018/block-5-rakenskaper-for-kommunen-och-sammanstalld-redovisning/noter/not-2-verksamhetens-kostnader/',
  page: 'Räkenskaper för kommunen och sammanställd redovisning, Noter, Not 2',
  year: 2018,
  unit: 'mnkr',
  layout: ['koncern', 'column-blocks', 'unit-in-sheet', 'annual', 'signed'],
  printed: [
    ['Not 2 Verksamhetens kostnader'],
    [null, 'Kommunen', null, 'Sammanställd redovisning', null],
    ['Belopp i mnkr', '2017', '2018', '2017', '2018'],
    ['Löner och sociala avgifter', '-19 056', '-19 849', '-22 915', '-23 811'],
    ['Pensionskostnader', '-1 729', '-1 912', '-2 166', '-2 386'],
    ['Övriga personalkostnader', '-', '-', '-126', '-130'],
    ['Ekonomiskt bistånd', '-1 032', '-1 000', '-1 032', '-1 001'],
    ['Lokalkostnader', '-1 152', '-1 319', '-1 032', '-1 126'],
    ['Entreprenad och köp av verksamhet', '-10 633', '-10 964', '-9 279', '-9 791'],
    ['Bränsle, energi, vatten mm', '-343', '-362', '-3 397', '-3 929'],
    ['Förbrukningsmaterial och reparationer', '-938', '-952', '-1 662', '-1 685'],
    ['Leasingkostnader', '-312', '-333', '-217', '-236'],
    ['Exploateringskostnader', '-310', '-98', '-310', '-98'],
    ['Realisationsförluster och utrangeringar', '-13', '-36', '-95', '-55'],
    ['Övriga verksamhetskostnader', '-2 821', '-2 833', '-6 063', '-5 630'],
    ['Summa verksamhetens kostnader', '-38 339', '-39 658', '-48 294', '-49 878'],
  ],
  headerRows: 3,
  mistakes: [],
  inputColumns: ['B', 'C', 'D', 'E'],
  sumRows: [16],
  relations: ['{c}16 = SUM({c}4:{c}15) @ B-E'],
  notes: 'Years ascend; "-" for nothing. A cost note printed with negative signs.',
};
