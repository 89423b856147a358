/**
 * Malmö stad, web editions of the årsredovisningar 2014 and 2015 and of Delårsrapport 2 (januari–augusti) 2014.
 * Prognossäkerhet 2015 (PROGNOSAVVIKELSE, MKR):
 *   http://redovisningar.malmo.se/2015/arsredovisning-2015/forvaltningsberattelse/prognossakerhet/
 * Prognossäkerhet 2014 (Prognosavvikelse, Mkr):
 *   http://redovisningar.malmo.se/2014/arsredovisning-2014/forvaltningsberattelse-2/prognossakerhet/
 * Budgetavvikelse Mkr (Prognos | Budget | Avvikelse), Delårsrapport 2, 2014, Kommunens ekonomi, Budgetutfall:
 *   http://redovisningar.malmo.se/DR2_2014/delarsrapport/kommunens_ekonomi/budgetutfall/
 *
 * The stored copies of the two prognossäkerhet pages run each row's cells together ("Servicenämnd673235",
 * "Årets resultat-7080-150"). Each row was split into three whole-Mkr figures (a minus sign only at the start of a
 * figure, no leading zeros) and the split kept only when exactly one split satisfies Bokslut − Delårsrapport =
 * Avvikelse; every row of both tables has exactly one. The column sums to Årets resultat then hold in all three
 * columns, a second check the split did not use. The Delårsrapport 2 table separates its cells by spaces and every
 * figure starts with a sign or a digit group, so "-15 351 -15 233 -118" has one reading.
 */
import type { RealTable } from '../types';

const SOURCE = { organisation: 'Malmö stad', unit: 'mnkr' as const };
const PROGNOSSAKERHET_NOTE =
  'Prognossäkerhet: each row compares the budget deviation at the year-end (Bokslut) with the one forecast in the ' +
  'delårsrapport per augusti; Avvikelse = Bokslut − Delårsrapport. Every figure is a budget deviation in whole Mkr, ' +
  'positive = better than budget, so a negative Avvikelse means the forecast was too optimistic. ';

export const malmo2015Prognossakerhet: RealTable = {
  ...SOURCE,
  id: 'malmo-2015-prognossakerhet',
  document: 'Årsredovisning 2015',
  url: 'http://redovisningar.malmo.se/2015/arsredovisning-2015/forvaltningsberattelse/prognossakerhet/',
  page: 'Förvaltningsberättelse, Prognossäkerhet',
  year: 2015,
  months: 8,
  layout: ['prognossakerhet', 'prognos', 'unit-in-sheet', 'annual', 'signed'],
  printed: [
    ['PROGNOSAVVIKELSE, MKR'],
    [null, 'Bokslut', 'Delårsrapp jan-aug', 'Avvikelse'],
    ['Servicenämnd', '67', '32', '35'],
    ['Kommunstyrelse', '96', '65', '31'],
    ['Ekonomiskt bistånd', '-11', '-10', '-1'],
    ['Stadsbyggnadsnämnd', '15', '6', '9'],
    ['Teknisk nämnd', '13', '8', '5'],
    ['Rea-/exploateringsvinster', '176', '151', '25'],
    ['Arb.markn. gymn o vux utb.nämnd', '11', '4', '7'],
    ['Grundskolenämnd', '10', '0', '10'],
    ['Förskolenämnd', '6', '0', '6'],
    ['Social resursnämnd, inkl pers ass', '-18', '-4', '-14'],
    ['Statsbidrag flyktingar', '0', '-6', '6'],
    ['Stadsområdesnämnder', '-42', '-41', '-1'],
    ['Hemlöshet (75 %)', '-51', '-40', '-11'],
    ['Övriga nämnder', '12', '8', '4'],
    ['Finansiering', '279', '143', '136'],
    ['ÅRETS RESULTAT', '563', '316', '247'],
  ],
  headerRows: 2,
  mistakes: [],
  inputColumns: ['B', 'C'],
  sumRows: [18],
  relations: ['D{r} = B{r} - C{r} @ 3-18', '{c}18 = SUM({c}3:{c}17) @ B-D'],
  notes: PROGNOSSAKERHET_NOTE + 'The total row comes last, in capitals.',
};

