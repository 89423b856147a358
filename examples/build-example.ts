/**
 * Builds the demo workbook `examples/prognos-exempel.xlsx`: the forecast workbook of an invented
 * committee (Barn- och utbildningsnämnden, Ekby kommun) at the interim report for January–August 2026.
 *
 *   node dist/node/examples/build-example.js [output.xlsx]
 *
 * Every figure is fixed here or derived from a seeded generator, so the file is the same on every run.
 * Amounts are kronor with öre. The Avvikelse columns are left empty: Avvikelse fills them with formulas.
 */
import ExcelJS from 'exceljs';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { seeded } from './seeded';

// ---------------------------------------------------------------------------------------------------
// Deterministic helpers

const rnd = seeded(20260831);

/** An integer in [lo, hi] from the seeded generator. */
function randInt(lo: number, hi: number): number {
  return lo + Math.floor(rnd() * (hi - lo + 1));
}

/** Amounts are kept as integer öre until written, so nothing drifts with float arithmetic. */
const kr = (ore: number): number => Math.round(ore) / 100;
const tkrToOre = (tkr: number): number => Math.round(tkr * 100_000);
/** A few hundred kronor with öre, either sign: makes figures look booked rather than typed. */
const noise = (maxKr = 900): number => randInt(-maxKr * 100, maxKr * 100);

/** The repository root: the nearest folder above this file holding the project's package.json. */
function repoRoot(): string {
  let dir = __dirname;
  for (;;) {
    const pkg = join(dir, 'package.json');
    if (existsSync(pkg)) {
      try {
        if ((JSON.parse(readFileSync(pkg, 'utf8')) as { name?: string }).name === 'avvikelse') return dir;
      } catch {
        /* not ours; keep looking */
      }
    }
    const up = dirname(dir);
    if (up === dir) return resolve(__dirname, '..', '..', '..');
    dir = up;
  }
}

// ---------------------------------------------------------------------------------------------------
// Styles

const FONT = 'Calibri';
const KR_FORMAT = '#,##0;-#,##0;0';
const HEADER_FILL = 'FFDDEBF7';
const TITLE_FONT: Partial<ExcelJS.Font> = { name: FONT, size: 14, bold: true };
const SUBTITLE_FONT: Partial<ExcelJS.Font> = { name: FONT, size: 10, italic: true, color: { argb: 'FF595959' } };
const BODY_FONT: Partial<ExcelJS.Font> = { name: FONT, size: 10 };

function titleRows(ws: ExcelJS.Worksheet, title: string, subtitle: string): void {
  const t = ws.getCell('A1');
  t.value = title;
  t.font = TITLE_FONT;
  ws.getRow(1).height = 20;
  const s = ws.getCell('A2');
  s.value = subtitle;
  s.font = SUBTITLE_FONT;
}

/** A bold, filled, wrapped header row; amount headers right-aligned. */
function headerRow(ws: ExcelJS.Worksheet, rowNumber: number, headers: string[], rightFrom: number): void {
  const row = ws.getRow(rowNumber);
  headers.forEach((h, i) => {
    const cell = row.getCell(i + 1);
    cell.value = h;
    cell.font = { name: FONT, size: 10, bold: true };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: HEADER_FILL } };
    cell.border = { bottom: { style: 'thin' } };
    cell.alignment = { wrapText: true, vertical: 'bottom', horizontal: i >= rightFrom ? 'right' : 'left' };
  });
  row.height = 30;
}

type CellInput = string | number | null | { formula: string; result: number };

/** A data row: text columns as given, amount columns with the kronor format (empty cells formatted too). */
function dataRow(ws: ExcelJS.Worksheet, rowNumber: number, values: CellInput[], amountFrom: number, opts: { bold?: boolean; topBorder?: boolean; numFmt?: string } = {}): void {
  const row = ws.getRow(rowNumber);
  values.forEach((v, i) => {
    const cell = row.getCell(i + 1);
    if (v !== null) cell.value = v as ExcelJS.CellValue;
    cell.font = { ...BODY_FONT, bold: opts.bold || undefined };
    if (i >= amountFrom) {
      cell.numFmt = opts.numFmt ?? KR_FORMAT;
      cell.alignment = { horizontal: 'right' };
    }
    if (opts.topBorder) cell.border = { top: { style: 'thin' } };
  });
}

