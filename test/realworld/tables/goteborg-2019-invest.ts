/**
 * Göteborgs Stad, Årsredovisning 2019: Kommunens investeringsredovisning (Belopp i mnkr).
 * https://goteborg.se/wps/portal/enhetssida/goteborgs-stads-arsredovisningar/Arsredovisning-2019/investeringsredovisning/kommunens-investeringsredovisning
 * The first two nämnd blocks of the table (Fastighetsnämnden, Idrotts- och föreningsnämnden); the stored copy of
 * the page ends inside the next block (Kretslopp och vattennämnden).
 */
import type { RealTable } from '../types';

export const goteborg2019Invest: RealTable = {
  id: 'goteborg-2019-invest',
  organisation: 'Göteborgs Stad',
  document: 'Årsredovisning 2019',
  url: 'https://goteborg.se/wps/portal/enhetssida/goteborgs-stads-arsredovisningar/Arsredovisning-2019/investeringsredovisning/kommunens-investeringsredovisning',
  page: 'Investeringsredovisning, Kommunens investeringsredovisning (first two nämnd blocks)',
  year: 2019,
  unit: 'mnkr',
  layout: ['investment', 'column-blocks', 'totals-above', 'unit-in-sheet', 'annual', 'signed'],
  printed: [
    ['Belopp i mnkr', 'Utfall 2019', null, 'Budget 2019', null, 'Utfall 2016–2019', null, 'Budget 2016–2019', null],
    ['U=Utgifter I=Inkomster', 'U', 'I', 'U', 'I', 'U', 'I', 'U', 'I'],
    ['Fastighetsnämnden', '-219', '1', '-505', '8', '-810', '82', '-1 096', '89'],
    ['Förvärv och rivningar', '-51', '-', '-212', '-', '-246', '-', '-407', '-'],
    ['Hyresgästanpassningar', '-11', '-', '-27', '-', '-47', '1', '-63', '1'],
    ['Investeringar inom fastighetsförvaltning', '-79', '-', '-181', '-', '-193', '5', '-294', '5'],
    ['Västsvenska paketet', '-77', '1', '-85', '8', '-324', '76', '-332', '83'],
    ['Idrotts- och föreningsnämnden', '-78', '7', '-284', '-1', '-380', '8', '-586', '-'],
    ['Reinvesteringar', '-19', '1', '-42', '-1', '-81', '2', '-104', '-'],
    ['Omklädningsbyggnader', '-', '-', '-17', '-', '-2', '-', '-19', '-'],
    ['Markanläggningar', '-1', '-', '-9', '-', '-7', '-', '-17', '-'],
    ['Idrottshallar', '-3', '-', '8', '-', '-95', '-', '-83', '-'],
    ['Isanläggningar', '-2', '-', '-19', '-', '-52', '-', '-69', '-'],
    ['Sim- och badanläggningar', '-3', '-', '-22', '-', '-40', '-', '-59', '-'],
    ['Friidrottsanläggning på Hisingen', '-', '-', '-4', '-', '-', '-', '-41', '-'],
    ['Fotboll', '-32', '6', '-35', '-', '-48', '6', '-51', '-'],
    ['Idrottsområden', '-15', '-', '-87', '-', '-43', '-', '-113', '-'],
    ['Övrig stadsutveckling', '-2', '-', '-60', '-', '-2', '-', '-23', '-'],
    ['Övertagna föreningsanläggningar', '-', '-', '3', '-', '-10', '-', '-7', '-'],
  ],
  headerRows: 2,
  mistakes: [],
  inputColumns: ['B', 'C', 'D', 'E', 'F', 'G', 'H', 'I'],
  sumRows: [3, 8],
  relations: ['{c}3 = SUM({c}4:{c}7) @ B-I', '{c}8 = SUM({c}9:{c}19) @ B-I'],
  notes:
    'Four column blocks, each split into U (utgifter, negative) and I (inkomster): the year (Utfall/Budget 2019) ' +
    'and the four-year frame 2016–2019. No deviation column at all. "-" means nothing. The nämnd row carries the ' +
    'total of the rows below it. Some budgets are positive (Idrottshallar 8, Övertagna föreningsanläggningar 3: ' +
    'money moved away). The text above the table says the 2019 budget is the nämnd\'s own adopted budget.',
};
