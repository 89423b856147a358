/**
 * Tyresö kommun, Årsredovisning 2018, Kommunstyrelsen: Driftsredovisning (mnkr).
 * https://finansiellinfo.se/G/Tyreso_2018/Kommunstyrelsen.html — the Kommunstyrelsen page, first table.
 * Net cost per verksamhet, positive costs, Kommunbidrag as the budget, no Typ column.
 */
import type { RealTable } from '../types';

export const tyreso2018Ks: RealTable = {
  id: 'tyreso-2018-ks-drift',
  organisation: 'Tyresö kommun',
  document: 'Årsredovisning 2018 (Kommunstyrelsen)',
  url: 'https://finansiellinfo.se/G/Tyreso_2018/Kommunstyrelsen.html',
  page: 'Kommunstyrelsen, Driftsredovisning',
  year: 2018,
  unit: 'mnkr',
  layout: ['net-cost-per-verksamhet', 'unit-in-sheet', 'annual', 'drift', 'unsigned'],
  printed: [
    ['Kommunstyrelsen'],
    ['Driftsredovisning'],
    ['(mnkr)', 'Intäkter', 'Kostnader', 'Nettokostnad', 'Kommunbidrag', 'Avvikelse', 'Avvikelse 2017'],
    ['Plan och exploatering', '25,4', '61,1', '35,7', '27,5', '– 8,2', '3,8'],
    ['Väghållning park', '10,2', '83,3', '73,1', '76,7', '3,6', '10,6'],
    ['Miljö och trafik', '2,9', '8,4', '5,5', '6,9', '1,4', '0,0'],
    ['Vatten och avlopp', '85,5', '85,5', '0,0', '0,0', '0,0', '0,0'],
    ['Renhållning', '40,1', '40,1', '0,0', '0,0', '0,0', '0,0'],
    ['Näringsliv', '0,2', '1,5', '1,3', '1,3', '0,0', '0,0'],
    ['Gemensam verksamhet', '476,5', '615,5', '139,0', '129,6', '– 9,4', '2,6'],
    ['Kommunalförbund', '0,0', '42,1', '42,1', '42,3', '0,2', '0,1'],
    ['Politisk verksamhet', '0,1', '24,2', '24,1', '22,6', '– 1,5', '– 0,4'],
    ['Totalt', '640,9', '961,7', '320,8', '306,9', '– 13,9', '16,8'],
  ],
  headerRows: 3,
  mistakes: [],
  inputColumns: ['B', 'C', 'E', 'G'],
  sumRows: [13],
  relations: ['D{r} = C{r} - B{r} @ 4-13', 'F{r} = E{r} - D{r} @ 4-13', '{c}13 = SUM({c}4:{c}12) @ B-G'],
  notes:
    'Headers are hyphenated over two lines in print (Kost-/nader, Netto-/kostnad, Kommun-/bidrag, Avvikelse/2017); ' +
    'written here as one word. Costs and net costs are positive; Avvikelse = Kommunbidrag − Nettokostnad (positive = ' +
    'better). "Avvikelse 2017" is last year\'s deviation, typed, not computed from this table. Minus printed as "– ".',
};
