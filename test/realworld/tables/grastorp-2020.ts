/**
 * Grästorps kommun, Årsredovisning 2020 (web edition on finansiellinfo.se), Räkenskaper.
 * Resultaträkning (Belopp i tkr): https://www.finansiellinfo.se/Grastorp_2020/Resultatrakning.html
 * Balansräkning (Belopp i tkr): https://www.finansiellinfo.se/Grastorp_2020/Balansrakning.html
 *
 * The stored copies put each row on one line with single spaces between the note number and the figures, and the
 * thousands separator is a space too ("Mark, byggnader och tekniska anläggningar 9 359 745 294 144 272 681").
 * Digit groups after the first must have three digits, which leaves at most two readings per row (with or without a
 * note number in front); the row's sums decide between them and leave exactly one (9 | 359 745 | 294 144 | 272 681:
 * 359 745 + 12 671 = 372 416, the printed Materiella anläggningstillgångar). The one row they cannot decide, the
 * balance sheet's last ("– därav särskild löneskatt 25 637 26 057 26 172", which has no sum), is left out.
 */
import type { RealTable } from '../types';

const BASE = 'https://www.finansiellinfo.se/Grastorp_2020/';
const SOURCE = {
  organisation: 'Grästorps kommun',
  document: 'Årsredovisning 2020',
  year: 2020,
  unit: 'tkr' as const,
  labelColumns: ['A', 'B'],
  headerRows: 2,
};

export const grastorp2020Rr: RealTable = {
  ...SOURCE,
  id: 'grastorp-2020-rr',
  url: `${BASE}Resultatrakning.html`,
  page: 'Räkenskaper, Resultaträkning',
  layout: ['resultatrakning', 'running-subtotals', 'not-column', 'unit-in-sheet', 'annual', 'signed'],
  printed: [
    ['Resultaträkning'],
    ['Belopp i tkr', 'Not', 'BUDGET 2020', '2020', '2019', '2018'],
    ['Verksamhetens intäkter', '1', '97 668', '107 793', '101 282', '106 965'],
    ['Verksamhetens kostnader', '2', '– 429 783', '– 428 525', '– 417 698', '– 419 995'],
    ['Avskrivningar', '3', '– 16 095', '– 15 439', '– 14 879', '– 13 462'],
    ['VERKSAMHETENS NETTOKOSTNADER', null, '– 348 210', '– 336 171', '– 331 295', '– 326 492'],
    ['Skatteintäkter', '4', '269 757', '265 699', '257 770', '251 162'],
    ['Generella statsbidrag och utjämning', '5', '87 616', '96 796', '86 552', '81 948'],
    ['VERKSAMHETENS RESULTAT', null, '9 163', '26 324', '13 027', '6 618'],
    ['Finansiella intäkter', '6', '656', '781', '794', '1 035'],
    ['Finansiella kostnader', '7', '– 884', '20', '– 1 778', '– 1 541'],
    ['RESULTAT EFTER FINANSIELLA POSTER', null, '8 935', '27 125', '12 043', '6 112'],
    ['Extraordinära poster'],
    ['ÅRETS RESULTAT', null, '8 935', '27 125', '12 043', '6 112'],
  ],
  mistakes: [],
  inputColumns: ['C', 'D', 'E', 'F'],
  sumRows: [6, 9, 12, 14],
  relations: [
    '{c}6 = SUM({c}3:{c}5) @ C-F',
    '{c}9 = {c}6 + {c}7 + {c}8 @ C-F',
    '{c}12 = {c}9 + {c}10 + {c}11 @ C-F',
    '{c}14 = {c}12 + {c}13 @ C-F',
  ],
  notes:
    'The budget column comes first (BUDGET 2020) and carries no avvikelse; the year columns are bare years. ' +
    'Finansiella kostnader 2020 is printed positive ("20"), and the year\'s result needs it so (26 324 + 781 + 20 = ' +
    '27 125): a cost line with a net income, not a sign error. Subtotals in capitals; "Extraordinära poster" has no ' +
    'figures.',
};

