/**
 * The Word file and the copied tables out of the pane: a Blob download where that works, the user's
 * browser (openBrowserWindow) or the clipboard in desktop Excel on Mac, `execCommand('copy')` where the
 * Clipboard API is blocked (Excel on the web), and a Swedish message when nothing works.
 */
import { buildSettings } from '../../src/report/settings';
import { analyzeWorkbook } from '../../src/report/analyze';
import { MemoryWorkbook } from '../../src/workbook/memory/memoryWorkbook';
import { sampleSheets } from '../../src/demo/sampleWorkbook';
import { actionsForExport } from '../../src/export/actionsText';
import { runReport } from '../../src/report/run';
import { copyForWord, deliverWordFile, DeliveryError, downloadUrl, fileFromFragment, fromBase64Url, MAX_URL_LENGTH, reportForWord, toBase64Url, type DeliveryEnv } from '../../src/taskpane/model/delivery';

const MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const bytes = new Uint8Array(Array.from({ length: 1000 }, (_, i) => (i * 37) % 256));

async function sampleTable() {
  const data = await new MemoryWorkbook(sampleSheets()).read();
  return analyzeWorkbook(data, buildSettings({ months: 8 }, undefined, 2026)).tables[0];
}

/** An environment that records what was used; every way works unless told otherwise. */
function env(overrides: Partial<DeliveryEnv> = {}) {
  const used: string[] = [];
  const clipboard = {
    write: async () => void used.push('clipboard.write'),
    writeText: async () => void used.push('clipboard.writeText'),
  };
  class Item {
    constructor(readonly items: Record<string, Blob>) {}
  }
  const e: DeliveryEnv = {
    platform: 'OfficeOnline',
    openBrowserWindow: (url) => void used.push(`open ${url.slice(0, 40)}`),
    downloadPage: 'https://localhost:3000/download.html',
    download: (_b, name) => void used.push(`download ${name}`),
    clipboard,
    ClipboardItem: Item as unknown as typeof ClipboardItem,
    legacyCopy: () => (used.push('execCommand'), true),
    ...overrides,
  };
  return { env: e, used };
}
const report = () => ({ html: '<table></table>', text: 'tabell' });

describe('the Word file', () => {
  test('Excel on the web, Windows and the demo: a Blob download', async () => {
    for (const platform of ['OfficeOnline', 'PC', null]) {
      const { env: e, used } = env({ platform });
      expect(await deliverWordFile(bytes, 'avvikelser.docx', MIME, e, report)).toBe('download');
      expect(used).toEqual(['download avvikelser.docx']);
    }
  });

  test('desktop Excel on Mac: the user’s browser opens download.html with the file in the fragment', async () => {
    let opened = '';
    const { env: e } = env({ platform: 'Mac', openBrowserWindow: (url) => (opened = url) });
    expect(await deliverWordFile(bytes, 'avvikelser.docx', MIME, e, report)).toBe('browser');
    expect(opened.startsWith('https://localhost:3000/download.html#avvikelser.docx:')).toBe(true);
    const file = fileFromFragment(new URL(opened).hash);
    expect(file?.fileName).toBe('avvikelser.docx');
    expect([...(file?.bytes ?? [])]).toEqual([...bytes]);
  });

  test('Mac without openBrowserWindow, or a file too large for an address: the whole report on the clipboard', async () => {
    const { env: e, used } = env({ platform: 'Mac', openBrowserWindow: null });
    expect(await deliverWordFile(bytes, 'avvikelser.docx', MIME, e, report)).toBe('clipboard');
    expect(used).toEqual(['clipboard.write']);
    const huge = new Uint8Array(MAX_URL_LENGTH);
    const big = env({ platform: 'Mac' });
    expect(await deliverWordFile(huge, 'avvikelser.docx', MIME, big.env, report)).toBe('clipboard');
    expect(big.used).toEqual(['clipboard.write']);
  });

  test('Mac with neither: a Swedish message that says what to do instead', async () => {
    const { env: e } = env({ platform: 'Mac', openBrowserWindow: null, clipboard: null, legacyCopy: () => false });
    const error = await deliverWordFile(bytes, 'avvikelser.docx', MIME, e, report).catch((err: unknown) => err);
    expect(error).toBeInstanceOf(DeliveryError);
    expect((error as Error).message).toContain('Excel för Mac kan inte spara filer från ett tillägg');
    expect((error as Error).message).toContain('npx avvikelse export arbetsbok.xlsx --docx rapport.docx');
  });

  test('base64url round-trips any bytes, and a fragment that is not ours is no file', () => {
    for (const n of [0, 1, 2, 3, 4, 255, 1000]) {
      const b = new Uint8Array(Array.from({ length: n }, (_, i) => (i * 101 + 7) % 256));
      expect([...fromBase64Url(toBase64Url(b))]).toEqual([...b]);
      expect(toBase64Url(b)).toBe(Buffer.from(b).toString('base64url'));
    }
    expect(fileFromFragment('#inget')).toBeNull();
    expect(fileFromFragment('#fil.docx:@@')).toBeNull();
    expect(downloadUrl('https://x/download.html', 'a b.docx', new Uint8Array([1]))).toBe('https://x/download.html#a%20b.docx:AQ');
  });
});

describe('Kopiera för Word', () => {
  test('the Clipboard API first; blocked, then execCommand; both refused, a Swedish message', async () => {
    const table = await sampleTable();
    const ok = env();
    expect(await copyForWord(table, ok.env)).toBe('html');
    expect(ok.used).toEqual(['clipboard.write']);

    const refuse = async () => {
      throw new DOMException('Write permission denied.', 'NotAllowedError');
    };
    const blocked = env({ clipboard: { write: refuse, writeText: refuse } });
    expect(await copyForWord(table, blocked.env)).toBe('html');
    expect(blocked.used).toEqual(['execCommand']);

    const none = env({ clipboard: { write: refuse, writeText: refuse }, legacyCopy: () => false });
    await expect(copyForWord(table, none.env)).rejects.toThrow('Excel tillåter inte att tillägget skriver till urklipp här. Ladda ner Word-filen i stället');
  });

  test('the whole report for Word: every table and the comments, as HTML and as text', async () => {
    const table = await sampleTable();
    const { html, text } = reportForWord([table, table], [{ text: 'Personalkostnaderna <visar> …' }]);
    expect(html.match(/<table/g)).toHaveLength(2);
    expect(html).toContain('<p>Personalkostnaderna &lt;visar&gt; …</p>');
    expect(text).toContain('Personalkostnaderna <visar> …');
  });

  test('the report for Word ends with the åtgärder section when there is one (the clipboard way on Mac)', async () => {
    const wb = new MemoryWorkbook(sampleSheets());
    const result = await runReport(wb, buildSettings({ months: 8 }, undefined, 2026));
    const data = await wb.read();
    const actions = actionsForExport(result.model.tables, data);
    expect(actions?.deficitTkr.toString()).toBe('1365.08884');
    const { html, text } = reportForWord(result.model.tables, [{ text: 'Kommentar' }], actions);
    expect(html.match(/<table/g)).toHaveLength(result.model.tables.length + 1);
    expect(html.lastIndexOf('Åtgärder för en budget i balans')).toBeGreaterThan(html.lastIndexOf('<p>Kommentar</p>'));
    expect(text).toContain('Prognosen för Årets resultat (nettokostnad) (Drift) visar ett underskott mot budget på 1\u00a0365 tkr.');
    expect(text).toMatch(/Kvar att åtgärda\t\t1\u00a0365\t/);
    expect(reportForWord(result.model.tables, []).html).not.toContain('Åtgärder');
  });
});