export const malmo2014Prognossakerhet: RealTable = {
  ...SOURCE,
  id: 'malmo-2014-prognossakerhet',
  document: 'Årsredovisning 2014',
  url: 'http://redovisningar.malmo.se/2014/arsredovisning-2014/forvaltningsberattelse-2/prognossakerhet/',
  page: 'Förvaltningsberättelse, Prognossäkerhet',
  year: 2014,
  months: 8,
  layout: ['prognossakerhet', 'prognos', 'totals-above', 'unit-in-sheet', 'annual', 'signed'],
  printed: [
    ['Prognosavvikelse, Mkr'],
    [null, 'Bokslut', 'Delårsrapport jan-aug', 'Avvikelse'],
    ['Årets resultat', '-70', '80', '-150'],
    ['Servicenämnd', '38', '7', '31'],
    ['Kommunstyrelse', '-18', '44', '-62'],
    ['Stadsbyggnadsnämnd', '13', '5', '8'],
    ['Teknisk nämnd', '-12', '-33', '21'],
    ['Rea-/exploateringsvinster', '88', '60', '28'],
    ['Gymnasie- & vuxenutbildningsnämnd', '22', '19', '3'],
    ['Grundskolenämnd', '-14', '0', '-14'],
    ['Förskolenämnd', '-6', '-10', '4'],
    ['Social resursnämnd', '-15', '-17', '2'],
    ['Statsbidrag flyktingar', '40', '36', '4'],
    ['Stadsområdesnämnder', '-120', '-69', '-51'],
    ['Hemlöshet (75%)', '-84', '-68', '-16'],
    ['Ekonomiskt bistånd', '-122', '-122', '0'],
    ['Övriga nämnder', '3', '-1', '4'],
    ['Finansiering', '117', '229', '-112'],
  ],
  headerRows: 2,
  mistakes: [],
  inputColumns: ['B', 'C'],
  sumRows: [3],
  relations: ['D{r} = B{r} - C{r} @ 3-18', '{c}3 = SUM({c}4:{c}18) @ B-D'],
  notes:
    PROGNOSSAKERHET_NOTE +
    'The total (Årets resultat) is printed first, above the rows it sums. The stored copy shows a space after ' +
    '"Finansiering" before its figures.',
};

export const malmo2014Dr2Budgetavvikelse: RealTable = {
  ...SOURCE,
  id: 'malmo-2014-dr2-budgetavvikelse',
  document: 'Delårsrapport 2, 2014 (januari–augusti)',
  url: 'http://redovisningar.malmo.se/DR2_2014/delarsrapport/kommunens_ekonomi/budgetutfall/',
  page: 'Kommunens ekonomi, Budgetutfall (Prognostiserat budgetutfall för helåret)',
  year: 2014,
  months: 8,
  layout: ['prognos', 'resultatrakning', 'running-subtotals', 'varav-rows', 'unit-in-sheet', 'signed'],
  printed: [
    ['Budgetavvikelse Mkr'],
    [null, 'Prognos', 'Budget', 'Avvikelse'],
    ['Nettokostnad', '-15 351', '-15 233', '-118'],
    ['- varav rea/ expl- vinster', '260', '200', '60'],
    ['Skatter och generella bidrag', '15 266', '15 185', '81'],
    ['Finansnetto', '86', '-31', '117'],
    ['Årets resultat', '1', '-79', '80'],
  ],
  headerRows: 2,
  mistakes: [],
  inputColumns: ['B', 'C'],
  sumRows: [7],
  relations: ['D{r} = B{r} - C{r} @ 3-7', '{c}7 = {c}3 + {c}5 + {c}6 @ B-D'],
  notes:
    'The full-year forecast of the delårsrapport per augusti against the year\'s budget, whole Mkr, signed (net cost ' +
    'negative); Avvikelse = Prognos − Budget, positive = better. "- varav rea/ expl- vinster" breaks the Nettokostnad ' +
    'down (the gains on sales of property included in it) and is not added again. No period columns: the table is ' +
    'the helårsprognos only.',
};