export const grastorp2020Br: RealTable = {
  ...SOURCE,
  id: 'grastorp-2020-br',
  url: `${BASE}Balansrakning.html`,
  page: 'Räkenskaper, Balansräkning',
  layout: ['totals-above', 'running-subtotals', 'varav-rows', 'not-column', 'note-numbers', 'unit-in-sheet', 'annual'],
  printed: [
    ['Balansräkning'],
    ['Belopp i tkr', 'Not', '2020', '2019', '2018'],
    ['TILLGÅNGAR'],
    ['ANLÄGGNINGSTILLGÅNGAR', null, '384 554', '315 298', '295 970'],
    ['Immateriella anläggningstillgångar', null, '2 158', '446', '461'],
    ['Immateriella anläggningstillgångar', '8', '2 158', '446', '461'],
    ['Materiella anläggningstillgångar', null, '372 416', '304 872', '283 229'],
    ['Mark, byggnader och tekniska anläggningar', '9', '359 745', '294 144', '272 681'],
    ['Maskiner och inventarier', '10', '12 671', '10 728', '10 548'],
    ['Övriga materiella anläggningstillgångar'],
    ['Finansiella anläggningstillgångar', null, '9 980', '9 980', '12 280'],
    ['Aktier och andelar', '11', '9 980', '8 880', '11 180'],
    ['Långfristiga fordringar', '12', '0', '1 100', '1 100'],
    ['Bidrag till statlig infrastruktur', '13', '5 040', '5 320', '5 600'],
    ['OMSÄTTNINGSTILLGÅNGAR', null, '88 300', '85 745', '96 768'],
    ['Förråd och exploateringstillgångar', null, '0', '0', '0'],
    ['Fordringar', '14', '39 331', '34 153', '32 399'],
    ['Kassa och bank', '15', '48 969', '51 592', '64 369'],
    ['SUMMA TILLGÅNGAR', null, '477 894', '406 363', '398 338'],
    ['EGET KAPITAL, AVSÄTTNINGAR OCH SKULDER'],
    ['EGET KAPITAL, vid årets början', '16', '184 788', '172 745', '166 632'],
    ['Årets resultat, inklusive justering', '17', '27 125', '12 043', '6 113'],
    ['EGET KAPITAL, vid årets slut', '18', '211 913', '184 788', '172 745'],
    ['– resultatutjämningreserv', '19', '13 500', '13 500', '12 500'],
    ['– övrigt eget kapital', null, '198 413', '171 288', '160 245'],
    ['AVSÄTTNINGAR', null, '14 153', '16 169', '14 916'],
    ['Pensioner och liknande förpliktelser', '20', '7 094', '7 015', '6 258'],
    ['Andra avsättningar', '21', '7 059', '9 154', '8 658'],
    ['SKULDER', null, '251 828', '205 406', '210 677'],
    ['Långfristiga skulder', '22', '151 284', '122 876', '126 098'],
    ['Kortfristiga skulder', '23', '100 544', '82 530', '84 579'],
    ['SUMMA EGET KAPITAL, AVSÄTTNINGAR OCH SKULDER', null, '477 894', '406 363', '398 338'],
    ['Panter och ansvarsförbindelser'],
    ['Borgensförbindelser', null, '247 462', '227 225', '212 232'],
    ['Borgensåtaganden egnahem', '24', '2', '57', '64'],
    ['Övriga förpliktelser', '25', '247 460', '227 168', '212 168'],
    ['Ansvarsförbindelser', null, '131 313', '133 462', '134 056'],
    ['Pensionsförpliktelser intjänade före 1998', '26', '131 313', '133 462', '134 056'],
  ],
  mistakes: [],
  inputColumns: ['C', 'D', 'E'],
  sumRows: [4, 5, 7, 11, 15, 19, 23, 26, 29, 32, 34, 37],
  relations: [
    '{c}4 = {c}5 + {c}7 + {c}11 @ C-E',
    '{c}5 = {c}6 @ C-E',
    '{c}7 = {c}8 + {c}9 + {c}10 @ C-E',
    '{c}11 = {c}12 + {c}13 @ C-E',
    '{c}15 = SUM({c}16:{c}18) @ C-E',
    '{c}19 = {c}4 + {c}14 + {c}15 @ C-E',
    '{c}23 = {c}21 + {c}22 @ C-E',
    '{c}23 = {c}24 + {c}25 @ C-E',
    '{c}26 = {c}27 + {c}28 @ C-E',
    '{c}29 = {c}30 + {c}31 @ C-E',
    '{c}32 = {c}23 + {c}26 + {c}29 @ C-E',
    '{c}32 = {c}19 @ C-E',
    '{c}34 = {c}35 + {c}36 @ C-E',
    '{c}37 = {c}38 @ C-E',
  ],
  notes:
    'Every group carries its total on its own heading row, above its lines (ANLÄGGNINGSTILLGÅNGAR above the ' +
    'immateriella, materiella and finansiella groups, which carry theirs too). "Bidrag till statlig infrastruktur" is ' +
    'printed among the anläggningstillgångar but is not in their total: SUMMA TILLGÅNGAR adds it separately. ' +
    '"EGET KAPITAL, vid årets slut" is broken down twice: opening equity plus the year\'s result, and the ' +
    '"– resultatutjämningreserv" / "– övrigt eget kapital" lines (spelled as printed). Årets resultat 2018 is 6 113 here ' +
    'and 6 112 in the resultaträkning. The stored copy ends with "– därav särskild löneskatt 25 637 26 057 26 172", ' +
    'left out: with no sum to decide, "25 | 637 …" (a note number) cannot be told from "25 637 …".',
};
