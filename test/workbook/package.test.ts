/**
 * The package as Excel reads it: names without regard to case (parts, sheets, defined names), what we
 * insert where the schema puts it, the calculation chain kept true, and the user's own things (a sheet
 * or a name that happens to have ours, anything added in our sheets) never taken over or dropped.
 * Every output here also passes both OOXML checkers (through `runCli`).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { domainGrid } from '../fixtures/domainDrift';
import { writeFixture, type FixtureSheet } from '../fixtures/xlsx';
import { readZip, writeZip, type ZipEntries } from '../../src/workbook/xlsx/zip';
import { prunedCalcChain } from '../../src/workbook/xlsx/calcChain';
import { XlsxPackage } from '../../src/workbook/xlsx/xlsxPackage';
import { runCli, tempDir } from '../cli/helpers';
import { writeEntries } from '../helpers/producers';

jest.setTimeout(60_000);

const dir = tempDir();
let n = 0;
const text = (e: ZipEntries, part: string) => Buffer.from(e.get(part)!).toString('utf8');
const setText = (e: ZipEntries, part: string, xml: string) => e.set(part, Buffer.from(xml, 'utf8'));
const edit = (e: ZipEntries, part: string, f: (xml: string) => string) => setText(e, part, f(text(e, part)));
const part = (path: string, name: string) => Buffer.from(readZip(readFileSync(path)).get(name)!).toString('utf8');

/** A fixture with the domain table on `Prognos` and more sheets, its parts then changed by `mutate`. */
async function workbook(sheets: FixtureSheet[], mutate: (e: ZipEntries) => void = () => undefined): Promise<string> {
  const path = await writeFixture(join(dir, `bok-${++n}.xlsx`), [{ name: 'Prognos', rows: domainGrid() }, ...sheets]);
  const entries = readZip(readFileSync(path));
  mutate(entries);
  return writeEntries(path, writeZip(entries));
}

async function report(input: string, extra: string[] = []) {
  const output = input.replace(/\.xlsx$/, '-ut.xlsx');
  const run = await runCli(['report', input, '--out', output, '--months', '8', '--quiet', ...extra]);
  return { ...run, output };
}

describe('names are compared without regard to case, as Excel and OPC do', () => {
  test('parts stored as Sheet1.xml and referred to as sheet1.xml are found; a new part never collides in case', async () => {
    const input = await workbook([{ name: 'Anteckningar', rows: [['x']] }], (e) => {
      e.set('xl/worksheets/SHEET1.xml', e.get('xl/worksheets/sheet1.xml')!);
      e.delete('xl/worksheets/sheet1.xml');
      e.set('xl/worksheets/Sheet3.xml', e.get('xl/worksheets/sheet2.xml')!);
      e.delete('xl/worksheets/sheet2.xml');
      edit(e, 'xl/_rels/workbook.xml.rels', (x) => x.replace('worksheets/sheet2.xml', 'worksheets/SHEET3.XML'));
      edit(e, '[Content_Types].xml', (x) => x.replace('/xl/worksheets/sheet2.xml', '/xl/worksheets/Sheet3.xml'));
    });
    const run = await report(input);
    expect(run.code).toBe(0);
    const names = [...readZip(readFileSync(run.output)).keys()].filter((k) => k.startsWith('xl/worksheets/')).map((k) => k.toLowerCase());
    expect(new Set(names).size).toBe(names.length);
    expect(names).toEqual(expect.arrayContaining(['xl/worksheets/sheet2.xml', 'xl/worksheets/sheet4.xml']));
  });

  test.each(['kommentarer', 'AVVIKELSETABELLER'])('a sheet of the user’s named %s stops the run; nothing is written', async (name) => {
    const run = await report(await workbook([{ name, rows: [['Mina egna anteckningar']] }]));
    expect(run.code).toBe(1);
    const ours = name === 'kommentarer' ? 'Kommentarer' : 'Avvikelsetabeller';
    expect(run.err[0]).toBe(`${name}: fliken ${name} finns redan men är inte skapad av Avvikelse; byt namn på den så skrivs inget över (Excel skiljer inte på stora och små bokstäver, så den krockar med ${ours})`);
  });

  test('a defined name avvikelse_tabeller on the user’s own sheet is not taken over', async () => {
    const input = await workbook([], (e) => edit(e, 'xl/workbook.xml', (x) => x.replace('<calcPr', "<definedNames><definedName name=\"avvikelse_tabeller\">'Prognos'!$A$1:$B$2</definedName></definedNames><calcPr")));
    const run = await report(input);
    expect(run.code).toBe(1);
    expect(run.err[0]).toBe("namnet avvikelse_tabeller finns redan i arbetsboken och pekar på 'Prognos'!$A$1:$B$2, inte på fliken Avvikelsetabeller (Excel skiljer inte på stora och små bokstäver, så det krockar med Avvikelse_Tabeller); byt namn på det så tas det inte över");
  });

  test('our own sheet and name in another letter case are ours: replaced in place, never doubled', async () => {
    const first = await report(await workbook([]));
    expect(first.code).toBe(0);
    const entries = readZip(readFileSync(first.output));
    edit(entries, 'xl/workbook.xml', (x) => x.replace('name="Kommentarer"', 'name="KOMMENTARER"').replace('name="Avvikelse_Kommentarer">Kommentarer!', 'name="AVVIKELSE_KOMMENTARER">KOMMENTARER!'));
    const renamed = writeEntries(join(dir, 'versaler.xlsx'), writeZip(entries));
    const again = await report(renamed);
    expect(again.err).toEqual([]);
    expect(again.code).toBe(0);
    const workbookXml = part(again.output, 'xl/workbook.xml');
    expect(workbookXml.match(/<sheet /g)).toHaveLength(4); // Prognos, Avvikelsetabeller, Kommentarer, Prognoshistorik
    expect(workbookXml.match(/name="avvikelse_kommentarer"/gi)).toHaveLength(1);
  });
});

