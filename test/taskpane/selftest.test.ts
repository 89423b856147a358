/**
 * The Självtest in the pane, in Chromium, in demo mode against the in-memory workbook: reached from the
 * header's menu and with `?selftest`, every step listed as it passes, the result copyable as text, the
 * scratch sheet gone afterwards. At 320 px it has no horizontal overflow (the README's screenshot).
 */
import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { DemoHook } from '../../src/demo/demoWorkbook';
import { SCRATCH_SHEET } from '../../src/taskpane/model/selfTest';
import { describePane, overflow, REPO } from './harness';

type DemoWindow = Window & { __avvikelseDemo: DemoHook };
const SHOTS = join(__dirname, '..', '..', 'out', 'screenshots');

describePane('Självtest in the pane (demo mode)', 'test/taskpane/selftest.test.ts', (suite) => {
  test('from the menu: every step passes against the in-memory workbook, the result is text to copy, nothing is left behind', async () => {
    const { page, context } = await suite.open();
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(page.url()).origin });
    const sheetsBefore = await page.evaluate(() => (window as unknown as DemoWindow).__avvikelseDemo.sheetNames());
    await page.getByRole('button', { name: 'Mer' }).click();
    await page.getByRole('menuitem', { name: 'Självtest' }).click();
    await page.getByRole('button', { name: 'Kör självtest' }).click();
    await page.getByTestId('selftest-summary').waitFor();
    const steps = page.getByTestId('selftest-step');
    expect(await steps.count()).toBe(8);
    expect(await steps.evaluateAll((els) => els.map((e) => e.getAttribute('data-ok')))).toEqual(Array(8).fill('true'));
    expect(await page.getByTestId('selftest-summary').innerText()).toBe('8 av 8 steg godkända.');
    const text = await page.getByTestId('selftest-text').inputValue();
    expect(text).toMatch(/^Avvikelse självtest \d{4}-\d\d-\d\dT/);
    expect(text).toContain('Värd: Demo (arbetsbok i minnet, ingen Excel)');
    expect(text).toContain('OK   Läsning i delar om 5 rader: värden, formler, beräknade resultat och namn');
    await page.getByRole('button', { name: 'Kopiera resultatet' }).click();
    await page.getByText('Resultatet är kopierat').waitFor();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(text);
    const sheetsAfter = await page.evaluate(() => (window as unknown as DemoWindow).__avvikelseDemo.sheetNames());
    expect(sheetsAfter).toEqual(sheetsBefore);
    expect(sheetsAfter).not.toContain(SCRATCH_SHEET);
    await page.getByRole('button', { name: 'Tillbaka' }).click();
    await page.getByTestId('sources').waitFor();
  }, 30_000);

  test('?selftest opens it directly; at 320 px nothing overflows (screenshot saved)', async () => {
    const { page } = await suite.open({ width: 320, query: '?selftest', ready: 'selftest' });
    await page.getByRole('button', { name: 'Kör självtest' }).click();
    await page.getByTestId('selftest-summary').waitFor();
    expect(await overflow(page)).toEqual([]);
    mkdirSync(SHOTS, { recursive: true });
    const file = join(SHOTS, 'selftest-320.png');
    await page.getByTestId('pane').screenshot({ path: file, animations: 'disabled' });
    if (process.env.UPDATE_SCREENSHOTS === '1') copyFileSync(file, join(REPO, 'examples', 'screenshots', 'selftest.png'));
  }, 30_000);
});
