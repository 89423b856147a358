/**
 * The task pane in real Chromium, in demo mode on the in-memory sample workbook. Expected figures come
 * from running the engine on the same sample in Node; a few are also written out, checked by hand.
 */
import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { DemoHook } from '../../src/demo/demoWorkbook';
import { sampleSettings, sampleSheets } from '../../src/demo/sampleWorkbook';
import { Dec } from '../../src/core/decimal';
import { formatSwedish } from '../../src/core/money';
import { runReport } from '../../src/report/run';
import { buildSettings, type SettingsInput } from '../../src/report/settings';
import { flaggedItems, type FlaggedItem } from '../../src/taskpane/model/results';
import { DIRECTION_NAMES, LEVEL_NAMES } from '../../src/taskpane/model/words';
import { MemoryWorkbook } from '../../src/workbook/memory/memoryWorkbook';
import type { SheetChart } from '../../src/workbook/port';
import { describePane, overflow, REPO } from './harness';

/** Screenshots go to out/ (not tracked); UPDATE_SCREENSHOTS=1 also refreshes the README's picture. */
const SHOTS = join(__dirname, '..', '..', 'out', 'screenshots');
type DemoWindow = Window & { __avvikelseDemo: DemoHook };

/** The engine on the same sample, in Node: the flagged rows the pane should list. */
async function engineRun(extra: SettingsInput = {}) {
  const wb = new MemoryWorkbook(sampleSheets());
  const result = await runReport(wb, buildSettings({ ...sampleSettings(), ...extra }, undefined, 2026));
  return { wb, result, items: flaggedItems(result.model, result.tableRowRefs) };
}

async function flaggedTexts(page: Page): Promise<string[]> {
  return page.getByTestId('flagged-row').allInnerTexts();
}

function expectListed(texts: string[], items: FlaggedItem[]): void {
  expect(texts).toHaveLength(items.length);
  items.forEach((item, i) => {
    for (const part of [item.label, LEVEL_NAMES[item.level], item.direction ? DIRECTION_NAMES[item.direction] : '', item.amount, item.percent ?? '']) {
      expect(texts[i]).toContain(part);
    }
  });
}

const runAll = (page: Page) => page.getByRole('button', { name: 'Beräkna och skriv tabeller' }).click();
const sheetTab = (page: Page, name: string) => page.getByTestId(`sheet-tab-${name}`);
const gridCell = (page: Page, address: string) => page.locator(`[data-testid="sheet-grid"] td[data-cell="${address}"]`);
const selection = (page: Page) => page.evaluate(() => (window as unknown as DemoWindow).__avvikelseDemo.selection());