function setWidths(ws: ExcelJS.Worksheet, widths: number[]): void {
  widths.forEach((w, i) => (ws.getColumn(i + 1).width = w));
}

function printSetup(ws: ExcelJS.Worksheet, orientation: 'portrait' | 'landscape', titleRow?: number): void {
  ws.pageSetup = {
    ...ws.pageSetup,
    orientation,
    paperSize: 9,
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
    ...(titleRow ? { printTitlesRow: `${titleRow}:${titleRow}` } : {}),
  };
}

// ---------------------------------------------------------------------------------------------------
// The figures

const COMMITTEE = 'Barn- och utbildningsnämnden, Ekby kommun';
const PERIOD = 'Delårsrapport januari–augusti 2026';

type Kategori = 'Verksamhetens intäkter' | 'Personal' | 'Lokaler' | 'Köp av verksamhet' | 'Övrigt';
const KATEGORIER: Kategori[] = ['Verksamhetens intäkter', 'Personal', 'Lokaler', 'Köp av verksamhet', 'Övrigt'];

/** Share of the annual budget periodized to January–August (personnel lower: July is holiday). */
const PERIOD_SHARE: Record<Kategori, number> = {
  'Verksamhetens intäkter': 0.672,
  Personal: 0.652,
  Lokaler: 8 / 12,
  'Köp av verksamhet': 8 / 12,
  Övrigt: 0.628,
};

interface Verksamhet {
  name: string;
  /** Annual budget per category, tkr (all positive: the sheet is unsigned). */
  budget: Record<Kategori, number>;
  /** Deviation per category in tkr, positive = better than budget: [helår, period jan–aug]. */
  dev: Partial<Record<Kategori, [number, number]>>;
  /** Growth of the January–August outcome from 2025 to 2026. */
  growth: number;
}

const VERKSAMHETER: Verksamhet[] = [
  {
    name: 'Förskola',
    budget: { 'Verksamhetens intäkter': 24015, Personal: 178512, Lokaler: 34208, 'Köp av verksamhet': 21640, Övrigt: 12815 },
    // Higher parental fees and the state grant for maxtaxa: a positive revenue deviation.
    dev: { 'Verksamhetens intäkter': [1650, 1180], Personal: [-220, -150], Lokaler: [60, 40], 'Köp av verksamhet': [-180, -120], Övrigt: [90, 70] },
    growth: 0.031,
  },
  {
    name: 'Grundskola',
    budget: { 'Verksamhetens intäkter': 31480, Personal: 312396, Lokaler: 62815, 'Köp av verksamhet': 48702, Övrigt: 27904 },
    // Extra staff for pupils in need of special support: a personnel overrun.
    dev: { 'Verksamhetens intäkter': [120, 90], Personal: [-4350, -3120], Lokaler: [-80, -40], 'Köp av verksamhet': [210, 150], Övrigt: [260, 180] },
    growth: 0.042,
  },
  {
    name: 'Gymnasieskola',
    budget: { 'Verksamhetens intäkter': 18230, Personal: 96310, Lokaler: 21405, 'Köp av verksamhet': 82514, Övrigt: 11620 },
    // More students in other municipalities' schools: interkommunala ersättningar over budget (observe).
    dev: { 'Verksamhetens intäkter': [-110, -80], Personal: [240, 170], Lokaler: [30, 20], 'Köp av verksamhet': [-760, -540], Övrigt: [70, 40] },
    growth: 0.024,
  },
  {
    name: 'Elevhälsa',
    budget: { 'Verksamhetens intäkter': 2105, Personal: 38620, Lokaler: 3215, 'Köp av verksamhet': 4890, Övrigt: 2710 },
    dev: { 'Verksamhetens intäkter': [0, 10], Personal: [150, 110], 'Köp av verksamhet': [-60, -40], Övrigt: [20, 10] },
    growth: 0.05,
  },
  {
    name: 'Administration',
    budget: { 'Verksamhetens intäkter': 1390, Personal: 24905, Lokaler: 2610, 'Köp av verksamhet': 3120, Övrigt: 8405 },
    dev: { 'Verksamhetens intäkter': [20, 15], Personal: [180, 130], 'Köp av verksamhet': [40, 20], Övrigt: [-160, -120] },
    growth: 0.018,
  },
];

