/**
 * The workbook's styles part, extended with ours: the user's fonts, fills, borders, number formats
 * and cell formats keep their indexes; ours are appended, each distinct style once.
 */
import type { CellStyle } from '../port';
import { attributes, elements, encodeXml } from './xml';

const SECTION_ORDER = ['numFmts', 'fonts', 'fills', 'borders', 'cellStyleXfs', 'cellXfs', 'cellStyles', 'dxfs', 'tableStyles', 'colors', 'extLst'];

/** Built-in number formats we may meet on a user's cell (id → code), for the "General only" check. */
const GENERAL_ID = 0;

interface Section {
  items: string[];
  added: string[];
  /** item text → index, for the first occurrence of each. */
  index: Map<string, number>;
}

export class StyleBook {
  private readonly sections = new Map<string, Section>();
  private readonly numFmtIds = new Map<string, number>();
  private nextNumFmtId = 164;
  private readonly xfCache = new Map<string, number>();
  private readonly dxfCache = new Map<string, number>();
  private readonly defaultFmtCache = new Map<string, number>();

  constructor(private readonly xml: string) {
    for (const name of ['numFmts', 'fonts', 'fills', 'borders', 'cellXfs', 'dxfs']) {
      const m = new RegExp(`<${name}\\b[^>]*?(?:/>|>([\\s\\S]*?)</${name}>)`).exec(xml);
      const child = { numFmts: 'numFmt', fonts: 'font', fills: 'fill', borders: 'border', cellXfs: 'xf', dxfs: 'dxf' }[name] as string;
      const items = m?.[1] ? elements(m[1], child) : [];
      const index = new Map<string, number>();
      items.forEach((item, i) => index.has(item) || index.set(item, i));
      this.sections.set(name, { items, added: [], index });
    }
    for (const f of this.sections.get('numFmts')!.items) {
      const a = attributes(f);
      this.numFmtIds.set(a.formatCode, Number(a.numFmtId));
      this.nextNumFmtId = Math.max(this.nextNumFmtId, Number(a.numFmtId) + 1);
    }
  }

  /** The index of `item` in its section: an identical existing entry is reused (so a re-run adds nothing). */
  private add(section: string, item: string): number {
    const s = this.sections.get(section)!;
    const known = s.index.get(item);
    if (known !== undefined) return known;
    s.added.push(item);
    const index = s.items.length + s.added.length - 1;
    s.index.set(item, index);
    return index;
  }

  private numFmtId(code: string | undefined): number {
    if (!code || code === 'General') return GENERAL_ID;
    const known = this.numFmtIds.get(code);
    if (known !== undefined) return known;
    const id = this.nextNumFmtId++;
    this.numFmtIds.set(code, id);
    this.sections.get('numFmts')!.added.push(`<numFmt numFmtId="${id}" formatCode="${encodeXml(code)}"/>`);
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
    const key = `${index}\u0000${code}`;
    let result = this.defaultFmtCache.get(key);
    if (result === undefined) {
      result = this.computeDefaultNumFmt(index, code);
      this.defaultFmtCache.set(key, result);
    }
    return result;
  }

  private computeDefaultNumFmt(index: number | undefined, code: string): number {
    const xfs = this.sections.get('cellXfs')!.items;
    const original = index !== undefined ? xfs[index] : undefined;
    if (original === undefined) return this.xf({ numFmt: code });
    if (Number(attributes(/<xf\b([^>]*)/.exec(original)?.[1] ?? '').numFmtId ?? 0) !== GENERAL_ID) return index as number;
    const id = this.numFmtId(code);
    let patched = /numFmtId="/.test(original) ? original.replace(/numFmtId="\d+"/, `numFmtId="${id}"`) : original.replace(/^<xf\b/, `<xf numFmtId="${id}"`);
    patched = /applyNumberFormat="/.test(patched) ? patched.replace(/applyNumberFormat="[^"]*"/, 'applyNumberFormat="1"') : patched.replace(/^<xf\b/, '<xf applyNumberFormat="1"');
    return this.add('cellXfs', patched);
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

  /** The styles part with our additions. */
  toXml(): string {
    let xml = this.xml;
    for (const [name, section] of this.sections) {
      if (section.added.length === 0) continue;
      const all = [...section.items, ...section.added];
      const element = `<${name} count="${all.length}">${all.join('')}</${name}>`;
      const existing = new RegExp(`<${name}\\b[^>]*?(?:/>|>[\\s\\S]*?</${name}>)`);
      if (existing.test(xml)) xml = xml.replace(existing, () => element);
      else xml = insertSection(xml, name, element);
    }
    return xml;
  }
}

/** Inserts a missing section before the first section that must follow it. */
function insertSection(xml: string, name: string, element: string): string {
  const later = SECTION_ORDER.slice(SECTION_ORDER.indexOf(name) + 1);
  for (const next of later) {
    const i = xml.search(new RegExp(`<${next}\\b`));
    if (i >= 0) return xml.slice(0, i) + element + xml.slice(i);
  }
  const end = xml.lastIndexOf('</styleSheet>');
  return xml.slice(0, end) + element + xml.slice(end);
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
  const custom = new Map<number, string>();
  for (const f of elements(stylesXml, 'numFmt')) {
    const a = attributes(f);
    custom.set(Number(a.numFmtId), a.formatCode ?? '');
  }
  const xfs = /<cellXfs\b[^>]*>([\s\S]*?)<\/cellXfs>/.exec(stylesXml)?.[1] ?? '';
  elements(xfs, 'xf').forEach((xf, i) => {
    const id = Number(attributes(/<xf\b([^>]*)/.exec(xf)?.[1] ?? '').numFmtId ?? 0);
    if (BUILTIN_DATE_IDS.has(id) || (custom.has(id) && isDateFormat(custom.get(id) as string))) out.add(i);
  });
  return out;
}
