/**
 * The app shell (issue 12: first paint): taskpane.html holds the pane's first frame as static HTML, on
 * screen before the script has run: the introduction for a new user, the working view's stand-in
 * (Källtabeller, "Läser inställningarna …") for a returning one. It must be React's first view to the
 * pixel box (no layout jump when React replaces it), never leave a frame without the view, and a press
 * of its button is not lost.
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

/** The working view's chunk (main-view.js, main-view.<hash>.js in production): held, React's stand-in for it stays. */
const MAIN_VIEW = /\/main-view(\.[0-9a-f]+)?\.js$/;

/** The pane's entry script: taskpane.js, taskpane.<hash>.js in production. */
const ENTRY = /\/taskpane(\.[0-9a-f]+)?\.js$/;

interface HeldOptions {
  width: number;
  dark?: boolean;
  introDone?: boolean;
  /** Scripts whose requests are never answered. */
  never?: RegExp;
  /** The address's query, in place of `like`'s. */
  query?: string;
  /** office.js (parser-blocking, in the head) answers only once the entry script has arrived. */
  officeAfterEntry?: boolean;
  /** A script run in the page before its own. */
  init?: string;
}

/**
 * `like`'s address in a fresh context (its own cache, so the script is requested again) whose entry
 * script is held back until `release` (and `never`'s scripts for good); office.js is a stand-in that never answers.
 */
