/**
 * A large ledger extract (the rows of examples/ledgerExtract.ts) written straight as SpreadsheetML in
 * about a second, where exceljs's streaming writer takes half a minute for 300 000 rows: the fault
 * tests need the size, not the writer. The parts are the minimum a package needs (what openpyxl and
 * Excel read too): content types, relationships, workbook, one sheet with inline strings.
 */
import { writeFileSync } from 'node:fs';
import { LEDGER_HEADER, LEDGER_SHEET, ledgerRows } from '../../examples/ledgerExtract';
import { encodeXml } from '../../src/workbook/xlsx/xml';
import { writeZip } from '../../src/workbook/xlsx/zip';

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG_REL = 'http://schemas.openxmlformats.org/package/2006/relationships';
const XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const COLUMNS = 'ABCDEFG';

const text = (ref: string, s: string) => `<c r="${ref}" t="inlineStr"><is><t>${encodeXml(s)}</t></is></c>`;
const number = (ref: string, n: number) => `<c r="${ref}"><v>${n}</v></c>`;

/** `ore / 100` as exact decimal text (`-1234.05`), never through float division. */
function kronor(ore: number): string {
  const sign = ore < 0 ? '-' : '';
  const digits = String(Math.abs(ore)).padStart(3, '0');
  return `${sign}${digits.slice(0, -2)}.${digits.slice(-2)}`;
}

function sheetXml(rows: number): string {
  const parts: string[] = [`${XML}<worksheet xmlns="${MAIN}"><sheetData>`];
  parts.push(`<row r="1">${LEDGER_HEADER.map((h, c) => text(`${COLUMNS[c]}1`, h)).join('')}</row>`);
  let r = 1;
  for (const row of ledgerRows(rows)) {
    r++;
    const cells = [number(`A${r}`, row.account), text(`B${r}`, row.activity), ...row.ore.map((o, i) => `<c r="${COLUMNS[i + 2]}${r}"><v>${kronor(o)}</v></c>`)];
    parts.push(`<row r="${r}">${cells.join('')}</row>`);
  }
  parts.push('</sheetData></worksheet>');
  return parts.join('');
}

/** Writes an N-row ledger extract to `path`. */
export function writeBigLedger(path: string, rows: number): void {
  const part = (s: string) => Buffer.from(s, 'utf8');
  const entries = new Map<string, Uint8Array>([
    [
      '[Content_Types].xml',
      part(
        `${XML}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`,
      ),
    ],
    ['_rels/.rels', part(`${XML}<Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`)],
    ['xl/workbook.xml', part(`${XML}<workbook xmlns="${MAIN}" xmlns:r="${REL}"><sheets><sheet name="${LEDGER_SHEET}" sheetId="1" r:id="rId1"/></sheets></workbook>`)],
    ['xl/_rels/workbook.xml.rels', part(`${XML}<Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`)],
    ['xl/worksheets/sheet1.xml', part(sheetXml(rows))],
  ]);
  writeFileSync(path, writeZip(entries));
}
