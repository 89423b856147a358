/**
 * Vårgårda kommun, Årsredovisning 2023 (web edition), Ekonomisk redovisning.
 * Investeringsredovisning (mnkr): https://vargarda.se/kommun-och-demokrati/arsredovisning-2023---vargarda-kommun/ekonomisk-redovisning/investeringsredovisning.html
 *   — the skattefinansierade part (two groups with their subtotals); the stored copy ends inside the VA part.
 * Driftredovisning (Belopp i mnkr): https://vargarda.se/kommun-och-demokrati/arsredovisning-2023---vargarda-kommun/ekonomisk-redovisning/driftredovisning.html
 *   — the first of the page's two tables (Utfall 2022 and Utfall 2023), complete.
 * Balansräkning (mnkr): https://vargarda.se/kommun-och-demokrati/arsredovisning-2023---vargarda-kommun/ekonomisk-redovisning/balansrakning.html
 *   — down to "Summa eget kapital, avsättn och skulder" (the Panter och ansvarsförbindelser below are left out).
 */
import type { RealTable } from '../types';

const BASE = 'https://vargarda.se/kommun-och-demokrati/arsredovisning-2023---vargarda-kommun/ekonomisk-redovisning/';
const SOURCE = { organisation: 'Vårgårda kommun', document: 'Årsredovisning 2023', year: 2023, unit: 'mnkr' as const };

export const vargarda2023Invest: RealTable = {
  ...SOURCE,
  id: 'vargarda-2023-invest',
  url: `${BASE}investeringsredovisning.html`,
  page: 'Ekonomisk redovisning, Investeringsredovisning (skattefinansierade investeringsutgifter)',
  layout: ['investment', 'prognos', 'unit-in-sheet', 'annual', 'unsigned'],
  printed: [
    ['Investeringsredovisning'],
    ['(mnkr)', 'Urspr budget 2023', 'Om-budget År', 'Budget 2023', 'Utfall 2023', 'Av-vikelse 2023', 'Prognos okt 2023'],
    ['Skattefinansierade investeringsutgifter'],
    ['Investeringsobjekt <3 mnkr'],
    ['Inventarier', '4,3', '4,2', '8,5', '4,0', '4,5', '5,9'],
    ['Reinvestering', '4,0', '1,0', '5,0', '0,0', '5,0', '5,0'],
    ['Underhåll', '14,9', '1,9', '16,8', '15,2', '1,6', '16,6'],
    ['Lokalanpassningar', '2,7', '0,8', '3,5', '6,1', '-2,7', '3,5'],
    ['Utredning GC-bro Kyllingsån', '0,0', '0,3', '0,3', '0,1', '0,2', '0,1'],
    ['Tekniska Installationer', '3,0', '0,0', '3,0', '0,4', '2,6', '3,5'],
    ['Skattefinansierade inv obj <3 mnkr', '28,8', '8,2', '37,0', '25,7', '11,2', '34,5'],
    ['Investeringsobjekt >3 mnkr'],
    ['Inventarier nytt äldreboende', '0,0', '0,0', '0,0', '0,5', '-0,5', '0,0'],
    ['Nytt äldreboende', '2,5', '2,4', '4,9', '3,4', '1,6', '2,9'],
    ['Om- & Tillbyggn Fridhem', '0,0', '0,5', '0,5', '2,9', '-2,4', '2,9'],
    ['Utökning platser Vårgården', '0,0', '7,9', '7,9', '6,7', '1,2', '6,7'],
    ['Musikskola Kulturen', '0,0', '13,3', '13,3', '12,3', '1,0', '10,0'],
    ['Förskola Centrum', '0,0', '76,7', '76,7', '41,9', '34,9', '45,0'],
    ['Ventilation Sundler', '0,0', '6,0', '6,0', '0,5', '5,4', '0,5'],
    ['Förskola Hol', '0,5', '-0,5', '0,0', '0,5', '-0,5', '0,5'],
    ['Ombyggn Fridhem mottagnkök', '1,0', '0,2', '1,2', '0,4', '0,8', '0,7'],
    ['Ny idrottshall tätorten', '0,5', '0,0', '0,5', '0,0', '0,5', '0,3'],
    ['Ombyggn Asklanda mottagnkök', '0,0', '0,0', '0,0', '0,3', '-0,3', '0,0'],
    ['Sporthall återinvestering', '0,0', '2,2', '2,2', '1,6', '0,7', '1,5'],
    ['Investering >3 mkr', '4,5', '108,7', '113,2', '71,0', '42,2', '70,9'],
  ],
  headerRows: 2,
  mistakes: [],
  inputColumns: ['B', 'C', 'E', 'G'],
  sumRows: [11, 25],
  relations: [
    'D{r} = B{r} + C{r} @ 5-11,13-25',
    'F{r} = D{r} - E{r} @ 5-11,13-25',
    '{c}11 = SUM({c}5:{c}10) @ B-G',
    '{c}25 = SUM({c}13:{c}24) @ B-G',
  ],
  notes:
    'Expenditure printed positive; Avvikelse = Budget − Utfall (positive = money left). Budget 2023 = the original ' +
    'budget plus "Om-budget" (carried over). "Prognos okt 2023" is October\'s full-year forecast, shown for comparison ' +
    'and not used in the avvikelse. Headers as printed, hyphens included ("Av-vikelse", "Om-budget År"). Group ' +
    'headings above their rows, subtotals below; "mnkr" and "mkr" both occur in labels.',
};

