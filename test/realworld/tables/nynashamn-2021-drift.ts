/**
 * Nynäshamns kommun, Årsredovisning 2021 (web edition on finansiellinfo.se), Drift- och investeringsredovisning:
 * the DRIFTREDOVISNING table down to "Summa nämnder" (the Finansförvaltning block below it is left out).
 * https://www.finansiellinfo.se/Nynashamn-2021/Drift-och-investeringsredovisning.html
 *
 * The stored copy puts each row on one line separated by spaces. Every figure has one decimal and a minus is written
 * "– 448,0", so a figure is a run of digit groups ending in ",d": "1 613,1 664,7 – 2 238,7 …" splits one way only.
 * The header cells are hyphenated over several lines in the page ("SKATTE-/INTÄKTER OCH GE-/NERELLA BIDRAG …"); the
 * line breaks are joined here, hyphens kept.
 */
import type { RealTable } from '../types';

export const nynashamn2021Drift: RealTable = {
  id: 'nynashamn-2021-drift',
  organisation: 'Nynäshamns kommun',
  document: 'Årsredovisning 2021',
  url: 'https://www.finansiellinfo.se/Nynashamn-2021/Drift-och-investeringsredovisning.html',
  page: 'Drift- och investeringsredovisning, Driftredovisning',
  year: 2021,
  unit: 'mnkr',
  layout: ['drift', 'varav-rows', 'unit-in-sheet', 'annual', 'signed'],
  printed: [
    ['DRIFTREDOVISNING'],
    [
      'NÄMND/FÖRVALTNING MNKR',
      'SKATTE-INTÄKTER OCH GE-NERELLA BIDRAG (NÄMND-BIDRAG)',
      'VERKSAMHETS-INTÄKTER (ÖVRIGA INTÄKTER OCH BIDRAG)',
      'VERKSAM-HETENS KOS-TNADER',
      'RESULTAT',
      'BUDGE-TERAT RESULTAT',
      'AVVIKELSE MOT BUDGET (RESULTAT)',
      'JUSTE-RING BALANS-KRAV',
      'BALANS-KRAVS-RESULTAT',
    ],
    ['Kommunstyrelsen', '224,1', '255,8', '– 448,0', '31,9', '0,0', '31,9', '– 30,7', '1,3'],
    ['varav mark och exploatering', '12,2', '37,6', '– 24,2', '25,6', '0,0', '25,6', '– 30,7', '– 5,0'],
    ['Samhällsbyggnadsnämnden', '61,1', '132,9', '– 191,8', '2,2', '0,0', '2,2', '0,0', '2,2'],
    ['varav vatten och avlopp', null, '86,9', '– 86,4', '0,4', '0,0', '0,4', '0,0', '0,4'],
    ['Kultur- och fritidsnämnden', '56,2', '2,9', '– 56,3', '2,8', '0,0', '2,8', '0,0', '2,8'],
    ['Barn- och utbildningsnämnden', '554,1', '115,8', '– 677,9', '– 8,0', '0,0', '– 8,0', '0,0', '– 8,0'],
    ['Socialnämnden', '555,6', '91,7', '– 638,1', '9,3', '0,0', '9,3', '0,0', '9,3'],
    ['Näringslivs- och arbetsmarknadsnämnden', '161,9', '65,5', '– 226,6', '0,9', '0,0', '0,9', '0,0', '0,9'],
    ['Summa nämnder', '1 613,1', '664,7', '– 2 238,7', '39,1', '0,0', '39,1', '– 30,7', '8,9'],
  ],
  headerRows: 2,
  mistakes: [
    {
      cell: 'I11',
      note:
        'Summa nämnder, Balanskravsresultat: the six nämnder give 1,3 + 2,2 + 2,8 − 8,0 + 9,3 + 0,9 = 8,5, and the ' +
        'row\'s own Resultat + Justering gives 39,1 − 30,7 = 8,4; the printed 8,9 is 8,5 plus the 0,4 of "varav vatten ' +
        'och avlopp", a varav row counted again (the text of the page repeats 8,9).',
      breaks: ['I11 = I3 + I5 + SUM(I7:I10)', 'I11 = E11 + H11'],
    },
  ],
  inputColumns: ['B', 'C', 'D', 'F', 'H'],
  sumRows: [11],
  relations: [
    'E{r} = B{r} + C{r} + D{r} @ 3-11',
    'G{r} = E{r} - F{r} @ 3-11',
    'I{r} = E{r} + H{r} @ 3-11',
    '{c}11 = {c}3 + {c}5 + SUM({c}7:{c}10) @ B-I',
  ],
  notes:
    'Revenue positive, costs negative; Resultat = nämndbidrag + intäkter + kostnader, Avvikelse mot budget = ' +
    'Resultat − Budgeterat resultat (every budgeted result is 0,0), Balanskravsresultat = Resultat + Justering ' +
    'balanskrav. The two "varav" rows break Kommunstyrelsen and Samhällsbyggnadsnämnden down and are not part of ' +
    'Summa nämnder (the VA row has no nämndbidrag). Several row results are one tenth off the sum of their printed ' +
    'parts (Socialnämnden 555,6 + 91,7 − 638,1 = 9,2, printed 9,3), within the rounding of three rounded figures. The ' +
    'unit is written in the first header cell ("NÄMND/FÖRVALTNING MNKR").',
};
