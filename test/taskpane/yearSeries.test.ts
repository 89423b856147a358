/**
 * The year as a series in the pane, in real Chromium (demo mode): the change since the last forecast
 * beside each flagged row, once the workbook's Prognoshistorik holds an earlier period.
 * The earlier period is recorded by the engine itself in Node (an April run on the sample with other
 * forecasts), then put into the pane's workbook as the April run would have left it.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { RawValue } from '../../src/core/types';
import type { DemoHook } from '../../src/demo/demoWorkbook';
import { sampleSettings, sampleSheets } from '../../src/demo/sampleWorkbook';
import { HISTORY_NAME, HISTORY_SHEET } from '../../src/report/ownSheets';
import { runReport } from '../../src/report/run';
import { buildSettings, type SettingsInput } from '../../src/report/settings';
import { flaggedItems } from '../../src/taskpane/model/results';
import { MemoryWorkbook } from '../../src/workbook/memory/memoryWorkbook';
import { describePane, overflow } from './harness';

const SHOTS = join(__dirname, '..', '..', 'out', 'screenshots');
type DemoWindow = Window & { __avvikelseDemo: DemoHook };

/** Förskola, Personal's full-year forecast (Drift!E6) in April: 2,1 mnkr lower than in August. */
const APRIL_PERSONAL = 99849555.01 - 2100000;

const settings = (extra: SettingsInput = {}) => buildSettings({ ...sampleSettings(), ...extra }, undefined, 2026);

/** The history an April run leaves: the sample with April's forecast for Förskola, Personal, run for jan–apr. */
async function aprilHistory(): Promise<{ values: RawValue[][]; ref: string }> {
  const wb = new MemoryWorkbook(sampleSheets());
  wb.setCell('Drift', 'E6', APRIL_PERSONAL);
  await runReport(wb, settings({ months: 4 }));
  const sheet = wb.sheet(HISTORY_SHEET)!;
  return { values: sheet.values, ref: wb.names[HISTORY_NAME] };
}

/** The August run in Node on the sample with April's history: the flagged rows and their change. */
async function augustInNode(history: { values: RawValue[][]; ref: string }) {
  const wb = new MemoryWorkbook(sampleSheets(), { [HISTORY_NAME]: history.ref });
  wb.addSheet({ name: HISTORY_SHEET, values: history.values });
  const result = await runReport(wb, settings());
  return flaggedItems(result.model, result.tableRowRefs);
}

async function giveHistory(page: Page, history: { values: RawValue[][]; ref: string }): Promise<void> {
  await page.evaluate(
    ({ values, ref, sheet, name }) => {
      const wb = (window as unknown as DemoWindow).__avvikelseDemo.workbook;
      wb.addSheet({ name: sheet, values });
      wb.names[name] = ref;
    },
    { ...history, sheet: HISTORY_SHEET, name: HISTORY_NAME },
  );
}

const runAll = (page: Page) => page.getByRole('button', { name: 'Beräkna och skriv tabeller' }).click();

describePane('the year as a series in the task pane (Chromium)', 'test/taskpane/yearSeries.test.ts', (suite) => {
  test('with April in Prognoshistorik, each flagged row shows its change since that forecast, at 320 px light and dark', async () => {
    const history = await aprilHistory();
    expect(history.values[3]).toContain('Prognos jan–apr 2026');
    const items = await augustInNode(history);
    const changed = items.filter((i) => i.change);
    expect(changed.length).toBeGreaterThan(0);
    mkdirSync(SHOTS, { recursive: true });
    for (const [width, dark] of [[1280, false], [320, false], [320, true]] as const) {
      const opened = await suite.open({ width, dark });
      const { page } = opened;
      await giveHistory(page, history);
      await runAll(page);
      await page.getByTestId('summary').waitFor();
      const rows = page.getByTestId('flagged-row');
      const texts = await rows.allInnerTexts();
      expect(texts).toHaveLength(items.length);
      // beside each flagged row (its full year's item), the change the engine computes on the same workbooks
      items.forEach((item, i) => (item.change ? expect(texts[i]).toContain(item.change.text) : expect(texts[i]).not.toContain('Förändring')));
      expect(await page.getByTestId('flagged-change').allInnerTexts()).toEqual(changed.map((i) => i.change!.text));
      // checked by hand: Förskola's Personal forecast rose by 2 100 000 kr since April (a cost: a worsening)
      const personal = rows.filter({ hasText: /^Personal/ }).first();
      expect(await personal.getByTestId('flagged-change').innerText()).toBe('Förändring -2 100 tkr mot prognos jan–apr');
      const forskola = rows.filter({ hasText: /^Förskola/ }).first();
      expect(await forskola.getByTestId('flagged-change').innerText()).toBe('Förändring -2 100 tkr mot prognos jan–apr');
      expect(await overflow(page)).toEqual([]);
      await page.mouse.move(0, 0);
      const name = width === 1280 ? 'pane-change.png' : dark ? 'pane-change-320-dark.png' : 'pane-change-320.png';
      // the list's first rows (Driftredovisning), where the changes are
      const box = (await page.getByTestId('flagged').boundingBox())!;
      await page.screenshot({ path: join(SHOTS, name), fullPage: true, animations: 'disabled', clip: { x: box.x, y: box.y, width: box.width, height: Math.min(box.height, 720) } });
      await suite.close(opened);
    }
  }, 60_000);
});
