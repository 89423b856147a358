/**
 * Charts on the tables sheet, written by the command line as DrawingML parts: every series reads the
 * table cells it shows (the cached values are those cells' values), a re-run replaces our charts in
 * place, a user's chart elsewhere is kept byte for byte, and one on our sheet stops the run. Every
 * output also passes both OOXML checkers (runCli), and LibreOffice renders the charts.
 * `UPDATE_SCREENSHOTS=1` writes the README picture examples/screenshots/rapport-diagram.png.
 */
import ExcelJS from 'exceljs';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readZip, writeZip } from '../../src/workbook/xlsx/zip';
import { graftBudget } from '../helpers/graft';
import { calcAvailable, convertAll } from '../helpers/libreoffice';
import { REPO } from '../taskpane/harness';
import { pageToPng, pdfText, pdfWords } from '../export/render';
import { writeFixture } from '../fixtures/xlsx';
import { readWorkbook, runCli, tempDir } from './helpers';

const EXAMPLE = join(REPO, 'examples', 'prognos-exempel.xlsx');
const CONFIG = join(REPO, 'examples', 'avvikelse.json');
const text = (entries: Map<string, Uint8Array>, name: string) => Buffer.from(entries.get(name)!).toString('utf8');
const chartParts = (entries: Map<string, Uint8Array>) => [...entries.keys()].filter((n) => /^xl\/charts\/chart\d+\.xml$/.test(n)).sort();

/** `'Avvikelsetabeller'!$D$6:$D$12` → the cells' values, top to bottom. */
function cellsOf(ws: ExcelJS.Worksheet, ref: string): unknown[] {
  const m = /!\$([A-Z]+)\$(\d+):\$([A-Z]+)\$(\d+)$/.exec(ref)!;
  expect(m[1]).toBe(m[3]);
  const out: unknown[] = [];
  for (let r = Number(m[2]); r <= Number(m[4]); r++) out.push(ws.getCell(`${m[1]}${r}`).value);
  return out;
}

/** Every series of every chart: its reference's cells hold exactly its cached values; returns the figures compared. */
async function seriesMatchCells(file: string): Promise<number> {
  const entries = readZip(readFileSync(file));
  const ws = (await readWorkbook(file)).getWorksheet('Avvikelsetabeller')!;
  let compared = 0;
  for (const part of chartParts(entries)) {
    const xml = text(entries, part);
    for (const ref of xml.matchAll(/<c:(str|num)Ref><c:f>([^<]+)<\/c:f><c:\w+Cache>(?:<c:formatCode>[^<]*<\/c:formatCode>)?<c:ptCount val="\d+"\/>(.*?)<\/c:\w+Cache>/g)) {
      const cached = [...ref[3].matchAll(/<c:v>([^<]*)<\/c:v>/g)].map((v) => (ref[1] === 'num' ? Number(v[1]) : v[1].replace(/&amp;/g, '&')));
      expect(cellsOf(ws, ref[2].replace(/&apos;/g, "'"))).toEqual(cached);
      compared += cached.length;
    }
  }
  return compared;
}

