/**
 * Självtest: a one-minute check that the add-in works in this Excel. On a scratch sheet of its own,
 * removed afterwards, it makes every kind of call a report run makes, through the same adapter: a
 * sheet written whole (values, number formats, styles, merges, widths, heights, a hidden column,
 * frozen rows, a page break, conditional formats) and marked by a defined name; formulas written into
 * a sheet's cells after looking at them; a read in small chunks that checks Excel calculated them; a
 * document setting saved and removed; audit marks (conditional formats, and comments where the host
 * has them) put on and cleared; a cell selected. Each step passes or fails on its own, with Excel's
 * message, and the result can be copied as text into an issue.
 */
import { cellAddress } from '../../core/address';
import type { HostEnvironment, HostPort, RangeRef } from '../../workbook/host';
import type { CellWrite, OutputSheet, WritePlan } from '../../workbook/port';
import { failureText } from './failure';

/** The scratch sheet and the name that marks it (so a run left half-way is taken over by the next). */
export const SCRATCH_SHEET = 'Avvikelse självtest';
export const SCRATCH_NAME = 'Avvikelse_Sjalvtest';
export const SCRATCH_SETTING = 'avvikelse.sjalvtest';

export interface SelfTestStep {
  title: string;
  ok: boolean | null;
  /** What went wrong, or why the step was skipped (ok null). */
  detail?: string;
  ms: number;
}

export interface SelfTestReport {
  started: Date;
  environment: HostEnvironment | null;
  steps: SelfTestStep[];
}

/** Rows of the scratch sheet's small table: budget in B, utfall in C, avvikelse formulas in D. */
const ROWS = 12;
const FIRST = 3;
const budget = (i: number) => 1000 * (i + 1) + 0.25;
const utfall = (i: number) => 900 * (i + 1) + (i % 3) * 250.5;

/** The scratch sheet, written whole as our output sheets are. */
export function scratchSheet(): OutputSheet {
  const cells: CellWrite[] = [
    { row: 0, col: 0, value: 'Avvikelse självtest – fliken tas bort när testet är klart', style: { bold: true, size: 12 } },
    { row: 1, col: 0, value: 'tkr', style: { italic: true, size: 9 } },
    { row: 2, col: 0, value: 'Post', style: { bold: true, borderBottom: 'thin', align: 'left' } },
    { row: 2, col: 1, value: 'Budget', style: { bold: true, borderBottom: 'thin', align: 'right', wrap: true } },
    { row: 2, col: 2, value: 'Utfall', style: { bold: true, borderBottom: 'medium', align: 'center', valign: 'bottom' } },
    { row: 2, col: 4, value: 'dold', style: { color: 'FF808080' } },
  ];
  for (let i = 0; i < ROWS; i++) {
    const row = FIRST + i;
    cells.push({ row, col: 0, value: `Rad ${i + 1}`, style: { indent: i % 2, fill: i === ROWS - 1 ? 'FFF2F2F2' : undefined, borderTop: i === ROWS - 1 ? 'thin' : undefined } });
    cells.push({ row, col: 1, value: budget(i), style: { numFmt: '#,##0.00;-#,##0.00;0.00' } });
    cells.push({ row, col: 2, value: utfall(i), style: { numFmt: '#,##0.00;-#,##0.00;0.00' } });
  }
  return {
    name: SCRATCH_SHEET,
    cells,
    merges: ['A1:C1'],
    columnWidths: [20, 12, 12, 12, 6],
    hiddenColumns: [4],
    rowHeights: { 0: 20 },
    frozenRows: 3,
    pageBreaksBefore: [FIRST + 6],
    conditionalFormats: [{ range: `B${FIRST + 1}:B${FIRST + ROWS}`, rules: [{ formula: `B${FIRST + 1}>5000`, fill: 'FFE2EFDA', fontColor: 'FF375623' }] }],
  };
}

