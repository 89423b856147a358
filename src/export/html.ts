/**
 * A standard table for the clipboard: HTML with inline styles that Word and Outlook keep on paste
 * (collapsed borders, Calibri 10 pt, right-aligned figures, bold sums, rules under the headers,
 * colspan for the group headers), and the same text tab-separated as the plain-text fallback.
 * Both come from `tableText`, so they print exactly what the Word document prints.
 */
import type { StandardTable } from '../core/types';
import { neutralizeFormula, tableText, type Align, type RowText, type TableText } from './tableText';

const FONT = "font-family:Calibri,Carlito,'Segoe UI',Arial,sans-serif";
const RULE_HEADER = 'border-bottom:1pt solid #404040';
const RULE_GROUP = 'border-bottom:0.5pt solid #808080';
const RULE_SUM = 'border-top:0.5pt solid #404040';
const PAD = 'padding:1.5pt 5pt';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, (c) => ESCAPES[c]);
}

function style(...parts: (string | false)[]): string {
  return ` style="${parts.filter(Boolean).join(';')}"`;
}

function headerRows(t: TableText): string {
  const rows: string[] = [];
  const bottom = t.columnTitles.map((title, i) => {
    const align: Align = i === 0 ? 'left' : t.align[i - 1];
    return `<th${style(PAD, `text-align:${align}`, 'vertical-align:bottom', 'font-weight:bold', RULE_HEADER)}>${escapeHtml(title)}</th>`;
  });
  if (t.groups) {
    const top = [`<th${style(PAD)}></th>`];
    for (const g of t.groups) {
      const span = g.span > 1 ? ` colspan="${g.span}"` : '';
      top.push(`<th${span}${style(PAD, 'text-align:center', 'font-weight:bold', g.text !== '' && RULE_GROUP)}>${escapeHtml(g.text)}</th>`);
    }
    rows.push(`<tr>${top.join('')}</tr>`);
  }
  rows.push(`<tr>${bottom.join('')}</tr>`);
  return rows.join('\n');
}

function bodyRow(t: TableText, row: RowText): string {
  const common = [row.bold && 'font-weight:bold', row.ruleAbove && RULE_SUM];
  const label = `<td${style(PAD, `padding-left:${5 + 10 * row.indent}pt`, 'text-align:left', ...common)}>${escapeHtml(row.label)}</td>`;
  const cells = row.cells.map((text, i) => `<td${style(PAD, `text-align:${t.align[i]}`, t.figure[i] && 'white-space:nowrap', ...common)}>${escapeHtml(text)}</td>`);
  return `<tr>${label}${cells.join('')}</tr>`;
}

/**
 * The table as an HTML fragment: its title and unit line as paragraphs, the `<table>`, its notes.
 * Self-contained (inline styles only), for `text/html` on the clipboard.
 */
export function tableHtml(table: StandardTable): string {
  return textHtml(tableText(table));
}

/** A table already laid out as text (a standard table, the åtgärder section) as the same HTML fragment. */
export function textHtml(t: TableText): string {
  const parts = [`<p${style('margin:0 0 2pt 0', FONT, 'font-size:11pt', 'font-weight:bold')}>${escapeHtml(t.title)}</p>`];
  if (t.unitLine) parts.push(`<p${style('margin:0 0 3pt 0', FONT, 'font-size:9pt', 'font-style:italic')}>${escapeHtml(t.unitLine)}</p>`);
  parts.push(
    `<table${style('border-collapse:collapse', 'border:none', FONT, 'font-size:10pt')}>`,
    `<thead>\n${headerRows(t)}\n</thead>`,
    `<tbody>\n${t.rows.map((r) => bodyRow(t, r)).join('\n')}\n</tbody>`,
    '</table>',
  );
  for (const note of t.notes) parts.push(`<p${style('margin:3pt 0 0 0', FONT, 'font-size:9pt', 'font-style:italic')}>${escapeHtml(note)}</p>`);
  return parts.join('\n');
}

/** A field of tab-separated text: tabs and line breaks become spaces. */
function field(text: string): string {
  return text.replace(/[\t\r\n]+/g, ' ');
}

/**
 * The same table as tab-separated lines: title, unit line, the group header (each title over the
 * first of its columns), the column titles, the rows, the notes.
 */
export function tableTsv(table: StandardTable): string {
  return textTsv(tableText(table));
}

/** A table already laid out as text, as the same tab-separated lines. */
export function textTsv(t: TableText): string {
  const text = (s: string) => neutralizeFormula(field(s)); // labels and titles: never a formula when pasted into Excel
  const lines: string[][] = [[text(t.title)]];
  if (t.unitLine) lines.push([text(t.unitLine)]);
  if (t.groups) lines.push(['', ...t.groups.flatMap((g) => [text(g.text), ...Array<string>(g.span - 1).fill('')])]);
  lines.push(t.columnTitles.map(text));
  for (const row of t.rows) lines.push([text(row.label), ...row.cells.map((c, i) => (t.figure[i] ? field(c) : text(c)))]);
  for (const note of t.notes) lines.push([text(note)]);
  return lines.map((cells) => cells.join('\t')).join('\n') + '\n';
}
