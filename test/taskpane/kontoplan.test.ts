/**
 * The account map (kontoplan) and activity map in the pane's settings, in Chromium: shown, edited,
 * validated, stored in the document, and in effect on a ledger extract added to the demo workbook.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { RawValue } from '../../src/core/types';
import type { DemoHook } from '../../src/demo/demoWorkbook';
import { sampleSettings, sampleSheets } from '../../src/demo/sampleWorkbook';
import { runReport } from '../../src/report/run';
import { buildSettings, type SettingsInput } from '../../src/report/settings';
import { MemoryWorkbook } from '../../src/workbook/memory/memoryWorkbook';
import { describePane, overflow } from './harness';
import { LEDGER } from './ledgerSample';

const SHOTS = join(__dirname, '..', '..', 'out', 'screenshots');
type DemoWindow = Window & { __avvikelseDemo: DemoHook };

const runButton = (page: Page) => page.getByRole('button', { name: 'Beräkna och skriv tabeller' });
const saved = (page: Page) => page.evaluate(() => (window as unknown as DemoWindow).__avvikelseDemo.workbook.settings);
const kontonValues = (page: Page) => page.getByTestId('kontoplan-rule').evaluateAll((rules) => rules.map((r) => (r.querySelector('input') as HTMLInputElement).value));

/** Adds the ledger sheet to the demo workbook, as if the user had pasted an extract into a new sheet. */
async function addLedger(page: Page): Promise<void> {
  await page.evaluate((values) => {
    const wb = (window as unknown as DemoWindow).__avvikelseDemo.workbook;
    wb.sheets.push({ name: 'Huvudbok', values, formulas: new Map(), numFmts: new Map(), conditionalFormats: [], notes: new Map() });
  }, LEDGER);
  await page.getByRole('button', { name: 'Läs om arbetsboken' }).click();
  await page.getByTestId('table-Huvudbok').waitFor();
}

/** The values of the tables sheet, row by row, as the demo workbook holds them. */
const tablesSheet = (page: Page) => page.evaluate(() => (window as unknown as DemoWindow).__avvikelseDemo.workbook.sheet('Avvikelsetabeller')?.values ?? null);

/** The same run in Node, on the sample plus the ledger: the tables sheet the pane should write. */
async function engineTables(input: SettingsInput): Promise<RawValue[][] | null> {
  const wb = new MemoryWorkbook([...sampleSheets(), { name: 'Huvudbok', values: LEDGER }]);
  await runReport(wb, buildSettings({ ...sampleSettings(), ...input }, undefined, 2026));
  return wb.sheet('Avvikelsetabeller')?.values ?? null;
}

const labelsOf = (values: RawValue[][] | null) => (values ?? []).map((r) => r?.[0]).filter((v): v is string => typeof v === 'string');

