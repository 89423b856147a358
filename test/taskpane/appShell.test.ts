/**
 * The app shell (issue 12: first paint): taskpane.html holds the introduction's first frame as static
 * HTML, on screen before the script has run. It must be React's introduction to the pixel box (no
 * layout jump when React replaces it), only for a new user, and a press of its button is not lost.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { describePane } from './harness';

const SILENT_OFFICE = "window.Office = { onReady: () => new Promise(() => {}), HostType: { Excel: 'Excel' } };";

interface Held {
  page: Page;
  /** Lets the pane's entry script (taskpane.js, taskpane.<hash>.js in production) arrive. */
  release: () => void;
  context: BrowserContext;
}

/**
 * `like`'s address in a fresh context (its own cache, so the script is requested again) whose entry
 * script is held back until `release`; office.js is a stand-in that never answers.
 */
async function openHeld(like: Page, opts: { width: number; dark?: boolean; introDone?: boolean }): Promise<Held> {
  const browser = like.context().browser();
  if (!browser) throw new Error('no browser');
  const context = await browser.newContext({ viewport: { width: opts.width, height: 900 }, colorScheme: opts.dark ? 'dark' : 'light' });
  if (opts.introDone) await context.addInitScript(() => window.localStorage.setItem('avvikelse.introDone', '1'));
  await context.route('https://appsforoffice.microsoft.com/**', (route) => route.fulfill({ contentType: 'text/javascript', body: SILENT_OFFICE }));
  let release: () => void = () => undefined;
  const held = new Promise<void>((resolve) => (release = resolve));
  await context.route(/\/taskpane(\.[0-9a-f]+)?\.js$/, async (route) => {
    await held;
    await route.continue();
  });
  const page = await context.newPage();
  await page.goto(like.url(), { waitUntil: 'commit' });
  return { page, release, context };
}

/** Text and box (rounded px) of the introduction's parts inside `root`. */
async function introParts(page: Page, root: string) {
  await page.locator(`${root} [data-testid="first-run"]`).waitFor();
  return page.evaluate((sel) => {
    const box = document.querySelector(sel);
    if (!box) return [`no ${sel}: ${document.body.innerHTML.slice(0, 300)}`];
    return ['h1', 'header button', 'h2', 'p', 'section button', 'section'].flatMap((part) =>
      Array.from(box.querySelectorAll<HTMLElement>(part))
        .filter((el) => el.getClientRects().length > 0) // not one Suspense keeps hidden
        .map((el) => {
          const r = el.getBoundingClientRect();
          return `${part} "${el.innerText}" ${[r.x, r.y, r.width, r.height].map(Math.round).join(',')}`;
        }),
    );
  }, root);
}

describePane('the app shell in taskpane.html', 'test/taskpane/appShell.test.ts', (suite) => {
  for (const [width, dark, query] of [
    [320, false, ''],
    [1280, true, ''],
    [560, false, '?_host_Info=Excel$Web$16.01$sv-SE$$$$0'],
  ] as const) {
    test(`a new user sees the introduction before the script runs, where and as React draws it (${width} px, ${dark ? 'dark' : 'light'}${query ? ', in Office' : ''})`, async () => {
      // in Office: an office.js that never answers (outside Excel the real one would end in a start problem)
      const office = query ? { cdn: 'blocked' as const, init: SILENT_OFFICE } : {};
      const { page: live } = await suite.open({ introDone: false, width, dark, query, ...office, ready: 'pane' });
      const react = await introParts(live, '[data-testid="pane"]');
      expect(await live.getByTestId('app-shell').count()).toBe(0);
      const { page, release, context } = await openHeld(live, { width, dark });
      expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe('Avvikelse');
      expect(await page.getByRole('heading', { level: 2 }).innerText()).toBe('Så här fungerar det');
      expect(await page.evaluate(() => document.documentElement.lang)).toBe('sv');
      expect(await introParts(page, '#app-shell')).toEqual(react);
      release();
      await page.locator('[data-testid="pane"] [data-testid="first-run"]').waitFor();
      expect(await page.getByTestId('app-shell').count()).toBe(0);
      await context.close();
    }, 60_000);
  }

  test('"Kom igång" pressed before the script has arrived takes the user on when it has', async () => {
    const { page: live } = await suite.open({ introDone: false, ready: 'first-run' });
    const { page, release, context } = await openHeld(live, { width: 1280 });
    await page.locator('#app-shell').getByRole('button', { name: 'Kom igång' }).click();
    expect(await page.getByTestId('pane').count()).toBe(0);
    release();
    await page.getByTestId('sources').waitFor();
    expect(await page.getByTestId('first-run').count()).toBe(0);
    expect(await page.evaluate(() => window.localStorage.getItem('avvikelse.introDone'))).toBe('1');
    await context.close();
  }, 60_000);

  test('a returning user never sees it: the page says the pane is starting until the working view is there', async () => {
    const { page: live } = await suite.open({ introDone: true, ready: 'sources' });
    const { page, release, context } = await openHeld(live, { width: 1280, introDone: true });
    await page.waitForFunction(() => document.getElementById('root') !== null);
    expect(await page.getByTestId('app-shell').count()).toBe(0);
    expect(await page.evaluate(() => getComputedStyle(document.getElementById('root') as HTMLElement, '::before').content)).toBe('"Avvikelse startar…"');
    release();
    await page.getByTestId('sources').waitFor();
    await context.close();
  }, 60_000);
});
