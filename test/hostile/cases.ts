/**
 * The hostile corpus: files built to hurt a reader (zip bombs, merge bombs, ambiguous packages, names
 * that leave the package, devices) and files that are no .xlsx at all (encrypted, .xls, .xlsb, .ods,
 * CSV …). Each case builds its file by script and states the one line the command line must answer
 * with. hostile.test.ts runs them under a memory and a time limit.
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync, truncateSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { crc32 } from 'node:zlib';
import { readZip, writeZip, type ZipEntries } from '../../src/workbook/xlsx/zip';
import { compoundFile } from './cfb';
import { rawZip, repeatedDeflate, type RawEntry } from './rawZip';

export interface HostileCase {
  name: string;
  /** Writes the file into `dir` and returns its path (or names a path that exists, such as /dev/zero). */
  build: (dir: string, good: Buffer) => string;
  /** The whole stderr line (`%f` stands for the input path), or a pattern for it. */
  err: string | RegExp;
  /** Exit code (2 unless the case is read harmlessly). */
  code?: 0 | 2;
  /** A heavier case's own limits: heap (MB) given to the process, and the peak memory (MB) allowed. */
  heapMb?: number;
  peakMb?: number;
}

const SHEET = 'xl/worksheets/sheet1.xml';
const DAMAGED = 'Filen ser skadad eller fientlig ut och lästes inte.';
const CANNOT = (what: string) => `Arbetsboken %f kunde inte läsas: ${what}`;
const FOREIGN = (what: string) => `avvikelse: %f: kan inte läsas som en .xlsx-fil: filen ${what}`;
const SAVE_AS = 'öppna den i Excel och spara den som Excel-arbetsbok (.xlsx) med Arkiv → Spara som';

/** The good workbook's parts in order, as raw entries to lie about. */
function rawParts(good: Buffer): RawEntry[] {
  return [...readZip(good)].map(([name, data]) => ({ name, data }));
}

function write(dir: string, name: string, data: Buffer | string): string {
  const path = join(dir, name);
  writeFileSync(path, data);
  return path;
}

/** The good workbook with `edit` applied to its entries (a sound zip). */
function edited(dir: string, good: Buffer, edit: (e: ZipEntries) => void): string {
  const entries = readZip(good);
  edit(entries);
  return write(dir, 'fil.xlsx', writeZip(entries));
}

const sheetText = (e: ZipEntries) => Buffer.from(e.get(SHEET)!).toString('utf8');
const setSheet = (e: ZipEntries, xml: string) => e.set(SHEET, Buffer.from(xml, 'utf8'));

/** A sheet part that inflates to `mb` MB of white space from about 1 KB per MB. */
function bombPart(mb: number, declaredSize?: number): RawEntry {
  const block = Buffer.alloc(1024 * 1024, ' '); // XML white space: deflate packs a megabyte into a kilobyte
  const { body, crc, size } = repeatedDeflate(block, mb);
  return { name: SHEET, body, crc, size: declaredSize ?? size };
}

/** `bytes` that deflate cannot shrink, the same on every run (a chain of SHA-256 digests). */
function incompressible(bytes: number): Buffer {
  const out = Buffer.alloc(bytes);
  let digest = createHash('sha256').update('avvikelse').digest();
  for (let at = 0; at < bytes; at += digest.length) {
    digest.copy(out, at);
    digest = createHash('sha256').update(digest).digest();
  }
  return out;
}

const withPart = (good: Buffer, part: RawEntry) => rawParts(good).map((p) => (p.name === part.name ? part : p));

