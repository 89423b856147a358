/**
 * The workbook's styles part, extended with ours: the user's fonts, fills, borders, number formats
 * and cell formats keep their indexes; ours are appended, each distinct style once, in the prefix the
 * part uses for SpreadsheetML, and a missing section is added where the schema puts it.
 */
import type { CellStyle } from '../port';
import { applySplices, encodeXml, MAIN_NAMESPACES, qualify, type Splice } from './xml';
import { attr, child, childPrefix, children, parseXml, type XmlNode } from './xmlTree';

/** The children of `<styleSheet>` in schema order (CT_Stylesheet). */
const SECTION_ORDER = ['numFmts', 'fonts', 'fills', 'borders', 'cellStyleXfs', 'cellXfs', 'cellStyles', 'dxfs', 'tableStyles', 'colors', 'extLst'];
const ITEM_OF: Record<string, string> = { numFmts: 'numFmt', fonts: 'font', fills: 'fill', borders: 'border', cellXfs: 'xf', dxfs: 'dxf' };

const GENERAL_ID = 0;
/** The first id of a custom number format. */
const FIRST_CUSTOM_ID = 164;

/** A number format id as the schema has it (an unsigned integer), or undefined. */
export function numFmtIdOf(text: string | undefined): number | undefined {
  return text !== undefined && /^\s*\d{1,9}\s*$/.test(text) ? Number(text) : undefined;
}

interface Section {
  node?: XmlNode;
  /** Entries that cannot be referred to (a number format whose id is no number): left out when written. */
  unusable: XmlNode[];
  items: string[];
  added: string[];
  /** item text → index, for the first occurrence of each. */
  index: Map<string, number>;
}

export class StyleBook {
  private readonly root: XmlNode;
  private readonly prefix: string;
  private readonly sections = new Map<string, Section>();
  private readonly xfNodes: XmlNode[];
  private readonly numFmtIds = new Map<string, number>();
  private nextNumFmtId = FIRST_CUSTOM_ID;
  private readonly xfCache = new Map<string, number>();
  private readonly dxfCache = new Map<string, number>();
  /** number format code → the user's cell format index (or -1 for none) → ours. */
  private readonly defaultFmtCache = new Map<string, Map<number, number>>();

  constructor(private readonly xml: string) {
    this.root = parseXml(xml);
    this.prefix = childPrefix(this.root);
    for (const name of Object.keys(ITEM_OF)) {
      const node = child(this.root, MAIN_NAMESPACES, name);
      const all = node ? children(node, MAIN_NAMESPACES, ITEM_OF[name]) : [];
      const unusable = name === 'numFmts' ? all.filter((n) => numFmtIdOf(attr(n, 'numFmtId')) === undefined) : [];
      const items = all.filter((n) => !unusable.includes(n)).map((n) => xml.slice(n.start, n.end));
      const index = new Map<string, number>();
      items.forEach((item, i) => index.has(item) || index.set(item, i));
      this.sections.set(name, { node, unusable, items, added: [], index });
    }
    const cellXfs = this.sections.get('cellXfs')!.node;
    this.xfNodes = cellXfs ? children(cellXfs, MAIN_NAMESPACES, 'xf') : [];
    const numFmts = this.sections.get('numFmts')!.node;
    for (const f of numFmts ? children(numFmts, MAIN_NAMESPACES, 'numFmt') : []) {
      // a format whose id is no number cannot be referred to: it is neither reused nor counted
      const id = numFmtIdOf(attr(f, 'numFmtId'));
      const code = attr(f, 'formatCode');
      if (id === undefined || code === undefined) continue;
      if (!this.numFmtIds.has(code)) this.numFmtIds.set(code, id);
      this.nextNumFmtId = Math.max(this.nextNumFmtId, id + 1);
    }
  }

  /** Our markup for this part: element names in the prefix the part uses. */
  private own(markup: string): string {
    return qualify(this.prefix, markup);
  }

  /** The index of our `markup` in its section: an identical existing entry is reused (so a re-run adds nothing). */
  private add(section: string, markup: string): number {
    return this.addVerbatim(section, this.own(markup));
  }

