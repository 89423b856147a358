/** exportDocx on the demo's sample workbook (five tables): structure, page geometry, comments, styles. */
import { sampleSettings, sampleSheets } from '../../src/demo/sampleWorkbook';
import { stubTexts } from '../../src/export/comments';
import { DEFAULT_DOCUMENT_TITLE, exportDocx } from '../../src/export/docx';
import { CELL_PADDING, headerLines, LANDSCAPE_TEXT_WIDTH, PORTRAIT_TEXT_WIDTH, tableGeometry, textWidth } from '../../src/export/docxLayout';
import { tableText } from '../../src/export/tableText';
import { analyzeWorkbook, type ReportModel } from '../../src/report/analyze';
import { buildSettings } from '../../src/report/settings';
import { MemoryWorkbook } from '../../src/workbook/memory/memoryWorkbook';
import { bodyOf, tablesOf, unzipDocx, type DocxParts } from './docxXml';
import { domainModel, edgeTable } from './model';

async function sampleModel(): Promise<ReportModel> {
  const data = await new MemoryWorkbook(sampleSheets()).read();
  return analyzeWorkbook(data, buildSettings(sampleSettings(), undefined, 2026));
}

describe('exportDocx on the sample workbook', () => {
  let model: ReportModel;
  let docx: DocxParts;

  beforeAll(async () => {
    model = await sampleModel();
    docx = unzipDocx(await exportDocx(model.tables, stubTexts(model), { subtitle: 'Underlag: exempel.xlsx' }));
  });

  test('a title, then per table: heading, unit line, table, note, its comments', () => {
    const body = bodyOf(docx.document);
    expect(body[0]).toEqual({ style: 'Title', text: DEFAULT_DOCUMENT_TITLE });
    expect(body[1]).toEqual({ style: 'Underrubrik', text: 'Underlag: exempel.xlsx' });
    const headings = body.filter((b) => 'style' in b && b.style === 'Heading1').map((b) => ('text' in b ? b.text : ''));
    expect(headings).toEqual(model.tables.map((t) => t.title));
    model.tables.forEach((table, i) => {
      const at = body.findIndex((b) => 'style' in b && b.style === 'Heading1' && b.text === table.title);
      const next = body.findIndex((b, j) => j > at && 'style' in b && b.style === 'Heading1');
      const block = body.slice(at + 1, next < 0 ? undefined : next);
      const expectedComments = model.comments.filter((c) => c.sheet === table.sheet && c.table === table.title).map((c) => c.text);
      expect(block).toEqual([
        ...(table.type === 'indikatorer' ? [] : [{ style: 'Enhetsrad', text: table.unit }]),
        { table: i },
        ...(table.notes.length ? [{ style: 'Tabellnot', text: table.notes.join(' ') }] : []),
        ...expectedComments.map((text) => ({ style: 'Kommentar', text })),
      ]);
    });
    expect(model.comments.length).toBeGreaterThan(3);
  });

  test('every table cell has the text of tableText; header rows repeat on a new page', () => {
    const tables = tablesOf(docx.document);
    expect(tables).toHaveLength(model.tables.length);
    model.tables.forEach((table, i) => {
      const t = tableText(table);
      const rows = tables[i].rows;
      const headerCount = t.groups ? 2 : 1;
      expect(rows.filter((r) => r.header)).toHaveLength(headerCount);
      expect(rows.slice(0, headerCount).every((r) => r.header)).toBe(true);
      if (t.groups) expect(rows[0].cells.map((c) => [c.text, c.span])).toEqual([['', 1], ...t.groups.map((g) => [g.text, g.span])]);
      expect(rows[headerCount - 1].cells.map((c) => c.text)).toEqual(t.columnTitles);
      expect(rows.slice(headerCount).map((r) => r.cells.map((c) => c.text))).toEqual(t.rows.map((r) => [r.label, ...r.cells]));
      expect(rows.slice(headerCount).map((r) => r.cells.every((c) => c.bold || c.text === ''))).toEqual(t.rows.map((r) => r.bold));
    });
  });

  test('a calm table: no borders but a rule under the headers, under group titles and above sums', () => {
    for (const table of tablesOf(docx.document)) {
      expect(table.xml).toMatch(/<w:tblBorders>(<w:(top|left|bottom|right|insideH|insideV) w:val="none"[^>]*\/>){6}<\/w:tblBorders>/);
      const header = table.rows.filter((r) => r.header);
      expect(header[header.length - 1].cells.every((c) => c.borderBottom === 'single')).toBe(true);
      for (const row of table.rows.filter((r) => !r.header)) {
        const bold = row.cells[0].bold;
        for (const c of row.cells) expect(c.borderBottom).toBeNull();
        if (!bold) for (const c of row.cells) expect(c.borderTop).toBeNull();
      }
    }
  });

  test('figures right-aligned, labels left, indicator targets centred; 10 pt Calibri in sv-SE', () => {
    const tables = tablesOf(docx.document);
    model.tables.forEach((table, i) => {
      for (const row of tables[i].rows.filter((r) => !r.header)) {
        expect(row.cells[0].align).toBe('left');
        table.columns.forEach((col, c) => expect(row.cells[c + 1].align).toBe(col.format === 'text' ? 'center' : 'right'));
      }
    });
    expect(docx.styles).toMatch(/<w:style w:type="paragraph" w:styleId="Tabelltext">[\s\S]*?<w:sz w:val="20"\/>/);
    expect(docx.styles).toMatch(/<w:docDefaults>[\s\S]*<w:rFonts w:ascii="Calibri"[\s\S]*<w:lang w:val="sv-SE"\/>[\s\S]*<\/w:docDefaults>/);
  });

  test('placeholders such as [orsak] are highlighted so none is left in by mistake', () => {
    expect(docx.document).toMatch(/<w:r><w:rPr><w:highlight w:val="yellow"\/><\/w:rPr><w:t xml:space="preserve">\[orsak\]<\/w:t><\/w:r>/);
  });

  test('A4: wide tables get a landscape section, the others stay portrait; no table is wider than the text', () => {
    const sizes = [...docx.document.matchAll(/<w:pgSz ([^>]*)\/>/g)].map((m) => m[1]);
    expect(sizes.length).toBeGreaterThanOrEqual(1);
    for (const s of sizes) expect(s).toMatch(/w:w="(11906|16838)" w:h="(16838|11906)"/);
    const tables = tablesOf(docx.document);
    model.tables.forEach((table, i) => {
      const geo = tableGeometry(tableText(table));
      expect(tables[i].grid).toEqual(geo.columns);
      expect(geo.width).toBeLessThanOrEqual(geo.landscape ? LANDSCAPE_TEXT_WIDTH : PORTRAIT_TEXT_WIDTH);
      expect(tables[i].xml).toContain(`<w:tblW w:type="dxa" w:w="${geo.width}"/>`);
    });
  });
});