export const HOSTILE: HostileCase[] = [
  // ——— zip bombs and limits ———
  {
    name: 'a zip bomb: 614 KB that unpacks to 600 MB',
    build: (d, g) => write(d, 'bomb.xlsx', rawZip(withPart(g, bombPart(600)))),
    err: CANNOT(`delarna blir tillsammans större än 64 MB uppackade, vid delen ${SHEET} (gränsen för hela paketet uppackat, 100 gånger filens storlek och minst 64 MB). ${DAMAGED}`),
  },
  {
    name: 'a zip bomb that declares a small size',
    build: (d, g) => write(d, 'bomb.xlsx', rawZip(withPart(g, bombPart(600, 1024)))),
    err: CANNOT(`delarna blir tillsammans större än 64 MB uppackade, vid delen ${SHEET} (gränsen för hela paketet uppackat, 100 gånger filens storlek och minst 64 MB). ${DAMAGED}`),
  },
  {
    name: 'a hundred small parts that unpack to 100 MB together',
    build: (d, g) => write(d, 'manga.xlsx', rawZip([...rawParts(g), ...Array.from({ length: 100 }, (_, i) => ({ ...bombPart(1), name: `xl/media/fyllnad${i + 1}.bin` }))])),
    err: CANNOT(`delarna blir tillsammans större än 64 MB uppackade, vid delen xl/media/fyllnad64.bin (gränsen för hela paketet uppackat, 100 gånger filens storlek och minst 64 MB). ${DAMAGED}`),
  },
  {
    name: 'a file of more than 1 GB (sparse)',
    build: (d) => {
      const path = write(d, 'stor.xlsx', '');
      truncateSync(path, 1100 * 1024 * 1024);
      return path;
    },
    err: `avvikelse: %f: filen är 1 100 MB, större än 1 024 MB (gränsen för en fil som läses). ${DAMAGED}`,
  },
  // ——— one reading of a package ———
  {
    name: 'a part whose name occurs twice',
    build: (d, g) => write(d, 'dubbel.xlsx', rawZip([...rawParts(g), { name: SHEET, data: Buffer.from('<worksheet/>') }])),
    err: CANNOT(`paketet har två delar med namnet ${SHEET} (namnen skiljer inte på stora och små bokstäver)`),
  },
  {
    name: 'two parts whose names differ only in case',
    build: (d, g) => write(d, 'skiftlage.xlsx', rawZip([...rawParts(g), { name: 'xl/worksheets/Sheet1.xml', data: Buffer.from('<worksheet/>') }])),
    err: CANNOT('paketet har två delar med namnet xl/worksheets/Sheet1.xml (namnen skiljer inte på stora och små bokstäver)'),
  },
  {
    name: 'a CRC that does not match the data',
    build: (d, g) => write(d, 'crc.xlsx', rawZip(rawParts(g).map((p) => (p.name === SHEET ? { ...p, crc: (crc32(p.data!) ^ 1) >>> 0 } : p)))),
    err: CANNOT(`delen ${SHEET} har fel kontrollsumma (CRC): data är skadade`),
  },
  {
    name: 'a size that does not match the data',
    build: (d, g) => write(d, 'storlek.xlsx', rawZip(rawParts(g).map((p) => (p.name === SHEET ? { ...p, size: p.data!.length - 10 } : p)))),
    err: /^Arbetsboken .* kunde inte läsas: delen xl\/worksheets\/sheet1\.xml har fel storlek \(\d+ byte, innehållsförteckningen säger \d+\)$/,
  },
  {
    name: 'a part named ../../evil.xml',
    build: (d, g) => write(d, 'punkter.xlsx', rawZip([...rawParts(g), { name: '../../evil.xml', data: Buffer.from('<x/>') }])),
    err: CANNOT('delen "../../evil.xml" pekar utanför paketet (".." i namnet)'),
  },
  {
    name: 'a part named /xl/workbook.xml',
    build: (d, g) => write(d, 'absolut.xlsx', rawZip([...rawParts(g), { name: '/xl/workbook.xml', data: Buffer.from('<workbook/>') }])),
    err: CANNOT('delen "/xl/workbook.xml" har ett absolut sökvägsnamn'),
  },
  {
    name: 'a local header naming another part than the directory',
    build: (d, g) => write(d, 'lokal.xlsx', rawZip(rawParts(g).map((p) => (p.name === SHEET ? { ...p, localName: 'xl/worksheets/sheetX.xml' } : p)))),
    err: CANNOT(`delen ${SHEET}: den lokala rubriken stämmer inte med innehållsförteckningen`),
  },
  {
    name: 'directory records sharing one entry (an overlap bomb)',
    build: (d, g) => {
      const parts = rawParts(g);
      const sheet = parts.findIndex((p) => p.name === SHEET);
      return write(d, 'overlapp.xlsx', rawZip([...parts, ...Array.from({ length: 50 }, (_, i) => ({ ...parts[sheet], name: `xl/kopia${i}.xml`, sharesWith: sheet }))]));
    },
    err: CANNOT('delen xl/kopia0.xml: den lokala rubriken stämmer inte med innehållsförteckningen'),
  },
  {
    name: 'a part encrypted inside the zip',
    build: (d, g) => write(d, 'zipkrypto.xlsx', rawZip(rawParts(g).map((p) => (p.name === SHEET ? { ...p, flags: 1 } : p)))),
    err: CANNOT(`delen ${SHEET} är krypterad inuti zip-arkivet`),
  },
  {
    name: 'a part packed with bzip2',
    build: (d, g) => write(d, 'bzip2.xlsx', rawZip(rawParts(g).map((p) => (p.name === SHEET ? { ...p, method: 12, body: Buffer.from('BZh91AY&SY') } : p)))),
    err: CANNOT(`delen ${SHEET} är packad med en metod (nr 12) som Excel inte använder`),
  },
  {
    name: 'a zip cut in half',
    build: (d, g) => write(d, 'halv.xlsx', g.subarray(0, Math.floor(g.length / 2))),
    err: CANNOT('filen är inget zip-arkiv (innehållsförteckningen i slutet saknas)'),
  },
  // ——— sheets past the limits ———
  {
    name: 'a merge bomb: merges that would fill ten billion cells',
    build: (d, g) =>
      edited(d, g, (e) => {
        const merges = Array.from({ length: 10_000 }, () => '<mergeCell ref="A1:ALL1000"/>').join('');
        setSheet(e, sheetText(e).replace(/<mergeCells[\s\S]*?<\/mergeCells>/, '').replace('</sheetData>', `</sheetData><mergeCells count="10000">${merges}</mergeCells>`));
      }),
    err: CANNOT(`fliken 'Prognos' (${SHEET}): de sammanfogade cellerna täcker fler än 5 000 000 celler (gränsen för sammanfogade celler per flik). ${DAMAGED}`),
  },
  {
    name: 'more than 20 000 000 cells in one sheet (a 1.1 MB file)',
    build: (d, g) =>
      edited(d, g, (e) => {
        const row = `<row>${'<c/>'.repeat(16_000)}</row>`;
        setSheet(e, sheetText(e).replace(/<sheetData>[\s\S]*<\/sheetData>/, `<sheetData>${row.repeat(1_251)}</sheetData>`));
        e.set('xl/media/foto.bin', incompressible(1024 * 1024)); // an honest ratio: only the cell limit stops it
      }),
    err: CANNOT(`fliken 'Prognos' (${SHEET}): fliken har fler än 20 000 000 celler (gränsen för celler per flik). ${DAMAGED}`),
    heapMb: 1024,
    peakMb: 800,
  },
  {
    name: 'a cell with 40 000 characters',
    build: (d, g) => edited(d, g, (e) => setSheet(e, sheetText(e).replace('</row>', `<c r="K1" t="inlineStr"><is><t>${'x'.repeat(40_000)}</t></is></c></row>`))),
    err: CANNOT(`fliken 'Prognos' (${SHEET}): cellen K1 har en text på 40 000 tecken, fler än Excels 32 767 (gränsen för text i en cell). ${DAMAGED}`),
  },
  {
    name: 'a shared string with 40 000 characters',
    build: (d, g) =>
      edited(d, g, (e) => {
        const sst = Buffer.from(e.get('xl/sharedStrings.xml')!).toString('utf8');
        e.set('xl/sharedStrings.xml', Buffer.from(sst.replace('</sst>', `<si><t>${'å'.repeat(40_000)}</t></si></sst>`), 'utf8'));
      }),
    err: /^Arbetsboken .* kunde inte läsas: delen med delade texter \(xl\/sharedStrings\.xml\): den delade texten nr \d+ har en text på 40 000 tecken, fler än Excels 32 767 \(gränsen för text i en cell\)\. Filen ser skadad eller fientlig ut och lästes inte\.$/,
  },
  {
    name: 'an entity bomb (billion laughs) in the shared strings is not expanded',
    build: (d, g) =>
      edited(d, g, (e) => {
        const entities = Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i};`.repeat(10)}">`).join('');
        const sst = Buffer.from(e.get('xl/sharedStrings.xml')!).toString('utf8');
        const bomb = sst.replace(/^(<\?xml[^>]*\?>)?/, `$1<!DOCTYPE sst [<!ENTITY lol0 "lol">${entities}]>`).replace('</sst>', '<si><t>&lol9;</t></si></sst>');
        e.set('xl/sharedStrings.xml', Buffer.from(bomb, 'utf8'));
      }),
    code: 0,
    err: '',
  },
];