  private numFmtId(code: string | undefined): number {
    if (!code || code === 'General') return GENERAL_ID;
    const known = this.numFmtIds.get(code);
    if (known !== undefined) return known;
    const id = this.nextNumFmtId++;
    this.numFmtIds.set(code, id);
    this.sections.get('numFmts')!.added.push(this.own(`<numFmt numFmtId="${id}" formatCode="${encodeXml(code)}"/>`));
    return id;
  }

  /** The cell format index for one of our styles. */
  xf(style: CellStyle = {}, font = 'Calibri'): number {
    const key = JSON.stringify([style, font]);
    const cached = this.xfCache.get(key);
    if (cached !== undefined) return cached;
    const fontXml = `<font>${style.bold ? '<b/>' : ''}${style.italic ? '<i/>' : ''}<sz val="${style.size ?? 10}"/>${style.color ? `<color rgb="${style.color}"/>` : ''}<name val="${font}"/><family val="2"/></font>`;
    const fontId = this.add('fonts', fontXml);
    const fillId = style.fill ? this.add('fills', `<fill><patternFill patternType="solid"><fgColor rgb="${style.fill}"/><bgColor indexed="64"/></patternFill></fill>`) : 0;
    const side = (name: string, v?: string) => (v ? `<${name} style="${v}"><color auto="1"/></${name}>` : `<${name}/>`);
    const borderId = style.borderTop || style.borderBottom ? this.add('borders', `<border>${side('left')}${side('right')}${side('top', style.borderTop)}${side('bottom', style.borderBottom)}<diagonal/></border>`) : 0;
    const numFmtId = this.numFmtId(style.numFmt);
    const align: string[] = [];
    if (style.align) align.push(`horizontal="${style.align}"`);
    if (style.valign || style.wrap) align.push(`vertical="${style.valign === 'middle' ? 'center' : style.valign ?? 'top'}"`);
    if (style.indent) align.push(`indent="${style.indent}"`);
    if (style.wrap) align.push('wrapText="1"');
    const xf = `<xf numFmtId="${numFmtId}" fontId="${fontId}" fillId="${fillId}" borderId="${borderId}" xfId="0" applyNumberFormat="1" applyFont="1" applyFill="1" applyBorder="1"${align.length ? ` applyAlignment="1"><alignment ${align.join(' ')}/></xf>` : '/>'}`;
    const index = this.add('cellXfs', xf);
    this.xfCache.set(key, index);
    return index;
  }

  /** The user's cell format `index` with our number format, if it has none of its own. */
  withDefaultNumFmt(index: number | undefined, code: string): number {
    let byIndex = this.defaultFmtCache.get(code);
    if (!byIndex) this.defaultFmtCache.set(code, (byIndex = new Map()));
    let result = byIndex.get(index ?? -1);
    if (result === undefined) {
      result = this.computeDefaultNumFmt(index, code);
      byIndex.set(index ?? -1, result);
    }
    return result;
  }

  private computeDefaultNumFmt(index: number | undefined, code: string): number {
    const original = index !== undefined ? this.xfNodes[index] : undefined;
    if (original === undefined) return this.xf({ numFmt: code });
    // a format of the user's own is kept; a missing (or unreadable) one counts as General
    if ((numFmtIdOf(attr(original, 'numFmtId')) ?? GENERAL_ID) !== GENERAL_ID) return index as number;
    const id = this.numFmtId(code);
    const attrs = original.attrs.filter(([n]) => n !== 'numFmtId' && n !== 'applyNumberFormat');
    const start = `<${original.name} numFmtId="${id}"${attrs.map(([n, v]) => ` ${n}="${encodeXml(v)}"`).join('')} applyNumberFormat="1"`;
    const rest = original.closeStart === original.end ? '/>' : `>${this.xml.slice(original.openEnd, original.end)}`;
    return this.addVerbatim('cellXfs', start + rest);
  }

  /** Like `add`, for markup that already carries its prefix (a copy of the user's own element). */
  private addVerbatim(section: string, item: string): number {
    const s = this.sections.get(section)!;
    const known = s.index.get(item);
    if (known !== undefined) return known;
    s.added.push(item);
    const index = s.items.length + s.added.length - 1;
    s.index.set(item, index);
    return index;
  }