describePane('the account map in the pane', 'test/taskpane/kontoplan.test.ts', (suite) => {
  test('the default is shown; an invalid edit is explained and blocks the run; a valid edit is stored and used', async () => {
    const { page } = await suite.open({ width: 320 });
    await addLedger(page);
    expect(await page.getByTestId('table-Huvudbok').innerText()).toContain('Huvudboksutdrag · 6 datarader');
    expect(await page.getByTestId('kontoplan-summary').innerText()).toBe('Standard (Kommun-Bas) · 5 regler');
    await page.getByRole('button', { name: /Kontoplan \(huvudboksutdrag\)/ }).click();
    expect(await page.getByTestId('kontoplan-badge').innerText()).toBe('Standard (Kommun-Bas)');
    expect(await kontonValues(page)).toEqual(['3', '5', '6', '4', '7']);
    expect(await page.getByLabel('Kategori, regel 2').inputValue()).toBe('Personal');
    expect(await page.getByLabel('Typ, regel 1').inputValue()).toBe('Intäkt');
    expect(await page.getByRole('button', { name: 'Återställ standard' }).isDisabled()).toBe(true);

    // "abc" is no account range: the engine's message next to the rule, the run is blocked, nothing is stored
    const konton2 = page.getByLabel('Konton, regel 2');
    await konton2.fill('abc');
    await konton2.press('Tab');
    const message = 'kontoplan rad 2: "abc" är inget kontointervall (skriv t.ex. 5, 60-63 eller 4010-4099)';
    expect(await page.getByTestId('kontoplan-error').innerText()).toBe(message);
    expect(await page.getByTestId('kontoplan-rule').nth(1).getAttribute('data-invalid')).toBe('true');
    expect(await konton2.getAttribute('aria-invalid')).toBe('true');
    expect(await konton2.getAttribute('aria-describedby')).toBe('kontoplan-error');
    expect(await page.getByLabel('Konton, regel 1').getAttribute('aria-invalid')).toBeNull();
    expect(await page.getByTestId('kontoplan-summary').innerText()).toBe('Egen kontoplan · 5 regler · fel');
    expect(await runButton(page).isDisabled()).toBe(true);
    expect(await page.getByTestId('run-blocked').innerText()).toContain(message);
    expect(await saved(page)).toEqual({ year: 2026 });

    // a valid edit: the run button is enabled again and the map is stored in the document
    await konton2.fill('50-59');
    await konton2.press('Enter');
    await page.getByTestId('kontoplan-error').waitFor({ state: 'detached' });
    expect(await runButton(page).isEnabled()).toBe(true);
    expect(await page.getByTestId('run-blocked').count()).toBe(0);
    const kategori2 = page.getByLabel('Kategori, regel 2');
    await kategori2.fill('Personalkostnader');
    await kategori2.press('Tab');
    // "Köp av verksamhet och material" up above Lokaler: the row order of the table
    await page.getByRole('button', { name: 'Flytta upp regel 4' }).click();
    expect(await kontonValues(page)).toEqual(['3', '50-59', '4', '6', '7']);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Flytta upp regel 3');
    const kontoplan = [
      { konton: '3', kategori: 'Verksamhetens intäkter', typ: 'Intäkt' },
      { konton: '50-59', kategori: 'Personalkostnader', typ: 'Kostnad' },
      { konton: '4', kategori: 'Köp av verksamhet och material', typ: 'Kostnad' },
      { konton: '6', kategori: 'Lokaler', typ: 'Kostnad' },
      { konton: '7', kategori: 'Övrigt', typ: 'Kostnad' },
    ];
    expect(await saved(page)).toEqual({ year: 2026, kontoplan });
    expect(await page.getByTestId('kontoplan-badge').innerText()).toBe('Egen kontoplan');

    await runButton(page).click();
    await page.getByTestId('summary').waitFor();
    const written = await tablesSheet(page);
    expect(written).toEqual(await engineTables({ kontoplan }));
    const labels = labelsOf(written);
    expect(labels).toContain('Personalkostnader');
    expect(labels.indexOf('Köp av verksamhet och material')).toBeLessThan(labels.lastIndexOf('Lokaler'));
    expect(labelsOf(await engineTables({}))).not.toContain('Personalkostnader');

    // back to the default: the key is removed from the document
    await page.getByRole('button', { name: 'Återställ standard' }).click();
    expect(await kontonValues(page)).toEqual(['3', '5', '6', '4', '7']);
    expect(await page.getByTestId('kontoplan-badge').innerText()).toBe('Standard (Kommun-Bas)');
    expect(await saved(page)).toEqual({ year: 2026 });
  }, 40_000);

  test('rules are added and removed; a new rule must be filled in before the run', async () => {
    const { page } = await suite.open();
    await page.getByTestId('table-Drift').waitFor();
    await page.getByRole('button', { name: /Kontoplan \(huvudboksutdrag\)/ }).click();
    await page.getByRole('button', { name: 'Lägg till regel' }).click();
    expect(await page.getByTestId('kontoplan-rule').count()).toBe(6);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Konton, regel 6');
    expect(await page.getByTestId('kontoplan-error').innerText()).toBe('kontoplan rad 6: "kategori" saknas');
    expect(await runButton(page).isDisabled()).toBe(true);
    await page.keyboard.type('8');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Finansiella poster');
    await page.keyboard.press('Tab');
    expect(await page.getByTestId('kontoplan-error').innerText()).toBe('kontoplan rad 6: ange typ (Intäkt eller Kostnad) – kontona ligger utanför klass 3–7 eller blandar intäkter och kostnader');
    await page.getByLabel('Typ, regel 6').selectOption('Kostnad');
    await page.getByTestId('kontoplan-error').waitFor({ state: 'detached' });
    expect(await runButton(page).isEnabled()).toBe(true);
    expect((await saved(page))?.kontoplan?.[5]).toEqual({ konton: '8', kategori: 'Finansiella poster', typ: 'Kostnad' });

    await page.getByRole('button', { name: 'Ta bort regel 1' }).click();
    expect(await kontonValues(page)).toEqual(['5', '6', '4', '7', '8']);
    expect((await saved(page))?.kontoplan?.map((r) => r.konton)).toEqual(['5', '6', '4', '7', '8']);
    for (let i = 0; i < 4; i++) await page.getByRole('button', { name: 'Ta bort regel 1' }).click();
    expect(await kontonValues(page)).toEqual(['8']);
    expect(await page.getByRole('button', { name: 'Ta bort regel 1' }).isDisabled()).toBe(true); // a map needs one rule
  }, 30_000);

  test('the activity map gathers ansvar codes under one verksamhet, in the written tables too', async () => {
    const { page } = await suite.open();
    await addLedger(page);
    await page.getByRole('button', { name: /Kontoplan \(huvudboksutdrag\)/ }).click();
    const section = page.getByTestId('verksamheter');
    const add = section.getByRole('button', { name: 'Lägg till verksamhet' });
    await section.getByLabel('Kod').fill('4x');
    await section.getByLabel('Verksamhet', { exact: true }).fill('Grundskola F–9');
    await add.click();
    expect(await section.getByTestId('verksamhet-add-error').innerText()).toBe('verksamheter "4x": "4x" är inget kontointervall (skriv t.ex. 5, 60-63 eller 4010-4099)');
    expect(await saved(page)).toEqual({ year: 2026 });
    await section.getByLabel('Kod').fill('41');
    await add.click();
    expect(await section.getByTestId('verksamhet-code').allInnerTexts()).toEqual(['41']);
    expect(await section.getByLabel('Verksamhet för kod 41').inputValue()).toBe('Grundskola F–9');
    expect(await saved(page)).toEqual({ year: 2026, verksamheter: { '41': 'Grundskola F–9' } });

    await runButton(page).click();
    await page.getByTestId('summary').waitFor();
    const labels = labelsOf(await tablesSheet(page));
    expect(labels).toContain('Grundskola F–9');
    expect(labels).toContain('Ej mappad verksamhet'); // 420 Förskola has no code
    expect(labels).not.toContain('410 Grundskola');
    expect(await tablesSheet(page)).toEqual(await engineTables({ verksamheter: { '41': 'Grundskola F–9' } }));

    await section.getByRole('button', { name: 'Ta bort kod 41' }).click();
    expect(await saved(page)).toEqual({ year: 2026 });
    expect(await section.getByTestId('verksamhet').count()).toBe(0);
  }, 30_000);

  test('at 320 px, light and dark, the open section does not overflow (screenshots saved)', async () => {
    mkdirSync(SHOTS, { recursive: true });
    for (const dark of [false, true]) {
      const opened = await suite.open({ width: 320, dark });
      const { page } = opened;
      await page.getByTestId('table-Drift').waitFor();
      await page.getByRole('button', { name: /Kontoplan \(huvudboksutdrag\)/ }).click();
      const konton = page.getByLabel('Konton, regel 3');
      await konton.fill('60-63, 4010-4099');
      await konton.press('Tab');
      await page.getByTestId('verksamheter').getByLabel('Kod').fill('4200-4299');
      await page.getByTestId('verksamheter').getByLabel('Verksamhet', { exact: true }).fill('Gymnasieskola och vuxenutbildning');
      await page.getByTestId('verksamheter').getByRole('button', { name: 'Lägg till verksamhet' }).click();
      await page.getByLabel('Konton, regel 2').fill('abc');
      await page.getByLabel('Konton, regel 2').press('Tab');
      await page.getByTestId('kontoplan-error').waitFor();
      expect(await overflow(page)).toEqual([]);
      await page.mouse.move(0, 0);
      await page.getByTestId('kontoplan').screenshot({ path: join(SHOTS, dark ? 'kontoplan-dark.png' : 'kontoplan.png'), animations: 'disabled' });
      await suite.close(opened);
    }
  }, 30_000);
});
