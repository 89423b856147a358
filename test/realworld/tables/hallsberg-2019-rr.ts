/**
 * Hallsbergs kommun, Årsredovisning 2019: Resultaträkning (Belopp i mnkr).
 * https://www.finansiellinfo.se/Hallsberg_2019/Resultatrakning.html — first table of the page
 * (the Balanskravsutredning below it is left out).
 */
import type { RealTable } from '../types';

export const hallsberg2019Rr: RealTable = {
  id: 'hallsberg-2019-rr',
  organisation: 'Hallsbergs kommun',
  document: 'Årsredovisning 2019',
  url: 'https://www.finansiellinfo.se/Hallsberg_2019/Resultatrakning.html',
  page: 'Resultaträkning',
  year: 2019,
  unit: 'mnkr',
  layout: ['resultatrakning', 'running-subtotals', 'not-column', 'koncern', 'unit-in-sheet', 'annual', 'signed'],
  printed: [
    ['Resultaträkning'],
    ['Belopp i mnkr', 'Not', 'Utfall 2019', 'Utfall 2018', 'Budget 2019', 'Avvikelse', 'Koncern 2019', 'Koncern 2018'],
    ['Verksamhetens intäkter', '1', '269', '522', '300', '− 31', '475', '732'],
    ['Verksamhetens kostnader', '2', '− 1 116', '− 1 344', '− 1 149', '33', '− 1 303', '− 1 535'],
    ['Avskrivningar', '3', '− 25', '− 31', '− 35', '10', '− 47', '− 50'],
    ['Verksamhetens nettokostnader', null, '− 872', '− 853', '− 884', '12', '− 875', '− 853'],
    [],
    ['Skatteintäkter', '4', '705', '683', '705', '0', '705', '683'],
    ['Generella statsbidrag och utjämning', '5', '212', '203', '204', '8', '212', '203'],
    ['Verksamhetens resultat', null, '45', '33', '25', '20', '42', '33'],
    [],
    ['Finansiella intäkter', '6', '3', '4', '1', '2', '3', '4'],
    ['Finansiella kostnader', '7', '− 6', '− 8', '− 11', '5', '− 10', '− 9'],
    ['Resultat efter finansiella poster', null, '42', '29', '15', '27', '35', '28'],
    ['Extraordinära poster (netto)'],
    ['Årets resultat', null, '42', '29', '15', '27', '35', '28'],
  ],
  headerRows: 2,
  labelColumns: ['A', 'B'],
  mistakes: [],
  inputColumns: ['C', 'D', 'E', 'G', 'H'],
  sumRows: [6, 10, 14, 16],
  relations: [
    '{c}6 = {c}3 + {c}4 + {c}5 @ C-H',
    '{c}10 = {c}6 + {c}8 + {c}9 @ C-H',
    '{c}14 = {c}10 + {c}12 + {c}13 @ C-H',
    '{c}16 = {c}14 + {c}15 @ C-H',
    'F{r} = C{r} - E{r} @ 3-6,8-10,12-14,16',
  ],
  notes:
    'Signed: costs negative, minus printed as "− " (U+2212 and a space). Avvikelse = Utfall 2019 − Budget 2019 on every ' +
    'row, revenue and cost alike. Two blank spacer rows and an empty "Extraordinära poster (netto)" row, as printed. ' +
    'Koncern 2019/2018 is a second column block (the group), not a budget comparison.',
};
