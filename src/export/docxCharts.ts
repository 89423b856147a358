/**
 * Native charts in the Word file: the same DrawingML bar charts as on the tables sheet, holding the
 * figures themselves (a Word document has no cells for them to read), so Word and LibreOffice draw
 * them with their labels and a reader can restyle them. The `docx` library has no charts, so each
 * goes in as a placeholder paragraph that is swapped for the chart once the package is built.
 */
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { LineRuleType, Paragraph, TextRun } from 'docx';
import type { TableCharts } from '../report/charts';
import { chartList, valuesOnly, type ListedChart } from '../report/chartLayout';
import type { SheetChart } from '../workbook/port';
import { chartXml, CHART_NS, DRAWINGML_NS } from '../workbook/xlsx/chartXml';

const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const CHART_CONTENT = 'application/vnd.openxmlformats-officedocument.drawingml.chart+xml';
const MARK = 'AVVIKELSEDIAGRAM';

/** A chart for the document, with its size in EMU. */
export interface WordChart {
  chart: SheetChart;
  widthEmu: number;
  heightEmu: number;
}

/** EMU per twip and per inch. */
const EMU_PER_TWIP = 635;
const EMU_PER_INCH = 914400;

/** A chart's height in inches: room for its axis and legend, and a bar (or a pair of bars) per row; the forecast's path a fixed height. */
function heightInches(c: ListedChart): number {
  if (c.shape === 'line') return 2.6;
  return 0.45 + (c.shape === 'pairs' ? 0.25 + c.rows * 0.34 : c.rows * 0.24);
}

/**
 * A table's charts for the document in the tables sheet's order, each as wide as the table, with its
 * caption (`Diagram: Avvikelse mot budget, helår, tkr`).
 */
export function wordCharts(charts: TableCharts, widthTwips: number): WordChart[] {
  return chartList(charts, valuesOnly).map((x) => ({
    chart: { ...x.body, title: '', name: `Diagram: ${x.caption}${x.note ? ` ${x.note}` : ''}`, from: { row: 0, col: 0 }, to: { row: 0, col: 0 } },
    widthEmu: widthTwips * EMU_PER_TWIP,
    heightEmu: Math.round(heightInches(x) * EMU_PER_INCH),
  }));
}

/** The paragraph that holds the place of chart number `n` (1-based) until the package is built. */
export function chartPlaceholder(n: number): Paragraph {
  // line spacing "auto" in so many words: LibreOffice clips a picture to the document's line height otherwise
  return new Paragraph({ keepNext: true, spacing: { before: 120, after: 0, line: 240, lineRule: LineRuleType.AUTO }, children: [new TextRun(`@@${MARK}-${n}@@`)] });
}

function inline(c: WordChart, n: number): string {
  return [
    `<w:r><w:drawing><wp:inline distT="0" distB="0" distL="0" distR="0"><wp:extent cx="${c.widthEmu}" cy="${c.heightEmu}"/><wp:effectExtent l="0" t="0" r="0" b="0"/>`,
    `<wp:docPr id="${10000 + n}" name="Avvikelsediagram ${n}" descr="${c.chart.name.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;')}"/><wp:cNvGraphicFramePr/>`,
    `<a:graphic xmlns:a="${DRAWINGML_NS}"><a:graphicData uri="${CHART_NS}"><c:chart xmlns:c="${CHART_NS}" xmlns:r="${REL_NS}" r:id="rIdAvvDiagram${n}"/></a:graphicData></a:graphic>`,
    `</wp:inline></w:drawing></w:r>`,
  ].join('');
}

/** The .docx with each placeholder replaced by its chart (parts, relationships and content types added). */
export function embedCharts(docx: Uint8Array, charts: WordChart[]): Uint8Array {
  if (charts.length === 0) return docx;
  const files = unzipSync(docx);
  let document = strFromU8(files['word/document.xml']);
  let rels = strFromU8(files['word/_rels/document.xml.rels']);
  let types = strFromU8(files['[Content_Types].xml']);
  charts.forEach((c, i) => {
    const n = i + 1;
    const placeholder = new RegExp(`<w:r>(?:(?!</w:r>).)*?@@${MARK}-${n}@@(?:(?!</w:r>).)*?</w:r>`, 's');
    if (!placeholder.test(document)) throw new Error(`diagram ${n} saknar sin plats i dokumentet`);
    document = document.replace(placeholder, inline(c, n));
    files[`word/charts/chart${n}.xml`] = strToU8(chartXml(c.chart));
    rels = rels.replace('</Relationships>', `<Relationship Id="rIdAvvDiagram${n}" Type="${REL_NS}/chart" Target="charts/chart${n}.xml"/></Relationships>`);
    types = types.replace('</Types>', `<Override PartName="/word/charts/chart${n}.xml" ContentType="${CHART_CONTENT}"/></Types>`);
  });
  files['word/document.xml'] = strToU8(document);
  files['word/_rels/document.xml.rels'] = strToU8(rels);
  files['[Content_Types].xml'] = strToU8(types);
  return zipSync(files, { level: 6 });
}
