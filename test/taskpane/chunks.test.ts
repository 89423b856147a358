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
});