describe('what is the user’s stays the user’s', () => {
  test('their own conditional format on our avvikelse range is kept beside ours', async () => {
    const theirs = '<conditionalFormatting sqref="E4:E8"><cfRule type="cellIs" dxfId="0" priority="1" operator="greaterThan"><formula>0</formula></cfRule></conditionalFormatting>';
    const input = await workbook([], (e) => {
      edit(e, 'xl/worksheets/sheet1.xml', (x) => x.replace('<pageMargins', `${theirs}<pageMargins`));
      edit(e, 'xl/styles.xml', (x) => x.replace(/<dxfs count="0"\s*\/>|(?=<tableStyles)/, '<dxfs count="1"><dxf><font><b/></font></dxf></dxfs>'));
    });
    const first = await report(input);
    expect(first.code).toBe(0);
    const second = await report(first.output);
    const sheet = part(second.output, 'xl/worksheets/sheet1.xml');
    expect(sheet).toContain(theirs);
    expect(sheet.match(/<conditionalFormatting sqref="E4:E8">/g)).toHaveLength(2);
  });

  test('a formula or a figure added on Avvikelsetabeller stops the run, naming the cells', async () => {
    const first = await report(await workbook([]));
    const entries = readZip(readFileSync(first.output));
    edit(entries, 'xl/worksheets/sheet2.xml', (x) => x.replace('</sheetData>', '<row r="40"><c r="B40"><f>SUM(B5:B9)</f><v>1</v></c><c r="P40"><v>42</v></c></row></sheetData>'));
    const run = await report(writeEntries(join(dir, 'egna-celler.xlsx'), writeZip(entries)));
    expect(run.code).toBe(1);
    expect(run.err[0]).toBe('Avvikelsetabeller: fliken har innehåll som inte är skrivet av Avvikelse (B40, P40) och skulle skrivas över; flytta det till en egen flik eller ta bort det, så skrivs fliken om');
  });

  test('a column of their own in Kommentarer (heading and values) is carried over with its rows', async () => {
    const first = await report(await workbook([]));
    const entries = readZip(readFileSync(first.output));
    edit(entries, 'xl/worksheets/sheet3.xml', (x) =>
      x.replace(/(<row r="4"[^>]*>[\s\S]*?)<\/row>/, '$1<c r="I4" t="inlineStr"><is><t>Ansvarig</t></is></c></row>').replace(/(<row r="5"[^>]*>[\s\S]*?)<\/row>/, '$1<c r="I5" t="inlineStr"><is><t>Karin</t></is></c></row>'),
    );
    const key = (path: string, sheet: string) => XlsxPackage.open(path).read().then((d) => d.sheets.find((s) => s.name === sheet)!.values);
    const edited = writeEntries(join(dir, 'egen-kolumn.xlsx'), writeZip(entries));
    const before = await key(edited, 'Kommentarer');
    const run = await report(edited);
    expect(run.code).toBe(0);
    const after = await key(run.output, 'Kommentarer');
    expect(after[3][8]).toBe('Ansvarig');
    const row = after.findIndex((r) => r?.[8] === 'Karin');
    expect(after[row].slice(0, 4)).toEqual(before[4].slice(0, 4));
  });
});

