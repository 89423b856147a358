/**
 * Malformed parts inside a sound zip: the .xlsx unzips, but a part is missing, cut short, not XML, or
 * points at something that is not there. Every such file ends with exit 2 and one Swedish line naming
 * the file and the part (and the sheet): no stack trace, nothing written, the input untouched.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readZip, writeZip, type ZipEntries } from '../../src/workbook/xlsx/zip';
import { domainGrid } from '../fixtures/domainDrift';
import { writeFixture } from '../fixtures/xlsx';
import { runCli, tempDir } from './helpers';

jest.setTimeout(30_000);

const SHEET1 = 'xl/worksheets/sheet1.xml';
const text = (e: ZipEntries, part: string) => Buffer.from(e.get(part)!).toString('utf8');
const setText = (e: ZipEntries, part: string, xml: string) => e.set(part, Buffer.from(xml, 'utf8'));
const edit = (part: string, f: (xml: string) => string) => (e: ZipEntries) => setText(e, part, f(text(e, part)));
/** Bytes that are no XML: every byte value, in a scrambled order. */
const GARBAGE = Buffer.from(Array.from({ length: 512 }, (_, i) => (i * 37 + 11) % 256));

interface MalformedCase {
  name: string;
  /** What is done to the parts of the good workbook (sheets `Budget` and `Anteckningar`). */
  mutate: (e: ZipEntries) => void;
  /** The message after `Arbetsboken <fil> kunde inte läsas: `. */
  message: string;
}

