/**
 * Workbooks as other producers write them, built by script from our own fixtures: openpyxl (and so
 * pandas), LibreOffice, the Open XML SDK's prefixed markup (with single quotes, spaces around `=`,
 * CDATA and character references), and Strict OOXML. What each writes is what the reader must take.
 */
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { DOMAIN_HEADER, DOMAIN_ROWS } from '../fixtures/domainDrift';
import { NS } from '../../src/workbook/xlsx/xml';
import { CDATA, EMPTY, END, START, XmlScanner } from '../../src/workbook/xlsx/xmlScanner';
import type { ZipEntries } from '../../src/workbook/xlsx/zip';

/** Writes the domain table with openpyxl (Debian's python3-openpyxl); returns an error text or null. */
export function openpyxlWorkbook(path: string): string | null {
  const rows = [['Driftredovisning – Barn- och utbildningsnämnden'], ['kr'], DOMAIN_HEADER, ...DOMAIN_ROWS.map(([l, t, bh, ph, bp, up, fg]) => [l, t, Number(bh), Number(ph), null, Number(bp), Number(up), null, Number(fg)])];
  const script = [
    'import json, sys, openpyxl',
    'wb = openpyxl.Workbook()',
    'ws = wb.active',
    "ws.title = 'Prognos'",
    'for row in json.loads(sys.argv[2]): ws.append(row)',
    "notes = wb.create_sheet('Anteckningar')",
    "notes.append(['Skrivet av openpyxl'])",
    'wb.save(sys.argv[1])',
  ].join('\n');
  const run = spawnSync('/usr/bin/python3', ['-c', script, path, JSON.stringify(rows)], { encoding: 'utf8' });
  return run.status === 0 ? null : `openpyxl: ${run.stderr || run.error?.message}`;
}

const text = (e: ZipEntries, part: string) => Buffer.from(e.get(part)!).toString('utf8');

/** Character references for everything beyond ASCII (`ä` → `&#228;`). */
const charRefs = (s: string) => s.replace(/[^\x00-\x7f]/gu, (ch) => `&#${ch.codePointAt(0)};`);

/** A start tag with single quotes and spaces around `=` (values holding a `'` keep their quotes). */
const quoted = (tag: string) => tag.replace(/\s([\w:.-]+)="([^"']*)"/g, (_m, n: string, v: string) => ` ${n} = '${v}'`);

/**
 * One part as the Open XML SDK writes it: every element of the root's default namespace with `prefix`,
 * declared on the root; every other `<t>` text in CDATA; non-ASCII text as character references.
 */
function prefixedPart(xml: string, prefix: string): string {
  const rootNs = /<[\w:.-]+\s[^>]*?\bxmlns="([^"]+)"/.exec(xml)?.[1];
  if (!rootNs) return xml;
  const s = new XmlScanner(xml, [rootNs]);
  let out = '';
  let at = 0;
  let inText = false;
  let texts = 0;
  while (s.next()) {
    const between = xml.slice(at, s.start);
    // every other text in a CDATA section, the rest with character references
    out += inText && between && texts % 2 === 1 ? `<![CDATA[${between.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&')}]]>` : charRefs(between);
    let tag = xml.slice(s.start, s.end);
    const kind = s.token();
    if (kind === START || kind === EMPTY || kind === END) {
      if (s.is(s.local) && s.prefix === '') tag = tag.replace(/^<(\/?)/, `<$1${prefix}:`);
      if (kind !== END) tag = charRefs(quoted(tag.replace(` xmlns="${rootNs}"`, ` xmlns:${prefix}="${rootNs}"`)));
      inText = kind === START && s.local === 't';
      if (inText) texts++;
    } else if (kind === CDATA) inText = false;
    out += tag;
    at = s.end;
  }
  return out + xml.slice(at);
}

/**
 * The package in the Open XML SDK's style: SpreadsheetML as `x:`, content types as `ct:`, relationships
 * as `pr:`, and the workbook's relationship attributes as `rel:id` instead of `r:id`.
 */
export function openXmlSdkStyle(entries: ZipEntries): void {
  for (const part of [...entries.keys()]) {
    if (!/\.(xml|rels)$/.test(part)) continue;
    const xml = text(entries, part);
    const prefix = part === '[Content_Types].xml' ? 'ct' : part.endsWith('.rels') ? 'pr' : 'x';
    let out = prefixedPart(xml, prefix);
    if (part === 'xl/workbook.xml') out = out.replace(/xmlns:r\s*=\s*(["'])/, 'xmlns:rel = $1').replace(/\br:id\s*=/g, 'rel:id =');
    entries.set(part, Buffer.from(out, 'utf8'));
  }
}

/** The package in Strict OOXML: the strict SpreadsheetML and relationship namespaces and types. */
export function strictStyle(entries: ZipEntries): void {
  for (const part of [...entries.keys()]) {
    if (!/\.(xml|rels)$/.test(part)) continue;
    const xml = text(entries, part)
      .split(NS.main)
      .join(NS.mainStrict)
      .split(`${NS.rel}/`)
      .join(`${NS.relStrict}/`)
      .split(`"${NS.rel}"`)
      .join(`"${NS.relStrict}"`);
    entries.set(part, Buffer.from(xml, 'utf8'));
  }
}

/** A macro-enabled workbook: the workbook part's content type, and a VBA project part with its relationship. */
export function macroEnabled(entries: ZipEntries, vba: Buffer): void {
  const ct = text(entries, '[Content_Types].xml')
    .replace('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml', 'application/vnd.ms-excel.sheet.macroEnabled.main+xml')
    .replace('</Types>', '<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/></Types>');
  entries.set('[Content_Types].xml', Buffer.from(ct, 'utf8'));
  const rels = text(entries, 'xl/_rels/workbook.xml.rels').replace('</Relationships>', '<Relationship Id="rIdVba" Type="http://schemas.microsoft.com/office/2006/relationships/vbaProject" Target="vbaProject.bin"/></Relationships>');
  entries.set('xl/_rels/workbook.xml.rels', Buffer.from(rels, 'utf8'));
  entries.set('xl/vbaProject.bin', vba);
}

export function writeEntries(path: string, bytes: Buffer): string {
  writeFileSync(path, bytes);
  return path;
}
