/**
 * Workbooks from other producers are read right and written back valid: openpyxl (`xmlns:r` on each
 * `<sheet>`), LibreOffice, the Open XML SDK's prefixed markup with single quotes, spaces around `=`,
 * CDATA and character references, and Strict OOXML. Each gives exactly the printed table of domain.md;
 * every output passes both OOXML checkers (through `runCli`); what we add uses the prefixes in scope.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DOMAIN_COLUMNS, DOMAIN_PRINTED, domainGrid } from '../fixtures/domainDrift';
import { writeFixture } from '../fixtures/xlsx';
import { readZip, writeZip } from '../../src/workbook/xlsx/zip';
import { XlsxPackage } from '../../src/workbook/xlsx/xlsxPackage';
import { runCli, tempDir } from '../cli/helpers';
import { calcAvailable, convertAll } from '../helpers/libreoffice';
import { macroEnabled, openpyxlWorkbook, openXmlSdkStyle, strictStyle, writeEntries } from '../helpers/producers';

jest.setTimeout(120_000);

const dir = tempDir();
let plain: string;

beforeAll(async () => {
  plain = await writeFixture(join(dir, 'exceljs.xlsx'), [{ name: 'Prognos', rows: domainGrid() }, { name: 'Anteckningar', rows: [['Egen text']] }]);
});

type Table = { title: string; rows: { label: string; cells: Record<string, number | null> }[] };

/** Runs the report and returns its JSON, after checking the run went well. */
async function report(input: string, output: string): Promise<{ tables: Table[] }> {
  const json = `${output}.json`;
  const run = await runCli(['report', input, '--out', output, '--json', json, '--months', '8', '--quiet']);
  expect(run.err).toEqual([]);
  expect(run.code).toBe(0);
  return JSON.parse(readFileSync(json, 'utf8'));
}

function expectDomainTable(json: { tables: Table[] }): void {
  const drift = json.tables.find((t) => t.title === 'Driftredovisning')!;
  expect(drift.rows.map((r) => r.label)).toEqual(Object.keys(DOMAIN_PRINTED));
  for (const row of drift.rows) expect(DOMAIN_COLUMNS.map((c) => row.cells[c])).toEqual(DOMAIN_PRINTED[row.label]);
}

const part = (path: string, name: string) => Buffer.from(readZip(readFileSync(path)).get(name)!).toString('utf8');

test('openpyxl (and so pandas): xmlns:r on each <sheet>; our sheets declare what they use', async () => {
  const input = join(dir, 'openpyxl.xlsx');
  const missing = openpyxlWorkbook(input);
  if (missing && !process.env.CI) return console.warn(missing);
  expect(missing).toBeNull();
  expect(part(input, 'xl/workbook.xml')).toMatch(/<sheet [^>]*xmlns:r=/);
  const output = join(dir, 'openpyxl-ut.xlsx');
  expectDomainTable(await report(input, output));
  expect(part(output, 'xl/workbook.xml')).toMatch(/<sheet name="Avvikelsetabeller" sheetId="\d+" xmlns:r="[^"]+" r:id="rIdAvv\d+"\/>/);
});

test('LibreOffice Calc: its own .xlsx is read and written back', async () => {
  if (!calcAvailable()) return;
  const converted = convertAll([plain], 'xlsx', join(dir, 'lo'), 'Calc MS Excel 2007 XML').get(plain)!;
  expect(part(converted, 'xl/workbook.xml')).toContain('<sheet name="Prognos"');
  expectDomainTable(await report(converted, join(dir, 'libreoffice-ut.xlsx')));
});

