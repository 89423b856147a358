/**
 * The pane's drawings of the budget comparisons and the year so far, in real Chromium at the pane's
 * width (300 px in a 320 px pane), light and dark: every figure is the model's in Swedish form, every
 * text inside the drawing, the dark theme's ink light. Screenshots go to out/screenshots
 * (`UPDATE_SCREENSHOTS=1` also writes the README's examples/screenshots/taskpane-prognos.png).
 */
import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { Dec } from '../../src/core/decimal';
import { formatSwedish } from '../../src/core/money';
import { analyzeWorkbook } from '../../src/report/analyze';
import { tableCharts } from '../../src/report/charts';
import { buildSettings, sheetSettings } from '../../src/report/settings';
import type { ForecastPathChart } from '../../src/report/yearCharts';
import { comparisonSvg, forecastPathSvg } from '../../src/export/yearSvg';
import { XlsxPackage } from '../../src/workbook/xlsx/xlsxPackage';
import { CHROMIUM_PATH, launchChromium, REPO } from '../taskpane/harness';

const SHOTS = join(REPO, 'out', 'screenshots');
const path: ForecastPathChart = {
  kind: 'forecastPath',
  rowLabel: 'Årets resultat (nettokostnad)',
  title: 'Helårsprognos per prognostillfälle, Årets resultat (nettokostnad), tkr',
  budget: new Dec(136745),
  points: [
    { label: 'jan–apr', period: 'Prognos jan–apr 2026', value: new Dec(140017), outcome: false },
    { label: 'jan–aug', period: 'Prognos jan–aug 2026', value: new Dec(142071), outcome: false },
    { label: 'Bokslut', period: 'Bokslut 2026', value: new Dec(143036), outcome: true },
  ],
};

async function driftCharts() {
  const settings = buildSettings({}, { months: 8, year: 2026 }, 2026);
  const model = analyzeWorkbook(await XlsxPackage.open(join(REPO, 'examples', 'prognos-exempel.xlsx')).read(), settings);
  const drift = model.tables.find((t) => t.type === 'driftredovisning')!;
  return tableCharts(drift, sheetSettings(settings, drift.sheet).thresholds)!;
}

const describeChromium = existsSync(CHROMIUM_PATH) ? describe : describe.skip;

describeChromium('the year so far and the comparisons as SVG, at 320 px, light and dark', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  }, 30_000);
  afterAll(() => browser?.close());

  /** The drawing in a 320 px page: its texts, whether each lies inside it, and the first text's ink. */
  async function draw(svg: string, dark: boolean, shot: string) {
    const page = await browser.newPage({ viewport: { width: 320, height: 600 } });
    await page.setContent(`<body style="margin:10px;background:${dark ? '#1f1f1f' : '#fff'}"><div id="c" style="width:300px">${svg}</div></body>`);
    const texts = await page.locator('svg text').allTextContents();
    const outside = await page.evaluate(() => {
      const box = document.querySelector('svg')!.getBoundingClientRect();
      return Array.from(document.querySelectorAll("svg text")).filter((t) => {
        const b = t.getBoundingClientRect();
        return b.left < box.left - 0.5 || b.right > box.right + 0.5 || b.top < box.top - 0.5 || b.bottom > box.bottom + 0.5;
      }).map((t) => t.textContent);
    });
    const ink = await page.locator('svg text').first().getAttribute('fill');
    mkdirSync(SHOTS, { recursive: true });
    await page.locator('#c').screenshot({ path: join(SHOTS, shot) });
    await page.close();
    return { texts, outside, ink };
  }

  test('utfall against the periodized budget: per row the label and the utfall as the table shows it', async () => {
    const c = await driftCharts();
    const cmp = c.periodActual!;
    for (const dark of [false, true]) {
      const { texts, outside, ink } = await draw(comparisonSvg(cmp, { width: 300, decimals: 0, theme: dark ? 'dark' : 'light', tooltips: true }), dark, `pane-utfall${dark ? '-dark' : ''}.png`);
      expect(texts.slice(0, 2)).toEqual(['Utfall', 'Budget']);
      const rows = texts.slice(2);
      expect(rows.filter((_, i) => i % 2 === 1)).toEqual(cmp.points.map((p) => formatSwedish(p.actual, 0)));
      rows.filter((_, i) => i % 2 === 0).forEach((label, i) => expect(cmp.points[i].label.startsWith(label.replace(/…$/, ''))).toBe(true));
      expect(outside).toEqual([]);
      expect(ink).toBe(dark ? '#F0F0F0' : '#262626');
    }
  }, 60_000);

  test('the helårsprognos per forecast: the figures, the periods and the budget named with its figure, all inside', async () => {
    for (const dark of [false, true]) {
      const file = `pane-prognos${dark ? '-dark' : ''}.png`;
      const { texts, outside, ink } = await draw(forecastPathSvg(path, { width: 300, decimals: 0, theme: dark ? 'dark' : 'light', tooltips: true }), dark, file);
      expect(texts).toEqual(['Helårsprognos', 'Budget helår 136 745', '140 017', 'jan–apr', '142 071', 'jan–aug', '143 036', 'Bokslut']);
      expect(outside).toEqual([]);
      expect(ink).toBe(dark ? '#F0F0F0' : '#262626');
      if (!dark && process.env.UPDATE_SCREENSHOTS === '1') copyFileSync(join(SHOTS, file), join(REPO, 'examples', 'screenshots', 'taskpane-prognos.png'));
    }
  }, 60_000);
});
