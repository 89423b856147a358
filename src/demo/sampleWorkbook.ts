/**
 * The sample workbook of the task pane's demo mode: the forecast sheets of an invented committee
 * (Barn- och utbildningsnämnden, Ekby kommun) at the interim report for January–August 2026.
 *
 * Amounts are kronor with öre, as a ledger export gives them. The Avvikelse columns are empty, so a
 * visitor sees Avvikelse fill them. Some deviations cross the default thresholds (kommentera at
 * 1 000 tkr / 10 %, bevaka at 500 tkr / 5 %): personnel costs, purchased services in upper
 * secondary school, revenue, and an under-spent new pre-school among the investments.
 */
import type { RawValue } from '../core/types';
import type { SettingsInput } from '../report/settings';

export interface SampleSheet {
  name: string;
  values: RawValue[][];
}

/** The drift header: a grouping column (Verksamhet), the row type, amounts and empty avvikelse columns. */
export const DRIFT_HEADER = [
  'Verksamhet',
  'Kategori',
  'Typ',
  'Budget helår',
  'Prognos helår',
  'Avvikelse helår',
  'Budget jan–aug',
  'Utfall jan–aug',
  'Avvikelse jan–aug',
  'Utfall jan–aug 2025',
];

/** 1-based row of the drift header (two title rows and a blank row above it). */
export const DRIFT_HEADER_ROW = 4;

/** [verksamhet, kategori, typ, budget helår, prognos helår, avvikelse, budget jan–aug, utfall jan–aug, avvikelse, utfall fg år] in kr. */
const DRIFT_ROWS: RawValue[][] = [
  ['Förskola', 'Verksamhetens intäkter', 'Intäkt', 14199708.32, 14509181.06, null, 9467719.07, 9727492.73, null, 9136790.24],
  ['Förskola', 'Personal', 'Kostnad', 98400784.34, 99849555.01, null, 65599208.85, 66719373.18, null, 63304074.2],
  ['Förskola', 'Lokaler', 'Kostnad', 18599874.62, 18560889.9, null, 12400584.82, 12374924.08, null, 11965379.77],
  ['Förskola', 'Köp av verksamhet', 'Kostnad', 6199952.63, 6279989.75, null, 4133708.53, 4192619.72, null, 3987441.22],
  ['Förskola', 'Övrigt', 'Kostnad', 9800881.96, 10060256.01, null, 6533713.55, 6722859.83, null, 6304412.06],
  ['Grundskola', 'Verksamhetens intäkter', 'Intäkt', 21499817.66, 22119308.27, null, 14333116.53, 14872723.78, null, 13831282.22],
  ['Grundskola', 'Personal', 'Kostnad', 186300466.02, 187280670.45, null, 124200618.69, 124959310.65, null, 119853355.05],
  ['Grundskola', 'Lokaler', 'Kostnad', 41200428.48, 41320022.54, null, 27467649.37, 27557470.7, null, 26505391.33],
  ['Grundskola', 'Köp av verksamhet', 'Kostnad', 24799550.47, 25209721.51, null, 16532638.12, 16862190.71, null, 15954805.7],
  ['Grundskola', 'Övrigt', 'Kostnad', 19700297.61, 20059184.61, null, 13132825.61, 13432254.26, null, 12673492.98],
  ['Gymnasieskola', 'Verksamhetens intäkter', 'Intäkt', 8899161.61, 8860043.48, null, 5933396.01, 5913313.69, null, 5724391.04],
  ['Gymnasieskola', 'Personal', 'Kostnad', 72600733.9, 72419263.67, null, 48400256.34, 48249192.1, null, 46705701.95],
  ['Gymnasieskola', 'Lokaler', 'Kostnad', 15299419.93, 15289390.42, null, 10199531.48, 10194879.47, null, 9842597.72],
  ['Gymnasieskola', 'Köp av verksamhet', 'Kostnad', 38399808.97, 37079278.42, null, 25599273.08, 24659790.53, null, 24704526.37],
  ['Gymnasieskola', 'Övrigt', 'Kostnad', 11200763.21, 11349673.91, null, 7467619.04, 7576992.23, null, 7206012.86],
];

function driftSheet(): SampleSheet {
  return {
    name: 'Drift',
    values: [
      ['Driftredovisning – Barn- och utbildningsnämnden, Ekby kommun', null],
      ['Belopp i kr. Prognos per 31 augusti 2026.', null],
      [],
      DRIFT_HEADER,
      ...DRIFT_ROWS.map((r) => [...r]),
    ],
  };
}

/** Investments, signed: expenditure negative, income positive; two groups. */
function investeringarSheet(): SampleSheet {
  return {
    name: 'Investeringar',
    values: [
      ['Investeringar 2026, kr', null],
      ['Positivt tal indikerar en intäkt.', null],
      [],
      ['Grupp', 'Projekt', 'Budget 2026', 'Prognos 2026', 'Avvikelse', 'Utfall jan–aug'],
      ['Reinvestering', 'Tak Norrskolan', -2000000, -2312480.5, null, -1544120.25],
      ['Reinvestering', 'Ventilation Ekbacka förskola', -3500000, -3451200, null, -2980415.6],
      ['Reinvestering', 'Skolgårdar', -1200000, -1185000, null, -640230.1],
      ['Nyinvestering', 'Ny förskola Solrosen', -40000000, -34150000, null, -19876540.4],
      ['Nyinvestering', 'Investeringsbidrag Solrosen', 2000000, 2000000, null, 1000000],
      ['Nyinvestering', 'Inventarier Ekby skola', -1500000, -1648300, null, -1102995.75],
    ],
  };
}

/** Indicators: a value per year against a target given as text. */
function indikatorerSheet(): SampleSheet {
  return {
    name: 'Indikatorer',
    values: [
      ['Indikator', 'Mål', 2024, 2025, 2026],
      ['Sjukfrånvaro, %', '<7,9 %', 8.1, 7.6, 8.4],
      ['Andel behöriga lärare, %', '>80', 78, 81, 83],
      ['Barn per grupp i förskolan', '≤15', 16.2, 15.4, 14.8],
      ['Nöjdhet vårdnadshavare', 'Länssnitt', 78, 80, 81],
    ],
  };
}

/** Fresh copies of the sample sheets (each call returns new arrays, so a demo can be reset). */
export function sampleSheets(): SampleSheet[] {
  return [driftSheet(), investeringarSheet(), indikatorerSheet()];
}

/** The settings stored in the sample "document": the report year of the headings. */
export function sampleSettings(): SettingsInput {
  return { year: 2026 };
}
