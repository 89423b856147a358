/**
 * "Exportera" in the task pane, in real Chromium on the demo workbook: the Word file is built in the
 * browser by the bundled docx library and downloaded; "Kopiera för Word" puts HTML and text on the clipboard.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DemoHook } from '../../src/demo/demoWorkbook';
import { sampleSettings, sampleSheets } from '../../src/demo/sampleWorkbook';
import { tableHtml, tableTsv } from '../../src/export/html';
import { runReport } from '../../src/report/run';
import { buildSettings } from '../../src/report/settings';
import { MemoryWorkbook } from '../../src/workbook/memory/memoryWorkbook';
import { describePane } from '../taskpane/harness';
import { bodyOf, tablesOf, unzipDocx } from './docxXml';


type DemoWindow = Window & { __avvikelseDemo: DemoHook };
const OWN_TEXT = 'Personalkostnaderna överskrider budget på grund av fler barn i förskolan än planerat.';

describePane('Exportera in the task pane (Chromium, demo mode)', 'test/export/pane.test.ts', (suite) => {

  async function engineModel() {
    const result = await runReport(new MemoryWorkbook(sampleSheets()), buildSettings(sampleSettings(), undefined, 2026));
    return result.model;
  }

  test('"Ladda ner Word-fil" downloads the tables with the comments as the Kommentarer sheet has them', async () => {
    const open = await suite.open();
    const { page } = open;
    const model = await engineModel();
    await page.getByRole('button', { name: 'Beräkna och skriv tabeller' }).click();
    await page.getByTestId('export').waitFor();
    expect(await page.getByTestId('export-table').allInnerTexts()).toEqual(model.tables.map((t) => `${t.title}\nKopiera för Word`));

    // the controller rewrites the first comment on the Kommentarer sheet (row 5, column G)
    const first = model.comments[0];
    await page.evaluate(([text]) => (window as unknown as DemoWindow).__avvikelseDemo.setCell('Kommentarer', 'G5', text), [OWN_TEXT]);

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Ladda ner Word-fil' }).click()]);
    expect(download.suggestedFilename()).toBe('avvikelser.docx');
    const file = join(mkdtempSync(join(tmpdir(), 'avvikelse-download-')), 'nedladdad.docx');
    await download.saveAs(file);
    expect(await page.getByTestId('export-status').innerText()).toBe('Word-filen avvikelser.docx är nedladdad.');

    const doc = unzipDocx(readFileSync(file)).document;
    // the tables, then the sample's deficit's section Åtgärder för en budget i balans
    expect(tablesOf(doc)).toHaveLength(model.tables.length + 1);
    const comments = bodyOf(doc).flatMap((b) => ('style' in b && b.style === 'Kommentar' ? [b.text] : []));
    expect(comments).toEqual([OWN_TEXT, ...model.comments.slice(1).map((c) => c.text)]);
    expect(comments).not.toContain(first.text);
  }, 30_000);

  test('"Ladda ner Word-fil" puts Åtgärder för en budget i balans after the tables: the deficit, the rows, the remaining gap', async () => {
    const { page } = await suite.open();
    const model = await engineModel();
    await page.getByRole('button', { name: 'Beräkna och skriv tabeller' }).click();
    await page.getByTestId('export').waitFor();
    // the controller enters a measure on the Kommentarer sheet, in the first row under the section's header
    await page.evaluate(() => {
      const hook = (window as unknown as DemoWindow).__avvikelseDemo;
      const row = 2 + hook.workbook.sheet('Kommentarer')!.values.findIndex((r) => r?.[1] === 'Åtgärd');
      hook.setCell('Kommentarer', `B${row}`, 'Färre vikarier i förskolan');
      hook.setCell('Kommentarer', `C${row}`, 'Förvaltningschef');
      hook.setCell('Kommentarer', `D${row}`, 400);
      hook.setCell('Kommentarer', `E${row}`, 'ja');
    });
    // the section's totals are live formulas: the sum and the gap follow in the pane's workbook at once
    const totals = await page.evaluate(() => {
      const hook = (window as unknown as DemoWindow).__avvikelseDemo;
      const sum = 1 + hook.workbook.sheet('Kommentarer')!.values.findIndex((r) => r?.[0] === 'Summa beräknad effekt');
      return [hook.getCell('Kommentarer', `D${sum}`), hook.getCell('Kommentarer', `A${sum + 2}`), hook.getCell('Kommentarer', `D${sum + 2}`), hook.getFormula('Kommentarer', `D${sum + 2}`)];
    });
    expect(totals).toEqual([400, 'Kvar att åtgärda', 965.08884, expect.stringMatching(/^ABS\(D\d+-D\d+\)$/)]);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Ladda ner Word-fil' }).click()]);
    const file = join(mkdtempSync(join(tmpdir(), 'avvikelse-download-')), 'atgarder.docx');
    await download.saveAs(file);
    const doc = unzipDocx(readFileSync(file)).document;
    const body = bodyOf(doc);
    const title = body.findIndex((b) => 'text' in b && b.text === 'Åtgärder för en budget i balans');
    // after every table of the report and its comments
    expect(title).toBeGreaterThan(body.findIndex((b) => 'table' in b && b.table === model.tables.length - 1));
    const said = body.slice(title).flatMap((b) => ('text' in b ? [b.text.replace(/\u00a0/g, ' ')] : []));
    // the sample's Årets resultat: -1 365 088,84 kr, a deficit of 1 365 tkr; 400 tkr entered leaves 965 tkr
    expect(said).toContain('Prognosen för Årets resultat (nettokostnad) (Drift) visar ett underskott mot budget på 1 365 tkr.');
    const measures = tablesOf(doc)[model.tables.length].rows.map((r) => r.cells.map((c) => c.text.replace(/\u00a0/g, ' ')));
    expect(measures[0]).toEqual(['Åtgärd', 'Ansvarig', 'Beräknad effekt', 'Beslutad (ja/nej)']);
    expect(measures.slice(1)).toEqual([
      ['Färre vikarier i förskolan', 'Förvaltningschef', '400', 'ja'],
      ['Summa beräknad effekt', '', '400', ''],
      ['Underskott att täcka', '', '1 365', ''],
      ['Kvar att åtgärda', '', '965', ''],
    ]);
  }, 30_000);

  test('"Kopiera för Word" puts the table on the clipboard as HTML and as tab-separated text', async () => {
    const open = await suite.open();
    const { page, context } = open;
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(page.url()).origin });
    const model = await engineModel();
    await page.getByRole('button', { name: 'Beräkna och skriv tabeller' }).click();
    const drift = model.tables[0];
    const button = page.getByRole('button', { name: `Kopiera ${drift.title} för Word` });
    await button.click();
    await page.getByRole('button', { name: `Kopiera ${drift.title} för Word` }).filter({ hasText: 'Kopierat' }).waitFor();
    expect(await page.getByTestId('export-status').innerText()).toBe(`Kopierat: ${drift.title}.`);
    const clip = await page.evaluate(async () => {
      const [item] = await navigator.clipboard.read();
      return { types: [...item.types], html: await (await item.getType('text/html')).text(), text: await (await item.getType('text/plain')).text() };
    });
    expect(clip.types).toEqual(expect.arrayContaining(['text/html', 'text/plain']));
    expect(clip.text).toBe(tableTsv(drift));
    // Chromium may re-serialise the markup; the table's own text and styles come through
    expect(clip.html).toContain('colspan="3"');
    for (const fragment of ['Helår', 'Perioden jan–aug', 'text-align:right', 'font-weight:bold', 'border-top:0.5pt solid']) expect(clip.html).toContain(fragment);
    expect(tableHtml(drift)).toContain('Perioden jan–aug');
    await page.waitForTimeout(2700);
    expect(await button.innerText()).toBe('Kopiera för Word');
  }, 30_000);
});