/** Files that are not .xlsx packages, and things that are not files. */
export const FOREIGN_CASES: HostileCase[] = [
  {
    name: 'a password-protected workbook (encrypted, in an OLE container)',
    build: (d) => write(d, 'losenord.xlsx', compoundFile([{ name: 'EncryptionInfo', data: Buffer.from([4, 0, 4, 0, 0x40, 0, 0, 0]) }, { name: 'EncryptedPackage', data: Buffer.alloc(8192, 0x5a) }])),
    err: FOREIGN('är lösenordsskyddad (krypterad). Öppna den i Excel, ta bort lösenordet under Arkiv → Info → Skydda arbetsbok → Kryptera med lösenord, och spara den som .xlsx'),
  },
  {
    name: 'an .xls workbook (BIFF in an OLE container)',
    build: (d) => write(d, 'gammal.xls', compoundFile([{ name: 'Workbook', data: Buffer.from([0x09, 0x08, 0x10, 0x00, 0x00, 0x06, 0x05, 0x00]) }])),
    err: FOREIGN(`är en äldre Excel-arbetsbok (.xls), inte .xlsx: ${SAVE_AS}`),
  },
  {
    name: 'an .xlsb workbook',
    build: (d) => write(d, 'binar.xlsb', rawZip([{ name: '[Content_Types].xml', data: Buffer.from('<Types/>') }, { name: 'xl/workbook.bin', data: Buffer.from([0x83, 0x01, 0x00]) }])),
    err: FOREIGN(`är en binär Excel-arbetsbok (.xlsb), inte .xlsx: ${SAVE_AS}`),
  },
  {
    name: 'an OpenDocument spreadsheet (.ods)',
    build: (d) => write(d, 'kalkyl.ods', rawZip([{ name: 'mimetype', data: Buffer.from('application/vnd.oasis.opendocument.spreadsheet'), method: 0 }, { name: 'content.xml', data: Buffer.from('<office:document-content/>') }])),
    err: FOREIGN('är ett OpenDocument-dokument (.ods), inte .xlsx: öppna det i LibreOffice Calc eller Excel och spara det som Excel-arbetsbok (.xlsx)'),
  },
  {
    name: 'a CSV file',
    build: (d) => write(d, 'export.csv', 'Konto;Verksamhet;Budget 2026\n5010;410 Grundskola Norr;412 500,00\n'),
    err: FOREIGN(`är en textfil med avgränsade värden (CSV), ingen arbetsbok: ${SAVE_AS}`),
  },
  {
    name: 'a tab-separated UTF-16 text file (Excel\'s "Unicode text")',
    build: (d) => write(d, 'unicode.txt', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Konto\tBudget\r\n5010\t412500\r\n', 'utf16le')])),
    err: FOREIGN(`är en textfil (UTF-16), ingen arbetsbok: ${SAVE_AS}`),
  },
  {
    name: 'an HTML table named .xls (a web system\'s "Excel export")',
    build: (d) => write(d, 'rapport.xls', '<html><body><table><tr><td>Budget</td></tr></table></body></html>'),
    err: FOREIGN(`är en webbsida (HTML), inte .xlsx, trots namnet: ${SAVE_AS}`),
  },
  {
    name: 'an Excel 2003 XML spreadsheet',
    build: (d) => write(d, 'xml2003.xml', '<?xml version="1.0"?>\n<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet"><Worksheet/></Workbook>'),
    err: FOREIGN(`är ett XML-kalkylblad (Excel 2003), inte .xlsx: ${SAVE_AS}`),
  },
  {
    name: 'a Word document',
    build: (d) => write(d, 'dokument.docx', rawZip([{ name: '[Content_Types].xml', data: Buffer.from('<Types/>') }, { name: 'word/document.xml', data: Buffer.from('<w:document/>') }])),
    err: FOREIGN('är ett Word-dokument (.docx), ingen arbetsbok'),
  },
  { name: 'an empty file', build: (d) => write(d, 'tom.xlsx', ''), err: FOREIGN('är tom (0 byte)') },
  { name: '/dev/zero', build: () => '/dev/zero', err: 'avvikelse: %f är en enhet, inte en .xlsx-fil' },
  {
    name: 'a FIFO (a reader would wait for ever)',
    build: (d) => {
      const path = join(d, 'ror.xlsx');
      execFileSync('mkfifo', [path]);
      return path;
    },
    err: 'avvikelse: %f är en namngiven rörledning (FIFO), inte en .xlsx-fil',
  },
  { name: 'a folder', build: (d) => d, err: 'avvikelse: %f är en mapp, inte en .xlsx-fil' },
];
