/**
 * "Granska tabeller" in the task pane, in real Chromium (demo mode): a table typed by hand with a
 * flipped sign is added to the sample workbook after a report run; the audit lists the error first
 * with its cell, a click selects the cell, the grid shows the mark's colour, and "Rensa markeringar"
 * takes it away. Expected findings come from the audit run on the same workbook in Node.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { auditWorkbook } from '../../src/audit';
import type { DemoHook } from '../../src/demo/demoWorkbook';
import { sampleSettings, sampleSheets } from '../../src/demo/sampleWorkbook';
import { runReport } from '../../src/report/run';
import { buildSettings } from '../../src/report/settings';
import { MemoryWorkbook } from '../../src/workbook/memory/memoryWorkbook';
import { HAND_ERROR_CELL, HAND_SHEET, handTypedValues } from './handTyped';
import { describePane, overflow } from './harness';

const SHOTS = join(__dirname, '..', '..', 'out', 'screenshots');

type DemoWindow = Window & { __avvikelseDemo: DemoHook };

/** The same steps in Node: the sample, a full report run, the hand-typed sheet, the audit. */
async function engineAudit() {
  const wb = new MemoryWorkbook(sampleSheets());
  await runReport(wb, buildSettings(sampleSettings(), undefined, 2026));
  wb.addSheet({ name: HAND_SHEET, values: handTypedValues() });
  return auditWorkbook(await wb.read());
}

const runAll = (page: Page) => page.getByRole('button', { name: 'Beräkna och skriv tabeller' }).click();
const auditButton = (page: Page) => page.getByRole('button', { name: 'Granska tabeller i arbetsboken' });
const clearButton = (page: Page) => page.getByRole('button', { name: 'Rensa markeringar' });
const sheetTab = (page: Page, name: string) => page.getByTestId(`sheet-tab-${name}`);
const gridCell = (page: Page, address: string) => page.locator(`[data-testid="sheet-grid"] td[data-cell="${address}"]`);
const background = (page: Page, address: string) => gridCell(page, address).evaluate((el) => getComputedStyle(el).backgroundColor);
const selection = (page: Page) => page.evaluate(() => (window as unknown as DemoWindow).__avvikelseDemo.selection());

/** After a report run, the hand-typed sheet is added to the demo workbook (as if the user had typed it). */
async function reportThenHandTyped(page: Page): Promise<void> {
  await runAll(page);
  await page.getByTestId('summary').waitFor();
  await page.evaluate(([name, values]) => (window as unknown as DemoWindow).__avvikelseDemo.workbook.addSheet({ name, values }), [HAND_SHEET, handTypedValues()] as const);
  await sheetTab(page, HAND_SHEET).waitFor();
}


