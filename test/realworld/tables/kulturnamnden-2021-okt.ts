/**
 * Månadsrapport Kulturnämnden oktober 2021: Driftredovisning (tkr), period januari–oktober and helår with Årsprognos.
 * https://5dok.org/document/yr38x7m8-hel%C3%A5rsprognosen-%C3%A4r-ett-%C3%B6verskott-om-miljoner-kronor.html — page 1.
 * The stored document does not name the municipality (a Kulturnämnd with bibliotek, kulturskola, fritidsgårdar and
 * "Scen & kulturproduktion").
 */
import type { RealTable } from '../types';

export const kulturnamnden2021Okt: RealTable = {
  id: 'kulturnamnden-2021-okt',
  organisation: 'Okänd kommun (Kulturnämnden)',
  document: 'Månadsrapport Kulturnämnden oktober 2021',
  url: 'https://5dok.org/document/yr38x7m8-hel%C3%A5rsprognosen-%C3%A4r-ett-%C3%B6verskott-om-miljoner-kronor.html',
  page: '1',
  year: 2021,
  months: 10,
  unit: 'tkr',
  layout: ['net-cost-per-verksamhet', 'prognos', 'column-blocks', 'unit-in-sheet', 'drift', 'signed'],
  printed: [
    ['Driftredovisning', 'januari-okt 2021', null, null, 'Helår 2021', null, null],
    ['Kulturnämnden, tkr', 'Utfall (U)', 'Budget (B)', 'Avvikelse (B-U)', 'Årsprognos (P)', 'Årsbudget (Å)', 'Avvikelse (Å-P)'],
    ['Kulturnämnden', '-539', '-536', '-3', '-643', '-643', '0'],
    ['KN gemensamma kostnader', '-1 660', '-2 320', '660', '-2 140', '-2 810', '670'],
    ['Bibliotek', '-12 215', '-12 740', '525', '-15 039', '-15 339', '300'],
    ['Kulturskola', '-9 404', '-8 892', '-513', '-11 374', '-10 924', '-450'],
    ['Fritidsgårdar', '-6 361', '-7 015', '654', '-7 715', '-8 555', '840'],
    ['Scen & kulturproduktion', '-10 691', '-11 409', '718', '-13 557', '-13 737', '180'],
    ['Summa driftredovisning', '-40 871', '-42 911', '2 040', '-50 467', '-52 007', '1 540'],
  ],
  headerRows: 2,
  mistakes: [],
  inputColumns: ['B', 'C', 'E', 'F'],
  sumRows: [9],
  relations: ['D{r} = B{r} - C{r} @ 3-9', 'G{r} = E{r} - F{r} @ 3-9', '{c}9 = SUM({c}3:{c}8) @ B-G'],
  notes:
    'The headers spell the deviations "(B-U)" and "(Å-P)", but with net costs printed negative every figure is ' +
    'U − B and P − Å (Kulturnämnden: −539 − (−536) = −3). The formula in the header is the cost-terms rule ' +
    '(positive = better) and must not be applied literally to the signed figures. Period and full year are two ' +
    'column blocks; the full year carries the forecast.',
};
