/**
 * Ängelholms kommun, Årsredovisning 2021 (web edition), Finansiella rapporter.
 * Resultaträkning (mnkr): https://www.engelholm.se/kommun-och-politik/resultat-och-kvalitet/arsredovisning/arsredovisning-2021/finansiella-rapporter/resultatrakning.html
 * Övriga noter, Not 3–5 (mnkr): https://www.engelholm.se/kommun-och-politik/resultat-och-kvalitet/arsredovisning/arsredovisning-2021/finansiella-rapporter/ovriga-noter.html
 *   — the stored copy of the notes page ends inside Not 6, which is left out.
 * The stored copies put every cell on its own line, empty cells as empty lines, so the columns are unambiguous. A
 * row that ends early runs into the next label ("246,7Bolagens externa kostnader"): its remaining cells are empty.
 */
import type { RealTable } from '../types';

const BASE =
  'https://www.engelholm.se/kommun-och-politik/resultat-och-kvalitet/arsredovisning/arsredovisning-2021/finansiella-rapporter/';
const SOURCE = { organisation: 'Ängelholms kommun', document: 'Årsredovisning 2021', year: 2021, unit: 'mnkr' as const };
const NOTES = { ...SOURCE, url: `${BASE}ovriga-noter.html`, labelColumns: ['A'], headerRows: 3 };
const NOTE_LAYOUT = ['koncern', 'column-blocks', 'running-subtotals', 'unit-in-sheet', 'annual', 'signed'];
const NOTE_HEADER = (title: string): (string | null)[][] => [
  [title],
  ['mnkr', 'Kommunkoncernen', null, 'Kommunen'],
  [null, '2021', '2020', '2021', '2020'],
];

export const engelholm2021Rr: RealTable = {
  ...SOURCE,
  id: 'engelholm-2021-rr',
  url: `${BASE}resultatrakning.html`,
  page: 'Finansiella rapporter, Resultaträkning',
  layout: ['resultatrakning', 'running-subtotals', 'not-column', 'note-numbers', 'koncern', 'column-blocks', 'unit-in-sheet', 'annual', 'signed'],
  printed: [
    ['Resultaträkning'],
    ['Resultaträkningmnkr', 'Not', 'Kommunkoncernen', null, 'Kommunen'],
    [null, '1, 2', '2021', '2020', '2021', 'Budget 2021', '2020'],
    ['Verksamhetens intäkter', '3', '1 006,9', '984,6', '699,1', '650,0', '703,3'],
    ['Verksamhetens kostnader', '4', '-3 215,2', '-3 122,3', '-2 911,8', '-3 107,7', '-3 055,3'],
    ['Avskrivningar', '5', '-270,5', '-239,2', '-302,0', '-89,0', '-84,4'],
    ['Jämförelsestörande poster', '6', '67,2', '75,4', '54,6', null, '74,5'],
    ['Verksamhetens nettokostnader', null, '-2 411,5', '-2 301,5', '-2 460,1', '-2 546,7', '-2 361,9'],
    ['Skatteintäkter', '7', '2 069,9', '1 955,3', '2 069,9', '1 997,9', '1 955,3'],
    ['Generella statsbidrag och utjämning', '8', '575,3', '514,6', '575,3', '549,4', '514,6'],
    ['Verksamhetens resultat', null, '233,7', '168,4', '185,1', '0,6', '108,0'],
    ['Finansiella intäkter', '9', '6,3', '5,0', '18,5', '29,4', '16,5'],
    ['Finansiella kostnader', '10', '-46,9', '-50,1', '-37,6', '-5,8', '-5,5'],
    ['Jämförelsestörande poster', '11', '32,3', '10,5', '32,3', null, '10,5'],
    ['Resultat efter finansiella poster', null, '225,4', '133,9', '198,3', '24,2', '129,5'],
    ['Extraordinära poster', null, '-', '-', '-', '-', '-'],
    ['ÅRETS RESULTAT', null, '225,4', '133,9', '198,3', '24,2', '129,5'],
  ],
  headerRows: 3,
  labelColumns: ['A', 'B'],
  mistakes: [],
  inputColumns: ['C', 'D', 'E', 'F', 'G'],
  sumRows: [8, 11, 15, 17],
  relations: [
    '{c}8 = SUM({c}4:{c}7) @ C-G',
    '{c}11 = {c}8 + {c}9 + {c}10 @ C-G',
    '{c}15 = SUM({c}11:{c}14) @ C-G',
    '{c}17 = {c}15 + {c}16 @ C-G',
  ],
  notes:
    'The koncern block comes first; the kommun block has a Budget 2021 column between its two years, with no ' +
    'avvikelse column. The header cell reads "Resultaträkningmnkr" in the stored copy (title and unit run together) ' +
    'and the note column\'s header carries notes "1, 2"; the page also shows the template text "Skriv ' +
    'tabellbeskrivning här" above the table. "Jämförelsestörande poster" occurs twice (above the net cost and among ' +
    'the finance items, notes 6 and 11) and is empty in the budget. Kommunen\'s Avskrivningar 2021 (-302,0) include ' +
    '217,9 of finansiell leasing (Not 5), hence the jump from -84,4.',
};

