/** Reading a generated .docx in tests: unzip it and pick the body apart (paragraphs, tables, cells). */
import { readFileSync } from 'node:fs';
import { strFromU8, unzipSync } from 'fflate';

export interface DocxParts {
  document: string;
  styles: string;
  files: string[];
}

export function unzipDocx(source: string | Uint8Array): DocxParts {
  const zip = unzipSync(typeof source === 'string' ? readFileSync(source) : source);
  return { document: strFromU8(zip['word/document.xml']), styles: strFromU8(zip['word/styles.xml']), files: Object.keys(zip) };
}

const decode = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');

/** The text of a fragment: its `<w:t>` contents joined. */
export function textOf(xml: string): string {
  return [...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => decode(m[1])).join('');
}

/** Elements `<tag>…</tag>` at any depth, non-nested (enough for w:tr, w:tc, w:p here). */
export function elementsOf(xml: string, tag: string): string[] {
  return [...xml.matchAll(new RegExp(`<${tag}(?:\\s[^>]*)?>[\\s\\S]*?</${tag}>`, 'g'))].map((m) => m[0]);
}

export interface DocxCell {
  xml: string;
  text: string;
  /** Every run with text is bold (`<w:b/>`). */
  bold: boolean;
  /** `w:jc` of the cell's paragraph. */
  align: string | null;
  span: number;
  width: number | null;
  borderTop: string | null;
  borderBottom: string | null;
}

function border(tcPr: string, side: 'top' | 'bottom'): string | null {
  const m = new RegExp(`<w:tcBorders>[\\s\\S]*?<w:${side} w:val="([a-z]+)"`).exec(tcPr);
  return m ? m[1] : null;
}

export function cellOf(xml: string): DocxCell {
  const tcPr = /<w:tcPr>[\s\S]*?<\/w:tcPr>/.exec(xml)?.[0] ?? '';
  const runs = elementsOf(xml, 'w:r').filter((r) => textOf(r) !== '');
  return {
    xml,
    text: textOf(xml),
    bold: runs.length > 0 && runs.every((r) => /<w:b\/>/.test(r)),
    align: /<w:jc w:val="([a-z]+)"\/>/.exec(xml)?.[1] ?? null,
    span: Number(/<w:gridSpan w:val="(\d+)"\/>/.exec(tcPr)?.[1] ?? 1),
    width: Number(/<w:tcW w:type="dxa" w:w="(\d+)"\/>/.exec(tcPr)?.[1] ?? NaN) || null,
    borderTop: border(tcPr, 'top'),
    borderBottom: border(tcPr, 'bottom'),
  };
}

export interface DocxTable {
  xml: string;
  rows: { xml: string; header: boolean; cells: DocxCell[] }[];
  grid: number[];
}

export function tablesOf(document: string): DocxTable[] {
  return elementsOf(document, 'w:tbl').map((xml) => ({
    xml,
    grid: [...xml.matchAll(/<w:gridCol w:w="(\d+)"\/>/g)].map((m) => Number(m[1])),
    rows: elementsOf(xml, 'w:tr').map((tr) => ({ xml: tr, header: /<w:tblHeader\/>/.test(tr), cells: elementsOf(tr, 'w:tc').map(cellOf) })),
  }));
}

/** The body in reading order: paragraphs outside tables as `{ style, text }`, each table as `{ table }`. */
export function bodyOf(document: string): ({ style: string | null; text: string } | { table: number })[] {
  const body = /<w:body>([\s\S]*)<\/w:body>/.exec(document)?.[1] ?? '';
  const out: ({ style: string | null; text: string } | { table: number })[] = [];
  let table = 0;
  for (const m of body.matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>|<w:p(?:\s[^>]*)?>[\s\S]*?<\/w:p>|<w:p\/>/g)) {
    if (m[0].startsWith('<w:tbl>')) out.push({ table: table++ });
    else out.push({ style: /<w:pStyle w:val="([^"]+)"\/>/.exec(m[0])?.[1] ?? null, text: textOf(m[0]) });
  }
  return out;
}