interface DriftLine {
  verksamhet: string;
  kategori: Kategori;
  typ: 'Intäkt' | 'Kostnad';
  /** öre */
  budgetHelar: number;
  prognosHelar: number;
  budgetPeriod: number;
  utfallPeriod: number;
  utfallFgAr: number;
}

function driftLines(): DriftLine[] {
  const lines: DriftLine[] = [];
  for (const v of VERKSAMHETER) {
    for (const k of KATEGORIER) {
      const revenue = k === 'Verksamhetens intäkter';
      // Budgets are decided in whole kronor; a few hundred kronor off the round tkr figure.
      const budgetHelar = tkrToOre(v.budget[k]) + randInt(-499, 499) * 100;
      const budgetPeriod = Math.round(budgetHelar * PERIOD_SHARE[k]);
      const [devHelar, devPeriod] = v.dev[k] ?? [0, 0];
      // Positive deviation = better: revenue above budget, costs below budget.
      const dir = revenue ? 1 : -1;
      const prognosHelar = budgetHelar + dir * tkrToOre(devHelar) + (devHelar === 0 ? 0 : noise(400));
      const utfallPeriod = budgetPeriod + dir * tkrToOre(devPeriod) + noise(450);
      const growth = v.growth + randInt(-6, 6) / 1000;
      const utfallFgAr = Math.round(utfallPeriod / (1 + growth)) + noise(300);
      lines.push({ verksamhet: v.name, kategori: k, typ: revenue ? 'Intäkt' : 'Kostnad', budgetHelar, prognosHelar, budgetPeriod, utfallPeriod, utfallFgAr });
    }
  }
  return lines;
}

interface ProjectLine {
  group: string;
  name: string;
  /** kronor, signed: expenditure negative, income positive. */
  budget: number;
  prognos: number;
  /** kronor before the öre noise. */
  utfall: number;
}

const INVESTERINGAR: ProjectLine[] = [
  { group: 'Reinvestering', name: 'Inventarier skolor och förskolor', budget: -4_500_000, prognos: -4_500_000, utfall: -2_960_000 },
  // Overrun: the ventilation turned out to need a new unit, not a repair.
  { group: 'Reinvestering', name: 'Ventilation Ekbyskolan', budget: -8_200_000, prognos: -9_450_000, utfall: -6_420_000 },
  { group: 'Reinvestering', name: 'Utemiljö förskolor', budget: -2_400_000, prognos: -2_350_000, utfall: -1_580_000 },
  { group: 'Reinvestering', name: 'IT-utrustning elever (en-till-en)', budget: -6_000_000, prognos: -6_000_000, utfall: -3_980_000 },
  // Delayed start: the building permit was appealed, so part of the money moves to 2027.
  { group: 'Nyinvestering', name: 'Ny förskola Ekbacken, 8 avdelningar', budget: -42_000_000, prognos: -36_000_000, utfall: -24_150_000 },
  { group: 'Nyinvestering', name: 'Tillbyggnad Norrskolan', budget: -15_000_000, prognos: -15_200_000, utfall: -10_080_000 },
  { group: 'Nyinvestering', name: 'Skolgård Solbacka', budget: -3_600_000, prognos: -3_600_000, utfall: -2_380_000 },
  { group: 'Nyinvestering', name: 'Investeringsbidrag Norrskolan', budget: 2_400_000, prognos: 2_400_000, utfall: 1_612_000 },
];

interface AreaLine {
  niva1: string;
  niva2: string;
  area: string;
  budget: number;
  prognos: number;
  utfall: number;
}