async function openHeld(like: Page, opts: HeldOptions): Promise<Held> {
  const browser = like.context().browser();
  if (!browser) throw new Error('no browser');
  const context = await browser.newContext({ viewport: { width: opts.width, height: 900 }, colorScheme: opts.dark ? 'dark' : 'light' });
  if (opts.introDone) await context.addInitScript(() => window.localStorage.setItem('avvikelse.introDone', '1'));
  if (opts.init) await context.addInitScript(opts.init);
  let entryArrived: () => void = () => undefined;
  const arrived = new Promise<void>((resolve) => (entryArrived = resolve));
  context.on('requestfinished', (request) => (ENTRY.test(request.url()) ? entryArrived() : undefined));
  await context.route('https://appsforoffice.microsoft.com/**', async (route) => {
    if (opts.officeAfterEntry) await arrived;
    await route.fulfill({ contentType: 'text/javascript', body: SILENT_OFFICE });
  });
  let release: () => void = () => undefined;
  const held = new Promise<void>((resolve) => (release = resolve));
  if (opts.never) await context.route(opts.never, () => new Promise<void>(() => undefined));
  await context.route(ENTRY, async (route) => {
    await held;
    await route.continue();
  });
  const page = await context.newPage();
  await page.goto(opts.query === undefined ? like.url() : like.url().split('?')[0] + opts.query, { waitUntil: 'commit' });
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

/**
 * Text and box (rounded px) of the working view's stand-in inside `root`, and how its spinner is drawn.
 * The ring turns, so its box is its layout box (offset*), not its rotated bounds.
 */
async function sourcesParts(page: Page, root: string) {
  await page.locator(`${root} [data-testid="sources"]`).waitFor();
  return page.evaluate((sel) => {
    const box = document.querySelector(sel);
    if (!box) return [`no ${sel}: ${document.body.innerHTML.slice(0, 300)}`];
    const rounded = (...n: number[]) => n.map(Math.round).join(',');
    const parts = ['h1', 'header button', 'h2', '[role="progressbar"]', 'label', 'section'].flatMap((part) =>
      Array.from(box.querySelectorAll<HTMLElement>(part))
        .filter((el) => el.getClientRects().length > 0)
        .map((el) => {
          const r = el.getBoundingClientRect();
          const named = el.getAttribute('aria-labelledby');
          const name = named ? ` named "${document.getElementById(named)?.textContent ?? '?'}"` : '';
          return `${part} "${el.innerText}"${name} ${rounded(r.x, r.y, r.width, r.height)}`;
        }),
    );
    const ring = box.querySelector<HTMLElement>('[role="progressbar"] > span');
    const tail = ring?.firstElementChild;
    if (!ring || !tail) return [...parts, 'no spinner'];
    const style = getComputedStyle(ring);
    const arcs = ['::before', '::after'].map((p) => getComputedStyle(tail, p)).map((a) => `${a.backgroundImage} ${a.animationDuration} ${a.animationTimingFunction}`);
    return [
      ...parts,
      `ring ${rounded(ring.offsetLeft, ring.offsetTop, ring.offsetWidth, ring.offsetHeight)} ${style.color} on ${style.backgroundColor} ${style.maskImage} ${style.animationDuration} ${style.animationTimingFunction}`,
      `tail ${getComputedStyle(tail).maskImage} ${getComputedStyle(tail).animationTimingFunction}`,
      ...arcs,
      `label ${getComputedStyle(box.querySelector('label') ?? box).color}`,
    ];
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

  for (const [width, dark, query] of [
    [320, false, ''],
    [1280, true, ''],
    [560, false, '?_host_Info=Excel$Web$16.01$sv-SE$$$$0'],
  ] as const) {
    test(`a returning user sees the working view's stand-in before the script runs, where and as React draws it (${width} px, ${dark ? 'dark' : 'light'}${query ? ', in Office' : ''})`, async () => {
      // React's stand-in (SourcesShell) stays while the working view's chunk is held
      const office = query ? { cdn: 'blocked' as const, init: SILENT_OFFICE } : {};
      const { page: like } = await suite.open({ width, dark, query, ...office, ready: 'sources' });
      const reference = await openHeld(like, { width, dark, introDone: true, never: MAIN_VIEW });
      reference.release();
      const react = await sourcesParts(reference.page, '[data-testid="pane"]');
      expect(await reference.page.getByTestId('app-shell').count()).toBe(0);
      await reference.context.close();

      const { page, release, context } = await openHeld(like, { width, dark, introDone: true });
      expect(await page.getByRole('heading', { level: 2 }).innerText()).toBe('Källtabeller');
      expect(await page.getByRole('progressbar', { name: 'Läser inställningarna …' }).isVisible()).toBe(true);
      expect(await page.getByTestId('first-run').count()).toBe(0);
      expect(await sourcesParts(page, '#app-shell')).toEqual(react);
      release();
      await page.locator('[data-testid="pane"] [data-testid="sources"]').waitFor();
      expect(await page.getByTestId('app-shell').count()).toBe(0);
      await context.close();
    }, 60_000);
  }

  test('a returning user: every frame from the shell to React shows the stand-in in one place, its spinner turning on', async () => {
    const { page: like } = await suite.open({ ready: 'sources' });
    const { page, release, context } = await openHeld(like, { width: 1280, introDone: true, never: MAIN_VIEW });
    await page.locator('#app-shell [data-testid="sources"]').waitFor();
    // before each frame is painted: how many stand-ins there are, whose, and where their heading and label are
    await page.evaluate(() => {
      const frames: string[] = [];
      (window as unknown as { frames_: string[] }).frames_ = frames;
      const look = () => {
        const all = Array.from(document.querySelectorAll<HTMLElement>('[data-testid="sources"]'));
        const where = (el: Element | null | undefined) => (el ? [el.getBoundingClientRect().x, el.getBoundingClientRect().y].map(Math.round).join(',') : '-');
        frames.push(`${all.length} ${all.map((s) => (s.closest('#app-shell') ? 'shell' : 'react')).join('+')} h2 ${where(all[0]?.querySelector('h2'))} label ${where(all[0]?.querySelector('label'))}`);
        requestAnimationFrame(look);
      };
      requestAnimationFrame(look);
    });
    const started = await page.evaluate(() => Array.from(document.querySelectorAll('#app-shell [role="progressbar"]')).flatMap((s) => s.getAnimations({ subtree: true }).map((a) => a.startTime)));
    expect(started).toHaveLength(4);
    expect(started.every((t) => typeof t === 'number')).toBe(true);
    release();
    await page.locator('[data-testid="pane"] [data-testid="sources"]').waitFor();
    await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
    const frames = await page.evaluate(() => (window as unknown as { frames_: string[] }).frames_);
    const [first] = frames;
    expect(first).toMatch(/^1 shell h2 \d+,\d+ label \d+,\d+$/);
    expect(new Set(frames.map((f) => f.replace(/^1 (shell|react) /, '')))).toEqual(new Set([first.replace(/^1 shell /, '')]));
    expect(frames[frames.length - 1]).toMatch(/^1 react /);
    const continued = await page.evaluate(() => Array.from(document.querySelectorAll('[data-testid="pane"] [role="progressbar"]')).flatMap((s) => s.getAnimations({ subtree: true }).map((a) => a.startTime)));
    expect(continued).toEqual(started);
    await context.close();
  }, 60_000);

  // at the first frame after the shell entered the page: whether it is still there and React's view not yet;
  // and whether the page was parsed (DOMContentLoaded) before React's first view (a deferred entry ran before)
  const FIRST_FRAME = `new MutationObserver((_, seen) => {
    if (!document.querySelector('#app-shell section')) return;
    seen.disconnect();
    requestAnimationFrame(() => (window.__firstFrame = [!!document.getElementById('app-shell'), !!document.getElementById('root')?.firstChild]));
  }).observe(document, { subtree: true, childList: true });
  document.addEventListener('DOMContentLoaded', () => (window.__parsedBeforeReact = !document.getElementById('root')?.firstChild));`;

  test('the shell is painted before the entry runs, also when the entry has arrived before the page is parsed', async () => {
    // office.js (in the head, parser-blocking) answers only once the entry has arrived: a deferred entry then ran
    // in the task that ended parsing, and no frame ever had the shell
    const { page: like } = await suite.open({ ready: 'sources' });
    for (const introDone of [false, true]) {
      const { page, release, context } = await openHeld(like, { width: 1280, introDone, officeAfterEntry: true, init: FIRST_FRAME });
      release();
      const frame = await page.waitForFunction(() => (window as unknown as { __firstFrame?: boolean[] }).__firstFrame);
      expect([introDone, await frame.jsonValue()]).toEqual([introDone, [true, false]]);
      await page.getByTestId('pane').waitFor();
      expect(await page.evaluate(() => (window as unknown as { __parsedBeforeReact?: boolean }).__parsedBeforeReact)).toBe(true);
      await context.close();
    }
  }, 60_000);

  test('a returning user who asks for the self-test gets no stand-in: the page says the pane is starting', async () => {
    const { page: like } = await suite.open({ ready: 'sources' });
    const { page, release, context } = await openHeld(like, { width: 1280, introDone: true, query: '?selftest' });
    await page.waitForFunction(() => document.getElementById('root') !== null);
    expect(await page.getByTestId('app-shell').count()).toBe(0);
    expect(await page.evaluate(() => getComputedStyle(document.getElementById('root') as HTMLElement, '::before').content)).toBe('"Avvikelse startar…"');
    release();
    await context.close();
  }, 60_000);
});
