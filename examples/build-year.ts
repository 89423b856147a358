/**
 * Builds the example series of one year: the forecast workbooks of an invented committee (Ekby kommun,
 * Barn- och utbildningsnämnden) at the interim report per April, per August, and the year-end outcome.
 *
 *   node dist/node/examples/build-year.js [folder]      (default out/ar)
 *
 * writes `april.xlsx`, `augusti.xlsx` and `bokslut.xlsx`. Every figure is fixed here (kronor with öre),
 * so the files are the same on every run. Over the year the forecast for Personal worsens by about
 * 2,1 mnkr and Årets resultat ends in a deficit, so the report shows the change since the last
 * forecast, the forecast accuracy and the section on åtgärder.
 */
import ExcelJS from 'exceljs';
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';

type Stage = 'april' | 'augusti' | 'bokslut';

/** Full-year budget (kr) and, per stage, the full-year forecast and the period's actuals. */
interface Line {
  label: string;
  type: 'Intäkt' | 'Kostnad';
  budget: number;
  forecast: Record<'april' | 'augusti', number>;
  actual: Record<Stage, number>;
}

const DRIFT: Line[] = [
  { label: 'Verksamhetens intäkter', type: 'Intäkt', budget: 12_400_000, forecast: { april: 12_650_000, augusti: 13_050_250.5 }, actual: { april: 4_210_118.4, augusti: 8_994_310.25, bokslut: 13_212_904.1 } },
  { label: 'Personal', type: 'Kostnad', budget: 88_310_000, forecast: { april: 88_905_400.6, augusti: 91_015_800.35 }, actual: { april: 29_880_412.8, augusti: 60_233_118.9, bokslut: 91_402_377.75 } },
  { label: 'Lokaler', type: 'Kostnad', budget: 9_020_000, forecast: { april: 9_020_000, augusti: 8_870_120 }, actual: { april: 2_990_441.1, augusti: 5_907_006.45, bokslut: 8_851_993.2 } },
  { label: 'Köp av verksamhet', type: 'Kostnad', budget: 21_700_000, forecast: { april: 21_790_000, augusti: 21_640_480.2 }, actual: { april: 7_201_330, augusti: 14_399_850.7, bokslut: 21_902_118.85 } },
  { label: 'Övrigt', type: 'Kostnad', budget: 30_115_000, forecast: { april: 30_400_000, augusti: 31_002_310.9 }, actual: { april: 10_114_200.35, augusti: 20_841_004.1, bokslut: 31_480_552.6 } },
];

/** The verksamheter and their share (per mille) of every category; the last takes the remainder in öre. */
const VERKSAMHETER: [string, number][] = [['Förskola', 382], ['Grundskola', 451], ['Fritidshem', 107], ['Administration', 60]];
/** Each verksamhet's own drift (its forecast moves differently), in per mille of the committee's. */
const FORECAST_TILT: Record<string, number> = { Förskola: 14, Grundskola: -6, Fritidshem: 0, Administration: 9 };

const MONTHS: Record<Exclude<Stage, 'bokslut'>, { months: number; text: string }> = { april: { months: 4, text: 'jan–apr' }, augusti: { months: 8, text: 'jan–aug' } };
const KR = '#,##0.00;-#,##0.00;0.00';

/** The period budget of an even periodisation, in whole öre. */
const periodBudget = (budget: number, months: number) => Math.round((budget * 100 * months) / 12) / 100;

function headerRow(ws: ExcelJS.Worksheet, labels: string[]): void {
  const row = ws.addRow(labels);
  row.font = { bold: true };
  row.eachCell((c) => (c.border = { bottom: { style: 'thin' } }));
}

/** A figure of one verksamhet: its share of the committee's figure, in whole öre (`tilt` per mille more). */
function part(total: number, share: number, tilt = 0): number {
  return Math.round((total * 100 * (share + tilt)) / 1000) / 100;
}

/** One verksamhet's figures of one category at a stage: budget, forecast, period budget, actuals. */
function figures(l: Line, v: string, share: number, stage: Stage): (number | null)[] {
  const tilt = l.type === 'Kostnad' ? FORECAST_TILT[v] : 0;
  if (stage === 'bokslut') return [part(l.budget, share), part(l.actual.bokslut, share, tilt), null];
  const months = MONTHS[stage].months;
  return [part(l.budget, share), part(l.forecast[stage], share, tilt), null, periodBudget(part(l.budget, share), months), part(l.actual[stage], share, tilt), null];
}

/** The forecast sheet at a stage: one row per verksamhet and category (year-end: budget and outcome). */
function sheet(wb: ExcelJS.Workbook, stage: Stage): void {
  const ws = wb.addWorksheet('Drift');
  ws.addRow(['Drift 2026, Barn- och utbildningsnämnden, belopp i kr']).font = { bold: true, size: 13 };
  ws.addRow([]);
  const head = ['Verksamhet', 'Kategori', 'Typ'];
  if (stage === 'bokslut') headerRow(ws, [...head, 'Budget 2026', 'Utfall helår 2026', 'Avvikelse']);
  else {
    const text = MONTHS[stage].text;
    headerRow(ws, [...head, 'Budget helår', 'Prognos helår', 'Avvikelse helår', `Budget ${text}`, `Utfall ${text}`, 'Avvikelse perioden']);
  }
  for (const [v, share] of VERKSAMHETER) for (const l of DRIFT) ws.addRow([v, l.label, l.type, ...figures(l, v, share, stage)]);
  ws.getColumn(1).width = 18;
  ws.getColumn(2).width = 24;
  for (let c = 4; c <= 9; c++) {
    ws.getColumn(c).width = 16;
    ws.getColumn(c).numFmt = KR;
  }
}

export async function buildYear(folder: string): Promise<string[]> {
  mkdirSync(folder, { recursive: true });
  const written: string[] = [];
  for (const stage of ['april', 'augusti', 'bokslut'] as Stage[]) {
    const wb = new ExcelJS.Workbook();
    wb.creator = 'Ekby kommun';
    wb.created = new Date(Date.UTC(2026, 0, 1));
    sheet(wb, stage);
    const file = join(folder, `${stage}.xlsx`);
    await wb.xlsx.writeFile(file);
    written.push(file);
  }
  return written;
}

if (require.main === module) {
  buildYear(resolve(process.argv[2] ?? join('out', 'ar'))).then(
    (files) => console.log(`Skrev ${files.join(', ')}`),
    (e: unknown) => {
      console.error(e);
      process.exit(1);
    },
  );
}
