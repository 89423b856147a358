/**
 * A large forecast workbook in the layout of test/fixtures/domainDrift.ts, with a Verksamhet column in
 * front: title row, unit row, header row, then N data rows in kronor with öre. Written with exceljs's
 * streaming WorkbookWriter so 100 000 rows take about a second. Deterministic: the same N gives the same
 * amounts on every machine (integer öre from a seeded generator, divided by 100 once).
 */
import ExcelJS from 'exceljs';
import { seeded } from '../examples/seeded';
import { writeStreamingWorkbook } from '../examples/streamingWorkbook';

/** Bumped whenever the generated content changes, so a cached file from an older layout is not reused. */
export const GENERATOR_VERSION = 1;

export const SHEET_NAME = 'Driftredovisning';

export const HEADER = [
  'Verksamhet',
  'Kategori',
  'Typ',
  'Budget helår',
  'Prognos helår',
  'Avvikelse helår',
  'Budget period',
  'Utfall period',
  'Avvikelse period',
  'Utfall fg år',
];

/** 0-based columns of the amounts that are filled in (the Avvikelse columns stay empty). */
export const AMOUNT_COLUMNS = [3, 4, 6, 7, 9];
export const DEVIATION_COLUMNS = [5, 8];

const VERKSAMHET_NAMES = [
  'Förskola', 'Grundskola', 'Gymnasieskola', 'Vuxenutbildning', 'Fritidshem', 'Kulturskola', 'Bibliotek', 'Fritidsgårdar',
  'Äldreomsorg', 'Hemtjänst', 'LSS-boenden', 'Daglig verksamhet', 'Individ- och familjeomsorg', 'Försörjningsstöd',
  'Arbetsmarknad', 'Integration', 'Gata och park', 'Vatten och avlopp', 'Avfall', 'Räddningstjänst', 'Plan och bygg',
  'Miljö och hälsa', 'Kost', 'Lokalförsörjning', 'Kommunledning',
];

/** 50 verksamheter: `01 Förskola Norr` … (two districts per name). */
export function verksamheter(): string[] {
  const out: string[] = [];
  for (const district of ['Norr', 'Söder']) {
    for (const name of VERKSAMHET_NAMES) out.push(`${name} ${district}`);
  }
  return out.map((name, i) => `${String(i + 1).padStart(2, '0')} ${name}`);
}

/** Kategorier with their Typ; every verksamhet books on all of them, many times (ansvar, aktivitet). */
export const KATEGORIER: [string, 'Intäkt' | 'Kostnad'][] = [
  ['Taxor och avgifter', 'Intäkt'],
  ['Statsbidrag', 'Intäkt'],
  ['Försäljning av verksamhet', 'Intäkt'],
  ['Hyresintäkter', 'Intäkt'],
  ['Övriga intäkter', 'Intäkt'],
  ['Löner', 'Kostnad'],
  ['Sociala avgifter', 'Kostnad'],
  ['Övriga personalkostnader', 'Kostnad'],
  ['Lokalhyror', 'Kostnad'],
  ['Energi och fastighetsservice', 'Kostnad'],
  ['Köp av verksamhet', 'Kostnad'],
  ['Förbrukningsmaterial', 'Kostnad'],
  ['Livsmedel', 'Kostnad'],
  ['IT-tjänster', 'Kostnad'],
  ['Konsulttjänster', 'Kostnad'],
  ['Resor och transporter', 'Kostnad'],
  ['Lämnade bidrag', 'Kostnad'],
  ['Avskrivningar', 'Kostnad'],
  ['Interna kostnader', 'Kostnad'],
  ['Övriga kostnader', 'Kostnad'],
];


export interface ForecastRow {
  verksamhet: string;
  kategori: string;
  typ: string;
  /** Öre (integers): budget helår, prognos helår, budget period, utfall period, utfall fg år. */
  ore: [number, number, number, number, number];
}

/** Row i (0-based) of an N-row workbook: verksamheter in contiguous blocks, kategorier cycling. */
export function* forecastRows(n: number): Generator<ForecastRow> {
  const names = verksamheter();
  const perVerksamhet = Math.max(1, Math.ceil(n / names.length));
  const rand = seeded(20260101);
  const between = (lo: number, hi: number) => lo + Math.floor(rand() * (hi - lo + 1));
  for (let i = 0; i < n; i++) {
    const verksamhet = names[Math.min(names.length - 1, Math.floor(i / perVerksamhet))];
    const [kategori, typ] = KATEGORIER[i % KATEGORIER.length];
    // Budget helår 5 000–2 500 000 kr; prognos within ±12 %, period = 8/12 ± 3 %, utfall ± 15 %, fg år ± 8 %.
    const budget = between(5_000_00, 2_500_000_00);
    const prognos = Math.round(budget * (1 + (rand() - 0.5) * 0.24)) + between(0, 99);
    const budgetPeriod = Math.round((budget * 8) / 12 * (1 + (rand() - 0.5) * 0.06)) + between(0, 99);
    const utfallPeriod = Math.round(budgetPeriod * (1 + (rand() - 0.5) * 0.3)) + between(0, 99);
    const utfallFgAr = Math.round(utfallPeriod * (1 + (rand() - 0.5) * 0.16)) + between(0, 99);
    yield { verksamhet, kategori, typ, ore: [budget, prognos, budgetPeriod, utfallPeriod, utfallFgAr] };
  }
}

/** Writes the workbook (to a temporary name first, so an interrupted run never leaves a half file). */
export function generateForecast(path: string, n: number): Promise<void> {
  return writeStreamingWorkbook(path, 'avvikelse bench', (wb) => {
    const ws = wb.addWorksheet(SHEET_NAME, { views: [{ state: 'frozen', ySplit: 3 }] });
    const amountStyle: Partial<ExcelJS.Style> = { numFmt: '#,##0.00' };
    ws.columns = HEADER.map((_, c) => ({
      width: c < 2 ? 30 : c === 2 ? 10 : 16,
      style: c >= 3 ? amountStyle : {},
    }));
    ws.addRow([`Driftredovisning – benchmark (${n} rader)`]).commit();
    ws.addRow(['kr']).commit();
    const header = ws.addRow(HEADER);
    header.font = { bold: true };
    header.commit();
    for (const r of forecastRows(n)) {
      const [bh, ph, bp, up, fg] = r.ore.map((o) => o / 100);
      ws.addRow([r.verksamhet, r.kategori, r.typ, bh, ph, null, bp, up, null, fg]).commit();
    }
    ws.commit();
  });
}
