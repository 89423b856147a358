/**
 * The workbook part (`xl/workbook.xml`): its sheets and defined names read, a sheet and our names
 * added in the prefixes in scope and where CT_Workbook's sequence puts them. Names are compared
 * without regard to case, as Excel does.
 */
import { applySplices, encodeXml, MAIN_NAMESPACES, NS, qualify, REL_NAMESPACES, type Splice } from './xml';
import { attr, attrNs, child, childPrefix, children, isElement, namespacedAttribute, parseXml, textOf, type XmlNode } from './xmlTree';

/** The children of `<workbook>` after `<definedNames>`, in schema order (CT_Workbook). */
const AFTER_DEFINED_NAMES = new Set(['calcPr', 'oleSize', 'customWorkbookViews', 'pivotCaches', 'smartTagPr', 'smartTagTypes', 'webPublishing', 'fileRecoveryPr', 'webPublishObjects', 'extLst']);
/** …and those after `<sheets>`. */
const AFTER_SHEETS = new Set(['functionGroups', 'externalReferences', 'definedNames', ...AFTER_DEFINED_NAMES]);

export interface WorkbookSheet {
  name: string;
  sheetId: number;
  /** The relationship to its part (undefined when the element has none). */
  relId: string | undefined;
  state: string;
}

export interface DefinedName {
  name: string;
  /** The sheet index of a sheet-scoped name. */
  localSheetId?: string;
  ref: string;
}

/** The workbook part, parsed once; edits return new text. */
export class WorkbookPart {
  readonly root: XmlNode;

  constructor(readonly xml: string) {
    this.root = parseXml(xml);
  }

  /** Written in Strict OOXML (`http://purl.oclc.org/ooxml/…` namespaces)? */
  get strict(): boolean {
    return this.root.uri === NS.mainStrict;
  }

  get isWorkbook(): boolean {
    return isElement(this.root, MAIN_NAMESPACES, 'workbook');
  }

  private sheetsNode(): XmlNode | undefined {
    return child(this.root, MAIN_NAMESPACES, 'sheets');
  }

  sheets(): WorkbookSheet[] {
    const sheets = this.sheetsNode();
    return (sheets ? children(sheets, MAIN_NAMESPACES, 'sheet') : []).map((s) => ({
      name: attr(s, 'name') ?? '',
      sheetId: Number(attr(s, 'sheetId')) || 0,
      relId: attrNs(s, REL_NAMESPACES, 'id'),
      state: attr(s, 'state') ?? 'visible',
    }));
  }

  private definedNameNodes(): XmlNode[] {
    const names = child(this.root, MAIN_NAMESPACES, 'definedNames');
    return names ? children(names, MAIN_NAMESPACES, 'definedName') : [];
  }

  definedNames(): DefinedName[] {
    return this.definedNameNodes().map((n) => ({ name: attr(n, 'name') ?? '', localSheetId: attr(n, 'localSheetId'), ref: textOf(this.xml, n).trim() }));
  }

  /** The text with a new `<sheet>` at the end of `<sheets>` (created where the schema puts it if absent). */
  withSheet(name: string, relId: string): string {
    const sheetId = Math.max(0, ...this.sheets().map((s) => s.sheetId)) + 1;
    const sheets = this.sheetsNode();
    const parent = sheets ?? this.root;
    const rel = namespacedAttribute(parent, REL_NAMESPACES, this.strict ? NS.relStrict : NS.rel, 'r');
    const entry = `<sheet name="${encodeXml(name)}" sheetId="${sheetId}"${rel.declaration} ${rel.prefix}:id="${encodeXml(relId)}"/>`;
    if (sheets && sheets.closeStart !== sheets.end) return applySplices(this.xml, [{ start: sheets.closeStart, end: sheets.closeStart, text: qualify(childPrefix(sheets), entry) }]);
    const prefix = childPrefix(this.root);
    const element = qualify(prefix, `<sheets>${entry}</sheets>`);
    if (sheets) return applySplices(this.xml, [{ start: sheets.start, end: sheets.end, text: element }]);
    const at = this.before(AFTER_SHEETS);
    return applySplices(this.xml, [{ start: at, end: at, text: element }]);
  }

  /**
   * The text with `names` as global defined names: an existing global name of the same name (in any
   * letter case) is replaced, every other name stays.
   */
  withDefinedNames(names: Record<string, string>): string {
    const entries = Object.entries(names);
    if (entries.length === 0) return this.xml;
    const ours = new Set(entries.map(([n]) => n.toLowerCase()));
    const splices: Splice[] = [];
    for (const n of this.definedNameNodes()) {
      if (attr(n, 'localSheetId') === undefined && ours.has((attr(n, 'name') ?? '').toLowerCase())) splices.push({ start: n.start, end: n.end, text: '' });
    }
    const markup = entries.map(([name, ref]) => `<definedName name="${encodeXml(name)}">${encodeXml(ref)}</definedName>`).join('');
    const container = child(this.root, MAIN_NAMESPACES, 'definedNames');
    if (container && container.closeStart !== container.end) splices.push({ start: container.closeStart, end: container.closeStart, text: qualify(childPrefix(container), markup) });
    else {
      const element = qualify(childPrefix(this.root), `<definedNames>${markup}</definedNames>`);
      const at = container ? container.start : this.before(AFTER_DEFINED_NAMES);
      splices.push({ start: at, end: container ? container.end : at, text: element });
    }
    return applySplices(this.xml, splices);
  }

  /** Where an element goes that must precede every child named in `later`: before the first such child. */
  private before(later: Set<string>): number {
    const next = this.root.children.find((c) => later.has(c.local) && c.uri !== undefined && MAIN_NAMESPACES.includes(c.uri));
    return next ? next.start : this.root.closeStart;
  }
}
