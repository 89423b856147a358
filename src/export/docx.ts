/**
 * The standard tables and their commentary as a Word document, for the interim report: A4, a calm
 * table style (no vertical lines; rules under the headers and above the sums), Swedish figures from
 * `tableText`, the controller's comments after each table. Built with the `docx` library; works in
 * Node (the command line) and in the browser (the task pane).
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  HeadingLevel,
  Packer,
  PageOrientation,
  Paragraph,
  Table,
  TableBorders,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
  type IBorderOptions,
  type ISectionOptions,
  type ITableCellBorders,
} from 'docx';
import type { StandardTable } from '../core/types';
import type { TableCharts } from '../report/charts';
import { chartPlaceholder, embedCharts, wordCharts, type WordChart } from './docxCharts';
import { A4, CELL_PADDING, headerLines, INDENT_STEP, MARGIN, TABLE_FONT_PT, tableGeometry, type TableGeometry } from './docxLayout';
import { tableText, type Align, type RowText, type TableText } from './tableText';
import type { ActionsSection } from '../report/actions';
import { actionsText, deficitSentences } from './actionsText';

export const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
export const DEFAULT_DOCUMENT_TITLE = 'Avvikelser – tabeller och kommentarer';

/** A comment to print after its table: matched on the table's sheet and title. */
export interface DocxComment {
  sheet: string;
  table: string;
  text: string;
}

export interface DocxOptions {
  /** The document title (default `Avvikelser – tabeller och kommentarer`). */
  title?: string;
  /** A line under the title, e.g. where the figures come from. */
  subtitle?: string;
  /** The charts of a table (its variance charts follow it), or undefined for none: no charts when left out. */
  chartsOf?: (table: StandardTable) => TableCharts | undefined;
  /** Åtgärder för en budget i balans, printed after the tables. */
  actions?: ActionsSection;
}

const FONT = 'Calibri';
const TEXT_COLOR = '1A1A1A';
const HEADING_COLOR = '1F3A5F';
const RULE_HEADER: IBorderOptions = { style: BorderStyle.SINGLE, size: 8, color: '404040' };
const RULE_GROUP: IBorderOptions = { style: BorderStyle.SINGLE, size: 4, color: '8C8C8C' };
const RULE_SUM: IBorderOptions = { style: BorderStyle.SINGLE, size: 4, color: '404040' };
/** Tables up to this many rows are kept on one page with their heading. */
const KEEP_TOGETHER_ROWS = 30;
/** Text in square brackets, such as `[orsak]`: a placeholder the controller has still to fill in. */
const PLACEHOLDER = /(\[[^\]]*\])/;

const ALIGN: Record<Align, (typeof AlignmentType)[keyof typeof AlignmentType]> = { left: AlignmentType.LEFT, right: AlignmentType.RIGHT, center: AlignmentType.CENTER };

/** A cell's paragraph; `lines` are joined by line breaks (the space before each break is kept, so the text reads whole). */
function cellParagraph(lines: string[], align: Align, bold: boolean, indent = 0): Paragraph {
  return new Paragraph({
    style: 'Tabelltext',
    alignment: ALIGN[align],
    indent: indent ? { left: indent * INDENT_STEP } : undefined,
    children: lines.map((line, i) => new TextRun({ text: i < lines.length - 1 ? `${line} ` : line, bold, break: i > 0 ? 1 : undefined })),
  });
}

interface CellOptions {
  bold?: boolean;
  span?: number;
  borders?: ITableCellBorders;
  indent?: number;
  /** A header: split in two balanced lines when it does not fit. */
  header?: boolean;
}

function cell(text: string, width: number, align: Align, opts: CellOptions = {}): TableCell {
  return new TableCell({
    children: [cellParagraph(opts.header ? headerLines(text, width) : [text], align, !!opts.bold, opts.indent)],
    width: { size: width, type: WidthType.DXA },
    columnSpan: opts.span && opts.span > 1 ? opts.span : undefined,
    borders: opts.borders,
    verticalAlign: VerticalAlignTable.BOTTOM,
  });
}

