/**
 * What a file is when it is not an .xlsx package: a password-protected workbook, an old .xls, a
 * binary .xlsb, an OpenDocument spreadsheet, a CSV or HTML table, a Word document … Each gets one
 * Swedish sentence that names the format and says what to do, instead of "not a zip file".
 */
import { centralDirectory } from './zipDirectory';

const CFB_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
const SAVE_AS_XLSX = 'öppna den i Excel och spara den som Excel-arbetsbok (.xlsx) med Arkiv → Spara som';

/**
 * True when a Compound File (OLE) holds a stream or storage called `name`: directory entries are
 * 128 bytes, aligned to 128 in the file, and start with the name in UTF-16 and its byte length at 64.
 */
function hasCfbEntry(buf: Buffer, name: string): boolean {
  const needle = Buffer.from(name, 'utf16le');
  for (let at = buf.indexOf(needle); at >= 0; at = buf.indexOf(needle, at + 1)) {
    if (at % 128 === 0 && at + 66 <= buf.length && buf.readUInt16LE(at + 64) === needle.length + 2) return true;
  }
  return false;
}

function compoundFileKind(buf: Buffer): string {
  if (hasCfbEntry(buf, 'EncryptionInfo') || hasCfbEntry(buf, 'EncryptedPackage')) {
    return 'är lösenordsskyddad (krypterad). Öppna den i Excel, ta bort lösenordet under Arkiv → Info → Skydda arbetsbok → Kryptera med lösenord, och spara den som .xlsx';
  }
  if (hasCfbEntry(buf, 'Workbook') || hasCfbEntry(buf, 'Book')) return `är en äldre Excel-arbetsbok (.xls), inte .xlsx: ${SAVE_AS_XLSX}`;
  if (hasCfbEntry(buf, 'WordDocument')) return 'är ett Word-dokument (.doc), ingen arbetsbok';
  return 'är en OLE-fil från ett äldre Office-program, ingen .xlsx-arbetsbok';
}

/** The names of a zip archive's entries (only looked at when the archive is not a workbook). */
function zipNames(buf: Buffer): string[] {
  const dir = centralDirectory(buf);
  if (!dir) return [];
  const names: string[] = [];
  for (let at = dir.offset, n = 0; n < dir.count && at + 46 <= buf.length; n++) {
    const nameLength = buf.readUInt16LE(at + 28);
    names.push(buf.toString('utf8', at + 46, at + 46 + nameLength));
    at += 46 + nameLength + buf.readUInt16LE(at + 30) + buf.readUInt16LE(at + 32);
  }
  return names;
}

function zipKind(buf: Buffer): string | undefined {
  const names = new Set(zipNames(buf).map((n) => n.toLowerCase()));
  if (names.has('xl/workbook.bin')) return `är en binär Excel-arbetsbok (.xlsb), inte .xlsx: ${SAVE_AS_XLSX}`;
  if (names.has('mimetype') && names.has('content.xml')) {
    return 'är ett OpenDocument-dokument (.ods), inte .xlsx: öppna det i LibreOffice Calc eller Excel och spara det som Excel-arbetsbok (.xlsx)';
  }
  if (names.has('word/document.xml')) return 'är ett Word-dokument (.docx), ingen arbetsbok';
  if (names.has('ppt/presentation.xml')) return 'är en PowerPoint-presentation, ingen arbetsbok';
  return undefined;
}

/** The start of a text file, as text, when it looks like text (no NUL bytes). */
function textStart(buf: Buffer): string | undefined {
  const head = buf.subarray(0, 4096);
  if (head.length >= 2 && ((head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff))) return 'UTF-16';
  if (head.includes(0)) return undefined;
  return head.toString('utf8').replace(/^\uFEFF/, '').trimStart();
}

function textKind(text: string): string {
  const lower = text.slice(0, 1000).toLowerCase();
  if (text === 'UTF-16') return `är en textfil (UTF-16), ingen arbetsbok: ${SAVE_AS_XLSX}`;
  if (lower.includes('urn:schemas-microsoft-com:office:spreadsheet')) return `är ett XML-kalkylblad (Excel 2003), inte .xlsx: ${SAVE_AS_XLSX}`;
  if (/^(<!doctype html|<html|<table|<meta)/.test(lower)) return `är en webbsida (HTML), inte .xlsx, trots namnet: ${SAVE_AS_XLSX}`;
  if (lower.startsWith('%pdf')) return 'är en PDF-fil, ingen arbetsbok';
  if (lower.startsWith('{') || lower.startsWith('[')) return 'är en JSON-fil, ingen arbetsbok';
  const lines = text.split(/\r?\n/, 5).filter((l) => l.trim() !== '');
  if (lines.length > 0 && lines.every((l) => /[;,\t]/.test(l))) {
    return `är en textfil med avgränsade värden (CSV), ingen arbetsbok: ${SAVE_AS_XLSX}`;
  }
  return 'är en textfil, ingen .xlsx-arbetsbok';
}

/**
 * What the file is, as the rest of a Swedish sentence (`är en äldre Excel-arbetsbok (.xls) …`), when
 * it is certainly no .xlsx package; undefined when it may be one (a zip with a workbook, or a zip
 * too damaged to tell, which the package reader then describes).
 */
export function foreignFormat(data: Uint8Array): string | undefined {
  const buf = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  if (buf.length === 0) return 'är tom (0 byte)';
  if (buf.subarray(0, 8).equals(CFB_MAGIC)) return compoundFileKind(buf);
  if (buf.subarray(0, 2).toString('latin1') === 'PK') return zipKind(buf);
  const text = textStart(buf);
  if (text !== undefined) return textKind(text);
  return undefined;
}
