/**
 * Cancelling a run in the pane, in Chromium. The demo host's read and write can be held
 * (`window.__avvikelseHolds`), so the test presses Avbryt while the run is known to wait at a step:
 * no timing is involved.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { DemoHook } from '../../src/demo/demoWorkbook';
import type { HeldStep, Holds } from '../../src/taskpane/model/holds';
import { describePane, overflow } from './harness';

const SHOTS = join(__dirname, '..', '..', 'out', 'screenshots');
type TestWindow = Window & { __avvikelseDemo: DemoHook; __avvikelseHolds: Holds };

const runAll = (page: Page) => page.getByRole('button', { name: 'Beräkna och skriv tabeller' }).click();
const hold = (page: Page, step: HeldStep) => page.evaluate((s) => (window as unknown as TestWindow).__avvikelseHolds.hold(s), step);
const release = (page: Page, step: HeldStep) => page.evaluate((s) => (window as unknown as TestWindow).__avvikelseHolds.release(s), step);
const heldAt = (page: Page, step: HeldStep) => page.waitForFunction((s) => (window as unknown as TestWindow).__avvikelseHolds.waiting(s), step);
const workbookState = (page: Page) =>
  page.evaluate(() => {
    const h = (window as unknown as TestWindow).__avvikelseDemo;
    return { sheets: h.sheetNames(), writes: h.workbook.calls.write, formula: h.getFormula('Drift', 'F5') ?? null };
  });
const UNTOUCHED = { sheets: ['Drift', 'Investeringar', 'Indikatorer'], writes: 0, formula: null };

describePane('cancelling a run in the pane', 'test/taskpane/cancel.test.ts', (suite) => {
  test('Avbryt while the workbook is read: the pane says so, nothing is written, and the next run writes the tables', async () => {
    const { page } = await suite.open({ width: 320 });
    await page.getByTestId('table-Drift').waitFor();
    const cancel = page.getByRole('button', { name: 'Avbryt', exact: true });
    expect(await cancel.count()).toBe(0);

    await hold(page, 'read');
    await runAll(page);
    await heldAt(page, 'read');
    expect(await page.getByTestId('progress').innerText()).toContain('Läser arbetsboken …');
    expect(await cancel.isEnabled()).toBe(true);
    expect(await page.getByRole('button', { name: 'Beräkna och skriv tabeller' }).isDisabled()).toBe(true);
    expect(await overflow(page)).toEqual([]);
    mkdirSync(SHOTS, { recursive: true });
    await page.mouse.move(0, 0);
    await page.getByTestId('pane').screenshot({ path: join(SHOTS, 'pane-cancel.png'), animations: 'disabled' });

    await cancel.click();
    expect(await page.getByTestId('cancelled').innerText()).toBe('Avbrutet – inget skrevs till arbetsboken.');
    await cancel.waitFor({ state: 'detached' });
    expect(await page.getByTestId('summary').count()).toBe(0);
    expect(await workbookState(page)).toEqual(UNTOUCHED);
    // the abandoned read may finish now: it changes nothing
    await release(page, 'read');
    await page.getByRole('button', { name: 'Beräkna och skriv tabeller' }).waitFor({ state: 'visible' });
    expect(await workbookState(page)).toEqual(UNTOUCHED);
    expect(await page.getByTestId('sheet-tab-Avvikelsetabeller').count()).toBe(0);

    await runAll(page);
    expect(await page.getByTestId('summary').innerText()).toContain('5 tabeller · 19 flaggade rader');
    expect(await page.getByTestId('cancelled').count()).toBe(0);
    await page.getByTestId('sheet-tab-Avvikelsetabeller').waitFor();
    const after = await workbookState(page);
    expect(after.sheets).toEqual([...UNTOUCHED.sheets, 'Avvikelsetabeller', 'Kommentarer', 'Prognoshistorik']);
    expect(after.writes).toBe(1);
    expect(after.formula).not.toBeNull();
  }, 30_000);

  test('once the write has begun, Avbryt is disabled ("Skriver …") and the write completes', async () => {
    const { page } = await suite.open();
    await page.getByTestId('table-Drift').waitFor();
    await hold(page, 'write');
    await runAll(page);
    await heldAt(page, 'write');
    const writing = page.getByTestId('cancel-run');
    expect(await writing.innerText()).toBe('Skriver …');
    expect(await writing.isDisabled()).toBe(true);
    expect(await page.getByTestId('progress').innerText()).toContain('Skriver till arbetsboken …');
    await writing.click({ force: true }); // a click on the disabled button does nothing
    expect(await workbookState(page)).toEqual(UNTOUCHED);
    await release(page, 'write');
    expect(await page.getByTestId('summary').innerText()).toContain('5 tabeller · 19 flaggade rader');
    expect(await page.getByTestId('cancelled').count()).toBe(0);
    expect((await workbookState(page)).sheets).toContain('Avvikelsetabeller');
    expect(await page.getByTestId('cancel-run').count()).toBe(0);
  }, 30_000);

  test('Avbryt during the partial action "Fyll bara avvikelsekolumner" leaves the avvikelse columns empty', async () => {
    const { page } = await suite.open();
    await page.getByTestId('table-Drift').waitFor();
    await hold(page, 'read');
    await page.getByRole('button', { name: 'Fyll bara avvikelsekolumner' }).click();
    await heldAt(page, 'read');
    await page.getByRole('button', { name: 'Avbryt', exact: true }).click();
    await page.getByTestId('cancelled').waitFor();
    await release(page, 'read');
    expect(await workbookState(page)).toEqual(UNTOUCHED);
    expect(await page.getByTestId('sheet-grid').locator('td[data-cell="F5"]').innerText()).toBe('');
  }, 30_000);
});
