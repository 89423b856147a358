/**
 * The task pane in real Chromium: build the sideload bundle (`npm run build:dev`) into a temp folder,
 * serve it over http on a free port, and open the pane in Debian's Chromium (never a downloaded
 * browser). The bundle loads office.js from Microsoft's CDN; the browser answers those requests from
 * the local copy in node_modules (no network here), or refuses them (`cdn: 'blocked'`). Outside Office,
 * office.js resolves `{ host: null }`, so the pane starts in demo mode on the in-memory sample workbook.
 */
import { spawn } from 'node:child_process';
import { createReadStream, existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, normalize, resolve } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

export const CHROMIUM_PATH = '/usr/bin/chromium';
export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'];
export const REPO = resolve(__dirname, '..', '..');

/** `webpack --mode development --env outDir=<dir>`, as `npm run build:dev` does but into a temp folder. */
export function buildPane(outDir: string): Promise<void> {
  return new Promise((done, fail) => {
    const cli = join(REPO, 'node_modules', 'webpack', 'bin', 'webpack.js');
    const child = spawn(process.execPath, [cli, '--mode', 'development', '--env', `outDir=${outDir}`], { cwd: REPO, env: process.env });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    child.on('error', fail);
    child.on('exit', (code) => (code === 0 ? done() : fail(new Error(`webpack avslutades med kod ${code}:\n${output.slice(-4000)}`))));
  });
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.png': 'image/png',
  '.xml': 'application/xml; charset=utf-8',
  '.map': 'application/json',
};

export interface Served {
  url: string;
  close(): Promise<void>;
}

/** A tiny static file server for one folder, on 127.0.0.1 and a free port. */
export function serveFolder(root: string): Promise<Served> {
  const server: Server = createServer((req, res) => {
    const path = normalize(join(root, decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname)));
    if (!path.startsWith(root) || !existsSync(path) || statSync(path).isDirectory()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[extname(path)] ?? 'application/octet-stream' });
    createReadStream(path).pipe(res);
  });
  return new Promise((done) =>
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      done({ url: `http://127.0.0.1:${port}`, close: () => new Promise((closed) => server.close(() => closed())) });
    }),
  );
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
}

export interface PaneOptions {
  width?: number;
  dark?: boolean;
  /** Skip the first-run introduction (as if it had been read before). */
  introDone?: boolean;
  /** The query of the pane's address, e.g. `?_host_Info=Excel$Web$16.01$sv-SE$$$$0` as Excel on the web opens it. */
  query?: string;
  /** Microsoft's CDN answered from node_modules (default), or every request to it refused. */
  cdn?: 'local' | 'blocked';
  /** The test id to wait for once the page has loaded (default `pane`). */
  ready?: string;
  /** A script run in the page before its own (e.g. a stand-in for Office when the CDN is blocked). */
  init?: string;
  /** The page to open (default `taskpane.html`). */
  page?: string;
}

export interface OpenPane {
  context: BrowserContext;
  page: Page;
  /** Uncaught errors in the page; a test expects none. */
  errors: string[];
  /** Every address the page asked of Microsoft's CDN. */
  cdnRequests: string[];
}

/** Where the bundle loads office.js from, and where its copy is in node_modules. */
export const OFFICE_JS_CDN = 'https://appsforoffice.microsoft.com/lib/1/hosted/';
const OFFICE_JS_DIR = join(REPO, 'node_modules', '@microsoft', 'office-js', 'dist');

/** Answers Microsoft's CDN from node_modules, or refuses it; records what was asked. */
async function routeCdn(context: BrowserContext, mode: 'local' | 'blocked', seen: string[]): Promise<void> {
  await context.route('https://appsforoffice.microsoft.com/**', async (route) => {
    const url = route.request().url();
    seen.push(url);
    const file = url.startsWith(OFFICE_JS_CDN) ? normalize(join(OFFICE_JS_DIR, new URL(url).pathname.slice(new URL(OFFICE_JS_CDN).pathname.length))) : '';
    if (mode === 'blocked' || !file.startsWith(OFFICE_JS_DIR) || !existsSync(file)) return route.abort('blockedbyclient');
    return route.fulfill({ path: file, contentType: 'text/javascript; charset=utf-8' });
  });
}