const EXPLOATERING: AreaLine[] = [
  { niva1: 'Exploateringsprojekt', niva2: 'Genomförandeprojekt', area: 'Norra Ekby etapp 2', budget: -24_600_000, prognos: -24_900_000, utfall: -16_520_000 },
  // The land sale in the town centre is postponed to 2027: a large negative deviation.
  { niva1: 'Exploateringsprojekt', niva2: 'Genomförandeprojekt', area: 'Ekby centrum, kv. Smedjan', budget: 31_200_000, prognos: 12_400_000, utfall: 1_850_000 },
  { niva1: 'Exploateringsprojekt', niva2: 'Genomförandeprojekt', area: 'Verkstadsområdet', budget: -14_300_000, prognos: -14_100_000, utfall: -9_610_000 },
  { niva1: 'Exploateringsprojekt', niva2: 'Genomförandeprojekt', area: 'Södra Hagen bostäder', budget: 9_800_000, prognos: 10_040_000, utfall: 6_590_000 },
  { niva1: 'Exploateringsprojekt', niva2: 'Planeringsprojekt', area: 'Östra Ekby verksamhetsområde', budget: -3_200_000, prognos: -3_140_000, utfall: -2_110_000 },
  { niva1: 'Exploateringsprojekt', niva2: 'Planeringsprojekt', area: 'Sjöstaden, detaljplan', budget: -2_400_000, prognos: -2_460_000, utfall: -1_630_000 },
  { niva1: 'Exploateringsprojekt', niva2: 'Planeringsprojekt', area: 'Lärkbacken, förstudie', budget: -900_000, prognos: -880_000, utfall: -590_000 },
  { niva1: 'Markreserv', niva2: 'Köp och försäljning av mark', area: 'Förvärv Ekby 4:12', budget: -12_000_000, prognos: -12_000_000, utfall: -7_980_000 },
  { niva1: 'Markreserv', niva2: 'Köp och försäljning av mark', area: 'Försäljning av mark, Industrivägen', budget: 4_500_000, prognos: 4_620_000, utfall: 3_040_000 },
];

interface Indicator {
  name: string;
  target: string;
  values: [number, number, number];
  format: string;
}

const INDIKATORER: Indicator[] = [
  { name: 'Andel elever i åk 9 behöriga till yrkesprogram, %', target: '>80', values: [81.2, 79.6, 83.1], format: '0.0' },
  { name: 'Sjukfrånvaro bland medarbetare, %', target: '<7,9 %', values: [8.1, 7.6, 8.4], format: '0.0' },
  { name: 'Sökande per utannonserad lärartjänst, antal', target: '≥2', values: [2.3, 1.8, 1.9], format: '0.0' },
  { name: 'Minskat matsvinn i skolmåltiderna jämfört med 2023, %', target: '5 %', values: [2.4, 4.1, 6.2], format: '0.0' },
  { name: 'Vårdnadshavares nöjdhet med förskolan, index', target: 'Länssnitt', values: [78, 80, 81], format: '0' },
  { name: 'Meritvärde åk 9, placering i länet', target: 'Topp tre i länet', values: [5, 4, 3], format: '0' },
];

// ---------------------------------------------------------------------------------------------------
// The sheets

function lasMig(wb: ExcelJS.Workbook): void {
  const ws = wb.addWorksheet('Läs mig', { views: [{ showGridLines: false }] });
  titleRows(ws, `Prognos och utfall – ${COMMITTEE}`, PERIOD);
  const lines = [
    'Arbetsboken är ett påhittat exempel som visar hur Avvikelse läser prognosark. Alla siffror är fiktiva.',
    '',
    'Flikar',
    'Drift – budget, prognos och utfall per verksamhet och kategori, i kronor. Alla belopp anges som positiva tal; kolumnen Typ anger intäkt eller kostnad.',
    'Investeringar – nämndens investeringsprojekt i kronor. Utgifter anges med minustecken, inkomster (t.ex. investeringsbidrag) som positiva tal.',
    'Exploatering – kommunens exploateringsportfölj i kronor, som exempel på en portfölj i två nivåer. Markförsäljning anges som positiva tal.',
    'Indikatorer – nämndens mål och indikatorer med utfall per år.',
    '',
    'Avvikelsekolumnerna är tomma. Kör Avvikelse så fylls de med formler (positiv avvikelse = bättre än budget),',
    'och fliken Avvikelsetabeller får standardtabellerna i tkr och mnkr samt fliken Kommentarer utkast till avvikelsekommentarer.',
    '',
    'Periodiserad budget jan–aug: personalkostnader 65,2 %, intäkter 67,2 %, övrigt 62,8 %, lokaler och köp av verksamhet 8/12 av helårsbudgeten.',
    'Kontaktperson: controller, Barn- och utbildningsförvaltningen.',
  ];
  lines.forEach((text, i) => {
    const cell = ws.getCell(4 + i, 1);
    if (text) cell.value = text;
    cell.font = text === 'Flikar' ? { name: FONT, size: 11, bold: true } : { name: FONT, size: 11 };
  });
  setWidths(ws, [130]);
  printSetup(ws, 'landscape');
}