describe('charts in the workbook', () => {
  const dir = tempDir();
  const first = join(dir, 'rapport.xlsx');

  test('the shipped example: variance and budget/forecast charts beside the tables, reading their cells', async () => {
    expect((await runCli(['report', EXAMPLE, '--out', first, '--config', CONFIG, '--quiet'])).code).toBe(0);
    const entries = readZip(readFileSync(first));
    const charts = chartParts(entries);
    expect(charts.length).toBe(13);
    expect(await seriesMatchCells(first)).toBeGreaterThan(100);
    const drawing = text(entries, 'xl/drawings/drawing1.xml');
    expect(drawing.match(/<xdr:twoCellAnchor/g)).toHaveLength(13);
    expect(drawing).toContain('name="Avvikelsediagram 1: Driftredovisning – Avvikelse mot budget, helår, tkr"');
    // three to a band beside the table, the rest in a band below, none overlapping (the printed width stays)
    const boxes = [...drawing.matchAll(/<xdr:from><xdr:col>(\d+)<\/xdr:col><xdr:colOff>0<\/xdr:colOff><xdr:row>(\d+)<\/xdr:row>.*?<xdr:to><xdr:col>(\d+)<\/xdr:col><xdr:colOff>0<\/xdr:colOff><xdr:row>(\d+)<\/xdr:row>/g)].map((m) => m.slice(1, 5).map(Number));
    expect(new Set(boxes.map((b) => b[0])).size).toBe(3);
    expect(boxes.map((b) => b[1]).slice(0, 4)).toEqual([boxes[0][1], boxes[0][1], boxes[0][1], boxes[0][3] + 1]);
    for (const [i, a] of boxes.entries()) for (const b of boxes.slice(i + 1)) expect(a[2] <= b[0] || b[2] <= a[0] || a[3] <= b[1] || b[3] <= a[1]).toBe(true);
    const helar = text(entries, 'xl/charts/chart1.xml');
    expect(helar).toContain('<a:t>Avvikelse mot budget, helår, tkr</a:t>');
    expect(helar).toContain('<c:barDir val="bar"/>');
    expect(helar).toContain('<c:numFmt formatCode="#,##0;-#,##0;0" sourceLinked="0"/>');
    // Personal (-4 000, flagged) strong red; intäkter (+1 679) green; a total outlined
    expect(helar).toMatch(/<c:dPt><c:idx val="1"\/>.*?<a:srgbClr val="C62828"\/>/);
    expect(helar).toMatch(/<c:dPt><c:idx val="0"\/>.*?<a:srgbClr val="2E7D32"\/>/);
    expect(helar).toMatch(/<c:dPt><c:idx val="5"\/><c:invertIfNegative val="0"\/><c:bubble3D val="0"\/><c:spPr><a:solidFill><a:srgbClr val="C62828"\/><\/a:solidFill><a:ln w="12700">/);
    expect(text(entries, 'xl/worksheets/_rels/sheet6.xml.rels')).toContain('Target="../drawings/drawing1.xml"');
    const mnkr = charts.map((c) => text(entries, c)).find((x) => x.includes(', mnkr</a:t>'))!;
    expect(mnkr).toContain('formatCode="#,##0.0;-#,##0.0;0.0"');
  }, 60_000);

  test('a re-run on its own output replaces our charts in place: the same parts, the same bytes, the same content types', async () => {
    const second = join(dir, 'rapport2.xlsx');
    expect((await runCli(['report', first, '--out', second, '--config', CONFIG, '--quiet'])).code).toBe(0);
    const a = readZip(readFileSync(first));
    const b = readZip(readFileSync(second));
    expect([...b.keys()].sort()).toEqual([...a.keys()].sort());
    for (const name of [...chartParts(a), 'xl/drawings/drawing1.xml']) expect(text(b, name)).toBe(text(a, name));
    const overrides = (e: Map<string, Uint8Array>) => (text(e, '[Content_Types].xml').match(/<Override [^>]*>/g) ?? []).sort();
    expect(overrides(b)).toEqual(overrides(a));
  });

  test('--no-charts writes the tables without charts; a re-run with charts off takes ours away', async () => {
    const off = join(dir, 'utan.xlsx');
    expect((await runCli(['report', first, '--out', off, '--config', CONFIG, '--no-charts', '--quiet'])).code).toBe(0);
    const entries = readZip(readFileSync(off));
    expect([...entries.keys()].filter((n) => /chart|drawing/.test(n))).toEqual([]);
    expect(text(entries, '[Content_Types].xml')).not.toMatch(/chart|drawing/);
  });

  test('a ledger extract: its tables get charts that read their cells', async () => {
    const out = join(dir, 'huvudbok.xlsx');
    expect((await runCli(['report', join(REPO, 'examples', 'huvudbok-exempel.xlsx'), '--out', out, '--year', '2026', '--quiet'])).code).toBe(0);
    expect(chartParts(readZip(readFileSync(out))).length).toBeGreaterThanOrEqual(3);
    expect(await seriesMatchCells(out)).toBeGreaterThan(30);
  }, 60_000);

  test("a user's chart on another sheet is kept byte for byte; ours get names of their own", async () => {
    const source = await graftBudget(readFileSync('/work/shared/realworld-xlsx/poi__WithChart.xlsx'), 'sheet');
    const input = join(dir, 'medDiagram.xlsx');
    writeFileSync(input, source!);
    const out = join(dir, 'medDiagram-ut.xlsx');
    expect((await runCli(['report', input, '--out', out, '--months', '8', '--quiet'])).code).toBe(0);
    const before = readZip(readFileSync(input));
    const after = readZip(readFileSync(out));
    const theirs = [...before.keys()].filter((n) => /chart|drawing/i.test(n));
    expect(theirs.length).toBeGreaterThan(0);
    for (const name of theirs) expect(Buffer.from(after.get(name)!).equals(Buffer.from(before.get(name)!))).toBe(true);
    expect(chartParts(after).length).toBeGreaterThan(chartParts(before).length);
  });

  test('a chart of the user on our sheet stops the run, naming it; nothing is written', async () => {
    const entries = readZip(readFileSync(first));
    const drawing = text(entries, 'xl/drawings/drawing1.xml').replace('name="Avvikelsediagram 2:', 'name="Diagram 7" data-x="');
    entries.set('xl/drawings/drawing1.xml', Buffer.from(drawing.replace(' data-x="', ' descr="'), 'utf8'));
    const edited = join(dir, 'redigerad.xlsx');
    writeFileSync(edited, writeZip(entries));
    const out = join(dir, 'redigerad-ut.xlsx');
    const run = await runCli(['report', edited, '--out', out, '--config', CONFIG, '--quiet']);
    expect(run.code).toBe(1);
    expect(run.err.join('\n')).toMatch(/fliken Avvikelsetabeller har diagram eller bilder som inte är skapade av Avvikelse \(Diagram 7\).*ingenting skrevs\./);
    expect(existsSync(out)).toBe(false);
  });

  test('LibreOffice renders the charts (titles and value labels on the tables sheet page)', () => {
    if (!calcAvailable()) return;
    const pdf = convertAll([first], 'pdf', join(dir, 'pdf'), undefined, true).get(first)!;
    const pages = pdfText(pdf).split('\f');
    const page = pages.findIndex((p) => /Driftredovisning/.test(p) && /Avvikelse mot budget, helår, tkr/.test(p));
    expect(page).toBeGreaterThanOrEqual(0);
    expect(pages[page]).toMatch(/Budget och prognos, helår, tkr/);
    // the value labels in the table's form, in a Swedish locale
    expect(pages[page]).toMatch(/-4 000[\s\S]*-4 460[\s\S]*-2 781/);
    const words = pdfWords(pdf, page + 1);
    const title = words.find((w) => w.text === 'Avvikelse' && words.some((x) => x.text === 'mot' && Math.abs(x.yMin - w.yMin) < 1))!;
    expect(title).toBeDefined();
    const out = process.env.UPDATE_SCREENSHOTS ? join(REPO, 'examples', 'screenshots', 'rapport-diagram.png') : join(dir, 'rapport-diagram.png');
    pageToPng(pdf, page + 1, out, 200, { x: title.xMin - 40, y: title.yMin - 8, width: 520, height: 184 });
    expect(existsSync(out)).toBe(true);
  }, 180_000);
});

