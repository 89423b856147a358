/**
 * Our conditional formats in a user's worksheet: an earlier run's formats of ours (in the columns we
 * now write flags for) go, the user's own stay, and ours go where the schema puts them.
 */
import { columnIndex } from '../../core/address';
import type { ConditionalFormat } from '../port';
import { conditionalFormatXml } from './sheetXml';
import type { StyleBook } from './styles';
import { qualify, type Splice } from './xml';

/** The children of `<worksheet>` in schema order (CT_Worksheet). */
const WORKSHEET_ORDER = ['sheetPr', 'dimension', 'sheetViews', 'sheetFormatPr', 'cols', 'sheetData', 'sheetCalcPr', 'sheetProtection', 'protectedRanges', 'scenarios', 'autoFilter', 'sortState', 'dataConsolidate', 'customSheetViews', 'mergeCells', 'phoneticPr', 'conditionalFormatting', 'dataValidations', 'hyperlinks', 'printOptions', 'pageMargins', 'pageSetup', 'headerFooter', 'rowBreaks', 'colBreaks', 'customProperties', 'cellWatches', 'ignoredErrors', 'smartTags', 'drawing', 'legacyDrawing', 'legacyDrawingHF', 'drawingHF', 'picture', 'oleObjects', 'controls', 'webPublishItems', 'tableParts', 'extLst'];
const AFTER_CF = new Set(WORKSHEET_ORDER.slice(WORKSHEET_ORDER.indexOf('conditionalFormatting') + 1));


/** A top-level child of the worksheet, and for conditional formats what decides whether it is ours. */
export interface TopLevel {
  local: string;
  main: boolean;
  start: number;
  end: number;
  /** For `<conditionalFormatting>`: its range and its rules' formulas. */
  sqref?: string;
  formulas?: string[];
  /** The highest rule priority inside (conditional formats, and x14 ones in `<extLst>`). */
  priority: number;
}

/** `AND(ISNUMBER(H4),H4<0,…)`: the shape of our flag rules (the thresholds may have been others). */
const OWN_FLAG_RULE = /^=?AND\(ISNUMBER\((\$?[A-Z]{1,3}\$?\d+)\),\1[<>]0,/i;

/** The columns a range like `H4:H40 J4:J40` covers. */
function rangeColumns(sqref: string): Set<number> {
  const out = new Set<number>();
  for (const part of sqref.trim().split(/\s+/)) {
    const [a, b = a] = part.split(':').map((x) => /^\$?([A-Za-z]{1,3})/.exec(x)?.[1]);
    if (!a || !b) continue;
    for (let c = columnIndex(a); c <= columnIndex(b) && c - columnIndex(a) < 16_384; c++) out.add(c);
  }
  return out;
}

/**
 * A conditional format of ours from an earlier run: every rule has our shape and it lies in a column
 * we now write flags for. The user's own formats, on the same range or not, are left alone.
 */
function isOurs(item: TopLevel, columns: Set<number>): boolean {
  if (!item.formulas?.length || !item.formulas.every((f) => OWN_FLAG_RULE.test(f.replace(/\s+/g, '')))) return false;
  return [...rangeColumns(item.sqref ?? '')].every((c) => columns.has(c));
}

/** The edits that put `formats` into the worksheet whose top-level children the scan noted. */
export function formatSplices(top: TopLevel[], rootPrefix: string, rootClose: number, formats: ConditionalFormat[], styles: StyleBook): Splice[] {
  const splices: Splice[] = [];
  const columns = new Set(formats.flatMap((f) => [...rangeColumns(f.range)]));
  const kept = top.filter((t) => !(t.main && t.local === 'conditionalFormatting' && isOurs(t, columns)));
  for (const t of top) if (!kept.includes(t)) splices.push({ start: t.start, end: t.end, text: '' });
  const priority = Math.max(0, ...kept.map((t) => t.priority));
  const element = qualify(rootPrefix, conditionalFormatXml(formats, styles, priority + 1));
  const after = kept.find((t) => t.main && AFTER_CF.has(t.local));
  const at = after ? after.start : rootClose;
  if (at >= 0) splices.push({ start: at, end: at, text: element });
  return splices;
}