describePane('Granska tabeller in the task pane (demo mode)', 'test/taskpane/audit.test.ts', (suite) => {
  const pane = suite.open;

  test('the planted error is listed first with its cell; a click selects it, the grid shows the mark, "Rensa markeringar" removes it', async () => {
    const { page } = await pane();
    const expected = await engineAudit();
    const errors = expected.findings.filter((f) => f.kind === 'error');
    const roundings = expected.findings.filter((f) => f.kind === 'rounding');
    expect(errors.map((f) => `${f.sheet}!${f.cell}`)).toEqual([`${HAND_SHEET}!${HAND_ERROR_CELL}`]);
    expect(roundings.length).toBeGreaterThan(1); // the report's own tables: printed figures that round

    await reportThenHandTyped(page);
    await auditButton(page).click();
    const summary = page.getByTestId('audit-summary');
    await summary.waitFor();
    expect(await summary.innerText()).toContain(`1 fel, ${roundings.length} avrundningsdifferenser i ${expected.tables.length} tabeller.`);
    expect(await summary.innerText()).toContain('Cellerna är markerade i arbetsboken');

    // errors first, then the rounding differences, in workbook order
    const items = page.getByTestId('audit-finding');
    const texts = await items.allInnerTexts();
    expect(texts).toHaveLength(expected.findings.length);
    expect(texts[0]).toContain(`${HAND_SHEET}!${HAND_ERROR_CELL} · Personal`);
    expect(texts[0]).toContain('Fel');
    expect(texts[0]).toContain('Avvikelse helår: 1 805 borde vara -1 805 (tecknet är omvänt)');
    expect(await items.first().getAttribute('data-kind')).toBe('error');
    expect(await items.first().getAttribute('aria-label')).toBe(`Fel, ${HAND_SHEET}!${HAND_ERROR_CELL}: ${errors[0].message}`);
    roundings.forEach((f, i) => expect(texts[i + 1]).toContain(`${f.sheet}!${f.cell}`));
    expect(await items.nth(1).getAttribute('data-kind')).toBe('rounding');

    // each table with its sign convention
    await page.getByRole('button', { name: /Granskade tabeller och teckenkonvention \(\d+\)/ }).click();
    const tables = await page.getByTestId('audit-tables').innerText();
    const hand = expected.tables.find((t) => t.sheet === HAND_SHEET);
    expect(hand?.convention).toBe('unsigned');
    expect(tables).toContain(`${HAND_SHEET}!${hand?.range}`);
    expect(tables).toContain(hand?.conventionNote);

    // the click: the cell is selected, the grid shows the mark's light red (and the cell has its note)
    await items.first().click();
    expect(await selection(page)).toEqual({ sheet: HAND_SHEET, address: HAND_ERROR_CELL });
    expect(await items.first().getAttribute('aria-current')).toBe('true');
    // the grid switches to the finding's sheet and selects the cell on its next render: wait for that
    await page.locator(`[data-testid="sheet-grid"][data-sheet="${HAND_SHEET}"] td[data-cell="${HAND_ERROR_CELL}"][data-selected="true"]`).waitFor();
    const cell = gridCell(page, HAND_ERROR_CELL);
    expect(await cell.innerText()).toBe('1 805');
    expect(await cell.getAttribute('data-flag')).toBe('#FFC7CE');
    expect(await background(page, HAND_ERROR_CELL)).toBe('rgb(255, 199, 206)');
    expect(await cell.evaluate((el) => getComputedStyle(el).color)).toBe('rgb(156, 0, 6)');
    expect(await gridCell(page, 'D7').getAttribute('data-flag')).toBeNull(); // only the finding's cell
    const note = () => page.evaluate(([name]) => (window as unknown as DemoWindow).__avvikelseDemo.workbook.noteAt(name, 5, 3) ?? null, [HAND_SHEET] as const);
    expect(await note()).toBe(errors[0].message);

    // a rounding difference on a figure the report does not flag (not an avvikelse): amber
    const rounding = roundings.find((f) => !f.column.startsWith('avvikelse'));
    expect(rounding).toBeDefined();
    await items.filter({ hasText: `${rounding?.sheet}!${rounding?.cell}` }).first().click();
    await page.locator(`[data-testid="sheet-grid"][data-sheet="${rounding?.sheet}"] td[data-cell="${rounding?.cell}"][data-selected="true"]`).waitFor();
    expect(await gridCell(page, rounding?.cell ?? '').getAttribute('data-flag')).toBe('#FFEB9C');

    await clearButton(page).click();
    await page.getByTestId('audit-status').getByText('Markeringarna är borttagna.').waitFor();
    expect(await gridCell(page, rounding?.cell ?? '').getAttribute('data-flag')).toBeNull();
    await sheetTab(page, HAND_SHEET).click();
    expect(await gridCell(page, HAND_ERROR_CELL).getAttribute('data-flag')).toBeNull();
    expect(await background(page, HAND_ERROR_CELL)).not.toBe('rgb(255, 199, 206)');
    expect(await note()).toBeNull();
    // the report's own flags are still there
    await sheetTab(page, 'Drift').click();
    expect(await gridCell(page, 'I6').getAttribute('data-flag')).toBe('#FFC7CE');
    // the list stays, to work through
    expect(await items.count()).toBe(expected.findings.length);
    const calls = await page.evaluate(() => (window as unknown as DemoWindow).__avvikelseDemo.workbook.calls);
    expect(calls).toMatchObject({ mark: 1, clearMarks: 1 });
  }, 30_000);

  test('with no table to audit it says so; at 320 px, light and dark, the audit section does not overflow', async () => {
    const first = await pane();
    const { page } = first;
    await page.evaluate(() => {
      const wb = (window as unknown as DemoWindow).__avvikelseDemo.workbook;
      wb.sheets.splice(0, wb.sheets.length);
    });
    await auditButton(page).click();
    expect(await page.getByTestId('audit-summary').innerText()).toContain('Hittade ingen tabell att granska.');
    await suite.close(first);

    mkdirSync(SHOTS, { recursive: true });
    for (const dark of [false, true]) {
      const opened = await pane({ width: 320, dark });
      const { page: narrow } = opened;
      await reportThenHandTyped(narrow);
      await auditButton(narrow).click();
      await narrow.getByTestId('audit-summary').waitFor();
      await narrow.getByRole('button', { name: /Granskade tabeller och teckenkonvention/ }).click();
      await narrow.getByTestId('audit-tables').waitFor();
      expect(await overflow(narrow)).toEqual([]);
      await narrow.mouse.move(0, 0);
      await narrow.getByTestId('audit').screenshot({ path: join(SHOTS, dark ? 'audit-dark.png' : 'audit.png'), animations: 'disabled' });
      await suite.close(opened);
    }
  }, 40_000);
});
