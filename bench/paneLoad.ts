/** One page load of bench:pane in Chromium: first-contentful-paint, named marks, and the scripts fetched. */
import type { Browser } from 'playwright-core';

export interface Scenario {
  name: string;
  page: string;
  /** What is timed, by name: the first frame with the selector's element in it. */
  marks: Record<string, string>;
  introDone: boolean;
}

export const SCENARIOS: Scenario[] = [
  { name: 'minimal', page: 'minimal.html', marks: { view: '[data-testid="minimal-ready"]' }, introDone: false },
  { name: 'minimal + office.js', page: 'minimal-office.html', marks: { view: '[data-testid="minimal-ready"]' }, introDone: false },
  // view: the introduction on screen, taskpane.html's static shell or React's; react: React's own
  { name: 'first run', page: 'taskpane.html', marks: { view: '[data-testid="first-run"]', react: '[data-testid="pane"] [data-testid="first-run"]' }, introDone: false },
  // view: the working view's stand-in (Källtabeller) on screen, taskpane.html's static shell or React's; react: React's own
  {
    name: 'returning',
    page: 'taskpane.html',
    marks: { view: '[data-testid="sources"]', react: '[data-testid="pane"] [data-testid="sources"]', analysed: '[data-testid="sources"] [data-testid^="table-"]' },
    introDone: true,
  },
];

/** Runs in the page before its own scripts: first-contentful-paint, and the first frame with each mark's element in it. */
function probe(marks: Record<string, string>, introDone: boolean): string {
  return `(() => {
    if (window !== window.top) return;
    ${introDone ? "try { localStorage.setItem('avvikelse.introDone', '1'); } catch {}" : ''}
    const marks = ${JSON.stringify(marks)};
    const b = (window.__paneBench = { fcp: null, marks: {} });
    new PerformanceObserver((l) => { for (const e of l.getEntries()) if (e.name === 'first-contentful-paint') b.fcp = e.startTime; }).observe({ type: 'paint', buffered: true });
    const seen = new Set();
    const check = () => {
      for (const [name, selector] of Object.entries(marks)) {
        if (seen.has(name) || !document.querySelector(selector)) continue;
        seen.add(name);
        requestAnimationFrame(() => setTimeout(() => { b.marks[name] = performance.now(); }, 0));
      }
    };
    new MutationObserver(check).observe(document, { subtree: true, childList: true, attributes: true });
  })();`;
}

export interface Load {
  fcp: number;
  marks: Record<string, number>;
  /** Each script the page fetched and when it had arrived (ms from navigation start). */
  scripts: { file: string; at: number }[];
}

type Probed = { fcp: number | null; marks: Record<string, number> };

/** Loads `s` once in a fresh browser context (cold cache, empty storage). */
export async function loadOnce(browser: Browser, url: string, s: Scenario): Promise<Load> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  try {
    await context.addInitScript(probe(s.marks, s.introDone));
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${url}/${s.page}`);
    const wanted = Object.keys(s.marks).length;
    await page.waitForFunction(
      (n) => {
        const b = (window as unknown as { __paneBench: Probed }).__paneBench;
        return b.fcp !== null && Object.keys(b.marks).length === n;
      },
      wanted,
      { timeout: 60_000 },
    );
    const got = await page.evaluate(() => ({
      ...(window as unknown as { __paneBench: Probed }).__paneBench,
      scripts: performance
        .getEntriesByType('resource')
        .filter((e) => e.name.endsWith('.js'))
        .map((e) => ({ file: new URL(e.name).pathname.slice(1), at: (e as PerformanceResourceTiming).responseEnd })),
    }));
    if (errors.length) throw new Error(`${s.name}: fel på sidan: ${errors.join('; ')}`);
    return { fcp: got.fcp ?? Number.NaN, marks: got.marks, scripts: got.scripts };
  } finally {
    await context.close();
  }
}