const CASES: MalformedCase[] = [
  { name: 'xl/workbook.xml missing', mutate: (e) => e.delete('xl/workbook.xml'), message: 'arbetsboksdelen (xl/workbook.xml) saknas i paketet' },
  {
    name: 'xl/workbook.xml is not XML',
    mutate: (e) => setText(e, 'xl/workbook.xml', 'Detta är ingen arbetsbok'),
    message: 'arbetsboksdelen (xl/workbook.xml) är skadad: delen är inte XML (elementet <workbook> saknas)',
  },
  {
    name: 'xl/workbook.xml cut short',
    mutate: edit('xl/workbook.xml', (xml) => xml.slice(0, xml.indexOf('<calcPr'))),
    message: 'arbetsboksdelen (xl/workbook.xml) är skadad: delen är avkortad: </workbook> saknas',
  },
  {
    name: 'the workbook relationships missing',
    mutate: (e) => e.delete('xl/_rels/workbook.xml.rels'),
    message: 'arbetsbokens relationer (xl/_rels/workbook.xml.rels) saknas i paketet',
  },
  {
    name: 'a sheet whose relationship is missing',
    mutate: edit('xl/_rels/workbook.xml.rels', (xml) => xml.replace(/<Relationship Id="rId4"[^>]*\/>/, '')),
    message: "fliken 'Budget' saknar sin del: relationen rId4 finns inte i xl/_rels/workbook.xml.rels",
  },
  { name: 'a worksheet part missing', mutate: (e) => e.delete(SHEET1), message: `fliken 'Budget' (${SHEET1}) saknas i paketet` },
  {
    name: 'the second sheet missing',
    mutate: (e) => e.delete('xl/worksheets/sheet2.xml'),
    message: "fliken 'Anteckningar' (xl/worksheets/sheet2.xml) saknas i paketet",
  },
  {
    name: 'sheet XML truncated mid-row',
    mutate: edit(SHEET1, (xml) => xml.slice(0, xml.indexOf('<row r="6"') + 40)),
    message: `fliken 'Budget' (${SHEET1}) är skadad: delen är avkortad: den slutar mitt i rad 6`,
  },
  {
    name: 'sheet XML truncated after the data',
    mutate: edit(SHEET1, (xml) => xml.slice(0, xml.indexOf('</sheetData>'))),
    message: `fliken 'Budget' (${SHEET1}) är skadad: delen är avkortad: den slutar mitt i rad 8`,
  },
  {
    name: 'a sharedStrings index out of range',
    mutate: edit(SHEET1, (xml) => xml.replace('<c r="A5" t="s"><v>13</v>', '<c r="A5" t="s"><v>9999</v>')),
    message: `fliken 'Budget' (${SHEET1}) är skadad: cellen A5 hänvisar till delad text nr 9999, men arbetsboken har bara 20`,
  },
  {
    name: 'the sharedStrings part missing',
    mutate: (e) => e.delete('xl/sharedStrings.xml'),
    message: 'delen med delade texter (xl/sharedStrings.xml) saknas i paketet',
  },
  {
    name: 'the sharedStrings part cut short',
    mutate: edit('xl/sharedStrings.xml', (xml) => xml.slice(0, xml.length / 2)),
    message: 'delen med delade texter (xl/sharedStrings.xml) är skadad: delen är avkortad: </sst> saknas',
  },
  {
    name: 'a character reference to no character',
    mutate: edit('xl/sharedStrings.xml', (xml) => xml.replace('Personal', 'Personal&#x110000;')),
    message: 'delen med delade texter (xl/sharedStrings.xml) är skadad: XML-innehållet kan inte tolkas (Invalid code point 1114112)',
  },
  { name: 'binary garbage as a sheet part', mutate: (e) => e.set(SHEET1, GARBAGE), message: `fliken 'Budget' (${SHEET1}) är skadad: delen innehåller binära data, inte XML` },
  {
    name: 'binary garbage inside a sheet part',
    mutate: (e) => {
      const xml = Buffer.from(e.get(SHEET1)!);
      e.set(SHEET1, Buffer.concat([xml.subarray(0, 900), GARBAGE.subarray(0, 64), xml.subarray(964)]));
    },
    message: `fliken 'Budget' (${SHEET1}) är skadad: delen innehåller binära data, inte XML`,
  },
  {
    name: 'a sheet part in UTF-16',
    mutate: (e) => e.set(SHEET1, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text(e, SHEET1), 'utf16le')])),
    message: `fliken 'Budget' (${SHEET1}) är skadad: delen är UTF-16-kodad; öppna filen i Excel och spara den igen`,
  },
  {
    name: 'a merged range that is no cell reference',
    mutate: edit(SHEET1, (xml) => xml.replace('</sheetData>', '</sheetData><mergeCells count="1"><mergeCell ref="A1:B"/></mergeCells>')),
    message: `fliken 'Budget' (${SHEET1}) är skadad: den sammanfogade cellen "A1:B" är ingen giltig cellreferens`,
  },
  {
    name: 'a row beyond row 1 048 576',
    mutate: edit(SHEET1, (xml) => xml.replace('<row r="8"', '<row r="4294967295"')),
    message: `fliken 'Budget' (${SHEET1}) är skadad: radnumret 4294967295 ligger utanför Excels 1 048 576 rader`,
  },
  {
    name: 'a cell beyond column XFD',
    mutate: edit(SHEET1, (xml) => xml.replace('<c r="I4">', '<c r="ZZZ4">')),
    message: `fliken 'Budget' (${SHEET1}) är skadad: cellen ZZZ4 ligger utanför Excels sista kolumn XFD`,
  },
  {
    // found by the package fuzz test: bytes overwritten inside the declaration, where no parser before
    // ours looked; the tool read U+FFFD and wrote the styles back with it
    name: 'the styles part with bytes that are not UTF-8',
    mutate: (e) => {
      const xml = Buffer.from(e.get('xl/styles.xml')!);
      xml[12] = 0xa8;
      e.set('xl/styles.xml', xml);
    },
    message: 'formatdelen (xl/styles.xml) är skadad: delen är inte giltig UTF-8 (fel vid byte 12); spara om filen i programmet som skapade den',
  },
  {
    // the package's own relationships were read without the checks every other part gets: damage there
    // was carried into the output, which Excel would repair
    name: "the package's relationships with bytes that are not UTF-8",
    mutate: (e) => {
      const xml = Buffer.from(e.get('_rels/.rels')!);
      xml[12] = 0xff;
      e.set('_rels/.rels', xml);
    },
    message: 'paketets relationer (_rels/.rels) är skadad: delen är inte giltig UTF-8 (fel vid byte 12); spara om filen i programmet som skapade den',
  },
  {
    name: "the package's relationships with a control character",
    mutate: edit('_rels/.rels', (xml) => xml.replace('<Relationship ', '\u0001<Relationship ')),
    message: 'paketets relationer (_rels/.rels) är skadad: delen innehåller binära data, inte XML',
  },
  {
    name: 'the styles part is not XML',
    mutate: (e) => e.set('xl/styles.xml', GARBAGE),
    message: 'formatdelen (xl/styles.xml) är skadad: delen innehåller binära data, inte XML',
  },
];

