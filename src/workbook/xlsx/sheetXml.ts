/** Our own output sheets as SpreadsheetML, and conditional formats, with styles from the StyleBook. */
import { cellAddress, columnLetters } from '../../core/address';
import type { CellWrite, ConditionalFormat, OutputSheet } from '../port';
import type { StyleBook } from './styles';
import { encodeXml, NS } from './xml';

/** The namespaces of a worksheet we write, and the base of its relationship types: Strict OOXML or not. */
export interface SheetNamespaces {
  main: string;
  rel: string;
  relTypes: string;
}

export function sheetNamespaces(strict: boolean): SheetNamespaces {
  return strict
    ? { main: NS.mainStrict, rel: NS.relStrict, relTypes: NS.relStrict }
    : { main: NS.main, rel: NS.rel, relTypes: NS.rel };
}

const letters: string[] = [];

/** `F50` for 0-based (49, 5): the column's letters made once per column (a fill writes millions of cells). */
export function cellRef(row: number, col: number): string {
  return `${letters[col] ?? (letters[col] = columnLetters(col))}${row + 1}`;
}

const cellHeads: string[] = [];

/** What follows a cell's reference in its start tag, by kind of cell. */
const FORMULA = 0;
const FORMULA_TEXT = 1;
const NUMBER = 2;
const INLINE_TEXT = 3;
const EMPTY_CELL = 4;
const RESTS = ['><f>', ' t="str"><f>', '><v>', ' t="inlineStr"><is><t xml:space="preserve">', '/>'];
const tagEnds: string[][] = RESTS.map(() => []);

/** `<c r="F`: a column's start of a cell, made once per column. */
export function cellHead(col: number): string {
  return cellHeads[col] ?? (cellHeads[col] = `<c r="${letters[col] ?? (letters[col] = columnLetters(col))}`);
}

/** The end of a cell's reference and its style: `" s="3"`, or `"` without a style (0 is the default one). */
export function styleAttribute(styleIndex: number | undefined): string {
  return styleIndex !== undefined && styleIndex > 0 ? `" s="${styleIndex}"` : '"';
}

/** `" s="3"` (or `"` without a style) and the rest of the start tag for a kind of cell: made once per style and kind. */
function tagEnd(styleIndex: number | undefined, kind: number): string {
  const s = styleIndex !== undefined && styleIndex > 0 ? styleIndex : 0;
  const ends = tagEnds[kind];
  return ends[s] ?? (ends[s] = `${styleAttribute(s)}${RESTS[kind]}`);
}

/** One `<c>`: a number, an inline string, or a formula with its cached value. */
export function cellXml(row: number, col: number, c: Pick<CellWrite, 'value' | 'formula'>, styleIndex: number | undefined): string {
  const head = cellHead(col) + (row + 1);
  const v = c.value;
  if (c.formula) {
    const f = encodeXml(c.formula);
    if (typeof v === 'number' && Number.isFinite(v)) return `${head}${tagEnd(styleIndex, FORMULA)}${f}</f><v>${v}</v></c>`;
    if (typeof v === 'string') return `${head}${tagEnd(styleIndex, FORMULA_TEXT)}${f}</f><v>${encodeXml(v)}</v></c>`;
    return `${head}${tagEnd(styleIndex, FORMULA)}${f}</f></c>`;
  }
  if (typeof v === 'number' && Number.isFinite(v)) return `${head}${tagEnd(styleIndex, NUMBER)}${v}</v></c>`;
  if (typeof v === 'string' && v !== '') return `${head}${tagEnd(styleIndex, INLINE_TEXT)}${encodeXml(v)}</t></is></c>`;
  return `${head}${tagEnd(styleIndex, EMPTY_CELL)}`;
}

/** `<conditionalFormatting>` elements; priorities continue after `firstPriority`. */
export function conditionalFormatXml(formats: ConditionalFormat[], styles: StyleBook, firstPriority: number): string {
  let priority = firstPriority;
  return formats
    .map((f) => {
      const rules = f.rules.map((rule) => `<cfRule type="expression" dxfId="${styles.dxf(rule.fill, rule.fontColor)}" priority="${priority++}"><formula>${encodeXml(rule.formula)}</formula></cfRule>`).join('');
      return `<conditionalFormatting sqref="${f.range}">${rules}</conditionalFormatting>`;
    })
    .join('');
}

/** Our sheet's part; `drawingId` is the relationship Id of its drawing (the charts), when it has one. */
export function outputSheetXml(sheet: OutputSheet, styles: StyleBook, ns: SheetNamespaces = sheetNamespaces(false), drawingId?: string): string {
  const rows = new Map<number, CellWrite[]>();
  let maxCol = 0;
  let maxRow = 0;
  for (const c of sheet.cells) {
    (rows.get(c.row) ?? rows.set(c.row, []).get(c.row)!).push(c);
    maxCol = Math.max(maxCol, c.col);
    maxRow = Math.max(maxRow, c.row);
  }
  const body = [...rows.keys()]
    .sort((a, b) => a - b)
    .map((r) => {
      const cells = rows.get(r)!.sort((a, b) => a.col - b.col);
      const height = sheet.rowHeights?.[r];
      const ht = height ? ` ht="${height}" customHeight="1"` : '';
      return `<row r="${r + 1}"${ht}>${cells.map((c) => cellXml(c.row, c.col, c, styles.xf(c.style ?? {}))).join('')}</row>`;
    })
    .join('');
  const hidden = new Set(sheet.hiddenColumns ?? []);
  const cols = sheet.columnWidths.map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"${hidden.has(i) ? ' hidden="1"' : ''}/>`).join('');
  const pane = sheet.frozenRows
    ? `<pane ySplit="${sheet.frozenRows}" topLeftCell="A${sheet.frozenRows + 1}" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="A${sheet.frozenRows + 1}" sqref="A${sheet.frozenRows + 1}"/>`
    : '';
  const merges = sheet.merges.length ? `<mergeCells count="${sheet.merges.length}">${sheet.merges.map((m) => `<mergeCell ref="${m}"/>`).join('')}</mergeCells>` : '';
  const breaks = (sheet.pageBreaksBefore ?? []).filter((r) => r > 0);
  const rowBreaks = breaks.length ? `<rowBreaks count="${breaks.length}" manualBreakCount="${breaks.length}">${breaks.map((r) => `<brk id="${r}" max="16383" man="1"/>`).join('')}</rowBreaks>` : '';
  return [
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${ns.main}" xmlns:r="${ns.rel}">`,
    `<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>`,
    `<dimension ref="A1:${columnLetters(maxCol)}${maxRow + 1}"/>`,
    `<sheetViews><sheetView showGridLines="0" workbookViewId="0">${pane}</sheetView></sheetViews>`,
    `<sheetFormatPr defaultRowHeight="15"/>`,
    cols ? `<cols>${cols}</cols>` : '',
    `<sheetData>${body}</sheetData>`,
    merges,
    conditionalFormatXml(sheet.conditionalFormats, styles, 1),
    `<pageMargins left="0.6" right="0.6" top="0.7" bottom="0.7" header="0.3" footer="0.3"/>`,
    `<pageSetup paperSize="9" orientation="landscape" fitToWidth="1" fitToHeight="0"/>`,
    rowBreaks,
    drawingId ? `<drawing r:id="${drawingId}"/>` : '',
    `</worksheet>`,
  ].join('');
}