test('the Open XML SDK: prefixed SpreadsheetML, content types and relationships, quotes, CDATA, character references', async () => {
  const entries = readZip(readFileSync(plain));
  openXmlSdkStyle(entries);
  const input = writeEntries(join(dir, 'sdk.xlsx'), writeZip(entries));
  const sheet = part(input, 'xl/worksheets/sheet1.xml');
  expect(sheet).toMatch(/^<\?xml[^>]*>\s*<x:worksheet /);
  expect(sheet).toContain("<x:c r = 'A4'");
  expect(part(input, 'xl/sharedStrings.xml')).toContain('<![CDATA[');
  expect(part(input, 'xl/sharedStrings.xml')).toContain('&#228;');
  expect(part(input, '[Content_Types].xml')).toContain('<ct:Types');
  expect(part(input, 'xl/workbook.xml')).toContain('rel:id =');
  const output = join(dir, 'sdk-ut.xlsx');
  expectDomainTable(await report(input, output));
  // what we add speaks the part's own prefixes
  expect(part(output, 'xl/workbook.xml')).toMatch(/<x:sheet name="Avvikelsetabeller" sheetId="\d+" rel:id="rIdAvv\d+"\/>/);
  expect(part(output, 'xl/workbook.xml')).toContain('<x:definedName name="Avvikelse_Tabeller">');
  expect(part(output, '[Content_Types].xml')).toContain('<ct:Override PartName="/xl/worksheets/sheet3.xml"');
  expect(part(output, 'xl/_rels/workbook.xml.rels')).toContain('<pr:Relationship Id="rIdAvv1"');
  expect(part(output, 'xl/worksheets/sheet1.xml')).toMatch(/<x:c r="E5" s="\d+"><x:f>C5-D5<\/x:f><x:v>-1805359.66<\/x:v><\/x:c>/);
  expect(part(output, 'xl/worksheets/sheet1.xml')).toMatch(/<x:conditionalFormatting sqref="E4:E8"><x:cfRule /);
  expect(part(output, 'xl/styles.xml')).toMatch(/<x:numFmt numFmtId="\d+" formatCode="#,##0;-#,##0;0"\/>/);
  // and a second run on the output changes nothing
  const again = join(dir, 'sdk-igen.xlsx');
  await report(output, again);
  const third = join(dir, 'sdk-tredje.xlsx');
  await report(again, third);
  expect(readFileSync(third).equals(readFileSync(again))).toBe(true);
});

test('Strict OOXML is read, and what we add is written in Strict too', async () => {
  const entries = readZip(readFileSync(plain));
  strictStyle(entries);
  const input = writeEntries(join(dir, 'strict.xlsx'), writeZip(entries));
  expect(part(input, 'xl/workbook.xml')).toContain('http://purl.oclc.org/ooxml/spreadsheetml/main');
  const output = join(dir, 'strict-ut.xlsx');
  expectDomainTable(await report(input, output));
  expect(part(output, 'xl/worksheets/sheet3.xml')).toContain('<worksheet xmlns="http://purl.oclc.org/ooxml/spreadsheetml/main" xmlns:r="http://purl.oclc.org/ooxml/officeDocument/relationships">');
  expect(part(output, 'xl/_rels/workbook.xml.rels')).toContain('Type="http://purl.oclc.org/ooxml/officeDocument/relationships/worksheet"');
  expect(part(output, 'xl/workbook.xml')).not.toContain('http://schemas.openxmlformats.org/officeDocument/2006/relationships');
  const audit = await runCli(['audit', output, '--quiet']);
  expect(audit.code).toBe(0);
});

describe('a macro-enabled workbook stays one', () => {
  const vba = Buffer.from('VBA-projektet, byte för byte');
  let input: string;

  beforeAll(() => {
    const entries = readZip(readFileSync(plain));
    macroEnabled(entries, vba);
    input = writeEntries(join(dir, 'makro.xlsm'), writeZip(entries));
  });

  test('--out with .xlsx is refused with a Swedish line, nothing written', async () => {
    const output = join(dir, 'makro-ut.xlsx');
    const run = await runCli(['report', input, '--out', output, '--months', '8']);
    expect(run.code).toBe(2);
    expect(run.err).toEqual([`avvikelse: ${input} innehåller makron, så utdata måste sluta på .xlsm för att Excel ska öppna den (t.ex. --out ${join(dir, 'makro-ut.xlsm')})`]);
    expect(XlsxPackage.open(input).fileExtension).toBe('xlsm');
  });

  test('--out with .xlsm keeps the macros and the workbook’s content type', async () => {
    const output = join(dir, 'makro-ut.xlsm');
    await report(input, output);
    const out = readZip(readFileSync(output));
    expect(Buffer.from(out.get('xl/vbaProject.bin')!).equals(vba)).toBe(true);
    expect(part(output, '[Content_Types].xml')).toContain('application/vnd.ms-excel.sheet.macroEnabled.main+xml');
    expect(part(output, 'xl/_rels/workbook.xml.rels')).toContain('Target="vbaProject.bin"');
  });

  test('a workbook without macros is not written as .xlsm', async () => {
    const run = await runCli(['report', plain, '--out', join(dir, 'vanlig.xlsm'), '--months', '8']);
    expect(run.code).toBe(2);
    expect(run.err[0]).toContain('är en vanlig arbetsbok utan makron, så utdata måste sluta på .xlsx');
  });
});
