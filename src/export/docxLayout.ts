/**
 * Page geometry of the Word export: how wide each column of a table must be, and whether the table
 * needs a landscape page. Widths are estimated from Calibri's character widths (Carlito has the same
 * metrics), in twips (1/20 pt). Pure arithmetic, tested directly.
 */
import type { TableText } from './tableText';

/** A4 in twips, and the margins of the export: 2.5 cm at the top and bottom, 2 cm at the sides. */
export const A4 = { width: 11906, height: 16838 };
export const MARGIN = { topBottom: 1418, sides: 1134 };
export const PORTRAIT_TEXT_WIDTH = A4.width - 2 * MARGIN.sides;
export const LANDSCAPE_TEXT_WIDTH = A4.height - 2 * MARGIN.sides;

/** Table text size in points, and the left/right padding of a cell in twips. */
export const TABLE_FONT_PT = 10;
export const CELL_PADDING = 85;

/** The label column is never narrower than 3.5 cm; a figure column never narrower than 1.7 cm nor wider than 2.6 cm. */
const LABEL_MIN = 1985;
const LABEL_MAX_NATURAL = 5400;
const FIGURE_MIN = 964;
const FIGURE_MAX = 1475;
/** Text columns (indicator targets) are wrapped beyond 5 cm. */
const TEXT_MAX = 2835;
/** Indent of a nested label per level, in twips (10 pt, as the HTML indents it). */
export const INDENT_STEP = 200;
/** Room the label column may have beyond its longest label (1 cm): more would part labels from their figures. */
const LABEL_SLACK = 567;

/** Advance widths of Calibri Regular in 1/1000 em; letters not listed count as `DEFAULT_WIDTH`. */
const WIDTHS: Record<string, number> = {
  ' ': 226, '\u00A0': 226, '.': 252, ',': 250, '-': 306, '–': 498, '%': 715, '(': 303, ')': 303, '/': 386, ':': 268, '≥': 498, '≤': 498, '<': 498, '>': 498,
  a: 479, b: 525, c: 423, d: 525, e: 498, f: 305, g: 471, h: 525, i: 229, j: 239, k: 455, l: 229, m: 799, n: 525, o: 527, p: 525, q: 525, r: 349, s: 391, t: 335, u: 525, v: 452, w: 715, x: 433, y: 453, z: 395,
  å: 479, ä: 479, ö: 527, é: 498, I: 252, J: 319,
};
const DIGIT_WIDTH = 507;
const UPPER_WIDTH = 580;
const DEFAULT_WIDTH = 500;
const BOLD_FACTOR = 1.04;

function charWidth(ch: string): number {
  if (ch >= '0' && ch <= '9') return DIGIT_WIDTH;
  const known = WIDTHS[ch];
  if (known !== undefined) return known;
  return ch !== ch.toLowerCase() ? UPPER_WIDTH : DEFAULT_WIDTH;
}

/** The width of a text on one line, in twips. */
export function textWidth(text: string, bold = false, sizePt = TABLE_FONT_PT): number {
  let em = 0;
  for (const ch of text) em += charWidth(ch);
  return Math.ceil((em / 1000) * sizePt * 20 * (bold ? BOLD_FACTOR : 1));
}

/** The widest word (a header may wrap between words, a figure never wraps). */
function longestWord(text: string, bold: boolean): number {
  return Math.max(0, ...text.split(' ').map((w) => textWidth(w, bold)));
}

interface Need {
  min: number;
  natural: number;
  max: number;
}

/** What each column needs: the label column first, then one per table column. */
function needs(t: TableText): Need[] {
  const labelNatural = Math.max(0, ...t.rows.map((r) => textWidth(r.label, r.bold) + r.indent * INDENT_STEP), textWidth(t.columnTitles[0], true));
  const natural = Math.max(LABEL_MIN, Math.min(LABEL_MAX_NATURAL, labelNatural + 2 * CELL_PADDING));
  const label: Need = { min: LABEL_MIN, natural, max: natural + LABEL_SLACK };
  const groupOf: string[] = [];
  for (const g of t.groups ?? []) for (let i = 0; i < g.span; i++) groupOf.push(g.span === 1 ? g.text : '');
  const columns = t.columnTitles.slice(1).map((title, i): Need => {
    const cells = t.rows.map((r) => (t.figure[i] ? textWidth(r.cells[i], r.bold) : longestWord(r.cells[i], r.bold)));
    const min = Math.max(longestWord(title, true), longestWord(groupOf[i] ?? '', true), ...cells) + 2 * CELL_PADDING;
    const full = Math.max(textWidth(title, true), textWidth(groupOf[i] ?? '', true), ...t.rows.map((r) => textWidth(r.cells[i], r.bold))) + 2 * CELL_PADDING;
    if (!t.figure[i]) return { min, natural: Math.max(min, Math.min(full, TEXT_MAX)), max: Math.max(min, TEXT_MAX) };
    return { min: Math.max(min, FIGURE_MIN), natural: Math.max(min, FIGURE_MIN, full), max: Math.max(min, FIGURE_MAX, full) };
  });
  return [label, ...columns];
}

export interface TableGeometry {
  landscape: boolean;
  /** Column widths in twips: the label column first. They add up to `width`, at most the text width. */
  columns: number[];
  width: number;
}

/**
 * Portrait when the columns fit at their narrowest, else landscape. Within the page, the label column
 * grows first toward its longest label, then the other columns toward their natural width (headers on
 * one line), figure columns then up to 2.6 cm and the label column up to 1 cm beyond its longest label.
 * A table with few columns is therefore narrower than the page rather than stretched across it.
 */
export function tableGeometry(t: TableText): TableGeometry {
  const need = needs(t);
  const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
  const landscape = sum(need.map((n) => n.min)) > PORTRAIT_TEXT_WIDTH;
  const width = landscape ? LANDSCAPE_TEXT_WIDTH : PORTRAIT_TEXT_WIDTH;
  const cols = need.map((n) => n.min);
  let spare = width - sum(cols);
  const grow = (target: (n: Need) => number, which: (i: number) => boolean) => {
    const wants = need.map((n, i) => (which(i) ? Math.max(0, target(n) - cols[i]) : 0));
    const total = sum(wants);
    if (total <= 0 || spare <= 0) return;
    const share = Math.min(1, spare / total);
    wants.forEach((w, i) => (cols[i] += Math.floor(w * share)));
    spare = width - sum(cols);
  };
  grow((n) => n.natural, (i) => i === 0);
  grow((n) => n.natural, (i) => i > 0);
  grow((n) => n.max, (i) => i > 0);
  grow((n) => n.max, (i) => i === 0);
  return { landscape, columns: cols, width: sum(cols) };
}

/**
 * A header text that does not fit its cell on one line, split in two lines of about equal width
 * (`Perioden` / `fg år` rather than Word's `Perioden fg` / `år`). One line when it fits, or when no
 * split fits either (then Word wraps it).
 */
export function headerLines(text: string, cellWidth: number): string[] {
  const room = cellWidth - 2 * CELL_PADDING;
  if (textWidth(text, true) <= room) return [text];
  const words = text.split(' ');
  let best: { lines: string[]; widest: number } | null = null;
  for (let k = 1; k < words.length; k++) {
    const lines = [words.slice(0, k).join(' '), words.slice(k).join(' ')];
    const widest = Math.max(...lines.map((l) => textWidth(l, true)));
    if (widest <= room && (!best || widest < best.widest)) best = { lines, widest };
  }
  return best?.lines ?? [text];
}