function drift(wb: ExcelJS.Workbook, lines: DriftLine[]): void {
  const ws = wb.addWorksheet('Drift', { views: [{ state: 'frozen', xSplit: 3, ySplit: 4, showGridLines: true }] });
  titleRows(ws, `Driftredovisning – ${COMMITTEE}`, `${PERIOD}. Belopp i kronor. Prognos per den 31 augusti.`);
  const headers = ['Verksamhet', 'Kategori', 'Typ', 'Budget helår', 'Prognos helår', 'Avvikelse helår', 'Budget jan–aug', 'Utfall jan–aug', 'Avvikelse jan–aug', 'Utfall jan–aug 2025'];
  const HEADER = 4;
  headerRow(ws, HEADER, headers, 3);
  let r = HEADER + 1;
  for (const l of lines) {
    dataRow(ws, r++, [l.verksamhet, l.kategori, l.typ, kr(l.budgetHelar), kr(l.prognosHelar), null, kr(l.budgetPeriod), kr(l.utfallPeriod), null, kr(l.utfallFgAr)], 3);
  }
  const first = HEADER + 1;
  const last = r - 1;
  // The controller's own total: costs minus revenue, as a live formula with its cached value.
  const net = (pick: (l: DriftLine) => number) => kr(lines.reduce((s, l) => s + (l.typ === 'Kostnad' ? pick(l) : -pick(l)), 0));
  const sumif = (col: string) => `SUMIF($C$${first}:$C$${last},"Kostnad",${col}${first}:${col}${last})-SUMIF($C$${first}:$C$${last},"Intäkt",${col}${first}:${col}${last})`;
  dataRow(
    ws,
    r,
    [
      null,
      'Summa nettokostnad',
      null,
      { formula: sumif('D'), result: net((l) => l.budgetHelar) },
      { formula: sumif('E'), result: net((l) => l.prognosHelar) },
      null,
      { formula: sumif('G'), result: net((l) => l.budgetPeriod) },
      { formula: sumif('H'), result: net((l) => l.utfallPeriod) },
      null,
      { formula: sumif('J'), result: net((l) => l.utfallFgAr) },
    ],
    3,
    { bold: true, topBorder: true },
  );
  setWidths(ws, [16, 24, 9, 15, 15, 16, 15, 15, 17, 19]);
  ws.autoFilter = { from: { row: HEADER, column: 1 }, to: { row: last, column: headers.length } };
  printSetup(ws, 'landscape', HEADER);
}

function investeringar(wb: ExcelJS.Workbook): void {
  const ws = wb.addWorksheet('Investeringar', { views: [{ state: 'frozen', ySplit: 4 }] });
  titleRows(ws, `Investeringar – ${COMMITTEE}`, `${PERIOD}. Belopp i kronor; utgifter negativa, inkomster positiva.`);
  const headers = ['Grupp', 'Projekt', 'Budget 2026', 'Prognos 2026', 'Avvikelse', 'Utfall jan–aug'];
  const HEADER = 4;
  headerRow(ws, HEADER, headers, 2);
  let r = HEADER + 1;
  const first = r;
  for (const p of INVESTERINGAR) {
    const utfall = p.utfall * 100 + noise(800);
    dataRow(ws, r++, [p.group, p.name, p.budget, p.prognos, null, kr(utfall)], 2);
  }
  const last = r - 1;
  const total = (pick: (p: ProjectLine) => number) => INVESTERINGAR.reduce((s, p) => s + pick(p), 0);
  const utfallSum = (): number => {
    let s = 0;
    for (let row = first; row <= last; row++) s += Math.round(Number(ws.getCell(row, 6).value) * 100);
    return kr(s);
  };
  dataRow(
    ws,
    r,
    [
      null,
      'Summa investeringar',
      { formula: `SUM(C${first}:C${last})`, result: total((p) => p.budget) },
      { formula: `SUM(D${first}:D${last})`, result: total((p) => p.prognos) },
      null,
      { formula: `SUM(F${first}:F${last})`, result: utfallSum() },
    ],
    2,
    { bold: true, topBorder: true },
  );
  setWidths(ws, [16, 38, 15, 15, 14, 15]);
  printSetup(ws, 'portrait', HEADER);
}

