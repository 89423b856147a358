/**
 * Värmdö kommun, Årsredovisning 2019 and 2016 (web edition): Not 3 Verksamhetens kostnader (Tkr).
 * http://arsredovisning.varmdo.se/2019/ekonomisk-sammanstallning/noter-kommun-och-koncern/not-3/
 * http://arsredovisning.varmdo.se/2016/ekonomisk-sammanstallning/noter-kommun-och-koncern/not-3/
 * A note that bridges the driftredovisning to the external costs: deductions ("Avgår … som särredovisas"), a
 * breakdown of the subtotal ("vilka består av:", indented), then the finansförvaltning's items.
 */
import type { RealTable } from '../types';

export const varmdo2019Not3: RealTable = {
  id: 'varmdo-2019-not3',
  organisation: 'Värmdö kommun',
  document: 'Årsredovisning 2019',
  url: 'http://arsredovisning.varmdo.se/2019/ekonomisk-sammanstallning/noter-kommun-och-koncern/not-3/',
  page: 'Ekonomisk sammanställning, Noter – kommun och koncern, Not 3',
  year: 2019,
  unit: 'tkr',
  layout: ['koncern', 'column-blocks', 'unit-in-sheet', 'annual', 'running-subtotals', 'varav-rows', 'signed'],
  printed: [
    ['Not 3 Verksamhetens kostnader'],
    ['Tkr', 'Kommunen 2019', 'Kommunen 2018', 'Koncernen 2019', 'Koncernen 2018'],
    ['Verksamhetens kostnader enligt driftsredovisningen', '-4 739 555', '-4 500 711', '-3 117 955', '-2 985 674'],
    ['Avgår verksamhetskostnader som särredovisas:'],
    ['Interna förvaltningskostnader', '1 598 957', '1 530 687'],
    ['Avskrivning på anläggningstillgångar', '132 232', '113 909'],
    ['Pensionskostnad redovisad på verksamheterna', '64 586', '62 983'],
    ['Löneskatt på årets pensionskostnad', '15 307', '14 930'],
    ['Verksamhetens externa kostnader', '-2 928 473', '-2 778 202', '3 117 955', '2 985 674'],
    ['vilka består av:'],
    ['   Kostnader – utgifter', '-974 115', '-943 050', '-1 027 845', '-988 243'],
    ['   Kostnader för arbetskraft', '-1 376 760', '-1 335 606', '-1 522 483', '-1 506 386'],
    ['   Övriga verksamhetskostnader', '-577 168', '-496 847', '-566 438', '-488 899'],
    ['   Utrangering/ Försäljning av anläggningstillgångar', null, '-650', null, '-650'],
    ['   Finansiella kostnader', '-430', '-424', '-430', '-424'],
    ['   Skatt på årets resultat', null, null, '-759', '-1 072'],
    ['Förändring av pensionsskuld', '-66 861', '-85 425'],
    ['Löneskatt på pensionsskuldsförändring', '-18 301', '-21 724'],
    [],
    ['Finansförvaltningens poster:'],
    ['Övriga kostnader', '-568', '-765'],
    ['Personalkostnader', '13', '44'],
    ['Utbetalade pensioner, premier', '-26 428', '-29 416'],
    ['Löneskatt på pensioner, premier', '-6 435', '-6 561'],
    [],
    ['Interna förda till investeringsredovisning', '12 502', '13 203'],
    ['Verksamhetens externa kostnader', '-3 034 551', '-2 908 846', '-3 117 955', '-2 985 674'],
  ],
  headerRows: 2,
  mistakes: [
    {
      cell: 'D9',
      note:
        'Koncernen 2019: the first "Verksamhetens externa kostnader" is printed +3 117 955; the line above gives ' +
        '−3 117 955 (nothing deducted for the koncern), its breakdown sums to −1 027 845 − 1 522 483 − 566 438 − 430 − 759 ' +
        '= −3 117 955, and the closing row prints −3 117 955. The sign is flipped.',
      breaks: ['D9 = D3 + SUM(D5:D8)', 'D9 = SUM(D11:D16)', 'D27 = D9 + SUM(D17:D26)'],
    },
    {
      cell: 'E9',
      note: 'Koncernen 2018: the same flipped sign, +2 985 674 where every other figure gives −2 985 674.',
      breaks: ['E9 = E3 + SUM(E5:E8)', 'E9 = SUM(E11:E16)', 'E27 = E9 + SUM(E17:E26)'],
    },
    {
      cell: 'C9',
      note:
        'Kommunen 2018: the breakdown −943 050 − 1 335 606 − 496 847 − 650 − 424 = −2 776 577 against the printed ' +
        'subtotal −2 778 202 (1 625 apart). The subtotal itself agrees with the line above and with the closing row, ' +
        'so one of the breakdown lines is short; the table does not say which.',
      breaks: ['C9 = SUM(C11:C16)'],
    },
  ],
  inputColumns: ['B', 'C', 'D', 'E'],
  sumRows: [9, 27],
  relations: ['{c}9 = {c}3 + SUM({c}5:{c}8) @ B-E', '{c}9 = SUM({c}11:{c}16) @ B-E', '{c}27 = {c}9 + SUM({c}17:{c}26) @ B-E'],
  notes:
    'The subtotal "Verksamhetens externa kostnader" is printed twice (row 9 after the deductions, row 27 at the end). ' +
    'The indented "vilka består av:" rows break the subtotal above them down; they are not added to anything else. ' +
    'The koncern columns have no deductions. Blank cells in the kommun-only rows are printed empty. The resultaträkning ' +
    'of the same report prints Verksamhetens kostnader for the koncern as −3 117 955, confirming the flipped sign.',
};

