/**
 * Our charts on our own sheet: one drawing part with a chart part per chart, linked from the sheet.
 * A re-run takes out exactly the drawing it wrote before (with its charts and whatever Excel added to
 * them, such as style and colour parts) and writes the new one; a drawing holding anything that is not
 * ours (a chart or picture the user put on our sheet) stops the run with a message instead of being
 * dropped. Drawings on every other sheet are never touched.
 */
import { posix } from 'node:path';
import { OWN_CHART_PREFIX, type SheetChart } from '../port';
import { chartXml, CHART_NS, DRAWINGML_NS } from './chartXml';
import { folderOf, relsPathOf, targetPart, type Parts } from './opc';
import { encodeXml } from './xml';

const DRAWING_CONTENT = 'application/vnd.openxmlformats-officedocument.drawing+xml';
const CHART_CONTENT = 'application/vnd.openxmlformats-officedocument.drawingml.chart+xml';
const SPREADSHEET_DRAWING_NS = 'http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing';

export class ForeignDrawingError extends Error {}

/** A relationship target from one part to another, relative to the source's folder. */
function relativeTarget(from: string, to: string): string {
  return posix.relative(folderOf(from) || '.', to);
}

function anchorXml(chart: SheetChart, id: number, relId: string, relNs: string): string {
  const cell = (p: { row: number; col: number }) => `<xdr:col>${p.col}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${p.row}</xdr:row><xdr:rowOff>0</xdr:rowOff>`;
  return [
    `<xdr:twoCellAnchor editAs="oneCell"><xdr:from>${cell(chart.from)}</xdr:from><xdr:to>${cell(chart.to)}</xdr:to>`,
    `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="${id}" name="${encodeXml(chart.name)}" descr="${encodeXml(chart.title)}"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>`,
    `<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>`,
    `<a:graphic><a:graphicData uri="${CHART_NS}"><c:chart xmlns:c="${CHART_NS}" xmlns:r="${relNs}" r:id="${relId}"/></a:graphicData></a:graphic>`,
    `</xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>`,
  ].join('');
}

/** A part and (depth first) the chart and drawing parts it points to, with their relationships parts. */
function partTree(parts: Parts, path: string, into: string[]): void {
  into.push(path);
  if (parts.has(relsPathOf(path))) into.push(parts.find(relsPathOf(path))!);
  for (const rel of parts.relationships(path)) {
    if (rel.external) continue;
    const target = parts.find(targetPart(folderOf(path), rel.target));
    if (target && /\/(charts|drawings)\//i.test(target) && !into.includes(target)) partTree(parts, target, into);
  }
}

/** The names of the shapes in a drawing (every `cNvPr`), to tell ours from the user's. */
function shapeNames(xml: string): string[] {
  return [...xml.matchAll(/<(?:[\w.-]+:)?cNvPr\b[^>]*?\bname\s*=\s*(["'])(.*?)\1/g)].map((m) => m[2]);
}

/**
 * Our previous drawing on our sheet: its relationship from the sheet is taken away and its parts
 * (drawing, charts, what Excel added to them) are returned, for the new charts to take their names
 * (so a re-run gives the same bytes) and the rest to be removed. Refuses (ForeignDrawingError) a
 * drawing that holds anything not ours.
 */
export function takeOwnDrawings(parts: Parts, sheetPath: string, sheetName: string, relTypes: string): string[] {
  const drawings = parts.relationships(sheetPath).filter((r) => r.type === `${relTypes}/drawing` && !r.external);
  const old: string[] = [];
  for (const rel of drawings) {
    const path = parts.find(targetPart(folderOf(sheetPath), rel.target));
    if (!path) continue;
    const foreign = shapeNames(parts.text(path) ?? '').filter((n) => !n.startsWith(OWN_CHART_PREFIX));
    if (foreign.length) throw new ForeignDrawingError(`fliken ${sheetName} har diagram eller bilder som inte är skapade av Avvikelse (${foreign.slice(0, 3).join(', ')}) och som skulle försvinna när fliken skrivs om; flytta dem till en egen flik, så skrivs fliken om`);
    partTree(parts, path, old);
  }
  parts.removeRelationships(sheetPath, new Set(drawings.map((r) => r.id)));
  return old;
}

/** A name for a new part: the first of the old ones of its kind, else a fresh one. */
function partName(parts: Parts, old: string[], dir: string, base: string): string {
  const pattern = new RegExp(`(^|/)${base}s/${base}(\\d+)\\.xml$`, 'i');
  const reused = old.filter((p) => pattern.test(p)).sort((a, b) => Number(pattern.exec(a)![2]) - Number(pattern.exec(b)![2]))[0];
  if (reused) {
    old.splice(old.indexOf(reused), 1);
    return reused;
  }
  return parts.freshName(dir, base, '.xml');
}

/**
 * Writes the charts of our sheet (a drawing and its chart parts), in the parts of the old drawing where
 * there are such, and removes what is left of the old one; returns the sheet's relationship Id to the
 * drawing (undefined without charts).
 */
export function writeSheetCharts(parts: Parts, sheetPath: string, charts: SheetChart[], relTypes: string, packageFolder: string, old: string[] = []): string | undefined {
  const base = packageFolder ? `${packageFolder}/` : '';
  let id: string | undefined;
  if (charts.length > 0) {
    const drawingPath = partName(parts, old, `${base}drawings`, 'drawing');
    const relsPath = relsPathOf(drawingPath);
    if (parts.has(relsPath)) {
      old.splice(old.indexOf(parts.find(relsPath)!), 1);
      parts.setText(relsPath, `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"/>`);
    }
    const anchors = charts.map((chart, i) => {
      const chartPath = partName(parts, old, `${base}charts`, 'chart');
      parts.setText(chartPath, chartXml(chart));
      parts.addContentType(chartPath, CHART_CONTENT);
      const relId = parts.addRelationship(drawingPath, `${relTypes}/chart`, relativeTarget(drawingPath, chartPath));
      return anchorXml(chart, i + 2, relId, relTypes);
    });
    parts.setText(drawingPath, `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<xdr:wsDr xmlns:xdr="${SPREADSHEET_DRAWING_NS}" xmlns:a="${DRAWINGML_NS}">${anchors.join('')}</xdr:wsDr>`);
    parts.addContentType(drawingPath, DRAWING_CONTENT);
    id = parts.addRelationship(sheetPath, `${relTypes}/drawing`, relativeTarget(sheetPath, drawingPath));
  }
  for (const path of old) {
    parts.delete(path);
    parts.removeContentType(path);
  }
  return id;
}
