/**
 * Writes our cells into a user's worksheet part without touching anything else: the rows we fill are
 * rebuilt with our cells in column order, every other byte of the part stays as it was.
 */
import { cellAddress, columnIndex } from '../../core/address';
import type { CellWrite, ConditionalFormat } from '../port';
import { cellXml, conditionalFormatXml } from './sheetXml';
import type { StyleBook } from './styles';
import { attributes } from './xml';

/** Elements that follow `<conditionalFormatting>` in a worksheet, in schema order. */
const AFTER_CF = ['dataValidations', 'hyperlinks', 'printOptions', 'pageMargins', 'pageSetup', 'headerFooter', 'rowBreaks', 'colBreaks', 'customProperties', 'cellWatches', 'ignoredErrors', 'smartTags', 'drawing', 'legacyDrawing', 'legacyDrawingHF', 'picture', 'oleObjects', 'controls', 'webPublishItems', 'tableParts', 'extLst'];

/**
 * One row with our cells merged in: a single pass over the row's cells (stored in column order, as
 * the format requires); a cell of ours replaces the user's empty cell at that column, keeping its style.
 */
function patchRow(open: string, body: string, writes: CellWrite[], styles: StyleBook): string {
  const sorted = writes.length > 1 ? [...writes].sort((x, y) => x.col - y.col) : writes;
  const ours = (w: CellWrite, style: number | undefined) => cellXml(w.row, w.col, w, w.style?.numFmt ? styles.withDefaultNumFmt(style, w.style.numFmt) : style);
  let out = open.replace(/\sspans="[^"]*"/, '').replace(/\/>$/, '>');
  let next = 0;
  let lastCol = -1;
  const cellRe = /<c\b([^>]*?)(?:\/>|>[\s\S]*?<\/c>)/g;
  let m: RegExpExecArray | null;
  while ((m = cellRe.exec(body))) {
    const ref = CELL_COLUMN.exec(m[1]);
    const col = ref ? columnIndex(ref[1]) : lastCol + 1;
    lastCol = col;
    while (next < sorted.length && sorted[next].col < col) out += ours(sorted[next++], undefined);
    if (next < sorted.length && sorted[next].col === col) {
      const style = CELL_STYLE.exec(m[1]);
      out += ours(sorted[next++], style ? Number(style[1]) : undefined);
    } else out += ref ? m[0] : m[0].replace(/^<c\b/, `<c r="${cellAddress(sorted[0]?.row ?? 0, col)}"`);
  }
  while (next < sorted.length) out += ours(sorted[next++], undefined);
  return `${out}</row>`;
}

const CELL_COLUMN = /\br="\$?([A-Z]{1,3})\$?\d+"/;
const CELL_STYLE = /\bs="(\d+)"/;

export function patchSheet(xml: string, writes: CellWrite[], formats: ConditionalFormat[], styles: StyleBook): string {
  const byRow = new Map<number, CellWrite[]>();
  for (const w of writes) (byRow.get(w.row) ?? byRow.set(w.row, []).get(w.row)!).push(w);
  const pending = [...byRow.keys()].sort((a, b) => a - b);
  const dataEnd = xml.indexOf('</sheetData>');
  const parts: string[] = [];
  let next = 0;
  const newRowsBefore = (row: number) => {
    while (next < pending.length && pending[next] < row) {
      const r = pending[next++];
      parts.push(patchRow(`<row r="${r + 1}">`, '', byRow.get(r)!, styles));
    }
  };
  // walk the row start tags only; rows we do not touch are copied as slices of the original text
  let copied = 0;
  let pos = dataEnd < 0 ? -1 : xml.indexOf('<row', xml.indexOf('<sheetData'));
  let lastRow = -1;
  while (pos >= 0 && pos < dataEnd && next < pending.length) {
    const tagEnd = xml.indexOf('>', pos);
    const open = xml.slice(pos, tagEnd + 1);
    const rAttr = /\br="(\d+)"/.exec(open);
    const r = rAttr ? Number(rAttr[1]) - 1 : lastRow + 1;
    lastRow = r;
    const selfClosing = open.endsWith('/>');
    const end = selfClosing ? tagEnd + 1 : xml.indexOf('</row>', tagEnd) + '</row>'.length;
    if (pending[next] <= r) {
      parts.push(xml.slice(copied, pos));
      newRowsBefore(r);
      const mine = byRow.get(r);
      if (mine) {
        next++;
        parts.push(patchRow(open, selfClosing ? '' : xml.slice(tagEnd + 1, end - '</row>'.length), mine, styles));
      } else parts.push(xml.slice(pos, end));
      copied = end;
    }
    pos = xml.indexOf('<row', end);
  }
  if (next < pending.length) {
    const at = dataEnd >= 0 ? dataEnd : xml.indexOf('<sheetData/>');
    parts.push(xml.slice(copied, at));
    newRowsBefore(Number.MAX_SAFE_INTEGER);
    parts.push(dataEnd >= 0 ? '' : '<sheetData>', dataEnd >= 0 ? xml.slice(at) : `</sheetData>${xml.slice(at + '<sheetData/>'.length)}`);
  } else parts.push(xml.slice(copied));
  const out = parts.join('');
  if (!formats.length) return out;
  const split = out.indexOf('</sheetData>') >= 0 ? out.indexOf('</sheetData>') : 0;
  return out.slice(0, split) + replaceConditionalFormats(out.slice(split), formats, styles);
}

/** Removes earlier conditional formats on our ranges and adds ours, after the user's own. */
function replaceConditionalFormats(xml: string, formats: ConditionalFormat[], styles: StyleBook): string {
  const ours = new Set(formats.map((f) => f.range));
  let out = xml.replace(/<conditionalFormatting\b([^>]*)>[\s\S]*?<\/conditionalFormatting>/g, (all, attrs: string) => (ours.has(attributes(attrs).sqref) ? '' : all));
  let maxPriority = 0;
  for (const m of out.matchAll(/<cfRule\b[^>]*\bpriority="(\d+)"/g)) maxPriority = Math.max(maxPriority, Number(m[1]));
  const element = conditionalFormatXml(formats, styles, maxPriority + 1);
  for (const tag of AFTER_CF) {
    const i = out.search(new RegExp(`<${tag}\\b`));
    if (i >= 0) return out.slice(0, i) + element + out.slice(i);
  }
  const end = out.lastIndexOf('</worksheet>');
  return out.slice(0, end) + element + out.slice(end);
}
