/**
 * How each source table is read, in the pane (issue 9): the assumptions shown in Swedish under the table,
 * and a per-sheet setting that overrides one, stored in the document and used by the next run.
 */
import type { Page } from 'playwright-core';
import type { DemoHook } from '../../src/demo/demoWorkbook';
import { describePane } from './harness';

type DemoWindow = Window & { __avvikelseDemo: DemoHook };

/** The value once `check` accepts it (the pane saves and re-reads asynchronously), or the last one after 5 s. */
async function settled<T>(read: () => Promise<T>, check: (v: T) => boolean): Promise<T> {
  let v = await read();
  for (let i = 0; i < 50 && !check(v); i++) {
    await new Promise((r) => setTimeout(r, 100));
    v = await read();
  }
  return v;
}
const same = (a: unknown) => (b: unknown) => JSON.stringify(a) === JSON.stringify(b);

const saved = (page: Page) => page.evaluate(() => (window as unknown as DemoWindow).__avvikelseDemo.workbook.settings);
/** The investment table's column headers on the tables sheet after a run. */
const investmentHeaders = (page: Page) =>
  page.evaluate(() => {
    const values = (window as unknown as DemoWindow).__avvikelseDemo.workbook.sheet('Avvikelsetabeller')?.values ?? [];
    const title = values.findIndex((r) => r?.[0] === 'Investeringar');
    return (values[title + 3] ?? []).filter((v) => v !== null && v !== undefined);
  });

describePane('how a source table is read, in the pane', 'test/taskpane/reading.test.ts', (suite) => {
  test('the assumptions are shown; turning off the derived period budget for one sheet is stored and used', async () => {
    const { page } = await suite.open({ width: 320 });
    await page.getByTestId('table-Investeringar').getByRole('button').first().click();
    const reading = page.getByTestId('reading-Investeringar');
    await reading.waitFor();
    await page.getByRole('button', { name: 'Beräkna och skriv tabeller' }).click();
    await page.getByTestId('summary').waitFor();
    // the sample's investments have utfall for jan–aug and no period budget: one is derived (helår × 8/12)
    expect(await investmentHeaders(page)).toEqual(['Projekt, tkr', 'Budget', 'Prognos', 'Avvikelse', 'Budget', 'Utfall', 'Avvikelse']);

    await reading.locator('select[data-setting="periodBudget"]').selectOption('false');
    expect(await settled(async () => (await saved(page))?.sheets?.Investeringar, same({ periodBudget: false }))).toEqual({ periodBudget: false });
    await page.getByRole('button', { name: 'Beräkna och skriv tabeller' }).click();
    expect(await settled(() => investmentHeaders(page), same(['Projekt, tkr', 'Budget', 'Prognos', 'Avvikelse', 'Utfall']))).toEqual(['Projekt, tkr', 'Budget', 'Prognos', 'Avvikelse', 'Utfall']);

    await reading.locator('select[data-setting="periodBudget"]').selectOption('');
    expect(await settled(async () => (await saved(page))?.sheets?.Investeringar, (v) => v === undefined)).toBeUndefined();
  }, 30_000);

  test('the chart setting of a sheet is stored in the document and takes its charts out of the pane', async () => {
    const { page } = await suite.open({ width: 320 });
    await page.getByTestId('table-Drift').getByRole('button').first().click();
    const reading = page.getByTestId('reading-Drift');
    await reading.waitFor();
    await page.getByRole('button', { name: 'Beräkna och skriv tabeller' }).click();
    await page.getByTestId('summary').waitFor();
    expect(await page.getByTestId('pane-chart').locator('figcaption').innerText()).toMatch(/^Driftredovisning:/);

    await reading.locator('select[data-setting="charts"]').selectOption('false');
    expect(await settled(async () => (await saved(page))?.sheets?.Drift, same({ charts: false }))).toEqual({ charts: false });
    await page.getByRole('button', { name: 'Beräkna och skriv tabeller' }).click();
    const caption = () => page.getByTestId('pane-chart').locator('figcaption').innerText();
    expect(await settled(caption, (v) => !/^Driftredovisning:/.test(String(v)))).not.toMatch(/^Driftredovisning:/);
    await reading.locator('select[data-setting="charts"]').selectOption('');
  }, 30_000);

  test('a table of budget and utfall without a period is read as the whole year, and the setting reads it as a period', async () => {
    const { page } = await suite.open({ width: 320 });
    await page.evaluate(() => {
      const wb = (window as unknown as DemoWindow).__avvikelseDemo.workbook;
      const values = [
        ['Driftredovisning per verksamhet'],
        ['Belopp i tkr'],
        ['Verksamhet', 'Budget 2026', 'Utfall 2026', 'Avvikelse'],
        ['Förskola', 120500, 123900, null],
        ['Grundskola', 240000, 238700, null],
      ];
      wb.sheets.push({ name: 'Nämnder', values, formulas: new Map(), numFmts: new Map(), conditionalFormats: [], notes: new Map() });
    });
    await page.getByRole('button', { name: 'Läs om arbetsboken' }).click();
    await page.getByTestId('table-Nämnder').getByRole('button').first().click();
    const reading = page.getByTestId('reading-Nämnder');
    expect(await settled(() => reading.innerText(), (v) => v.includes('Tabellen läses som nettokostnad per verksamhet'))).toContain('Tabellen läses som nettokostnad per verksamhet');
    expect(await reading.innerText()).toContain('Beloppen läses i tkr (enligt "Belopp i tkr" i A2)');
    expect(await reading.innerText()).toContain('Kolumnen Utfall 2026 läses som helårets utfall och jämförs med årsbudgeten (tabellen har ingen prognos och ingen period)');
    await reading.locator('select[data-setting="annual"]').selectOption('false');
    expect(await settled(async () => (await saved(page))?.sheets?.['Nämnder'], same({ annual: false }))).toEqual({ annual: false });
    expect(await settled(() => reading.innerText(), (v) => v.includes('läses som utfall för perioden'))).toContain('Kolumnen Utfall 2026 läses som utfall för perioden');
  }, 30_000);
});