function exploatering(wb: ExcelJS.Workbook): void {
  const ws = wb.addWorksheet('Exploatering', { views: [{ state: 'frozen', ySplit: 4 }] });
  titleRows(ws, 'Exploateringsportfölj – Ekby kommun', `${PERIOD}. Nettobelopp i kronor per område; markförsäljning positiv, utgifter negativa.`);
  const headers = ['Nivå 1', 'Nivå 2', 'Område', 'Budget 2026', 'Prognos 2026', 'Avvikelse', 'Utfall jan–aug'];
  const HEADER = 4;
  headerRow(ws, HEADER, headers, 3);
  let r = HEADER + 1;
  const first = r;
  let utfallTotal = 0;
  for (const a of EXPLOATERING) {
    const utfall = a.utfall * 100 + noise(900);
    utfallTotal += utfall;
    dataRow(ws, r++, [a.niva1, a.niva2, a.area, a.budget, a.prognos, null, kr(utfall)], 3);
  }
  const last = r - 1;
  const total = (pick: (a: AreaLine) => number) => EXPLOATERING.reduce((s, a) => s + pick(a), 0);
  dataRow(
    ws,
    r,
    [
      null,
      null,
      'Summa exploatering',
      { formula: `SUM(D${first}:D${last})`, result: total((a) => a.budget) },
      { formula: `SUM(E${first}:E${last})`, result: total((a) => a.prognos) },
      null,
      { formula: `SUM(G${first}:G${last})`, result: kr(utfallTotal) },
    ],
    3,
    { bold: true, topBorder: true },
  );
  setWidths(ws, [20, 27, 34, 15, 15, 14, 15]);
  printSetup(ws, 'landscape', HEADER);
}

function indikatorer(wb: ExcelJS.Workbook): void {
  const ws = wb.addWorksheet('Indikatorer');
  titleRows(ws, `Mål och indikatorer – ${COMMITTEE}`, 'Utfall per år; 2026 avser läget i augusti. Procent anges som tal (7,2 = 7,2 %).');
  const HEADER = 4;
  headerRow(ws, HEADER, ['Indikator', 'Mål', '2024', '2025', '2026'], 2);
  let r = HEADER + 1;
  for (const ind of INDIKATORER) {
    dataRow(ws, r++, [ind.name, ind.target, ...ind.values], 2, { numFmt: ind.format });
  }
  setWidths(ws, [52, 16, 10, 10, 10]);
  printSetup(ws, 'portrait', HEADER);
}

export async function buildExample(outPath: string): Promise<string> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Barn- och utbildningsförvaltningen, Ekby kommun';
  wb.title = `Prognos ${PERIOD.toLowerCase()}`;
  // Fixed dates keep the file identical between runs.
  wb.created = new Date(Date.UTC(2026, 8, 7, 8, 0, 0));
  wb.modified = wb.created;
  lasMig(wb);
  drift(wb, driftLines());
  investeringar(wb);
  exploatering(wb);
  indikatorer(wb);
  mkdirSync(dirname(outPath), { recursive: true });
  await wb.xlsx.writeFile(outPath);
  return outPath;
}

if (require.main === module) {
  const arg = process.argv[2];
  const out = arg ? resolve(process.cwd(), arg) : join(repoRoot(), 'examples', 'prognos-exempel.xlsx');
  buildExample(out).then(
    (path) => console.log(`Skrev ${path}`),
    (e: unknown) => {
      console.error(`build-example: ${e instanceof Error ? e.message : String(e)}`);
      process.exit(1);
    },
  );
}