export const vargarda2023Drift: RealTable = {
  ...SOURCE,
  id: 'vargarda-2023-drift',
  url: `${BASE}driftredovisning.html`,
  page: 'Ekonomisk redovisning, Driftredovisning (Utfall 2022 and 2023)',
  layout: ['column-blocks', 'drift', 'unit-in-sheet', 'annual', 'running-subtotals', 'signed'],
  printed: [
    ['Driftredovisning'],
    [null, 'Utfall 2022', null, null, 'Utfall 2023', null, null],
    ['Belopp i mnkr', 'Intäkt', 'Kostnad', 'Netto', 'Intäkt', 'Kostnad', 'Netto'],
    ['Politisk verksamhet', '-', '9', '9', '0', '9', '9'],
    ['Summa Politisk verksamhet', '-', '9', '9', '0', '9', '9'],
    ['Kommunövergripande', '-2', '37', '35', '-3', '42', '39'],
    ['Summa Kommunövergripande', '-2', '37', '35', '-3', '42', '39'],
    ['Personal/Ekonomi', '-10', '25', '15', '-10', '25', '16'],
    ['Strategisk planering o utveckl', '-3', '16', '13', '-3', '18', '14'],
    ['Summa Stödfunktioner', '-13', '41', '28', '-13', '43', '30'],
    ['Förskola/Grundskola', '-47', '347', '300', '-51', '375', '324'],
    ['Gymnasie/Musikskola', '-15', '76', '62', '-15', '83', '68'],
    ['Kultur och Fritid', '-4', '25', '21', '-5', '27', '22'],
    ['Samhällsbyggnad', '-183', '215', '32', '-212', '242', '29'],
    ['Socialtjänst', '-49', '172', '122', '-40', '172', '132'],
    ['Vård och omsorg', '-76', '235', '159', '-86', '251', '165'],
    ['Summa Kärnverksamhet', '-374', '1 070', '697', '-409', '1 150', '741'],
    ['Kapitalkostnadspott', '-', null, '-', '-'],
    ['Summa', '-389', '1 157', '769', '-427', '1 245', '818'],
    ['Finansverksamhet', null, '17', '17', '-6', '37', '31'],
    ['Summa Finansverksamhet', '-', '17', '17', '-6', '37', '31'],
    ['Återföring kapitalkostnad', null, '-45', '-45', null, '-48', '-48'],
    ['Återföring generella bidrag bokförda på verksamheten', '6', null, '6', '6', null, '6'],
    ['Resultat före avskrivningar', '6', '-45', '-39', '6', '-48', '-42'],
    [],
    ['Interna poster', '-221', '221', '-', '-193', '193', '-'],
    ['Avskrivningar', '-', '34', '34', '-', '40', '40'],
    ['Verksamhetens nettokostnader', '-383', '1 164', '781', '-427', '1 274', '848'],
  ],
  headerRows: 3,
  mistakes: [],
  inputColumns: ['B', 'C', 'E', 'F'],
  sumRows: [5, 7, 10, 17, 19, 21, 24, 28],
  relations: [
    'D{r} = B{r} + C{r} @ 4-24,26-28',
    'G{r} = E{r} + F{r} @ 4-24,26-28',
    '{c}5 = SUM({c}4:{c}4) @ B-G',
    '{c}7 = SUM({c}6:{c}6) @ B-G',
    '{c}10 = SUM({c}8:{c}9) @ B-G',
    '{c}17 = SUM({c}11:{c}16) @ B-G',
    '{c}19 = {c}5 + {c}7 + {c}10 + {c}17 + {c}18 @ B-G',
    '{c}21 = SUM({c}20:{c}20) @ B-G',
    '{c}24 = SUM({c}22:{c}23) @ B-G',
    '{c}28 = {c}19 + {c}21 + {c}24 + {c}27 @ B-G',
  ],
  notes:
    'Ledger signs: revenue negative, costs and net costs positive. Whole mnkr, no decimals. "Summa …" rows close ' +
    'even one-row groups; the group "Stödfunktioner" has no heading row. "Resultat före avskrivningar" sums only the ' +
    'two Återföring rows above it. "Interna poster" is shown but is not part of Verksamhetens nettokostnader (it ' +
    'nets to zero; adding its revenue and cost would break the total). "Kapitalkostnadspott" prints only three ' +
    'dashes; the stored copy does not show which three columns — here B, D and E; every placement leaves the ' +
    'relations as they are. The page\'s second table (Budget 2023, Budgetavvikelse 2023) is cut off in the stored ' +
    'copy and left out.',
};