function headerRows(t: TableText, geo: TableGeometry): TableRow[] {
  const rows: TableRow[] = [];
  const widthOf = (from: number, span: number) => geo.columns.slice(from, from + span).reduce((a, b) => a + b, 0);
  if (t.groups) {
    const cells = [cell('', geo.columns[0], 'left')];
    let at = 1;
    for (const g of t.groups) {
      cells.push(cell(g.text, widthOf(at, g.span), 'center', { bold: true, header: true, span: g.span, borders: g.text ? { bottom: RULE_GROUP } : undefined }));
      at += g.span;
    }
    rows.push(new TableRow({ children: cells, tableHeader: true, cantSplit: true, keepNext: true }));
  }
  const titles = t.columnTitles.map((title, i) => cell(title, geo.columns[i], i === 0 ? 'left' : t.align[i - 1], { bold: true, header: true, borders: { bottom: RULE_HEADER } }));
  rows.push(new TableRow({ children: titles, tableHeader: true, cantSplit: true, keepNext: true }));
  return rows;
}

function bodyRow(t: TableText, geo: TableGeometry, row: RowText, keepNext: boolean): TableRow {
  const borders = row.ruleAbove ? { top: RULE_SUM } : undefined;
  const cells = [cell(row.label, geo.columns[0], 'left', { bold: row.bold, borders, indent: row.indent })];
  row.cells.forEach((text, i) => cells.push(cell(text, geo.columns[i + 1], t.align[i], { bold: row.bold, borders })));
  return new TableRow({ children: cells, cantSplit: true, keepNext });
}

function wordTable(t: TableText, geo: TableGeometry): Table {
  const keep = t.rows.length <= KEEP_TOGETHER_ROWS;
  return new Table({
    width: { size: geo.width, type: WidthType.DXA },
    columnWidths: geo.columns,
    layout: TableLayoutType.FIXED,
    borders: TableBorders.NONE,
    margins: { left: CELL_PADDING, right: CELL_PADDING, top: 0, bottom: 0 },
    rows: [...headerRows(t, geo), ...t.rows.map((r, i) => bodyRow(t, geo, r, keep && i < t.rows.length - 1))],
  });
}

/**
 * A comment as paragraphs: one per line of the text (a controller may break a cell's text into lines).
 * Placeholders such as `[orsak]` are highlighted so none is left in by mistake.
 */
function commentParagraphs(text: string): Paragraph[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .map((line) => {
      const parts = line.split(PLACEHOLDER).filter((part) => part !== '');
      return new Paragraph({ style: 'Kommentar', children: parts.map((part) => new TextRun({ text: part, highlight: PLACEHOLDER.test(part) ? 'yellow' : undefined })) });
    });
}

/** The placeholder of each chart and its caption (`Diagram: Avvikelse mot budget, helår, tkr`). */
function chartParagraphs(chart: WordChart, n: number): Paragraph[] {
  const [caption, ...note] = chart.chart.name.split(/ (?=Diagrammet visar)/);
  return [chartPlaceholder(n), new Paragraph({ style: 'Tabellnot', children: [new TextRun(caption), ...note.map((text) => new TextRun({ text, break: 1 }))] })];
}

function tableBlock(table: StandardTable, comments: readonly DocxComment[], charts: TableCharts | undefined, placed: WordChart[]): { landscape: boolean; children: (Paragraph | Table)[] } {
  const t = tableText(table);
  const geo = tableGeometry(t);
  const children: (Paragraph | Table)[] = [new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun(t.title)] })];
  if (t.unitLine) children.push(new Paragraph({ style: 'Enhetsrad', children: [new TextRun(t.unitLine)] }));
  children.push(wordTable(t, geo));
  for (const note of t.notes) children.push(new Paragraph({ style: 'Tabellnot', children: [new TextRun(note)] }));
  for (const chart of charts ? wordCharts(charts, geo.width) : []) {
    placed.push(chart);
    children.push(...chartParagraphs(chart, placed.length));
  }
  for (const c of comments.filter((c) => c.sheet === table.sheet && c.table === table.title)) children.push(...commentParagraphs(c.text));
  return { landscape: geo.landscape, children };
}