/** The avvikelse formulas in column D, with their values, number format and flag, as a report fills a user's sheet. */
export function scratchFormulas(): WritePlan['cellWrites'][number] {
  const cells: CellWrite[] = Array.from({ length: ROWS }, (_, i) => {
    const r = FIRST + i + 1;
    return { row: FIRST + i, col: 3, formula: `C${r}-B${r}`, value: utfall(i) - budget(i), style: { numFmt: '#,##0;-#,##0;0' } };
  });
  const range = `D${FIRST + 1}:D${FIRST + ROWS}`;
  return { sheet: SCRATCH_SHEET, cells, conditionalFormats: [{ range, rules: [{ formula: `AND(ISNUMBER(D${FIRST + 1}),D${FIRST + 1}<0)`, fill: 'FFFFC7CE', fontColor: 'FF9C0006' }] }] };
}

const close = (a: unknown, b: number) => typeof a === 'number' && Math.abs(a - b) < 0.005;

/** Reads the scratch sheet back in chunks of 5 rows and checks what a run relies on. */
async function checkRead(host: HostPort): Promise<string | undefined> {
  const data = await host.read({ sheets: [SCRATCH_SHEET], chunkRows: 5 });
  const sheet = data.sheets.find((s) => s.name === SCRATCH_SHEET);
  if (!sheet) return `fliken ${SCRATCH_SHEET} kom inte med i läsningen`;
  if (!data.names[SCRATCH_NAME]) return `namnet ${SCRATCH_NAME} kom inte med i läsningen`;
  for (let i = 0; i < ROWS; i++) {
    const r = FIRST + i;
    const [b, u, d] = [1, 2, 3].map((c) => sheet.values[r]?.[c]);
    if (!close(b, budget(i)) || !close(u, utfall(i))) return `${cellAddress(r, 1)}:${cellAddress(r, 2)} lästes som ${String(b)} och ${String(u)}`;
    if (sheet.formulas.get(`${r},3`)?.replace(/\$/g, '') !== `C${r + 1}-B${r + 1}`) return `${cellAddress(r, 3)} har inte formeln =C${r + 1}-B${r + 1}`;
    if (!close(d, utfall(i) - budget(i))) return `${cellAddress(r, 3)} räknades till ${String(d)}, inte ${utfall(i) - budget(i)}`;
  }
  return undefined;
}

/** One step: its time, and its error's message (with Excel's code) when it fails. */
async function step(title: string, steps: SelfTestStep[], body: () => Promise<string | undefined | { skipped: string }>, onStep?: (s: SelfTestStep[]) => void): Promise<boolean> {
  const begun = Date.now();
  let result: SelfTestStep;
  try {
    const outcome = await body();
    result = typeof outcome === 'object' ? { title, ok: null, detail: outcome.skipped, ms: Date.now() - begun } : { title, ok: outcome === undefined, detail: outcome, ms: Date.now() - begun };
  } catch (e) {
    result = { title, ok: false, detail: failureText(e), ms: Date.now() - begun };
  }
  steps.push(result);
  onStep?.([...steps]);
  return result.ok !== false;
}