/** A fresh browser context (own localStorage) with the pane loaded and its sample workbook ready. */
export async function openPane(browser: Browser, url: string, opts: PaneOptions = {}): Promise<OpenPane> {
  const context = await browser.newContext({ viewport: { width: opts.width ?? 1280, height: 900 }, colorScheme: opts.dark ? 'dark' : 'light' });
  if (opts.introDone) {
    await context.addInitScript(() => {
      // the script runs in every frame, also the sandboxed one office.js adds, which has no localStorage
      try {
        window.localStorage.setItem('avvikelse.introDone', '1');
      } catch {
        /* not the pane's frame */
      }
    });
  }
  if (opts.init) await context.addInitScript(opts.init);
  const cdnRequests: string[] = [];
  await routeCdn(context, opts.cdn ?? 'local', cdnRequests);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${url}/${opts.page ?? 'taskpane.html'}${opts.query ?? ''}`);
  await page.getByTestId(opts.ready ?? 'pane').waitFor();
  return { context, page, errors, cdnRequests };
}

export interface PaneSuite {
  /** Opens the pane in a fresh browser context (introduction already read unless said otherwise). */
  open(opts?: PaneOptions): Promise<OpenPane>;
  /** Asserts a pane had no page errors and closes it now (tests that open several panes). */
  close(pane: OpenPane): Promise<void>;
  /** The folder the bundle was built into. */
  outDir(): string;
}

/**
 * A suite of task-pane tests in Chromium: the pane is built and served once. Every pane opened is
 * checked for page errors and closed after its test. Without Chromium the suite fails under CI (which
 * installs it) and is skipped with a loud warning elsewhere.
 */
export function describePane(name: string, file: string, body: (suite: PaneSuite) => void): void {
  if (!existsSync(CHROMIUM_PATH)) {
    const missing = `${CHROMIUM_PATH} saknas: installera Debians Chromium med "apt-get install -y chromium" för att köra testerna av aktivitetsfönstret.`;
    if (process.env.CI) {
      test(`${name}: Chromium is installed`, () => {
        throw new Error(missing);
      });
    } else {
      console.warn(`\n${'!'.repeat(100)}\n!! HOPPAR ÖVER ${file}: ${missing}\n${'!'.repeat(100)}\n`);
      describe.skip(name, () => body({ open: () => Promise.reject(new Error(missing)), close: async () => undefined, outDir: () => '' }));
    }
    return;
  }
  describe(name, () => {
    let outDir = '';
    let served: Served | undefined;
    let browser: Browser | undefined;
    const opened: OpenPane[] = [];
    const close = async (pane: OpenPane) => {
      opened.splice(opened.indexOf(pane), 1);
      expect(pane.errors).toEqual([]);
      await pane.context.close();
    };

    beforeAll(async () => {
      outDir = mkdtempSync(join(tmpdir(), 'avvikelse-pane-'));
      const [, b] = await Promise.all([buildPane(outDir), launchChromium()]);
      browser = b;
      served = await serveFolder(outDir);
    }, 120_000);

    afterEach(async () => {
      for (const pane of [...opened]) await close(pane);
    });

    afterAll(async () => {
      await browser?.close();
      await served?.close();
      if (outDir) rmSync(outDir, { recursive: true, force: true });
    });

    body({
      open: async (opts = {}) => {
        if (!browser || !served) throw new Error('the pane suite did not start');
        const pane = await openPane(browser, served.url, { introDone: true, ...opts });
        opened.push(pane);
        return pane;
      },
      close,
      outDir: () => outDir,
    });
  });
}

/** Horizontal overflow: the page scrolls sideways, or an element of the pane sticks out of it. */
export async function overflow(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const pane = document.querySelector('[data-testid="pane"]') as HTMLElement;
    const right = pane.getBoundingClientRect().right + 0.5;
    const out: string[] = [];
    if (document.documentElement.scrollWidth > window.innerWidth) out.push(`page ${document.documentElement.scrollWidth} > ${window.innerWidth}`);
    for (const el of Array.from(pane.querySelectorAll<HTMLElement>('*'))) {
      const r = el.getBoundingClientRect();
      if (r.width > 0 && r.right > right) out.push(`${el.tagName}.${el.className.toString().slice(0, 40)} "${(el.textContent ?? '').slice(0, 30)}" ${Math.round(r.right)} > ${Math.round(right)}`);
    }
    return out.slice(0, 10);
  });
}
