/**
 * The package as Open Packaging Conventions see it: parts by name (compared without regard to case,
 * as OPC requires), relationships and content types, read and extended in whatever prefix each part
 * writes its namespace with. Everything not changed keeps its bytes.
 */
import { isAscii, isUtf8 } from 'node:buffer';
import { posix } from 'node:path';
import { crc32 } from 'node:zlib';
import type { PartEntries } from './zip';
import { isPacked, unpack, type PackedPart, type PartData } from './packedPart';
import { applySplices, encodeXml, NS, qualify, resolvePartPath } from './xml';
import { attr, childPrefix, children, parseXml, type XmlNode } from './xmlTree';

const RELATIONSHIPS_CONTENT = 'application/vnd.openxmlformats-package.relationships+xml';

export interface Relationship {
  id: string;
  type: string;
  target: string;
  external: boolean;
}

/** The relationships part of a part: `xl/workbook.xml` → `xl/_rels/workbook.xml.rels`. */
export function relsPathOf(part: string): string {
  const dir = posix.dirname(part);
  return `${dir === '.' ? '' : `${dir}/`}_rels/${posix.basename(part)}.rels`;
}

/** The folder of a part, '' at the root. */
export function folderOf(part: string): string {
  const dir = posix.dirname(part);
  return dir === '.' ? '' : dir;
}

/** A relationship target as a part name: percent-escapes undone, resolved against the source's folder. */
export function targetPart(sourceFolder: string, target: string): string {
  let decoded = target;
  try {
    decoded = decodeURIComponent(target);
  } catch {
    // a lone % is taken as written
  }
  return resolvePartPath(sourceFolder, decoded);
}

/** Parts from this size up are worth the check for ASCII (about 1 ms for 10 MB). */
const LARGE_TEXT = 1 << 20;

/**
 * A part's UTF-8 text. A large part of ASCII only (a worksheet's XML, as a rule) is decoded as Latin-1,
 * which gives the same characters: Node then keeps the text outside V8's heap (an external string), so
 * a 400 MB sheet is neither counted in the heap whose growth sets when the collector runs, nor copied
 * by it. Anything else is decoded as UTF-8 (invalid bytes become U+FFFD as before).
 */
export function decodeUtf8(bytes: Buffer): string {
  return largeAscii(bytes) ? bytes.toString('latin1') : bytes.toString('utf8');
}

/** Whether `decodeUtf8` decodes the bytes as Latin-1: a large part of ASCII only (valid UTF-8, then). */
function largeAscii(bytes: Buffer): boolean {
  return bytes.length >= LARGE_TEXT && isAscii(bytes);
}

/**
 * Where a part's bytes stop being UTF-8: the offset of the first byte that does not begin or continue a
 * well-formed sequence (RFC 3629: no overlong forms, no surrogates, nothing above U+10FFFF), or -1.
 */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i];
    const n = b < 0x80 ? 1 : b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    if (n === 0 || i + n > bytes.length) return i;
    const second = bytes[i + 1];
    const low = b === 0xe0 ? 0xa0 : b === 0xf0 ? 0x90 : 0x80;
    const high = b === 0xed ? 0x9f : b === 0xf4 ? 0x8f : 0xbf;
    if (n > 1 && (second < low || second > high)) return i;
    for (let k = 2; k < n; k++) if ((bytes[i + k] & 0xc0) !== 0x80) return i;
    i += n;
  }
  return -1;
}

export class Parts {
  /** lower-case name → the name as stored. */
  private readonly byLowerName = new Map<string, string>();
  /**
   * The text and element tree of stored contents already parsed. Adding the report's sheets and charts
   * asks for the content types and relationships again and again (73 parses of small parts on the
   * shipped example, 9 ms on the loaded VM; 48 and 5 ms with this, issue 12); a part's content is replaced, never
   * changed in place, so its tree holds until it is.
   */
  private readonly parsed = new WeakMap<PartData, { xml: string; root: XmlNode }>();

  constructor(readonly entries: PartEntries) {
    for (const name of entries.keys()) if (!this.byLowerName.has(name.toLowerCase())) this.byLowerName.set(name.toLowerCase(), name);
  }