const sha = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

let good: Buffer;
beforeAll(async () => {
  const path = await writeFixture(join(tempDir(), 'god.xlsx'), [
    { name: 'Budget', rows: domainGrid() },
    { name: 'Anteckningar', rows: [['Att göra'], ['ringa ekonomichefen']] },
  ]);
  good = readFileSync(path);
});

/** The good workbook with `mutate` applied, as a file whose zip is sound. */
function brokenFile(c: MalformedCase): string {
  const entries = readZip(good);
  c.mutate(entries);
  const path = join(tempDir(), 'trasig.xlsx');
  writeFileSync(path, writeZip(entries));
  return path;
}

test('the good workbook itself is read and written', async () => {
  const dir = tempDir();
  const input = join(dir, 'god.xlsx');
  writeFileSync(input, good);
  const run = await runCli(['report', input, '--out', join(dir, 'ut.xlsx'), '--months', '8']);
  expect(run.err).toEqual([]);
  expect(run.code).toBe(0);
});

describe.each(CASES.map((c) => [c.name, c] as const))('%s', (_name, c) => {
  test('report: exit 2, one Swedish line naming file and part, nothing written, input unchanged', async () => {
    const input = brokenFile(c);
    const before = sha(input);
    const dir = tempDir();
    const out = join(dir, 'ut.xlsx');
    const json = join(dir, 'ut.json');
    const run = await runCli(['report', input, '--out', out, '--json', json, '--months', '8']);
    expect(run.err).toEqual([`Arbetsboken ${input} kunde inte läsas: ${c.message}`]);
    expect(run.code).toBe(2);
    expect(run.out).toEqual([]);
    expect(existsSync(out)).toBe(false);
    expect(existsSync(json)).toBe(false);
    expect(sha(input)).toBe(before);
  });
});

test.each(['a worksheet part missing', 'sheet XML truncated mid-row', 'a sharedStrings index out of range'])('audit and export stop the same way: %s', async (name) => {
  const c = CASES.find((x) => x.name === name)!;
  const input = brokenFile(c);
  const dir = tempDir();
  const line = `Arbetsboken ${input} kunde inte läsas: ${c.message}`;
  const audit = await runCli(['audit', input, '--json', join(dir, 'fynd.json')]);
  expect({ code: audit.code, err: audit.err }).toEqual({ code: 2, err: [line] });
  expect(existsSync(join(dir, 'fynd.json'))).toBe(false);
  const exported = await runCli(['export', input, '--docx', join(dir, 'rapport.docx')]);
  expect({ code: exported.code, err: exported.err }).toEqual({ code: 2, err: [line] });
  expect(existsSync(join(dir, 'rapport.docx'))).toBe(false);
});

test('a zip that is no workbook at all keeps its own message', async () => {
  const input = brokenFile({ name: 'no root relationships', mutate: (e) => e.delete('_rels/.rels'), message: '' });
  const run = await runCli(['report', input, '--out', join(tempDir(), 'ut.xlsx')]);
  expect(run.code).toBe(2);
  expect(run.err).toEqual([`${input}: kan inte läsas som en .xlsx-fil (filen saknar en arbetsbok (ingen officeDocument-relation))`]);
});
