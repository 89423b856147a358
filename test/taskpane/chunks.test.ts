/**
 * What the pane loads before its first view (issue 12): the Word export's `docx` library is a chunk of
 * its own that the entry does not contain and the first view never fetches; so are the audit engine and
 * the writing engine, fetched only when used.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describePane } from './harness';

/** Text only the `docx` library's code holds (the root element of a Word document it writes). */
const DOCX_MARK = 'w:document';

const scriptsOf = (dir: string) => readdirSync(dir).filter((f) => f.endsWith('.js'));
const holding = (dir: string, text: string) => scriptsOf(dir).filter((f) => readFileSync(join(dir, f), 'utf8').includes(text));

/** The scripts the page has fetched, by file name. */
async function fetched(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    performance
      .getEntriesByType('resource')
      .map((e) => new URL(e.name).pathname.split('/').pop() ?? '')
      .filter((f) => f.endsWith('.js')),
  );
}

describePane('what the pane loads at start', 'test/taskpane/chunks.test.ts', (suite) => {
  test('docx is in a chunk of its own, outside the entry and the page', () => {
    const dir = suite.outDir();
    const docx = holding(dir, DOCX_MARK);
    expect(docx).toHaveLength(1);
    expect(docx[0]).not.toMatch(/^taskpane\./);
    expect(readFileSync(join(dir, 'taskpane.html'), 'utf8')).not.toContain(docx[0]);
    expect(scriptsOf(dir).some((f) => /^taskpane\./.test(f))).toBe(true);
  });

  test('the first view fetches neither docx nor the audit or writing engine; a run fetches the writing engine, still not docx', async () => {
    const { page } = await suite.open();
    await page.locator('[data-testid="sources"] [data-testid^="table-"]').first().waitFor();
    await page.getByRole('button', { name: 'Granska tabeller i arbetsboken' }).waitFor();
    const [docx] = holding(suite.outDir(), DOCX_MARK);
    const atStart = await fetched(page);
    expect(atStart.some((f) => /^taskpane\./.test(f))).toBe(true);
    expect(atStart).not.toContain(docx);
    expect(atStart.filter((f) => /^(audit|run)\./.test(f))).toEqual([]);

    await page.getByRole('button', { name: 'Beräkna och skriv tabeller' }).click();
    await page.getByTestId('summary').waitFor();
    expect((await fetched(page)).filter((f) => /^run\./.test(f))).toHaveLength(1);
    expect(await fetched(page)).not.toContain(docx);
  }, 60_000);

  // office.js that never answers (the CDN refused, a stand-in whose onReady never resolves): the pane
  // falls back to the demo only after its wait (bootstrap.ts), but its first view is there before
  const silentOffice = "window.Office = { onReady: () => new Promise(() => {}), HostType: { Excel: 'Excel' } };";

  test('the introduction is on screen before Office has answered and before any host exists', async () => {
    const { page } = await suite.open({ introDone: false, cdn: 'blocked', init: silentOffice, ready: 'first-run' });
    expect(await page.evaluate(() => 'Office' in window && !('__avvikelseDemo' in window))).toBe(true);
    expect(await page.getByRole('button', { name: 'Kom igång' }).isVisible()).toBe(true);
    // then the demo starts after the wait, and the same pane goes on to the workbook's tables
    await page.getByRole('button', { name: 'Kom igång' }).click();
    await page.locator('[data-testid="sources"] [data-testid^="table-"]').first().waitFor({ timeout: 20_000 });
    expect(await page.evaluate(() => '__avvikelseDemo' in window)).toBe(true);
  }, 60_000);

  test('a returning user sees the working view heading before any host exists', async () => {
    const { page } = await suite.open({ introDone: true, cdn: 'blocked', init: silentOffice, ready: 'sources' });
    expect(await page.evaluate(() => '__avvikelseDemo' in window)).toBe(false);
    expect(await page.getByRole('heading', { name: 'Källtabeller' }).isVisible()).toBe(true);
    expect(await page.getByTestId('pane').innerText()).toContain('Läser inställningarna');
    await page.locator('[data-testid="sources"] [data-testid^="table-"]').first().waitFor({ timeout: 20_000 });
  }, 60_000);

  test('the dark theme is fetched in dark mode only, and the pane is dark there', async () => {
    const light = await suite.open();
    expect((await fetched(light.page)).filter((f) => /^dark-theme\./.test(f))).toEqual([]);
    await suite.close(light);
    const { page } = await suite.open({ dark: true });
    await page.getByTestId('sources').waitFor();
    expect((await fetched(page)).filter((f) => /^dark-theme\./.test(f))).toHaveLength(1);
    const background = await page.getByTestId('pane').evaluate((e) => getComputedStyle(e).backgroundColor);
    const [r, g, b] = (background.match(/\d+/g) ?? []).map(Number);
    expect(r + g + b).toBeLessThan(3 * 80);
  }, 60_000);
});