describe('a table of more than 40 rows', () => {
  test('its charts hold the 40 largest deviations themselves, say how many rows are left out, and pass the checkers', async () => {
    const dir = tempDir();
    const rows: (string | number)[][] = [['Investeringar 2026'], ['Belopp i tkr'], ['Projekt', 'Budget 2026', 'Prognos 2026']];
    for (let i = 1; i <= 60; i++) rows.push([`Projekt ${i}`, -1000 * i, -1000 * i + (i % 2 ? 37 : -41) * ((i * 7) % 60 + 1)]);
    const input = await writeFixture(join(dir, 'stor.xlsx'), [{ name: 'Investeringar', rows }]);
    const out = join(dir, 'stor-ut.xlsx');
    const run = await runCli(['report', input, '--out', out, '--year', '2026', '--quiet']);
    expect(run.err).toEqual([]);
    const entries = readZip(readFileSync(out));
    const variance = chartParts(entries).map((c) => text(entries, c)).find((x) => x.includes('Avvikelse mot budget'))!;
    expect(variance).toMatch(/<a:t>Avvikelse mot budget, helår, tkr \(40 av \d+ rader\)<\/a:t>/);
    expect(variance).toContain('<c:strLit><c:ptCount val="40"/>');
    expect(variance).not.toContain('<c:f>');
  }, 60_000);
});