describe('page geometry', () => {
  test('the domain driftredovisning (7 figure columns) fits portrait, no label wraps', () => {
    const t = tableText(domainModel().tables[0]);
    const geo = tableGeometry(t);
    expect(geo.landscape).toBe(false);
    const longest = Math.max(...t.rows.map((r) => textWidth(r.label, r.bold)));
    expect(geo.columns[0] - 2 * CELL_PADDING).toBeGreaterThanOrEqual(longest);
    expect(geo.width).toBe(PORTRAIT_TEXT_WIDTH);
    expect(geo.columns.slice(1).every((w) => w >= 964)).toBe(true);
  });

  test('a table with few columns is not stretched across the page', () => {
    const geo = tableGeometry(tableText(edgeTable()));
    expect(geo.landscape).toBe(false);
    expect(geo.width).toBeLessThan(PORTRAIT_TEXT_WIDTH - 500);
    expect(geo.columns.slice(1).every((w) => w <= 1475)).toBe(true);
  });

  test('a header too wide for its cell is split in two balanced lines, written with a line break', async () => {
    expect(headerLines('Perioden fg år', 5000)).toEqual(['Perioden fg år']);
    expect(headerLines('Perioden fg år', 1227)).toEqual(['Perioden', 'fg år']);
    expect(headerLines('Avvikelse', 500)).toEqual(['Avvikelse']);
    expect(textWidth('Avvikelse', true)).toBeGreaterThan(textWidth('Avvikelse'));
    const geo = tableGeometry(tableText(domainModel().tables[0]));
    const fgAr = geo.columns[7];
    expect(headerLines('Perioden fg år', fgAr)).toEqual(['Perioden', 'fg år']);
    const doc = unzipDocx(await exportDocx(domainModel().tables, [])).document;
    expect(doc).toContain('<w:t xml:space="preserve">Perioden </w:t></w:r><w:r><w:rPr><w:b/><w:bCs/></w:rPr><w:br/><w:t xml:space="preserve">fg år</w:t>');
  });

  test('nine figure columns go landscape, in a section of their own between portrait ones', async () => {
    const base = edgeTable();
    const columns = Array.from({ length: 9 }, (_, i) => ({ ...base.columns[i % 3], id: `c${i}`, group: `G${Math.floor(i / 3)}` }));
    const wide = { ...base, title: 'Bred', columns };
    expect(tableGeometry(tableText(wide)).landscape).toBe(true);
    const drift = domainModel().tables[0];
    const doc = unzipDocx(await exportDocx([drift, wide, base], [])).document;
    const pages = [...doc.matchAll(/<w:pgSz ([^>]*)\/>/g)].map((m) => m[1]);
    expect(pages).toEqual([
      expect.stringMatching(/^w:w="11906" w:h="16838" w:orient="portrait"$/),
      expect.stringMatching(/^w:w="16838" w:h="11906" w:orient="landscape"$/),
      expect.stringMatching(/^w:w="11906" w:h="16838" w:orient="portrait"$/),
    ]);
    expect(tablesOf(doc).map((t) => t.grid.reduce((a, b) => a + b, 0) <= (t.grid.length === 10 ? LANDSCAPE_TEXT_WIDTH : PORTRAIT_TEXT_WIDTH))).toEqual([true, true, true]);
  });

  test("a comment's lines become paragraphs of their own; comments of another table are not printed", async () => {
    const drift = domainModel().tables[0];
    const comments = [
      { sheet: drift.sheet, table: drift.title, text: 'Första stycket.\r\n\nAndra stycket, [orsak].' },
      { sheet: 'Annan flik', table: drift.title, text: 'Hör till en annan tabell.' },
    ];
    const body = bodyOf(unzipDocx(await exportDocx([drift], comments)).document);
    expect(body.filter((b) => 'style' in b && b.style === 'Kommentar')).toEqual([
      { style: 'Kommentar', text: 'Första stycket.' },
      { style: 'Kommentar', text: 'Andra stycket, [orsak].' },
    ]);
  });

  test('a document without tables still opens with its title', async () => {
    const body = bodyOf(unzipDocx(await exportDocx([], [])).document);
    expect(body[0]).toEqual({ style: 'Title', text: DEFAULT_DOCUMENT_TITLE });
  });
});
