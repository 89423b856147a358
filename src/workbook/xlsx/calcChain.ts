/**
 * The calculation chain (`xl/calcChain.xml`) lists every formula cell. An entry that points at a cell
 * without a formula makes Excel repair the file ("Removed Records: Formula from /xl/calcChain.xml"),
 * so when a write takes formulas away the chain loses exactly those entries.
 */
import { applySplices, MAIN_NAMESPACES, type Splice } from './xml';
import { attr, children, parseXml } from './xmlTree';

/**
 * The chain without the entries `drop(sheetId, ref)` selects, or undefined when no entry is left (an
 * empty chain is not allowed: the part then goes). An entry that inherited its sheet from a dropped
 * one gets its sheet written out.
 */
export function prunedCalcChain(xml: string, drop: (sheetId: number, ref: string) => boolean): string | undefined {
  const root = parseXml(xml);
  const entries = children(root, MAIN_NAMESPACES, 'c');
  const splices: Splice[] = [];
  let sheet = 0;
  let afterDropped = false;
  let kept = 0;
  for (const e of entries) {
    const own = attr(e, 'i');
    if (own !== undefined) sheet = Number(own) || 0;
    if (drop(sheet, (attr(e, 'r') ?? '').replace(/\$/g, '').toUpperCase())) {
      splices.push({ start: e.start, end: e.end, text: '' });
      afterDropped = true;
      continue;
    }
    kept++;
    if (own === undefined && afterDropped) {
      const open = xml.slice(e.start, e.openEnd);
      splices.push({ start: e.start, end: e.openEnd, text: open.replace(/^<([^\s/>]+)/, `<$1 i="${sheet}"`) });
    }
    afterDropped = false;
  }
  if (kept === 0) return undefined;
  return splices.length ? applySplices(xml, splices) : xml;
}
