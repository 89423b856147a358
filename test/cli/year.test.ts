/**
 * The example year through the command line: april → augusti → bokslut, each with the previous report
 * as `--previous`. Every workbook written goes through the OOXML checkers (runCli does it).
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildYear } from '../../examples/build-year';
import { calcAvailable, convertAll } from '../helpers/libreoffice';
import { roundHalfAwayFromZero } from '../../src/core/money';
import { Dec } from '../../src/core/decimal';
import { readZip } from '../../src/workbook/xlsx/zip';
import { docxToPdf, pageToPng, pdfText, pdfWords, writerMissing } from '../export/render';
import { REPO } from '../taskpane/harness';
import { unzipDocx } from '../export/docxXml';
import { readWorkbook, runCli, tempDir } from './helpers';

const sha = (p: string) => createHash('sha256').update(readFileSync(p)).digest('hex');

describe('avvikelse report --previous and accuracy over the example year', () => {
  const dir = tempDir();
  const report = (stage: string) => join(dir, `${stage}-rapport.xlsx`);
  const json = (stage: string) => JSON.parse(readFileSync(join(dir, `${stage}-rapport.json`), 'utf8'));
  let aprilSha = '';

  beforeAll(async () => {
    await buildYear(dir);
    let previous: string | undefined;
    for (const stage of ['april', 'augusti', 'bokslut']) {
      if (previous && stage === 'bokslut') aprilSha = sha(report('augusti'));
      const run = await runCli(['report', join(dir, `${stage}.xlsx`), '--out', report(stage), '--json', join(dir, `${stage}-rapport.json`), '--year', '2026', ...(previous ? ['--previous', previous] : [])]);
      expect(run.err).toEqual([]);
      expect(run.code).toBe(0);
      previous = report(stage);
    }
  }, 120_000);

  test('the previous report is only read', () => {
    expect(sha(report('augusti'))).toBe(aprilSha);
  });

  test('the August report compares with April: exact change, flagged, with its stub', () => {
    const j = json('augusti');
    const drift = j.tables.find((t: { title: string }) => t.title === 'Driftredovisning');
    const personal = drift.rows.find((r: { label: string }) => r.label === 'Personal');
    expect(drift.columns.slice(-2)).toEqual(['foregaendePrognos', 'forandringPrognos']);
    expect([personal.cells.foregaendePrognos, personal.cells.prognosHelar, personal.cells.forandringPrognos]).toEqual([90417, 92563, -2146]);
    expect(personal.cellFlags.forandringPrognos).toEqual({ level: 'comment', direction: 'negative' });
    expect(j.comments.map((c: { text: string }) => c.text)).toContain('Prognosen för Personal har försämrats med 2,1 mnkr sedan delårsrapporten per april, främst till följd av [orsak].');
    expect(j.history.periods.map((p: { label: string }) => p.label)).toEqual(['Prognos jan–apr 2026', 'Prognos jan–aug 2026']);
  });

  test('the year-end report holds the whole history, the accuracy table and the åtgärder section', async () => {
    const j = json('bokslut');
    expect(Object.keys(j)).toEqual(expect.arrayContaining(['tables', 'comments', 'notes', 'history', 'accuracy']));
    expect(j.history.periods.map((p: { label: string }) => p.label)).toEqual(['Prognos jan–apr 2026', 'Prognos jan–aug 2026', 'Bokslut 2026']);
    const personal = j.history.rows.find((r: { label: string }) => r.label === 'Personal');
    // the exact sum of the four verksamheter's cells (35 206 538,64 + 39 562 903,27 + 9 512 877,86 + 6 134 472,64, summed by openpyxl + Decimal)
    expect(personal.figures['Prognos jan–apr 2026'].prognos).toBe(90416792.41);
    const acc = j.accuracy[0];
    expect(acc.columns).toEqual(['budgetHelar', 'utfallHelar', 'prognosfel1', 'prognosfelPct1', 'prognosfel2', 'prognosfelPct2', 'medelfel']);
    const row = acc.rows.find((r: { label: string }) => r.label === 'Personal');
    expect(row.cells).toEqual({ budgetHelar: 88310, utfallHelar: 92956, prognosfel1: -2539, prognosfelPct1: -2.9, prognosfel2: -393, prognosfelPct2: -0.4, medelfel: 1466 });
    const wb = await readWorkbook(report('bokslut'));
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Drift', 'Avvikelsetabeller', 'Kommentarer', 'Prognoshistorik']);
    const kommentarer = wb.getWorksheet('Kommentarer')!;
    const texts: string[] = [];
    // the gap's label is a formula of ours: its cached result is the text
    kommentarer.eachRow((r) => texts.push(String(r.getCell(1).result ?? r.getCell(1).value ?? '')));
    expect(texts).toEqual(expect.arrayContaining(['Åtgärder för en budget i balans', 'Underskott', 'Summa beräknad effekt', 'Kvar att åtgärda']));
  });

  test('accuracy prints the table; on a report without the outcome it says why and exits 1', async () => {
    const ok = await runCli(['accuracy', report('bokslut'), '--year', '2026']);
    expect(ok.code).toBe(0);
    expect(ok.out.join('\n')).toMatch(/Personal\s+88 310\s+92 956\s+-2 539\s+-2,9\s+-393\s+-0,4\s+1 466/);
    const none = await runCli(['accuracy', report('augusti'), '--year', '2026']);
    expect(none.code).toBe(1);
    expect(none.err.join('\n')).toContain('prognoshistoriken saknar årets utfall (Bokslut)');
  });

  (calcAvailable() ? test : test.skip)('the åtgärder totals are live: an effect typed in (openpyxl) and LibreOffice recalculates the sum and the gap', () => {
    const edited = join(dir, 'atgarder-redigerad.xlsx');
    // openpyxl keeps formulas but drops their cached results, so Calc must calculate them itself
    const script = [
      'import sys, openpyxl',
      'wb = openpyxl.load_workbook(sys.argv[1]); ws = wb["Kommentarer"]',
      'h = next(r for r in range(1, ws.max_row + 1) if ws.cell(r, 2).value == "Åtgärd")',
      'ws.cell(h + 1, 2).value = "Vakansstopp"; ws.cell(h + 1, 4).value = 1200.5',
      'ws.cell(h + 2, 2).value = "Minskade inköp"; ws.cell(h + 2, 4).value = "ca 300"',
      'wb.save(sys.argv[2])',
    ].join('\n');
    const run = spawnSync('/usr/bin/python3', ['-c', script, report('bokslut'), edited], { encoding: 'utf8' });
    expect(run.stderr).toBe('');
    // every sheet, values unformatted: the Kommentarer sheet is edited-Kommentarer.csv
    convertAll([edited], 'csv', join(dir, 'csv'), 'Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1');
    const rows = readFileSync(join(dir, 'csv', 'atgarder-redigerad-Kommentarer.csv'), 'utf8').split('\n').map((l) => l.split(','));
    const figure = (label: string) => rows.find((r) => r[0] === label)?.[3];
    // the year's deficit 6 290,96801 tkr (unrounded); 1 200,5 entered, "ca 300" counts as nothing
    expect(figure('Underskott att täcka')).toBe('6290.96801');
    expect(figure('Summa beräknad effekt')).toBe('1200.5');
    expect(figure('Kvar att åtgärda')).toBe('5090.46801');
  }, 120_000);

  /** The chart parts of a package, by their title. */
  function chartsByTitle(file: string, folder: 'xl' | 'word'): Map<string, string> {
    const entries = readZip(readFileSync(file));
    const parts = [...entries.keys()].filter((n) => n.startsWith(`${folder}/charts/chart`)).map((n) => Buffer.from(entries.get(n)!).toString('utf8'));
    return new Map(parts.map((x, i) => [/<a:t>([^<]*)<\/a:t>/.exec(x)?.[1] ?? `utan titel ${i}`, x]));
  }
  const cached = (xml: string) => [...xml.matchAll(/<c:ser>.*?<\/c:ser>/g)].map((ser) => [...ser[0].matchAll(/<c:val>.*?<\/c:val>/g)].flatMap((v) => [...v[0].matchAll(/<c:v>([^<]*)<\/c:v>/g)].map((m) => Number(m[1]))));
  const PATH = 'Helårsprognos per prognostillfälle, Årets resultat (nettokostnad), tkr';

  test('the year so far as charts: the helårsprognos per forecast is the history rounded as the tables round it; utfall against budget', async () => {
    const j = json('bokslut');
    const total = j.history.rows.find((r: { label: string }) => r.label === 'Årets resultat (nettokostnad)');
    const tkr = (kr: number) => roundHalfAwayFromZero(new Dec(kr).div(1000), 0).toNumber();
    const expected = j.history.periods.map((p: { label: string; outcome: boolean }) => tkr(p.outcome ? total.figures[p.label].utfall : total.figures[p.label].prognos));
    const drift = j.tables.find((t: { title: string }) => t.title === 'Driftredovisning').rows.find((r: { label: string }) => r.label === 'Årets resultat (nettokostnad)');
    // the table's own figures: the outcome, the August forecast (Föregående prognos) and the budget
    expect(expected).toEqual([140017, drift.cells.foregaendePrognos, drift.cells.utfallPeriod]);
    const charts = chartsByTitle(report('bokslut'), 'xl');
    const path = charts.get(PATH)!;
    expect(path).toContain('<c:lineChart>');
    expect(path).toMatch(/<c:cat><c:strLit><c:ptCount val="3"\/><c:pt idx="0"><c:v>jan–apr<\/c:v><\/c:pt><c:pt idx="1"><c:v>jan–aug<\/c:v><\/c:pt><c:pt idx="2"><c:v>Bokslut<\/c:v>/);
    expect(cached(path)).toEqual([expected, [drift.cells.budgetPeriod, drift.cells.budgetPeriod, drift.cells.budgetPeriod]]);
    expect(path).toContain('<c:v>Budget helår 136 745</c:v>');
    expect(path).toContain('<a:prstDash val="dash"/>');
    const year = charts.get('Utfall mot budget, helår, tkr')!;
    expect(year).toMatch(/<c:numRef><c:f>'?Avvikelsetabeller'?!\$C\$\d+:\$C\$\d+<\/c:f>/);
    // April has one forecast: no path yet; August has two, and its utfall against the periodized budget
    expect([...chartsByTitle(report('april'), 'xl').keys()].some((t) => t.startsWith('Helårsprognos'))).toBe(false);
    const august = [...chartsByTitle(report('augusti'), 'xl').keys()];
    expect(august).toEqual(expect.arrayContaining([PATH, 'Utfall mot periodiserad budget, perioden jan–aug, tkr', 'Avvikelse mot budget i procent, helår']));
  });

  test('the Word export has the year so far as native charts with captions; LibreOffice renders them and the workbook', async () => {
    const docx = join(dir, 'bokslut.docx');
    expect((await runCli(['export', report('bokslut'), '--docx', docx, '--year', '2026', '--quiet'])).code).toBe(0);
    const doc = unzipDocx(readFileSync(docx)).document;
    for (const caption of [`Diagram: ${PATH}`, 'Diagram: Utfall mot budget, helår, tkr', 'Diagram: Avvikelse mot budget i procent, helår']) expect(doc).toContain(caption);
    const word = [...chartsByTitle(docx, 'word').values()];
    expect(word.filter((x) => x.includes('<c:lineChart>'))).toHaveLength(1);
    if (writerMissing() === null) {
      const text = pdfText(docxToPdf(docx, join(dir, 'pdf-docx'), true));
      expect(text).toMatch(/140 017[\s\S]*142 071[\s\S]*143 036/);
      expect(text).toContain(`Diagram: ${PATH}`);
    }
    if (!calcAvailable()) return;
    const pdf = convertAll([report('bokslut')], 'pdf', join(dir, 'pdf-xlsx'), undefined, true).get(report('bokslut'))!;
    const pages = pdfText(pdf).split('\f');
    const n = pages.findIndex((p) => p.includes('Helårsprognos per prognostillfälle'));
    expect(pages[n]).toMatch(/Utfall mot budget, helår, tkr/);
    expect(pages[n]).toMatch(/140 017[\s\S]*142 071[\s\S]*143 036/);
    expect(pages[n]).toContain('Budget helår 136 745');
    // the driftredovisning's charts side by side: the deviation, utfall against budget, the forecast's path
    const words = pdfWords(pdf, n + 1);
    const path = words.find((w) => w.text === 'prognostillfälle,')!;
    const line = words.filter((w) => Math.abs(w.yMin - path.yMin) < 1);
    const first = line.filter((w) => w.text === 'Avvikelse').sort((a, b) => a.xMin - b.xMin)[0];
    const right = Math.max(...line.map((w) => w.xMax));
    expect(first).toBeDefined();
    const out = process.env.UPDATE_SCREENSHOTS ? join(REPO, 'examples', 'screenshots', 'rapport-prognos.png') : join(dir, 'rapport-prognos.png');
    pageToPng(pdf, n + 1, out, 200, { x: first.xMin - 45, y: path.yMin - 8, width: right + 30 - (first.xMin - 45), height: 100 });
    expect(existsSync(out)).toBe(true);
  }, 240_000);
});