describePane('task pane in Chromium (demo mode)', 'test/taskpane/pane.test.ts', (suite) => {
  const pane = suite.open;

  test('the first-run view explains the tool, and is not shown again once read', async () => {
    const { page, context } = await pane({ introDone: false });
    await expect(page.getByTestId('demo-badge').innerText()).resolves.toBe('Demoläge – exempelarbetsbok i minnet');
    const intro = await page.getByTestId('first-run').innerText();
    expect(intro).toContain('Avvikelse läser budget, prognos och utfall i dina flikar');
    expect(intro).toContain('Beräkna och skriv tabeller');
    await page.getByRole('button', { name: 'Kom igång' }).click();
    await page.getByTestId('sources').waitFor();
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Källtabeller');
    const again = await context.newPage();
    await again.goto(page.url());
    await again.getByTestId('sources').waitFor();
    expect(await again.getByTestId('first-run').count()).toBe(0);
  }, 20_000);

  test('detected source tables show kind, header row, sign convention and the role mapping', async () => {
    const { page } = await pane();
    const { result } = await engineRun();
    const drift = page.getByTestId('table-Drift');
    expect(await drift.innerText()).toContain('Driftredovisning · 15 datarader');
    expect(await page.getByTestId('table-Investeringar').innerText()).toContain('Investeringar · 6 datarader');
    expect(await page.getByTestId('table-Indikatorer').innerText()).toContain('Indikatorer · 4 datarader');
    await drift.getByRole('button').first().click();
    await drift.locator('li[data-role]').first().waitFor(); // the panel's contents load when it first opens
    expect(await drift.innerText()).toContain('Rubrikrad 4, data från rad 5');
    expect(await drift.innerText()).toContain('Beloppen antas vara utan tecken');
    const mapping: Record<string, string> = {};
    for (const row of await drift.locator('li[data-role]').all()) mapping[(await row.getAttribute('data-role')) ?? ''] = await row.locator('select').inputValue();
    expect(mapping).toEqual({ group: 'A', label: 'B', type: 'C', budgetHelar: 'D', prognosHelar: 'E', avvikelseHelar: 'F', budgetPeriod: 'G', utfallPeriod: 'H', avvikelsePeriod: 'I', utfallFgAr: 'J' });
    expect(mapping).toEqual(result.model.detected[0].columns);
    expect(await drift.getByLabel('Budget helår', { exact: true }).inputValue()).toBe('D');
  }, 20_000);

  test('"Använd markering" maps a role to the selected column and saves it in the document', async () => {
    const { page } = await pane();
    const drift = page.getByTestId('table-Drift');
    await drift.getByRole('button').first().click();
    await sheetTab(page, 'Investeringar').click();
    await gridCell(page, 'C5').click();
    await drift.getByRole('button', { name: 'Använd markering för Budget helår' }).click();
    expect(await drift.getByTestId('selection-message').innerText()).toContain('Markeringen är på fliken Investeringar');
    await sheetTab(page, 'Drift').click();
    await gridCell(page, 'E6').click();
    await drift.getByRole('button', { name: 'Använd markering för Budget helår' }).click();
    await drift.getByText('Egna kolumnval').waitFor();
    expect(await drift.getByLabel('Budget helår', { exact: true }).inputValue()).toBe('E');
    const saved = await page.evaluate(() => (window as unknown as DemoWindow).__avvikelseDemo.workbook.settings);
    expect(saved?.sheets?.Drift?.columns).toEqual({ budgetHelar: 'E' });
    await drift.getByRole('button', { name: 'Återställ' }).click();
    await drift.getByText('Egna kolumnval').waitFor({ state: 'detached' });
    expect(await drift.getByLabel('Budget helår', { exact: true }).inputValue()).toBe('D');
  }, 20_000);

  test('"Beräkna och skriv tabeller" lists the flagged rows, fills the sheet and adds the output sheets', async () => {
    const { page } = await pane();
    const { wb, items } = await engineRun();
    await runAll(page);
    expect(await page.getByTestId('summary').innerText()).toContain('5 tabeller · 19 flaggade rader · 15 kommentarsutkast · 36 celler ifyllda');
    const texts = await flaggedTexts(page);
    expectListed(texts, items);
    // figures checked by hand against the sample (kr with öre → tkr, half away from zero)
    const personal = texts.find((t) => t.startsWith('Personal'));
    expect(personal).toMatch(/Kommentera[\s\S]*Negativ[\s\S]*-2 248 tkr[\s\S]*-0,6 %[\s\S]*helår/);
    expect(texts.filter((t) => t.startsWith('Personal'))[1]).toMatch(/Kommentera[\s\S]*Negativ[\s\S]*-1 728 tkr[\s\S]*-0,7 %[\s\S]*jan–aug/);
    const solrosen = texts.find((t) => t.startsWith('Ny förskola Solrosen'));
    expect(solrosen).toMatch(/Kommentera[\s\S]*Positiv[\s\S]*5 850 tkr[\s\S]*14,6 %[\s\S]*helår/);
    expect(texts.find((t) => t.startsWith('Inventarier Ekby skola'))).toMatch(/Bevaka[\s\S]*Negativ[\s\S]*-148 tkr[\s\S]*-9,9 %/);

    await sheetTab(page, 'Avvikelsetabeller').waitFor();
    await sheetTab(page, 'Kommentarer').click();
    expect(await page.getByTestId('sheet-grid').innerText()).toContain('Personalkostnaderna beräknas för helåret visa en negativ avvikelse på 2,2 mnkr');
    await sheetTab(page, 'Drift').click();
    const f5 = gridCell(page, 'F5');
    expect(await f5.innerText()).toBe('309 473');
    expect(await f5.getAttribute('title')).toBe(`=${wb.sheet('Drift')?.formulas.get('4,5')}`);
    expect(await gridCell(page, 'I6').innerText()).toBe('-1 120 164');
  }, 20_000);

  test('clicking a flagged row selects its row on the tables sheet', async () => {
    const { page } = await pane();
    const { items } = await engineRun();
    await runAll(page);
    const target = items.find((i) => i.table === 'Driftredovisning' && i.label === 'Personal')?.target;
    expect(target?.sheet).toBe('Avvikelsetabeller');
    await page.getByTestId('flagged-row').filter({ hasText: /^Personal/ }).first().click();
    expect(await selection(page)).toEqual(target);
    // the grid follows the selection on its next render
    const grid = page.locator('[data-testid="sheet-grid"][data-sheet="Avvikelsetabeller"]');
    await grid.locator('td[data-selected="true"]').first().waitFor();
    const selected = await grid.locator('td[data-selected="true"]').allInnerTexts();
    expect(selected[0]).toBe('Personal');
    expect(selected).toContain('-1 728');
  }, 20_000);

  test('a changed threshold is saved and changes the list on the next run', async () => {
    const { page } = await pane();
    await runAll(page);
    await page.getByTestId('summary').waitFor();
    const before = await flaggedTexts(page);
    await page.getByRole('button', { name: /Inställningar/ }).click();
    const amount = page.getByTestId('threshold-amount');
    await amount.fill('2 000');
    await amount.press('Tab');
    expect(await page.getByTestId('settings-summary').innerText()).toContain('kommentera 2 000 tkr / 10 %');
    expect(await page.getByLabel('Bevaka från', { exact: true }).inputValue()).toBe('1 000');
    const saved = await page.evaluate(() => (window as unknown as DemoWindow).__avvikelseDemo.workbook.settings);
    expect(saved).toMatchObject({ year: 2026, thresholdAmount: '2 000' });
    await runAll(page);
    await page.getByTestId('summary').waitFor();
    const after = await flaggedTexts(page);
    expect(after).not.toEqual(before);
    expectListed(after, (await engineRun({ thresholdAmount: '2 000' })).items);
    // Förskola's net cost, -1 083 tkr (-1,4 %): must be commented at 1 000 tkr, only observed at 2 000 tkr
    expect(before.find((t) => t.startsWith('Förskola'))).toContain('Kommentera');
    expect(after.find((t) => t.startsWith('Förskola'))).toContain('Bevaka');
    expect(after.some((t) => t.startsWith('Verksamhetens intäkter'))).toBe(false);
  }, 20_000);

  test('a broken amount stops the run: the Swedish error names its cell, a click selects it, nothing is written', async () => {
    const { page } = await pane();
    await page.evaluate(() => (window as unknown as DemoWindow).__avvikelseDemo.setCell('Drift', 'E7', 'ca 300'));
    await runAll(page);
    expect(await page.getByTestId('not-written').innerText()).toContain('Ingenting skrevs.');
    const errors = page.getByTestId('errors');
    expect(await errors.innerText()).toContain('Drift!E7: "ca 300" är inget belopp');
    expect(await page.getByTestId('flagged-row').count()).toBe(0);
    const state = await page.evaluate(() => {
      const hook = (window as unknown as DemoWindow).__avvikelseDemo;
      return { sheets: hook.sheetNames(), formula: hook.getFormula('Drift', 'F5') ?? null, writes: hook.workbook.calls.write };
    });
    expect(state).toEqual({ sheets: ['Drift', 'Investeringar', 'Indikatorer'], formula: null, writes: 0 });
    await errors.getByRole('button', { name: /Drift!E7/ }).click();
    expect(await selection(page)).toEqual({ sheet: 'Drift', address: 'E7' });
    await page.locator('[data-testid="sheet-grid"][data-sheet="Drift"] td[data-cell="E7"][data-selected="true"]').waitFor();
  }, 20_000);

  test('the secondary actions write only their part', async () => {
    const { page } = await pane();
    await page.getByRole('button', { name: 'Fyll bara avvikelsekolumner' }).click();
    expect(await page.getByTestId('summary').innerText()).toContain('19 flaggade rader · 36 celler ifyllda');
    expect(await sheetTab(page, 'Avvikelsetabeller').count()).toBe(0);
    expect(await gridCell(page, 'F5').innerText()).toBe('309 473');
    await page.getByRole('button', { name: 'Skriv bara kommentarsutkast' }).click();
    expect(await page.getByTestId('summary').innerText()).toContain('15 kommentarsutkast');
    await sheetTab(page, 'Kommentarer').waitFor();
    expect(await sheetTab(page, 'Avvikelsetabeller').count()).toBe(0);
  }, 20_000);

  test('an edit in the grid recalculates the avvikelse formulas and their flags, live, without a new run', async () => {
    const { page } = await pane();
    const hook = () => page.evaluate(() => {
      const h = (window as unknown as DemoWindow).__avvikelseDemo;
      return { writes: h.workbook.calls.write, h6: h.getCell('Drift', 'H6'), h8: h.getCell('Drift', 'H8'), i6: h.getFormula('Drift', 'I6') ?? null };
    });
    const background = (address: string) => gridCell(page, address).evaluate((el) => getComputedStyle(el).backgroundColor);
    const editor = page.getByTestId('cell-editor');
    await runAll(page);
    await page.getByTestId('summary').waitFor();
    await sheetTab(page, 'Drift').click();
    // Förskola, Personal: -1 120 164 kr jan–aug crosses 1 000 tkr (kommentera, negative: Excel's light red)
    const i6 = gridCell(page, 'I6');
    expect(await i6.innerText()).toBe('-1 120 164');
    expect(await i6.getAttribute('data-flag')).toBe('#FFC7CE');
    expect(await background('I6')).toBe('rgb(255, 199, 206)');
    expect(await i6.evaluate((el) => getComputedStyle(el).color)).toBe('rgb(156, 0, 6)');

    // utfall jan–aug of the same row, by double-click: the deviation falls back under every threshold
    await gridCell(page, 'H6').dblclick();
    expect(await editor.inputValue()).toBe('66719373,18');
    expect(await editor.getAttribute('aria-label')).toBe('Nytt värde för H6');
    await editor.fill('65 600 000');
    await editor.press('Enter');
    expect(await i6.innerText()).toBe('-791');
    expect(await i6.getAttribute('data-flag')).toBeNull();
    expect(await background('I6')).not.toBe('rgb(255, 199, 206)');
    expect(await gridCell(page, 'F6').getAttribute('data-flag')).toBe('#FFC7CE'); // helår is unchanged
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('sheet-grid');

    // the reverse, by keyboard: Enter on prognos helår of Förskola, Lokaler lifts F7 over bevaka (500 tkr)
    const f7 = gridCell(page, 'F7');
    expect(await f7.getAttribute('data-flag')).toBeNull();
    await gridCell(page, 'E7').click();
    await page.getByTestId('sheet-grid').press('Enter');
    expect(await editor.inputValue()).toBe('18560889,9');
    await editor.fill('18 000 000');
    await editor.press('Enter');
    expect(await f7.innerText()).toBe('599 875');
    expect(await f7.getAttribute('data-flag')).toBe('#E2EFDA');
    expect(await background('F7')).toBe('rgb(226, 239, 218)');

    // typing into a selected cell replaces its value: utfall jan–aug 11 mnkr, 11 % under budget (kommentera, positive)
    await gridCell(page, 'H7').click();
    await page.keyboard.type('11 000 000,00');
    await page.keyboard.press('Enter');
    expect(await gridCell(page, 'I7').innerText()).toBe('1 400 585');
    expect(await background('I7')).toBe('rgb(198, 239, 206)');

    // Escape cancels; formula cells are not editable
    await gridCell(page, 'H8').click();
    await page.keyboard.press('F2');
    await editor.fill('1');
    await editor.press('Escape');
    expect(await editor.count()).toBe(0);
    await i6.dblclick();
    await page.getByTestId('sheet-grid').press('Enter');
    expect(await editor.count()).toBe(0);
    expect(await i6.getAttribute('title')).toBe('=G6-H6');
    expect(await hook()).toEqual({ writes: 1, h6: 65600000, h8: 4192619.72, i6: 'G6-H6' });
    expect(await page.getByTestId('summary').innerText()).toContain('19 flaggade rader');

    mkdirSync(SHOTS, { recursive: true });
    await page.mouse.move(0, 0);
    await page.getByTestId('demo-sheets').screenshot({ path: join(SHOTS, 'demo-grid-edited.png'), animations: 'disabled' });
  }, 30_000);

  test("a variance chart above the flagged rows: the table's figures in table order, readable at 320 px light and dark", async () => {
    const { wb, result } = await engineRun();
    const drift = result.model.tables[0];
    const column = 1 + drift.columns.findIndex((c) => c.id === 'avvikelseHelar');
    const sheet = wb.sheet('Avvikelsetabeller')!;
    // the driftredovisning's full-year deviations as the tables sheet shows them, in Swedish form
    const expected = drift.rows.flatMap((row) => {
      const r = Number(/^A(\d+):/.exec(result.tableRowRefs.get(row)!.address)![1]) - 1;
      const v = sheet.values[r][column];
      return [row.label, formatSwedish(new Dec(v as number), 0)];
    });
    mkdirSync(SHOTS, { recursive: true });
    for (const dark of [false, true]) {
      const opened = await pane({ width: 320, dark });
      const { page } = opened;
      await runAll(page);
      const chart = page.getByTestId('pane-chart');
      await chart.waitFor();
      // the workbook got the same charts beside its tables as the engine's run draws, reading the same cells
      const inWorkbook = (charts: SheetChart[]) => charts.map((c) => [c.name, c.categories.values, c.series.map((s) => s.values.values)]);
      const written = await page.evaluate(() => (window as unknown as DemoWindow).__avvikelseDemo.workbook.chartsOn('Avvikelsetabeller'));
      expect(inWorkbook(written)).toEqual(inWorkbook(wb.chartsOn('Avvikelsetabeller')));
      expect(written[0].name).toBe('Avvikelsediagram 1: Driftredovisning – Avvikelse mot budget, helår, tkr');
      // labels cut to the chart's label column end in an ellipsis; the figures are the table's, whole
      const shown = await chart.locator('svg text').allTextContents();
      expect(shown).toHaveLength(expected.length);
      shown.forEach((text, i) => (i % 2 ? expect(text).toBe(expected[i]) : expect(expected[i].startsWith(text.replace(/…$/, ''))).toBe(true)));
      expect(shown.filter((t, i) => i % 2 === 0 && t !== expected[i]).every((t) => t.endsWith('…'))).toBe(true);
      expect(await chart.locator('figcaption').innerText()).toBe('Driftredovisning: Avvikelse mot budget, helår, tkr');
      const [above, list] = [await chart.boundingBox(), await page.getByTestId('flagged').boundingBox()];
      expect(above!.y + above!.height).toBeLessThanOrEqual(list!.y);
      expect(above!.width).toBeLessThanOrEqual(320);
      expect(await chart.locator('svg text').first().getAttribute('fill')).toBe(dark ? '#F0F0F0' : '#262626');
      expect(await overflow(page)).toEqual([]);
      // another table's chart on request
      await chart.getByRole('combobox').selectOption({ index: 1 });
      expect(await chart.locator('figcaption').innerText()).toMatch(/^Driftredovisning: Avvikelse mot budget, perioden/);
      // the year so far: the period's utfall per row against its budget, the utfall as the table shows it
      await chart.getByRole('combobox').selectOption({ label: 'Driftredovisning – utfall mot budget' });
      expect(await chart.locator('figcaption').innerText()).toMatch(/^Driftredovisning: Utfall mot periodiserad budget, perioden jan–\w+, tkr$/);
      const utfall = 1 + drift.columns.findIndex((c) => c.id === 'utfallPeriod');
      const total = drift.rows[drift.rows.length - 1];
      const totalRow = Number(/^A(\d+):/.exec(result.tableRowRefs.get(total)!.address)![1]) - 1;
      expect(await chart.locator('svg text').allTextContents()).toContain(formatSwedish(new Dec(sheet.values[totalRow][utfall] as number), 0));
      expect(await overflow(page)).toEqual([]);
      await chart.getByRole('combobox').selectOption({ index: 0 });
      await page.mouse.move(0, 0);
      const file = join(SHOTS, dark ? 'pane-chart-dark.png' : 'pane-chart.png');
      await chart.screenshot({ path: file, animations: 'disabled' });
      if (!dark && process.env.UPDATE_SCREENSHOTS === '1') copyFileSync(file, join(REPO, 'examples', 'screenshots', 'taskpane-diagram.png'));
      await suite.close(opened);
    }
  }, 40_000);

  test('at 320 px, light and dark, the pane has no horizontal overflow (screenshots saved)', async () => {
    mkdirSync(SHOTS, { recursive: true });
    for (const dark of [false, true]) {
      const opened = await pane({ width: 320, dark });
      const { page } = opened;
      await page.getByTestId('table-Drift').getByRole('button').first().click();
      await runAll(page);
      await page.getByTestId('summary').waitFor();
      await page.getByRole('button', { name: /Inställningar/ }).click();
      const kontoplan = page.getByRole('button', { name: /Kontoplan \(huvudboksutdrag\)/ });
      await kontoplan.click();
      await page.getByTestId('kontoplan-rule').first().waitFor();
      expect(await overflow(page)).toEqual([]);
      await kontoplan.click();
      await page.getByRole('button', { name: /Inställningar/ }).click();
      const colors = await page.getByTestId('pane').evaluate((el) => getComputedStyle(el).backgroundColor);
      const [r, g, b] = (colors.match(/\d+/g) ?? []).map(Number);
      expect(dark ? r + g + b < 200 : r + g + b > 600).toBe(true);
      await page.mouse.move(0, 0);
      const file = join(SHOTS, dark ? 'pane-dark.png' : 'pane.png');
      await page.getByTestId('pane').screenshot({ path: file, animations: 'disabled' });
      if (!dark && process.env.UPDATE_SCREENSHOTS === '1') copyFileSync(file, join(REPO, 'examples', 'screenshots', 'taskpane.png'));
      await suite.close(opened);
    }
  }, 30_000);
});