  /** A differential format for a conditional format rule: font colour and fill. */
  dxf(fill: string, fontColor: string): number {
    const key = `${fill}/${fontColor}`;
    const cached = this.dxfCache.get(key);
    if (cached !== undefined) return cached;
    const id = this.add('dxfs', `<dxf><font><color rgb="${fontColor}"/></font><fill><patternFill patternType="solid"><bgColor rgb="${fill}"/></patternFill></fill></dxf>`);
    this.dxfCache.set(key, id);
    return id;
  }

  /** The styles part with our additions (the same text when nothing was added). */
  toXml(): string {
    const splices: Splice[] = [];
    for (const [name, section] of this.sections) {
      if (section.added.length === 0 && section.unusable.length === 0) continue;
      const count = section.items.length + section.added.length;
      const node = section.node;
      for (const bad of section.unusable) splices.push({ start: bad.start, end: bad.end, text: '' });
      if (node && node.closeStart !== node.end) {
        splices.push({ start: node.start, end: node.openEnd, text: startTagWithCount(node, count) });
        splices.push({ start: node.closeStart, end: node.closeStart, text: section.added.join('') });
      } else {
        const element = `<${this.prefix ? `${this.prefix}:` : ''}${name} count="${count}">${section.added.join('')}</${this.prefix ? `${this.prefix}:` : ''}${name}>`;
        if (node) splices.push({ start: node.start, end: node.end, text: element });
        else splices.push({ start: insertionPoint(this.root, name), end: insertionPoint(this.root, name), text: element });
      }
    }
    return splices.length ? applySplices(this.xml, splices) : this.xml;
  }
}

/** The start tag of a section with its `count` attribute set (other attributes kept). */
function startTagWithCount(node: XmlNode, count: number): string {
  const attrs = node.attrs.filter(([n]) => n !== 'count').map(([n, v]) => ` ${n}="${encodeXml(v)}"`).join('');
  return `<${node.name} count="${count}"${attrs}>`;
}

/** Where a missing section goes: before the first section that must follow it, else at the end. */
function insertionPoint(root: XmlNode, name: string): number {
  const later = new Set(SECTION_ORDER.slice(SECTION_ORDER.indexOf(name) + 1));
  const next = root.children.find((c) => later.has(c.local) && c.uri !== undefined && MAIN_NAMESPACES.includes(c.uri));
  return next ? next.start : root.closeStart;
}

/** Built-in number formats that show a date or time. */
const BUILTIN_DATE_IDS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56, 57, 58]);

/** Is this number format a date/time? (quoted text, [colours] and escapes left out before looking for d m y h s) */
export function isDateFormat(code: string): boolean {
  const bare = code.replace(/"[^"]*"/g, '').replace(/\[[^\]]*\]/g, '').replace(/\\./g, '').replace(/_./g, '');
  return /[dmyhs]/i.test(bare) && !/^general$/i.test(bare.trim());
}

/** The cell-format (xf) indexes of a styles part whose number format is a date. */
export function dateStyleIndexes(stylesXml: string | undefined): Set<number> {
  const out = new Set<number>();
  if (!stylesXml) return out;
  const root = parseXml(stylesXml);
  const custom = new Map<number, string>();
  const numFmts = child(root, MAIN_NAMESPACES, 'numFmts');
  for (const f of numFmts ? children(numFmts, MAIN_NAMESPACES, 'numFmt') : []) {
    const id = numFmtIdOf(attr(f, 'numFmtId'));
    if (id !== undefined) custom.set(id, attr(f, 'formatCode') ?? '');
  }
  const cellXfs = child(root, MAIN_NAMESPACES, 'cellXfs');
  (cellXfs ? children(cellXfs, MAIN_NAMESPACES, 'xf') : []).forEach((xf, i) => {
    const id = numFmtIdOf(attr(xf, 'numFmtId')) ?? GENERAL_ID;
    if (BUILTIN_DATE_IDS.has(id) || (custom.has(id) && isDateFormat(custom.get(id) as string))) out.add(i);
  });
  return out;
}