export const engelholm2021Not3: RealTable = {
  ...NOTES,
  id: 'engelholm-2021-not3',
  page: 'Finansiella rapporter, Övriga noter, Not 3 Verksamhetens intäkter',
  layout: NOTE_LAYOUT,
  printed: [
    ...NOTE_HEADER('Not 3 Verksamhetens intäkter'),
    ['Försäljningsintäkter', '44,3', '34,4', '11,2', '10,0'],
    ['Taxor och avgifter', '261,2', '250,3', '210,7', '205,4'],
    ['Hyror och arrenden', '264,9', '265,6', '65,0', '67,3'],
    ['Bidrag från staten', '171,5', '191,0', '171,5', '191,0'],
    ['EU-bidrag', '0,3', '-', '0,3', '0,4'],
    ['Övriga bidrag', '78,3', '77,5', '78,3', '77,5'],
    ['Försäljning av verksamhet och konsulttjänster', '129,8', '124,1', '121,5', '124,1'],
    ['Övriga verksamhetsintäkter', '56,6', '41,6', '40,5', '27,6'],
    ['SUMMA', '1006,9', '984,6', '699,1', '703,3'],
  ],
  mistakes: [],
  inputColumns: ['B', 'C', 'D', 'E'],
  sumRows: [12],
  relations: ['{c}12 = SUM({c}4:{c}11) @ B-E'],
  notes:
    'The totals match the resultaträkning. SUMMA 1006,9 has no thousands separator, unlike the resultaträkning\'s ' +
    '1 006,9. EU-bidrag 2020 is "-" for the koncern but 0,4 for the kommun.',
};

export const engelholm2021Not4: RealTable = {
  ...NOTES,
  id: 'engelholm-2021-not4',
  page: 'Finansiella rapporter, Övriga noter, Not 4 Verksamhetens kostnader',
  layout: NOTE_LAYOUT,
  printed: [
    ...NOTE_HEADER('Not 4 Verksamhetens kostnader'),
    ['Råvaror och förnödenheter', '-15,8', '-14,6', '-', '-'],
    ['Löner och sociala avgifter', '-1 758,8', '-1 717,2', '-1 685,6', '-1 648,4'],
    ['Pensionskostnader', '-110,8', '-105,4', '-104,9', '-100,4'],
    ['Inköp av anläggnings- och underhållsmaterial', '-38,2', '-32,0', '-34,0', '-28,8'],
    ['Fastighetskostnader och fastighetsentreprenader', '-10,5', '-11,0', '-', '-'],
    ['Bränsle, energi och vatten', '-85,9', '-82,2', '-19,0', '-19,0'],
    ['Köp av huvudverksamhet', '-547,5', '-486,0', '-547,5', '-486,0'],
    ['Lokal- och markhyror', '-34,0', '-272,5', '-21,5', '-270,5'],
    ['Övriga tjänster', '-71,4', '-64,4', '-65,8', '-59,1'],
    ['Lämnade bidrag', '-97,3', '-101,9', '-97,3', '-101,9'],
    ['Övriga kostnader', '-524,2', '-341,1', '-336,3', '-341,1'],
    ['Avgår koncerninterna kostnader', '244,6', '246,7'],
    ['Bolagens externa kostnader', '-165,5', '-140,6'],
    ['SUMMA', '-3 215,2', '-3 122,3', '-2 911,8', '-3 055,3'],
  ],
  mistakes: [],
  inputColumns: ['B', 'C', 'D', 'E'],
  sumRows: [17],
  relations: ['{c}17 = SUM({c}4:{c}16) @ B-E'],
  notes:
    'The koncern columns add the eliminated internal costs back ("Avgår koncerninterna kostnader", positive) and the ' +
    'companies\' external costs; those two rows have koncern figures only. Lokal- och markhyror drop from -272,5 to ' +
    '-34,0 (koncern) as leases moved to finansiell leasing in 2021 (see Not 5).',
};