  /** The stored name of a part, found without regard to case. */
  find(path: string): string | undefined {
    return this.entries.has(path) ? path : this.byLowerName.get(path.toLowerCase());
  }

  /** A part's stored data, found without regard to case. */
  private data(path: string): PartData | undefined {
    const name = this.find(path);
    return name === undefined ? undefined : this.entries.get(name);
  }

  /** Whether a part is too large to be read (see `readZipParts`). */
  tooLarge(path: string): boolean {
    const data = this.data(path);
    return data !== undefined && isPacked(data) && data.tooLarge === true;
  }

  has(path: string): boolean {
    return this.find(path) !== undefined;
  }

  text(path: string): string | undefined {
    const data = this.data(path);
    return data ? decodeUtf8(contentOf(data)) : undefined;
  }

  /**
   * A part's text for parsing, with where its bytes stop being UTF-8 (-1 when they all are): `text`
   * turns such bytes into U+FFFD, and a part read that way would be written back changed.
   */
  checkedText(path: string): { text: string; notUtf8At: number } | undefined {
    const data = this.data(path);
    if (!data) return undefined;
    const bytes = contentOf(data);
    // a large ASCII part (a worksheet, as a rule) is UTF-8 already: its bytes are not scanned a second time
    if (largeAscii(bytes)) return { text: bytes.toString('latin1'), notUtf8At: -1 };
    return { text: bytes.toString('utf8'), notUtf8At: isUtf8(bytes) ? -1 : firstInvalidUtf8(bytes) };
  }

  /** Replaces (or adds) a part; an unchanged text leaves the stored bytes as they were. */
  setText(path: string, text: string): void {
    const name = this.find(path) ?? path;
    if (this.text(name) === text) return;
    this.entries.set(name, Buffer.from(text, 'utf8'));
    this.byLowerName.set(name.toLowerCase(), name);
  }

  /** Replaces a part with one already packed; the same content as the stored one leaves the part as it was. */
  setPacked(path: string, packed: PackedPart): void {
    const name = this.find(path) ?? path;
    const old = this.entries.get(name);
    if (old && sameContent(old, packed)) return;
    this.entries.set(name, packed);
    this.byLowerName.set(name.toLowerCase(), name);
  }

  delete(path: string): void {
    const name = this.find(path);
    if (name === undefined) return;
    this.entries.delete(name);
    this.byLowerName.delete(name.toLowerCase());
  }

  /** `dir/base{n}ext` for the lowest n ≥ 1 that no part has, in any letter case. */
  freshName(dir: string, base: string, ext: string): string {
    let n = 1;
    while (this.has(`${dir}/${base}${n}${ext}`)) n++;
    return `${dir}/${base}${n}${ext}`;
  }

  /** A part's text and element tree (parsed once per stored content), undefined when there is no such part. */
  private tree(path: string): { xml: string; root: XmlNode } | undefined {
    const data = this.data(path);
    if (!data) return undefined;
    let known = this.parsed.get(data);
    if (!known) {
      const xml = decodeUtf8(contentOf(data));
      known = { xml, root: parseXml(xml) };
      this.parsed.set(data, known);
    }
    return known;
  }

  /** The relationships of a part (none when it has no relationships part). */
  relationships(part: string): Relationship[] {
    const rels = this.tree(relsPathOf(part));
    if (rels === undefined) return [];
    return children(rels.root, [NS.packageRel], 'Relationship').map((r) => ({
      id: attr(r, 'Id') ?? '',
      type: attr(r, 'Type') ?? '',
      target: attr(r, 'Target') ?? '',
      external: attr(r, 'TargetMode') === 'External',
    }));
  }

