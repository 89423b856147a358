/**
 * The sideload build (`npm run build:dev`, what `npm run dev-server` serves to Excel) opened the way
 * Excel opens a pane: office.js comes from Microsoft's CDN, never a partial local copy, and when it
 * cannot be loaded inside Office the pane says so in Swedish instead of starting the demo.
 */
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describePane, OFFICE_JS_CDN, REPO } from './harness';

/** The query Excel on the web adds to a pane's address. */
const EXCEL_ON_THE_WEB = '?_host_Info=Excel$Web$16.01$sv-SE$$$$0';

describePane('the sideload build in Chromium', 'test/taskpane/sideload.test.ts', (suite) => {
  test('opened by Excel on the web with the CDN blocked: it asked the CDN for office.js and says it could not load, no demo', async () => {
    const { page, cdnRequests } = await suite.open({ query: EXCEL_ON_THE_WEB, cdn: 'blocked', ready: 'start-problem' });
    expect(cdnRequests).toContain(`${OFFICE_JS_CDN}office.js`);
    const text = await page.getByTestId('start-problem').innerText();
    expect(text).toContain('Office.js kunde inte laddas');
    expect(text).toContain('appsforoffice.microsoft.com');
    expect(await page.getByTestId('demo-badge').count()).toBe(0);
    expect(await page.getByTestId('pane').count()).toBe(0);
    expect(await page.evaluate(() => 'Office' in window)).toBe(false);
  }, 30_000);

  test('the same build in a plain browser with the CDN blocked starts the demo (nothing says it is in Office)', async () => {
    const { page, cdnRequests } = await suite.open({ cdn: 'blocked' });
    expect(cdnRequests).toEqual([`${OFFICE_JS_CDN}office.js`]);
    await page.getByTestId('demo-badge').waitFor();
    expect(await page.getByTestId('start-problem').count()).toBe(0);
  }, 30_000);

  test('Excel with ExcelApi 1.8 only: the pane says the version is too old instead of hanging on "startar"', async () => {
    // office.js blocked, Office stood in for by a host that answers like Office 2019 (ExcelApi up to 1.8)
    const init = `window.Office = { HostType: { Excel: 'Excel' }, onReady: () => Promise.resolve({ host: 'Excel', platform: 'PC' }),
      context: { requirements: { isSetSupported: (name, v) => name === 'ExcelApi' && Number(v.split('.')[1]) <= 8 } } };`;
    const { page } = await suite.open({ query: '?_host_Info=Excel$Win32$16.01$sv-SE$$$$0', cdn: 'blocked', init, ready: 'start-problem' });
    const text = await page.getByTestId('start-problem').innerText();
    expect(text).toContain('Den här versionen av Excel är för gammal för Avvikelse');
    expect(text).toContain('Excel JavaScript API 1.9');
    expect(text).toContain('den här Excel har version 1.8');
  }, 30_000);

  test('download.html, as Excel for Mac opens it in the browser: it saves the file from the address and offers it again', async () => {
    const bytes = new Uint8Array(Array.from({ length: 3000 }, (_, i) => (i * 31) % 256));
    const hash = `#${encodeURIComponent('avvikelser.docx')}:${Buffer.from(bytes).toString('base64url')}`;
    const { page } = await suite.open({ page: `download.html${hash}`, ready: 'download-link' });
    expect(await page.getByTestId('download-status').innerText()).toContain('Word-filen avvikelser.docx laddas ner.');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download-link').click()]);
    expect(download.suggestedFilename()).toBe('avvikelser.docx');
    const saved = join(mkdtempSync(join(tmpdir(), 'avvikelse-dl-')), 'fil.docx');
    await download.saveAs(saved);
    expect(readFileSync(saved).equals(Buffer.from(bytes))).toBe(true);
  }, 30_000);

  test('"Kopiera för Word" where the Clipboard API is blocked (Excel on the web): copied through execCommand', async () => {
    // the frame has no clipboard permission: the Clipboard API refuses; record what the copy event carries
    const init = `(() => {
      const refuse = () => Promise.reject(new DOMException('Write permission denied.', 'NotAllowedError'));
      if (navigator.clipboard) { navigator.clipboard.write = refuse; navigator.clipboard.writeText = refuse; }
      window.__copied = [];
      document.addEventListener('copy', (e) => setTimeout(() => window.__copied.push(e.defaultPrevented)), true);
    })();`;
    const { page } = await suite.open({ init });
    await page.getByRole('button', { name: 'Beräkna och skriv tabeller' }).click();
    const copy = page.getByRole('button', { name: /^Kopiera .* för Word$/ }).first();
    await copy.click();
    await page.getByTestId('export-status').filter({ hasText: 'Kopierat' }).waitFor();
    expect(await page.getByTestId('export-status').innerText()).toMatch(/^Kopierat: .+\.$/);
    expect(await page.evaluate(() => (window as unknown as { __copied: boolean[] }).__copied)).toEqual([true]);
  }, 30_000);

  test('the built pages load office.js from the CDN and ship no local copy; only the offline demo has one', async () => {
    for (const page of ['taskpane.html', 'commands.html']) {
      const html = readFileSync(join(suite.outDir(), page), 'utf8');
      expect([page, [...html.matchAll(/<script[^>]*src="([^"]*office[^"]*)"/g)].map((m) => m[1])]).toEqual([page, [`${OFFICE_JS_CDN}office.js`]]);
    }
    expect(existsSync(join(suite.outDir(), 'office'))).toBe(false);
    // production and the demo, from the same config
    type Config = { plugins: { userOptions?: { templateParameters?: { officeJs?: string } } }[] };
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const config = require(join(REPO, 'webpack.config.js')) as (env: Record<string, unknown>, argv: Record<string, unknown>) => Promise<Config>;
    const officeJs = async (env: Record<string, unknown>, mode: string) => (await config(env, { mode })).plugins.map((p) => p.userOptions?.templateParameters?.officeJs).filter(Boolean);
    expect(await officeJs({}, 'production')).toEqual([`${OFFICE_JS_CDN}office.js`, `${OFFICE_JS_CDN}office.js`]);
    expect(await officeJs({ demo: true }, 'development')).toEqual(['office/office.js', 'office/office.js']);
  }, 30_000);
});