export async function runSelfTest(host: HostPort, onStep?: (steps: SelfTestStep[]) => void): Promise<SelfTestReport> {
  const report: SelfTestReport = { started: new Date(), environment: null, steps: [] };
  const steps = report.steps;
  await step('Värd, plattform och API-versioner', steps, async () => void (report.environment = await host.environment()), onStep);
  const before: RangeRef | null = await host.getSelection().catch(() => null);
  const ref = `'${SCRATCH_SHEET}'!$A$1:$E$${FIRST + ROWS}`;
  const created = await step('Testflik: värden, talformat, stilar, sammanfogning, bredder, dold kolumn, frysta rader, sidbrytning, villkorsstyrd formatering, namn', steps, async () => void (await host.write({ cellWrites: [], sheets: [scratchSheet()], names: { [SCRATCH_NAME]: ref } })), onStep);
  if (created) {
    await step('Formler i befintliga celler: cellerna läses först, talformat, formler och flaggor skrivs', steps, async () => void (await host.write({ cellWrites: [scratchFormulas()], sheets: [], names: {} })), onStep);
    await step('Läsning i delar om 5 rader: värden, formler, beräknade resultat och namn', steps, () => checkRead(host), onStep);
  }
  await step('Inställning sparas i dokumentet, läses och tas bort', steps, async () => {
    const value = `test ${report.started.toISOString()}`;
    const saved = await host.testSetting(SCRATCH_SETTING, value);
    const removed = await host.testSetting(SCRATCH_SETTING, null);
    return saved !== value ? `lästes tillbaka som ${String(saved)}` : removed !== null ? 'gick inte att ta bort' : undefined;
  }, onStep);
  if (created) {
    const comments = report.environment?.sets['ExcelApi 1.10'] ? ' och kommentarer' : '';
    await step(`Granskningsmarkeringar: villkorsstyrd formatering${comments} sätts och tas bort`, steps, async () => {
      if (report.environment?.marked) return { skipped: 'hoppades över: arbetsboken har egna granskningsmarkeringar, och de ska vara kvar' };
      await host.mark([{ sheet: SCRATCH_SHEET, address: `D${FIRST + 2}`, kind: 'error', message: 'Självtest' }, { sheet: SCRATCH_SHEET, address: `D${FIRST + 3}`, kind: 'rounding', message: 'Självtest' }]);
      await host.clearMarks();
      return undefined;
    }, onStep);
    await step('Markering: en cell markeras och läses tillbaka', steps, async () => {
      await host.select({ sheet: SCRATCH_SHEET, address: `B${FIRST + 2}` });
      const now = await host.getSelection();
      return now?.sheet === SCRATCH_SHEET && now.address.replace(/\$/g, '') === `B${FIRST + 2}` ? undefined : `markeringen lästes som ${now ? `${now.sheet}!${now.address}` : 'ingen'}`;
    }, onStep);
  }
  await step('Testfliken och namnet tas bort', steps, async () => {
    await host.removeScratch(SCRATCH_SHEET, SCRATCH_NAME);
    const after = await host.read({ sheets: [] });
    if (before && before.sheet !== SCRATCH_SHEET) await host.select(before).catch(() => undefined);
    return after.names[SCRATCH_NAME] ? `namnet ${SCRATCH_NAME} finns kvar` : undefined;
  }, onStep);
  return report;
}

/** The highest ExcelApi among the sets, as `1.1–1.17`, or `–`. */
function excelApiRange(sets: Record<string, boolean>): string {
  const versions = Object.entries(sets).filter(([k, v]) => v && k.startsWith('ExcelApi ')).map(([k]) => k.slice('ExcelApi '.length));
  return versions.length ? `${versions[0]}–${versions[versions.length - 1]}` : '–';
}

const MARK: Record<string, string> = { true: 'OK  ', false: 'FEL ', null: 'HOPP' };

/** The result as text, to paste into an issue. */
export function selfTestText(report: SelfTestReport): string {
  const env = report.environment;
  const others = env ? Object.entries(env.sets).filter(([k]) => !k.startsWith('ExcelApi ')).map(([k, v]) => `${k}: ${v ? 'ja' : 'nej'}`) : [];
  const passed = report.steps.filter((s) => s.ok === true).length;
  return [
    `Avvikelse självtest ${report.started.toISOString()}`,
    env ? `Värd: ${env.host}; plattform: ${env.platform}${env.version ? `; version: ${env.version}` : ''}` : 'Värd: okänd',
    env ? `ExcelApi: ${excelApiRange(env.sets)}${others.length ? `; ${others.join('; ')}` : ''}` : '',
    ...report.steps.map((s) => `${MARK[String(s.ok)]} ${s.title} (${s.ms} ms)${s.detail ? `\n     ${s.detail}` : ''}`),
    `${passed} av ${report.steps.length} steg godkända${report.steps.some((s) => s.ok === false) ? '; se FEL ovan' : ''}.`,
  ]
    .filter(Boolean)
    .join('\n');
}