/** Åtgärder för en budget i balans: the deficit stated, then the measures with their sum and the gap. */
function actionsBlock(actions: ActionsSection): (Paragraph | Table)[] {
  const t = actionsText(actions);
  const children: (Paragraph | Table)[] = [new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun(t.title)] })];
  for (const line of deficitSentences(actions)) children.push(new Paragraph({ children: [new TextRun(line)] }));
  children.push(new Paragraph({ style: 'Enhetsrad', children: [new TextRun(t.unitLine ?? '')] }), wordTable(t, tableGeometry(t)));
  for (const note of t.notes) children.push(new Paragraph({ style: 'Tabellnot', children: [new TextRun(note)] }));
  return children;
}

function section(landscape: boolean, children: (Paragraph | Table)[]): ISectionOptions {
  return {
    properties: {
      page: {
        size: { width: A4.width, height: A4.height, orientation: landscape ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT },
        margin: { top: MARGIN.topBottom, bottom: MARGIN.topBottom, left: MARGIN.sides, right: MARGIN.sides },
      },
    },
    children,
  };
}

/** Consecutive tables of the same orientation share a section; the title opens the first. */
function sections(tables: readonly StandardTable[], comments: readonly DocxComment[], opts: DocxOptions, placed: WordChart[]): ISectionOptions[] {
  const front: Paragraph[] = [new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(opts.title ?? DEFAULT_DOCUMENT_TITLE)] })];
  if (opts.subtitle) front.push(new Paragraph({ style: 'Underrubrik', children: [new TextRun(opts.subtitle)] }));
  const out: { landscape: boolean; children: (Paragraph | Table)[] }[] = [];
  for (const table of tables) {
    const block = tableBlock(table, comments, opts.chartsOf?.(table), placed);
    const last = out[out.length - 1];
    if (last && last.landscape === block.landscape) last.children.push(...block.children);
    else out.push({ ...block, children: [...(out.length === 0 ? front : []), ...block.children] });
  }
  if (out.length === 0) out.push({ landscape: false, children: [...front, new Paragraph({ style: 'Kommentar', children: [new TextRun('Arbetsboken gav inga tabeller.')] })] });
  if (opts.actions) out.push({ landscape: false, children: actionsBlock(opts.actions) });
  return out.map((s) => section(s.landscape, s.children));
}

const STYLES = {
  default: {
    document: {
      run: { font: FONT, size: 22, color: TEXT_COLOR, language: { value: 'sv-SE' } },
      paragraph: { spacing: { after: 120, line: 264 } },
    },
    title: { run: { font: FONT, size: 36, bold: true, color: HEADING_COLOR }, paragraph: { spacing: { after: 120 } } },
    heading1: { run: { font: FONT, size: 26, bold: true, color: HEADING_COLOR }, paragraph: { spacing: { before: 360, after: 40 }, keepNext: true, keepLines: true } },
  },
  paragraphStyles: [
    { id: 'Underrubrik', name: 'Underrubrik', basedOn: 'Normal', run: { size: 20, color: '595959' }, paragraph: { spacing: { after: 240 } } },
    { id: 'Enhetsrad', name: 'Enhetsrad', basedOn: 'Normal', run: { size: 18, italics: true, color: '404040' }, paragraph: { spacing: { after: 60 }, keepNext: true } },
    { id: 'Tabelltext', name: 'Tabelltext', basedOn: 'Normal', run: { size: TABLE_FONT_PT * 2 }, paragraph: { spacing: { before: 30, after: 30, line: 240 } } },
    { id: 'Tabellnot', name: 'Tabellnot', basedOn: 'Normal', run: { size: 16, italics: true, color: '595959' }, paragraph: { spacing: { before: 60, after: 160 } } },
    { id: 'Kommentar', name: 'Kommentar', basedOn: 'Normal', paragraph: { spacing: { after: 120 } } },
  ],
};

/** The document as the bytes of a .docx file. */
export async function exportDocx(tables: readonly StandardTable[], comments: readonly DocxComment[], options: DocxOptions = {}): Promise<Uint8Array<ArrayBuffer>> {
  const placed: WordChart[] = [];
  const doc = new Document({
    title: options.title ?? DEFAULT_DOCUMENT_TITLE,
    creator: 'Avvikelse',
    lastModifiedBy: 'Avvikelse',
    styles: STYLES,
    sections: sections(tables, comments, options, placed),
  });
  return new Uint8Array(embedCharts(new Uint8Array(await Packer.toArrayBuffer(doc)), placed));
}