  /** Adds a relationship from `part`; returns its new Id (`rIdAvv1` …, unique in the part). */
  addRelationship(part: string, type: string, target: string): string {
    const path = relsPathOf(part);
    const rels = this.tree(path);
    const xml = rels?.xml ?? `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${NS.packageRel}"/>`;
    const root = rels?.root ?? parseXml(xml);
    const ids = new Set(children(root, [NS.packageRel], 'Relationship').map((r) => (attr(r, 'Id') ?? '').toLowerCase()));
    let n = 1;
    while (ids.has(`ridavv${n}`)) n++;
    const id = `rIdAvv${n}`;
    const created = !this.has(path);
    this.setText(path, appendChild(xml, root, qualify(childPrefix(root), `<Relationship Id="${id}" Type="${encodeXml(type)}" Target="${encodeXml(target)}"/>`)));
    // a package that lists each part instead of a Default for .rels needs the new part listed too
    if (created && this.contentType(path) === undefined) this.addContentType(path, RELATIONSHIPS_CONTENT);
    return id;
  }

  /** Removes the relationships from `part` whose Id is in `ids`. */
  removeRelationships(part: string, ids: Set<string>): void {
    const path = relsPathOf(part);
    const rels = this.tree(path);
    if (rels === undefined) return;
    const gone = children(rels.root, [NS.packageRel], 'Relationship').filter((r) => ids.has(attr(r, 'Id') ?? ''));
    this.setText(path, applySplices(rels.xml, gone.map((r) => ({ start: r.start, end: r.end, text: '' }))));
  }

  /** The content type of a part: its Override, else the Default of its extension. */
  contentType(part: string): string | undefined {
    const types = this.tree('[Content_Types].xml');
    if (types === undefined) return undefined;
    const root = types.root;
    const name = `/${part}`.toLowerCase();
    const override = children(root, [NS.contentTypes], 'Override').find((o) => (attr(o, 'PartName') ?? '').toLowerCase() === name);
    if (override) return attr(override, 'ContentType');
    const ext = posix.extname(part).slice(1).toLowerCase();
    const byExtension = children(root, [NS.contentTypes], 'Default').find((d) => (attr(d, 'Extension') ?? '').toLowerCase() === ext);
    return byExtension ? attr(byExtension, 'ContentType') : undefined;
  }

  /** Gives a part its content type (an Override), unless the part already has that one. */
  addContentType(part: string, type: string): void {
    const types = this.tree('[Content_Types].xml');
    if (types === undefined || this.contentType(part) === type) return;
    const { xml, root } = types;
    this.setText('[Content_Types].xml', appendChild(xml, root, qualify(childPrefix(root), `<Override PartName="/${encodeXml(part)}" ContentType="${encodeXml(type)}"/>`)));
  }

  /** Removes the Override of a part (when it is gone from the package). */
  removeContentType(part: string): void {
    const types = this.tree('[Content_Types].xml');
    if (types === undefined) return;
    const { xml, root } = types;
    const name = `/${part}`.toLowerCase();
    const gone = children(root, [NS.contentTypes], 'Override').filter((o) => (attr(o, 'PartName') ?? '').toLowerCase() === name);
    this.setText('[Content_Types].xml', applySplices(xml, gone.map((o) => ({ start: o.start, end: o.end, text: '' }))));
  }
}

/** A part's content as bytes (a packed one inflated anew). */
function contentOf(data: PartData): Buffer {
  return isPacked(data) ? unpack(data) : Buffer.from(data.buffer, data.byteOffset, data.byteLength);
}

/** Whether a part holds the same content as a packed one: size and CRC first, the bytes only when both agree. */
function sameContent(old: PartData, packed: PackedPart): boolean {
  if (isPacked(old) && old.tooLarge) return false;
  const size = isPacked(old) ? old.size : old.length;
  if (size !== packed.size) return false;
  const crc = isPacked(old) ? old.crc : crc32(old);
  return crc === packed.crc && contentOf(old).equals(unpack(packed));
}

/** `xml` with `markup` added as the last child of `node` (an empty element is opened up). */
export function appendChild(xml: string, node: XmlNode, markup: string): string {
  if (node.closeStart !== node.end) return applySplices(xml, [{ start: node.closeStart, end: node.closeStart, text: markup }]);
  const open = xml.slice(node.start, node.end).replace(/\s*\/>$/, '>');
  return applySplices(xml, [{ start: node.start, end: node.end, text: `${open}${markup}</${node.name}>` }]);
}
