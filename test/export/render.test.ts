/**
 * The exported document rendered as a reader sees it (LibreOffice Writer → PDF → text and PNG).
 * Skipped with a warning where LibreOffice Writer is not installed (a failure under CI, which installs it).
 * `UPDATE_SCREENSHOTS=1` also writes the README picture examples/screenshots/export-word.png.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { runCli, tempDir } from '../cli/helpers';
import { domainGrid } from '../fixtures/domainDrift';
import { writeFixture } from '../fixtures/xlsx';
import { REPO } from '../taskpane/harness';
import { docxToPdf, pageToPng, pdfPages, pdfText, pdfWords, writerMissing } from './render';

const missing = writerMissing();
if (missing && process.env.CI) {
  // CI installs LibreOffice Writer (.ci/run): there a missing Writer is a failure, not a skip
  test('LibreOffice Writer is installed', () => {
    throw new Error(`${missing}: apt-get install -y libreoffice-writer fonts-crosextra-carlito poppler-utils`);
  });
} else if (missing) console.warn(`HOPPAR ÖVER test/export/render.test.ts: ${missing}.`);

(missing ? describe.skip : describe)('the exported .docx rendered by LibreOffice Writer', () => {
  const dir = tempDir();

  test('the domain driftredovisning: one portrait page, every figure and the comments in reading order', async () => {
    const input = await writeFixture(join(dir, 'prognos.xlsx'), [{ name: 'Prognos', rows: domainGrid() }]);
    const docx = join(dir, 'drift.docx');
    expect((await runCli(['export', input, '--docx', docx, '--months', '8', '--year', '2026', '--no-charts', '--quiet'])).code).toBe(0);
    const pdf = docxToPdf(docx, dir);
    expect(pdfPages(pdf)).toBe(1);
    expect(pdfText(pdf)).not.toMatch(/Diagram:/);
    const text = pdfText(pdf);
    expect(text).toMatch(/Avvikelser – tabeller och kommentarer[\s\S]*Driftredovisning[\s\S]*Helår\s+Perioden jan–aug/);
    expect(text).toMatch(/Verksamhetens kostnader\s+149 145\s+151 627\s+-2 482\s+98 661\s+101 380\s+-2 719\s+96 146/);
    expect(text).toMatch(/Årets resultat \(nettokostnad\)\s+136 745\s+138 577\s+-1 832\s+90 451\s+92 386\s+-1 935\s+88 244/);
    expect(text).toMatch(/Avrundningsdifferenser kan förekomma\.\s+Personalkostnaderna beräknas för helåret visa en negativ avvikelse/);
    expect(text).not.toMatch(/(^|\s)-0(,0)?(\s|$)/m);
    // the figures of a column end at the same x (right-aligned), and no label wraps
    const words = pdfWords(pdf, 1);
    const rightEdge = (figure: string) => words.find((w) => w.text === figure || w.text === figure.split(' ').pop())!.xMax;
    expect(Math.abs(rightEdge('149 145') - rightEdge('88 310'))).toBeLessThan(1);
    expect(Math.abs(rightEdge('-2 482') - rightEdge('-1 805'))).toBeLessThan(1);
    expect(words.filter((w) => w.text === '(nettokostnad)')).toHaveLength(1);
  }, 120_000);

  test('each table followed by its variance charts, drawn with their labels, and a caption under each', async () => {
    const input = await writeFixture(join(dir, 'prognos2.xlsx'), [{ name: 'Prognos', rows: domainGrid() }]);
    const docx = join(dir, 'drift-diagram.docx');
    expect((await runCli(['export', input, '--docx', docx, '--months', '8', '--year', '2026', '--quiet'])).code).toBe(0);
    const pdf = docxToPdf(docx, join(dir, 'sv'), true);
    const text = pdfText(pdf);
    // the table, then the full year's chart with the table's figures as labels, its caption, the period's, budget and prognos, utfall against budget, then the comments
    expect(text).toMatch(/Årets resultat \(nettokostnad\)\s+136 745[\s\S]*Avrundningsdifferenser kan förekomma\.[\s\S]*Verksamhetens intäkter\s+650[\s\S]*Personal\s+-1 805[\s\S]*Årets resultat \(nettokostnad\)\s+-1 832[\s\S]*Diagram: Avvikelse mot budget, helår, tkr[\s\S]*Personal\s+-2 129[\s\S]*Diagram: Avvikelse mot budget, perioden jan–aug, tkr[\s\S]*Diagram: Budget och prognos, helår, tkr[\s\S]*Diagram: Utfall mot periodiserad budget, perioden jan–aug, tkr\s+Personalkostnaderna/);
    expect(text).not.toMatch(/(^|\s)-0(,0)?(\s|$)/m);
    const out = join(dir, 'export-word-diagram.png');
    const words = pdfWords(pdf, 1);
    const caption = words.find((w) => w.text === 'Diagram:')!;
    const unit = words.find((w) => w.text === 'tkr')!;
    pageToPng(pdf, 1, out, 120, { x: 40, y: unit.yMin - 40, width: 515, height: caption.yMax - unit.yMin + 52 });
    expect(existsSync(out)).toBe(true);
  }, 120_000);

  test('the README picture: the example workbook, page 1 down to the first chart (LibreOffice in Swedish)', async () => {
    const docx = join(dir, 'exempel.docx');
    const run = await runCli(['export', join(REPO, 'examples', 'prognos-exempel.xlsx'), '--docx', docx, '--config', join(REPO, 'examples', 'avvikelse.json'), '--quiet']);
    expect(run.code).toBe(0);
    const pdf = docxToPdf(docx, join(dir, 'exempel'), true);
    const words = pdfWords(pdf, 1);
    const title = words.find((w) => w.text === 'Avvikelser')!;
    const caption = words.find((w) => w.text === 'Diagram:')!;
    const top = title.yMin - 18;
    const bottom = caption.yMax + 8;
    const out = process.env.UPDATE_SCREENSHOTS ? join(REPO, 'examples', 'screenshots', 'export-word.png') : join(dir, 'export-word.png');
    mkdirSync(join(out, '..'), { recursive: true });
    pageToPng(pdf, 1, out, 144, { x: title.xMin - 24, y: top, width: 595.3 - 2 * (title.xMin - 24), height: bottom - top });
    expect(existsSync(out)).toBe(true);
  }, 120_000);
});