export const vargarda2023Balans: RealTable = {
  ...SOURCE,
  id: 'vargarda-2023-balans',
  url: `${BASE}balansrakning.html`,
  page: 'Ekonomisk redovisning, Balansräkning',
  layout: ['not-column', 'note-numbers', 'koncern', 'column-blocks', 'varav-rows', 'running-subtotals', 'unit-in-sheet', 'annual'],
  printed: [
    ['Balansräkning'],
    [null, null, 'Koncernen', null, 'Kommunen', null, null],
    ['(mnkr)', 'Not', 'Bokslut 2022', 'Bokslut 2023', 'Bokslut 2022', 'Bokslut 2023', 'Budget 2023'],
    ['Tillgångar'],
    ['Anläggningstillgångar'],
    ['Immateriella anläggningstillgångar', '10', '1,5', '1,5', '0,2', '0,1', '-'],
    ['Materiella anläggningstillgångar', '11,12', '1 263,9', '1 344,0', '828,4', '907,5', '884,5'],
    ['varav mark, byggnader och tekniska anläggningar', null, '1 170,6', '1 188,8', '742,8', '761,5'],
    ['varav maskiner och inventarier', null, '48,6', '58,2', '44,1', '53,2'],
    ['varav övriga materiella anläggningstillgångar', null, '44,7', '97,0', '41,6', '92,5'],
    ['Finansiella anläggningstillgångar', '13', '30,3', '31,1', '35,0', '35,9', '35,1'],
    ['Summa anläggningstillgångar', null, '1 295,7', '1 376,6', '863,6', '943,5', '919,6'],
    [],
    ['Bidrag till statlig infrastruktur', '14', '-', '-', '-', '-'],
    ['Omsättningstillgångar'],
    ['Förråd/exploatering', '14', '2,8', '2,4', '2,7', '2,4', '2,5'],
    ['Fordringar', '15', '109,9', '127,2', '107,6', '124,6', '65,0'],
    ['Kortfristiga placeringar', null, '-', '-', '-', '-', '-'],
    ['Kassa och bank', '16', '76,8', '50,4', '76,8', '48,1', '58,8'],
    ['Summa omsättningstillgångar', null, '189,5', '180,0', '187,2', '175,0', '126,3'],
    ['Summa Tillgångar', null, '1 485,2', '1 556,6', '1 050,8', '1 118,5', '1 045,9'],
    ['Eget kapital, avsättningar och skulder'],
    ['Eget kapital'],
    ['Årets resultat', null, '37,0', '6,4', '36,7', '6,1', '16,9'],
    ['Resultatutjämningsreserv', null, '5,0', '5,0', '5,0', '5,0'],
    ['Övrigt eget kapital', null, '363,4', '397,1', '371,6', '405,0', '390,9'],
    ['Summa eget kapital', '17', '405,4', '408,5', '413,4', '416,2', '407,8'],
    ['Avsättningar', '18'],
    ['Avsättningar för pension och likn förplikt', null, '9,0', '9,0', '9,0', '9,4', '9,3'],
    ['Andra avsättningar', null, '38,8', '40,8', '46,0', '46,7', '31,7'],
    ['Summa avsättningar', null, '47,8', '49,8', '55,0', '56,1', '41,0'],
    ['Skulder'],
    ['Långfristiga skulder', '19', '834,7', '896,4', '386,9', '447,4', '380,0'],
    ['Kortfristiga skulder', '20', '197,3', '201,9', '195,6', '198,8', '217,1'],
    ['Summa skulder', null, '1 032,0', '1 098,3', '582,5', '646,2', '597,1'],
    ['Summa eget kapital, avsättn och skulder', null, '1 485,2', '1 556,6', '1 050,8', '1 118,5', '1 045,9'],
  ],
  headerRows: 3,
  labelColumns: ['A', 'B'],
  mistakes: [
    {
      cell: 'F7',
      note:
        'Kommunen, Bokslut 2023: the three "varav" rows 761,5 + 53,2 + 92,5 = 907,2 against the printed Materiella ' +
        'anläggningstillgångar 907,5 (0,3 mnkr apart, more than the rounding of three figures allows). The line ' +
        'itself agrees with Summa anläggningstillgångar; one of the varav rows is short.',
      breaks: ['F7 = SUM(F8:F10)'],
    },
  ],
  inputColumns: ['C', 'D', 'E', 'F', 'G'],
  sumRows: [12, 20, 21, 27, 31, 35, 36],
  relations: [
    '{c}7 = SUM({c}8:{c}10) @ C-F',
    '{c}12 = {c}6 + {c}7 + {c}11 @ C-G',
    '{c}20 = SUM({c}16:{c}19) @ C-G',
    '{c}21 = {c}12 + {c}14 + {c}20 @ C-G',
    '{c}27 = SUM({c}24:{c}26) @ C-G',
    '{c}31 = SUM({c}29:{c}30) @ C-G',
    '{c}35 = SUM({c}33:{c}34) @ C-G',
    '{c}36 = {c}27 + {c}31 + {c}35 @ C-G',
    '{c}36 = {c}21 @ C-G',
  ],
  notes:
    'A balance sheet with a Budget 2023 column in the kommun block only. The note reference "11,12" (two notes) ' +
    'reads like a decimal number. The "varav" rows break the line above them down and are not added again. ' +
    '"Bidrag till statlig infrastruktur" prints four dashes for five columns (here C–F). Heading rows ' +
    '(Tillgångar, Eget kapital …) carry no figures; "Avsättningar" carries its note number on the heading row.',
};