describe('schema order', () => {
  test('conditional formats go in the worksheet, not into a customSheetView with its own pageMargins', async () => {
    const view = '<customSheetViews><customSheetView guid="{11111111-2222-3333-4444-555555555555}"><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></customSheetView></customSheetViews>';
    const input = await workbook([], (e) => edit(e, 'xl/worksheets/sheet1.xml', (x) => x.replace('</sheetData>', `</sheetData>${view}`)));
    const run = await report(input);
    expect(run.code).toBe(0);
    const sheet = part(run.output, 'xl/worksheets/sheet1.xml');
    expect(sheet).toContain(view);
    expect(sheet).toMatch(/<\/customSheetViews><conditionalFormatting sqref="E4:E8">[\s\S]*<\/conditionalFormatting><pageMargins/);
  });

  test('definedNames go before calcPr, a missing dxfs before tableStyles', async () => {
    const input = await workbook([], (e) => edit(e, 'xl/styles.xml', (x) => x.replace(/<dxfs[^>]*\/>|<dxfs[\s\S]*?<\/dxfs>/, '')));
    const run = await report(input);
    expect(run.code).toBe(0);
    expect(part(run.output, 'xl/workbook.xml')).toMatch(/<\/sheets><definedNames>[\s\S]*<\/definedNames><calcPr/);
    expect(part(run.output, 'xl/styles.xml')).toMatch(/<\/cellStyles><dxfs count="\d+">[\s\S]*<\/dxfs><tableStyles/);
  });
});

describe('the calculation chain', () => {
  const chain = '<calcChain xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><c r="E4" i="1"/><c r="E5"/><c r="B2" i="2"/><c r="B3"/></calcChain>';

  test('entries for cells without a formula go; one that inherited its sheet gets it written out', () => {
    expect(prunedCalcChain(chain, (sheet, ref) => sheet === 1 && ref === 'E4')).toBe('<calcChain xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><c i="1" r="E5"/><c r="B2" i="2"/><c r="B3"/></calcChain>');
    expect(prunedCalcChain(chain, (sheet) => sheet === 2)).toBe('<calcChain xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><c r="E4" i="1"/><c r="E5"/></calcChain>');
    expect(prunedCalcChain(chain, () => true)).toBeUndefined();
  });

  test('a sheet we replace takes its entries with it; an empty chain leaves the package with its relationship and content type', async () => {
    const first = await report(await workbook([]));
    const entries = readZip(readFileSync(first.output));
    setText(entries, 'xl/calcChain.xml', '<calcChain xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><c r="B5" i="2"/></calcChain>');
    edit(entries, 'xl/_rels/workbook.xml.rels', (x) => x.replace('</Relationships>', '<Relationship Id="rIdCalc" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/calcChain" Target="calcChain.xml"/></Relationships>'));
    edit(entries, '[Content_Types].xml', (x) => x.replace('</Types>', '<Override PartName="/xl/calcChain.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.calcChain+xml"/></Types>'));
    const pkg = XlsxPackage.fromBuffer(writeZip(entries));
    await pkg.read();
    await pkg.write({ cellWrites: [], sheets: [{ name: 'Avvikelsetabeller', cells: [{ row: 0, col: 0, value: 'Ny' }], merges: [], columnWidths: [], conditionalFormats: [] }], names: {} });
    const out = readZip(pkg.toBuffer());
    expect(out.has('xl/calcChain.xml')).toBe(false);
    expect(text(out, 'xl/_rels/workbook.xml.rels')).not.toContain('calcChain');
    expect(text(out, '[Content_Types].xml')).not.toContain('calcChain');
  });
});

describe('values and styles as SpreadsheetML has them', () => {
  test('<v>0x1A</v> is no number: the amount cell is named as an error', async () => {
    const input = await workbook([], (e) => edit(e, 'xl/worksheets/sheet1.xml', (x) => x.replace(/<c r="C5"([^>]*)><v>[^<]*<\/v>/, '<c r="C5"$1><v>0x1A</v>')));
    const run = await report(input);
    expect(run.code).toBe(1);
    expect(run.err[0]).toBe('Prognos!C5: värdet "0x1A" i filen är inget tal');
  });

  test('a number format whose id is no number is not carried into the styles we write: ours get valid ids', async () => {
    const bogus = '<numFmts count="1"><numFmt numFmtId="abc" formatCode="#,##0;-#,##0;0"/></numFmts>';
    const input = await workbook([], (e) => edit(e, 'xl/styles.xml', (x) => (x.includes('<numFmts') ? x.replace(/<numFmts[\s\S]*?<\/numFmts>/, bogus) : x.replace('<fonts', `${bogus}<fonts`))));
    const run = await report(input);
    expect(run.err).toEqual([]);
    expect(run.code).toBe(0);
    const styles = part(run.output, 'xl/styles.xml');
    expect(styles).not.toMatch(/numFmtId="(NaN|abc)"/);
    expect(styles).toMatch(/<numFmt numFmtId="16\d" formatCode="#,##0;-#,##0;0"\/>/);
  });
});
