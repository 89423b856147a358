/** `avvikelse export` end to end: a real .xlsx in, a .docx out, opened and read back as XML. */
import ExcelJS from 'exceljs';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DOMAIN_PRINTED, domainGrid } from '../fixtures/domainDrift';
import { writeFixture } from '../fixtures/xlsx';
import { runCli, tempDir } from '../cli/helpers';
import { bodyOf, tablesOf, unzipDocx, type DocxParts } from './docxXml';
import { DOMAIN_TEXT } from './model';

const PERSONAL_STUB = 'Personalkostnaderna beräknas för helåret visa en negativ avvikelse på 1,8 mnkr och beror i huvudsak på [orsak]. För perioden är avvikelsen negativ med 2,1 mnkr.';
const PERSONAL_EDITED = 'Personalkostnaderna är 2,1 mnkr högre än budget för perioden, främst på grund av vikarier under sommaren.';
const SETTINGS = ['--months', '8', '--year', '2026'];

describe('avvikelse export --docx on the domain driftredovisning', () => {
  const dir = tempDir();
  const input = join(dir, 'prognos.xlsx');
  const output = join(dir, 'rapport.docx'); // the folder must exist: a missing one is refused
  let run: Awaited<ReturnType<typeof runCli>>;
  let docx: DocxParts;
  let before = '';
  const sha = (p: string) => createHash('sha256').update(readFileSync(p)).digest('hex');

  beforeAll(async () => {
    await writeFixture(input, [{ name: 'Prognos', rows: domainGrid() }]);
    before = sha(input);
    run = await runCli(['export', input, '--docx', output, ...SETTINGS]);
    docx = unzipDocx(output);
  });

  test('exits 0 and says what it wrote', () => {
    expect(run.err).toEqual([]);
    expect(run.code).toBe(0);
    expect(run.out).toContain('1 tabeller, 3 kommentarer (0 egna texter från fliken Kommentarer).');
    expect(run.out[run.out.length - 1]).toBe(`Skrev ${output}`);
  });

  test('a real Word package: document, styles, content types', () => {
    expect(docx.files).toEqual(expect.arrayContaining(['[Content_Types].xml', '_rels/.rels', 'word/document.xml', 'word/styles.xml']));
  });

  test('the title, then the table with its heading and unit line', () => {
    const body = bodyOf(docx.document);
    expect(body.slice(0, 5)).toEqual([
      { style: 'Title', text: 'Avvikelser – tabeller och kommentarer' },
      { style: 'Underrubrik', text: 'Underlag: prognos.xlsx' },
      { style: 'Heading1', text: 'Driftredovisning' },
      { style: 'Enhetsrad', text: 'tkr' },
      { table: 0 },
    ]);
  });

  test('the two-level header: Helår, Perioden jan–aug, Perioden fg år over Budget, Prognos, Avvikelse …', () => {
    const [table] = tablesOf(docx.document);
    const [top, bottom] = table.rows;
    expect(top.header && bottom.header).toBe(true);
    expect(top.cells.map((c) => [c.text, c.span])).toEqual([['', 1], ['Helår', 3], ['Perioden jan–aug', 3], ['Perioden fg år', 1]]);
    expect(bottom.cells.map((c) => c.text)).toEqual(['Kategori, tkr', 'Budget', 'Prognos', 'Avvikelse', 'Budget', 'Utfall', 'Avvikelse', 'Utfall']);
    expect([...top.cells.slice(1), ...bottom.cells].every((c) => c.bold)).toBe(true);
    expect(bottom.cells.map((c) => c.align)).toEqual(['left', ...Array(7).fill('right')]);
    expect(bottom.cells.every((c) => c.borderBottom === 'single')).toBe(true);
    expect(table.rows.slice(2).some((r) => r.header)).toBe(false);
  });

  test('every figure as domain.md prints it, with a non-breaking space (U+00A0) written as the character itself', () => {
    const body = tablesOf(docx.document)[0].rows.slice(2);
    expect(body.map((r) => [r.cells[0].text, r.cells.slice(1).map((c) => c.text)])).toEqual(DOMAIN_TEXT);
    expect(Object.keys(DOMAIN_PRINTED)).toHaveLength(body.length);
    for (const figure of ['149\u00A0145', '-2\u00A0482', '136\u00A0745']) expect(docx.document).toContain(`<w:t xml:space="preserve">${figure}</w:t>`);
    expect(docx.document).not.toMatch(/149 145|&#160;|&nbsp;/);
    expect(docx.document).not.toMatch(/>-0(,0)?</);
  });

  test('figures right-aligned; sum rows bold with a rule above, the others not', () => {
    for (const row of tablesOf(docx.document)[0].rows.slice(2)) {
      const total = ['Verksamhetens kostnader', 'Årets resultat (nettokostnad)'].includes(row.cells[0].text);
      expect(row.cells[0].align).toBe('left');
      for (const c of row.cells.slice(1)) expect(c.xml).toContain('<w:jc w:val="right"/>');
      for (const c of row.cells) {
        expect(c.bold).toBe(total);
        expect(c.xml.includes('<w:b/>')).toBe(total);
        expect(c.borderTop).toBe(total ? 'single' : null);
      }
    }
  });

  test('the comments follow their table, after the note and the charts with their captions', () => {
    const body = bodyOf(docx.document);
    expect(body.slice(5)).toEqual([
      { style: 'Tabellnot', text: 'Avrundningsdifferenser kan förekomma.' },
      { style: null, text: '' },
      { style: 'Tabellnot', text: 'Diagram: Avvikelse mot budget, helår, tkr' },
      { style: null, text: '' },
      { style: 'Tabellnot', text: 'Diagram: Avvikelse mot budget, perioden jan–aug, tkr' },
      { style: null, text: '' },
      { style: 'Tabellnot', text: 'Diagram: Budget och prognos, helår, tkr' },
      { style: null, text: '' },
      { style: 'Tabellnot', text: 'Diagram: Utfall mot periodiserad budget, perioden jan–aug, tkr' },
      { style: 'Kommentar', text: PERSONAL_STUB },
      { style: 'Kommentar', text: expect.stringMatching(/^Verksamhetens kostnader beräknas för helåret visa en negativ avvikelse på 2,5 mnkr .* För perioden är avvikelsen negativ med 2,7 mnkr\.$/) },
      { style: 'Kommentar', text: expect.stringMatching(/^Verksamheten beräknas för helåret avvika negativt med drygt 1 procent eller 1,8 mnkr jämfört med budget\. För perioden är avvikelsen negativ med 1,9 mnkr\. Avvikelsen förklaras främst av \[orsak\]\.$/) },
    ]);
  });

  test('the input is not touched and the same input gives the same document', async () => {
    const again = join(dir, 'igen.docx');
    expect((await runCli(['export', input, '--docx', again, ...SETTINGS])).code).toBe(0);
    expect(unzipDocx(again).document).toBe(docx.document);
    expect(sha(input)).toBe(before);
  });
});

describe('avvikelse export on the output of avvikelse report', () => {
  const dir = tempDir();
  const input = join(dir, 'prognos.xlsx');
  const report = join(dir, 'rapport.xlsx');
  const edited = join(dir, 'rapport-redigerad.xlsx');

  beforeAll(async () => {
    await writeFixture(input, [{ name: 'Prognos', rows: domainGrid() }]);
    expect((await runCli(['report', input, '--out', report, ...SETTINGS])).code).toBe(0);
    // the controller rewrites one comment in Excel (column G, Kommentar) and saves
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(report);
    const ws = wb.getWorksheet('Kommentarer')!;
    let found = 0;
    ws.eachRow((row) => {
      if (row.getCell(3).value === 'Personal') {
        row.getCell(7).value = PERSONAL_EDITED;
        found++;
      }
    });
    expect(found).toBe(1);
    await wb.xlsx.writeFile(edited);
  });

  test('skips our own sheets: the same single table as from the source workbook, then the section on åtgärder', async () => {
    const out = join(dir, 'fran-rapport.docx');
    const run = await runCli(['export', report, '--docx', out, ...SETTINGS]);
    expect(run.code).toBe(0);
    expect(run.out).toContain('1 tabeller, 3 kommentarer (0 egna texter från fliken Kommentarer).');
    const doc = unzipDocx(out).document;
    // Årets resultat is 1 832 tkr worse than budget: the report wrote the section, the export prints it after the tables
    expect(tablesOf(doc)).toHaveLength(2);
    expect(bodyOf(doc).filter((b) => 'style' in b && b.style === 'Heading1')).toEqual([
      { style: 'Heading1', text: 'Driftredovisning' },
      { style: 'Heading1', text: 'Åtgärder för en budget i balans' },
    ]);
    expect(bodyOf(doc)).toContainEqual({ style: 'Kommentar', text: PERSONAL_STUB });
  });

  test("exports the controller's rewritten comment instead of the stub, the untouched stubs as generated", async () => {
    const out = join(dir, 'redigerad.docx');
    const run = await runCli(['export', edited, '--docx', out, ...SETTINGS]);
    expect(run.err).toEqual([]);
    expect(run.out).toContain('1 tabeller, 3 kommentarer (1 egna texter från fliken Kommentarer).');
    const comments = bodyOf(unzipDocx(out).document).filter((b) => 'style' in b && b.style === 'Kommentar');
    expect(comments[0]).toEqual({ style: 'Kommentar', text: PERSONAL_EDITED });
    expect(comments.map((c) => ('text' in c ? c.text : ''))).not.toContain(PERSONAL_STUB);
    expect(comments).toHaveLength(3);
  });

  test('a rewritten comment whose row is no longer flagged is left out, and said so', async () => {
    const out = join(dir, 'hog-trosk.docx');
    const run = await runCli(['export', edited, '--docx', out, ...SETTINGS, '--threshold-amount', '100000', '--threshold-percent', '99']);
    expect(run.code).toBe(0);
    expect(run.out).toContain('1 egna kommentarer gäller rader som inte längre flaggas och togs inte med.');
    expect(unzipDocx(out).document).not.toContain('vikarier');
  });
});

describe('avvikelse export: errors', () => {
  const dir = tempDir();

  test('errors in the input: the same Swedish lines as report, exit 1, nothing written', async () => {
    const grid = domainGrid();
    grid[4][3] = 'ca 300';
    grid[6][6] = '#N/A';
    const input = await writeFixture(join(dir, 'fel.xlsx'), [{ name: 'Drift 2026', rows: grid }]);
    const out = join(dir, 'fel.docx');
    const exported = await runCli(['export', input, '--docx', out, ...SETTINGS]);
    const reported = await runCli(['report', input, '--out', join(dir, 'fel-rapport.xlsx'), ...SETTINGS]);
    expect(exported.code).toBe(1);
    expect(exported.err).toEqual(["'Drift 2026'!D5: \"ca 300\" är inget belopp", "'Drift 2026'!G7: \"#N/A\" är ett felvärde, inget belopp", '2 fel hittades; ingenting skrevs.']);
    expect(exported.err).toEqual(reported.err);
    expect(existsSync(out)).toBe(false);
  });

  test('a workbook without any forecast sheet: exit 1, nothing written', async () => {
    const input = await writeFixture(join(dir, 'tom.xlsx'), [{ name: 'Anteckningar', rows: [['Bara text']] }]);
    const out = join(dir, 'tom.docx');
    const run = await runCli(['export', input, '--docx', out]);
    expect(run.code).toBe(1);
    expect(run.err).toEqual(['Hittade ingen flik med budget-, prognos- eller utfallskolumner i arbetsboken.', '1 fel hittades; ingenting skrevs.']);
    expect(existsSync(out)).toBe(false);
  });

  test('usage errors exit 2 with a Swedish message', async () => {
    const input = await writeFixture(join(dir, 'ok.xlsx'), [{ name: 'Prognos', rows: domainGrid() }]);
    const notXlsx = join(dir, 'inte.xlsx');
    writeFileSync(notXlsx, 'hej');
    const cases: [string[], string][] = [
      [['export', input], 'avvikelse: ange arbetsbok och --docx <rapport.docx>'],
      [['export', join(dir, 'saknas.xlsx'), '--docx', join(dir, 'x.docx')], `avvikelse: filen ${join(dir, 'saknas.xlsx')} finns inte`],
      [['export', input, '--docx', join(dir, 'x.pdf')], `avvikelse: --docx: "${join(dir, 'x.pdf')}" ska sluta på .docx`],
      [['export', input, '--docx', join(dir, 'x.docx'), '--unit', 'kr'], 'avvikelse: unit: "kr" ska vara tkr eller mnkr'],
    ];
    for (const [argv, message] of cases) {
      const run = await runCli(argv);
      expect([run.code, run.err]).toEqual([2, [message]]);
    }
    const bad = await runCli(['export', notXlsx, '--docx', join(dir, 'x.docx')]);
    expect(bad.code).toBe(2);
    expect(bad.err[0]).toMatch(/^.*inte\.xlsx: kan inte läsas som en \.xlsx-fil/);
    expect(existsSync(join(dir, 'x.docx'))).toBe(false);
  });
});
