/**
 * Gnesta kommun, Årsredovisning 2013 (web edition).
 * Resultaträkning jämfört med budget (Tkr), printed page 74:
 * https://www.gnesta.se/webdav/files/Sorteras/arsredovisning2013%20webb/budget.html
 * Driftredovisning (tkr), the first three nämnd blocks of the table:
 * https://www.gnesta.se/webdav/files/Sorteras/arsredovisning2013%20webb/driftredovisning.html
 */
import type { RealTable } from '../types';

const BASE = 'https://www.gnesta.se/webdav/files/Sorteras/arsredovisning2013%20webb/';

export const gnesta2013RrBudget: RealTable = {
  id: 'gnesta-2013-rr-budget',
  organisation: 'Gnesta kommun',
  document: 'Årsredovisning 2013',
  url: `${BASE}budget.html`,
  page: '74 (Resultaträkning jämfört med budget 2013)',
  year: 2013,
  unit: 'tkr',
  layout: ['resultatrakning', 'running-subtotals', 'unit-in-sheet', 'annual', 'signed'],
  printed: [
    ['Resultaträkning'],
    ['Jämfört med budget 2013'],
    ['Tkr', 'Utfall 2013', 'Budget 2013', 'Avvikelse Budget-Utfall'],
    [],
    ['Verksamhetens intäkter', '93 712', '85 611', '8 101'],
    ['Verksamhetens kostnader', '– 615 649', '– 600 875', '– 14 774'],
    ['Jämförelsestörande intäkter och kostnader', '6 966', '0', '6 966'],
    ['Avskrivningar', '– 9 054', '– 10 160', '1 106'],
    [],
    ['Verksamhetens nettokostnader', '– 524 025', '– 525 424', '1 399'],
    ['Skatteintäkter', '430 105', '426 927', '3 178'],
    ['Generella statsbidrag och utjämning', '91 262', '95 670', '– 4 408'],
    ['Finansiella intäkter', '4 499', '4 901', '– 402'],
    ['Finansiella kostnader', '– 372', '– 74', '– 298'],
    [],
    ['Resultat före extraordinära poster', '1 469', '2 000', '– 531'],
    ['Extraordinära intäkter', '0', '0', '0'],
    ['Extraordinära kostnader', '0', '0', '0'],
    [],
    ['ÅRETS RESULTAT', '1 469', '2 000', '– 531'],
  ],
  headerRows: 3,
  mistakes: [],
  inputColumns: ['B', 'C'],
  sumRows: [10, 16, 20],
  relations: [
    'D{r} = B{r} - C{r} @ 5-8,10-14,16-18,20',
    '{c}10 = SUM({c}5:{c}8) @ B-D',
    '{c}16 = SUM({c}10:{c}14) @ B-D',
    '{c}20 = SUM({c}16:{c}18) @ B-D',
  ],
  notes:
    'The header says "Avvikelse Budget-Utfall" but every printed deviation is Utfall − Budget on signed figures ' +
    '(costs negative), which is "budget − utfall" in cost terms: positive = better. Blank spacer rows as printed.',
};

export const gnesta2013Drift: RealTable = {
  id: 'gnesta-2013-drift',
  organisation: 'Gnesta kommun',
  document: 'Årsredovisning 2013',
  url: `${BASE}driftredovisning.html`,
  page: 'Driftredovisning (first three nämnd blocks)',
  year: 2013,
  unit: 'tkr',
  layout: ['totals-above', 'change-percent', 'unit-in-sheet', 'annual', 'drift', 'signed'],
  printed: [
    ['Driftredovisning'],
    ['(tkr)', 'Utfall2013', 'Förändring 2012/2013', 'Förändring 2012/2013', 'Budget 2013', 'Budget-avvikelse'],
    ['Kommungemensamma poster', '519 802', '18 738', '3,7 %', '505 200', '14 602'],
    ['Revision', '– 614', '– 9', '1,6 %', '– 620', '6'],
    ['Överförmyndare', '– 819', '50', '– 5,7 %', '– 847', '28'],
    ['Övriga förtroendevalda', '– 4 646', '– 76', '1,7 %', '– 4 937', '291'],
    ['Pensioner', '– 8 311', '5 108', '– 38,1 %', '– 11 593', '3 282'],
    ['Skatter/statsbidrag', '521 366', '14 595', '2,9 %', '522 597', '– 1 231'],
    ['Räntenetto/borgensavgift', '4 454', '– 5 498', '– 55,2 %', '4 901', '– 447'],
    ['Övrigt kommungemensamt', '8 372', '4 569', '120,1 %', '– 4 301', '12 673'],
    ['Kommunstyrelsen', '– 37 264', '– 1 578', '4,4 %', '– 37 500', '236'],
    ['Kommunchefen', '– 4 614', '191', '– 4,0 %', '– 4 257', '– 357'],
    ['Kansli- och nämndserviceenheten', '– 4 823', '– 563', '13,2 %', '– 4 799', '– 24'],
    ['It-enheten', '– 5 585', '– 376', '7,2 %', '– 5 313', '– 272'],
    ['Ekonomienheten', '– 4 008', '– 100', '2,6 %', '– 4 626', '618'],
    ['Mark och fastigheter', '141', '50', '55,4 %', '– 14', '155'],
    ['Personalenheten', '– 4 980', '– 20', '0,4 %', '– 5 229', '249'],
    ['Samhällsunderstödda resor', '– 13 395', '– 761', '6,0 %', '– 13 263', '– 132'],
    ['Miljö- och byggnämnden', '– 11 705', '– 2 205', '23,2 %', '– 11 800', '95'],
    ['Samhällsbyggnad administration', '– 1 460', '– 555', '61,3 %', '– 1 507', '47'],
    ['Plan- och byggenheten', '– 1 695', '– 35', '2,1 %', '– 1 903', '208'],
    ['Planeringsenheten', '– 1 274', '– 851', '201,1 %', '– 1 197', '– 77'],
    ['Räddningsenheten', '– 6 426', '– 811', '14,4 %', '– 6 416', '– 10'],
    ['Miljöenheten', '– 849', '46', '– 5,2 %', '– 777', '– 72'],
  ],
  headerRows: 2,
  mistakes: [],
  inputColumns: ['B', 'C', 'E'],
  sumRows: [3, 11, 19],
  relations: [
    'F{r} = B{r} - E{r} @ 3-24',
    'D{r} = RATIO(C{r}, B{r} - C{r}) @ 3-24',
    '{c}3 = SUM({c}4:{c}10) @ B,C,E,F',
    '{c}11 = SUM({c}12:{c}18) @ B,C,E,F',
    '{c}19 = SUM({c}20:{c}24) @ B,C,E,F',
  ],
  notes:
    'Two columns share the header "Förändring 2012/2013": the change in tkr and the change in % of 2012 ' +
    '(Utfall 2013 − change), signed as change / 2012 so that a cost that grew shows a positive %. A change, not an ' +
    'avvikelse: it must not be audited as avvikelse %. "Utfall2013" without a space, as printed. Each nämnd row ' +
    'carries the total of the rows below it. The table continues with Barn- och utbildningsnämnden and more; only ' +
    'the three complete blocks before it are kept.',
};