export const engelholm2021Not5: RealTable = {
  ...NOTES,
  id: 'engelholm-2021-not5',
  page: 'Finansiella rapporter, Övriga noter, Not 5 Avskrivningar',
  layout: NOTE_LAYOUT,
  printed: [
    ...NOTE_HEADER('Not 5 Avskrivningar'),
    ['Immateriella anläggningar', '-2,0', '-2,1', '-2,0', '-2,1'],
    ['Byggnader och anläggningar', '-185,1', '-207,2', '-57,0', '-59,1'],
    ['Maskiner och inventarier', '-31,1', '-29,8', '-25,1', '-23,2'],
    ['Finansiell leasing', '-52,2', null, '-217,9', '-'],
    ['SUMMA', '-270,5', '-239,2', '-302,0', '-84,4'],
  ],
  mistakes: [],
  inputColumns: ['B', 'C', 'D', 'E'],
  sumRows: [8],
  relations: ['{c}8 = SUM({c}4:{c}7) @ B-E'],
  notes:
    'Finansiell leasing 2020 is empty for the koncern and "-" for the kommun. The kommun\'s 2021 depreciation on ' +
    'finansiell leasing (-217,9) is larger than the koncern\'s (-52,2): the leases are largely within the koncern.',
};

export const engelholm2021Invest: RealTable = {
  ...SOURCE,
  id: 'engelholm-2021-invest',
  url:
    'https://www.engelholm.se/kommun-och-politik/resultat-och-kvalitet/arsredovisning/arsredovisning-2021/investeringsredovisning/investerings--och-exploateringsverksamhet.html',
  page: 'Investeringsredovisning, Investerings- och exploateringsverksamhet (Nettoinvestering per styrelse/nämnd 2021)',
  layout: ['investment', 'unit-in-sheet', 'annual', 'unsigned'],
  printed: [
    ['Nettoinvestering per styrelse/nämnd 2021 mnkr', 'Utfall 2021', 'Budget 2021', 'Avvikelse'],
    ['Skattefinansierad verksamhet'],
    ['Kommunstyrelsen', '7,7', '17,4', '9,7'],
    ['Miljö- och tillståndsnämnden', '0,4', '0,4', '0,0'],
    ['Familje- och utbildningsnämnd', '22,1', '22,4', '0,3'],
    ['Nämnden för omsorg och stöd', '1,1', '4,1', '3,0'],
    ['Samhällsbyggnadsnämnden', '64,2', '101,2', '37,0'],
    ['Nämnden för kultur, idrott och fritid', '14,4', '21,7', '7,3'],
    ['Summa skattefinansierad verksamhet', '109,9', '167,2', '57,3'],
    ['Avgiftsfinansierad verksamhet'],
    ['Samhällsbyggnadsnämnden, VA', '56,0', '81,1', '25,1'],
  ],
  headerRows: 1,
  mistakes: [],
  inputColumns: ['B', 'C'],
  sumRows: [9],
  relations: ['D{r} = C{r} - B{r} @ 3-9,11', '{c}9 = SUM({c}3:{c}8) @ B-D'],
  notes:
    'Net investment per nämnd, expenditure positive, Avvikelse = Budget − Utfall (positive = money left). The title ' +
    'and unit share the first header cell ("Nettoinvestering per styrelse/nämnd 2021" over "mnkr"). The stored copy ' +
    'ends inside the next row ("Summa avgif…"), so the table stops at the VA row; the page\'s text gives the year\'s ' +
    'total, 109,9 + 56,0 = 165,9 mnkr. A second table on the page (Investeringsbudget: ursprungligt beslut 174,4 + ' +
    'ombudgetering 73,9 = 248,3) is left out.',
};