export const varmdo2016Not3: RealTable = {
  id: 'varmdo-2016-not3',
  organisation: 'Värmdö kommun',
  document: 'Årsredovisning 2016',
  url: 'http://arsredovisning.varmdo.se/2016/ekonomisk-sammanstallning/noter-kommun-och-koncern/not-3/',
  page: 'Ekonomisk sammanställning, Noter – kommun och koncern, Not 3',
  year: 2016,
  unit: 'tkr',
  layout: ['koncern', 'column-blocks', 'unit-in-sheet', 'annual', 'running-subtotals', 'varav-rows', 'signed'],
  printed: [
    ['Not 3 Verksamhetens kostnader'],
    ['Tkr', 'Kommunen 2016', 'Kommunen 2015', 'Koncernen 2016', 'Koncernen 2015'],
    ['Verksamhetens kostnader', '-4 175 251', '-3 984 280', '-2 785 617', '-2 626 172'],
    ['Avgår verksamhetskostnader som särredovisas:'],
    ['Interna förvaltningskostnader', '1 435 080', '1 407 701'],
    ['Avskrivning på anläggningstillgångar', '95 830', '90 674'],
    ['Pensionskostnad redovisad på verksamheterna', '50 533', '47 676'],
    ['Löneskatt på årets pensionskostnad', '12 022', '11 270'],
    ['Verksamhetens externa kostnader', '-2 581 786', '-2 426 959', '-2 785 617', '-2 626 172'],
    ['vilka består av:'],
    ['   Kostnader – utgifter', '-1 057 405', '-978 801', '-1 145 818', '-1 063 980'],
    ['   Kostnader för arbetskraft', '-1 244 557', '-1 171 496', '-1 366 128', '-1 287 594'],
    ['   Övriga verksamhetskostnader', '-278 789', '-276 257', '-272 636', '-274 186'],
    ['   Finansiella kostnader', '-1 035', '-405', '-1 035', '-405'],
    ['Årets pensionskostnad', '-58 570', '-53 844'],
    ['Löneskatt på årets pensionskostnad', '-14 557', '-13 446'],
    ['Omställningsförsäkring KOM-KL', '70', '-22'],
    ['Tillkommer finansförvaltningens poster'],
    ['Lämnade bidrag till ägda bolag', null, '-7 291'],
    ['Personalkostnader', '68', '44'],
    ['Övriga kostnader', '-919', '-684'],
    ['Utbetalade pensioner, premier', '-25 658', '-24 930'],
    ['Löneskatt på pensioner, premier', '-6 231', '-6 041'],
    ['Interna förda till investeringsredovisning', '12 777', '11 404'],
    ['Verksamhetens externa kostnader', '-2 674 806', '-2 521 769', '-2 785 617', '-2 626 165'],
  ],
  headerRows: 2,
  mistakes: [
    {
      cell: 'E9',
      note:
        'Koncernen 2015: the breakdown −1 063 980 − 1 287 594 − 274 186 − 405 = −2 626 165, and so is the closing ' +
        'row, but "Verksamhetens kostnader" and the first "Verksamhetens externa kostnader" print −2 626 172 (7 tkr ' +
        'apart; the koncern has no deductions, so the three must be equal).',
      breaks: ['E9 = SUM(E11:E14)', 'E25 = E9 + SUM(E15:E24)'],
    },
  ],
  inputColumns: ['B', 'C', 'D', 'E'],
  sumRows: [9, 25],
  relations: ['{c}9 = {c}3 + SUM({c}5:{c}8) @ B-E', '{c}9 = SUM({c}11:{c}14) @ B-E', '{c}25 = {c}9 + SUM({c}15:{c}24) @ B-E'],
  notes:
    'The single figure of "Lämnade bidrag till ägda bolag" stands after an empty cell in the stored copy, i.e. in ' +
    'the Kommunen 2015 column. "Tillkommer finansförvaltningens poster" is a heading row. The indented rows break ' +
    'the subtotal above them down.',
};
