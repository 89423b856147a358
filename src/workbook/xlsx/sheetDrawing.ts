/**
 * Our charts on our own sheet: one drawing part with a chart part per chart, linked from the sheet.
 * A re-run takes out exactly the drawing it wrote before (with its charts and whatever Excel added to
 * them, such as style and colour parts) and writes the new one; a drawing holding anything that is not
 * ours (a chart or picture the user put on our sheet) stops the run with a message instead of being
 * dropped. Drawings on every other sheet are never touched.
 */
import { posix } from 'node:path';
import type { SheetChart } from '../port';
import { chartXml, CHART_NS, DRAWINGML_NS } from './chartXml';
import { folderOf, relsPathOf, targetPart, type Parts } from './opc';
import { encodeXml } from './xml';

const DRAWING_CONTENT = 'application/vnd.openxmlformats-officedocument.drawing+xml';
const CHART_CONTENT = 'application/vnd.openxmlformats-officedocument.drawingml.chart+xml';
const SPREADSHEET_DRAWING_NS = 'http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing';
/** The prefix of our charts' names in the drawing (`Avvikelsediagram 3: …`). */
export const OWN_CHART_PREFIX = 'Avvikelsediagram';

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

/** Removes a part with its content type, its relationships part, and (depth first) the parts only it pointed to. */
function removePart(parts: Parts, path: string): void {
  for (const rel of parts.relationships(path)) {
    if (rel.external) continue;
    const target = parts.find(targetPart(folderOf(path), rel.target));
    if (target && /\/(charts|drawings)\//i.test(target)) removePart(parts, target);
  }
  parts.delete(relsPathOf(path));
  parts.delete(path);
  parts.removeContentType(path);
}

/** The names of the shapes in a drawing (every `cNvPr`), to tell ours from the user's. */
function shapeNames(xml: string): string[] {
  return [...xml.matchAll(/<(?:[\w.-]+:)?cNvPr\b[^>]*?\bname\s*=\s*(["'])(.*?)\1/g)].map((m) => m[2]);
}

/** Takes our previous drawing off our sheet; refuses (ForeignDrawingError) when it holds anything not ours. */
export function removeOwnDrawings(parts: Parts, sheetPath: string, sheetName: string, relTypes: string): void {
  const drawings = parts.relationships(sheetPath).filter((r) => r.type === `${relTypes}/drawing` && !r.external);
  for (const rel of drawings) {
    const path = parts.find(targetPart(folderOf(sheetPath), rel.target));
    if (!path) continue;
    const foreign = shapeNames(parts.text(path) ?? '').filter((n) => !n.startsWith(OWN_CHART_PREFIX));
    if (foreign.length) throw new ForeignDrawingError(`fliken ${sheetName} har diagram eller bilder som inte är skapade av Avvikelse (${foreign.slice(0, 3).join(', ')}) och som skulle försvinna när fliken skrivs om; flytta dem till en egen flik, så skrivs fliken om`);
  }
  for (const rel of drawings) {
    const path = parts.find(targetPart(folderOf(sheetPath), rel.target));
    if (path) removePart(parts, path);
  }
  parts.removeRelationships(sheetPath, new Set(drawings.map((r) => r.id)));
}

/** Writes the charts of our sheet (a drawing and its chart parts); returns the sheet's relationship Id to the drawing. */
export function writeSheetCharts(parts: Parts, sheetPath: string, charts: SheetChart[], relTypes: string, packageFolder: string): string | undefined {
  if (charts.length === 0) return undefined;
  const base = packageFolder ? `${packageFolder}/` : '';
  const drawingPath = parts.freshName(`${base}drawings`, 'drawing', '.xml');
  const anchors: string[] = [];
  parts.setText(drawingPath, '<placeholder/>');
  charts.forEach((chart, i) => {
    const chartPath = parts.freshName(`${base}charts`, 'chart', '.xml');
    parts.setText(chartPath, chartXml(chart));
    parts.addContentType(chartPath, CHART_CONTENT);
    const relId = parts.addRelationship(drawingPath, `${relTypes}/chart`, relativeTarget(drawingPath, chartPath));
    anchors.push(anchorXml(chart, i + 2, relId, relTypes));
  });
  parts.setText(drawingPath, `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<xdr:wsDr xmlns:xdr="${SPREADSHEET_DRAWING_NS}" xmlns:a="${DRAWINGML_NS}">${anchors.join('')}</xdr:wsDr>`);
  parts.addContentType(drawingPath, DRAWING_CONTENT);
  return parts.addRelationship(sheetPath, `${relTypes}/drawing`, relativeTarget(sheetPath, drawingPath));
}
