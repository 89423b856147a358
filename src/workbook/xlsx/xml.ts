/**
 * XML text as the parts of a package need it: entities decoded and encoded, namespaces and the
 * bindings in scope, our own markup qualified with the prefix in scope, and edits as splices (every
 * byte we do not change stays as it was). The scanner is in `xmlScanner.ts`, a small tree in `xmlTree.ts`.
 */

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

export function decodeXml(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(/&(#x[0-9a-fA-F]+|#\d+|amp|lt|gt|quot|apos);/g, (_, e: string) => {
    if (e[0] !== '#') return ENTITIES[e];
    return String.fromCodePoint(e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
  });
}

const NEEDS_ESCAPE = /[&<>"\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/;

/** Text for element content or an attribute value; characters XML 1.0 forbids are dropped. */
export function encodeXml(s: string): string {
  if (!NEEDS_ESCAPE.test(s)) return s;
  return s
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

/** Resolves a relationship target against the folder of the part that owns it. */
export function resolvePartPath(baseDir: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = `${baseDir}/${target}`.split('/');
  const out: string[] = [];
  for (const p of parts) {
    if (p === '..') out.pop();
    else if (p && p !== '.') out.push(p);
  }
  return out.join('/');
}

/** Namespaces, transitional and (where a Strict OOXML file uses another) strict. */
export const NS = {
  main: 'http://schemas.openxmlformats.org/spreadsheetml/2006/main',
  mainStrict: 'http://purl.oclc.org/ooxml/spreadsheetml/main',
  rel: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships',
  relStrict: 'http://purl.oclc.org/ooxml/officeDocument/relationships',
  packageRel: 'http://schemas.openxmlformats.org/package/2006/relationships',
  contentTypes: 'http://schemas.openxmlformats.org/package/2006/content-types',
  xml: 'http://www.w3.org/XML/1998/namespace',
} as const;

/** SpreadsheetML's main namespace in either flavour. */
export const MAIN_NAMESPACES: readonly string[] = [NS.main, NS.mainStrict];
/** The relationship namespace of `r:id` attributes, in either flavour. */
export const REL_NAMESPACES: readonly string[] = [NS.rel, NS.relStrict];

/** A namespace binding in scope: a linked list from the innermost declaration outwards. */
export interface Scope {
  prefix: string;
  uri: string;
  /** The depth of the element that declared it (0 for bindings given from outside). */
  depth: number;
  parent: Scope | null;
}

/** The namespace a prefix (or '' for the default namespace) is bound to in `scope`. */
export function lookupPrefix(scope: Scope | null, prefix: string): string | undefined {
  if (prefix === 'xml') return NS.xml;
  for (let s = scope; s; s = s.parent) if (s.prefix === prefix) return s.uri || undefined;
  return undefined;
}

/** A prefix bound to `uri` in `scope` and not shadowed by an inner binding ('' for the default). */
export function prefixFor(scope: Scope | null, uris: readonly string[]): string | undefined {
  for (let s = scope; s; s = s.parent) if (uris.includes(s.uri) && lookupPrefix(scope, s.prefix) === s.uri) return s.prefix;
  return undefined;
}

/** Our own generated markup, with every element name given the prefix in scope where it goes. */
export function qualify(prefix: string, markup: string): string {
  return prefix ? markup.replace(/<(\/?)(?=[A-Za-z_])/g, `<$1${prefix}:`) : markup;
}

/** One replacement in a text: `[start, end)` becomes `text`. */
export interface Splice {
  start: number;
  end: number;
  text: string;
}

/** Edits of a text given in order of position, built into the new text as they come (no copy of the rest). */
export class OrderedEdits {
  private readonly parts: string[] = [];
  private copied = 0;

  constructor(private readonly xml: string) {}

  /** `[start, end)` becomes `text`; `start` is never before the end of the previous edit. */
  replace(start: number, end: number, text: string): void {
    if (start > this.copied) this.parts.push(this.xml.slice(this.copied, start));
    this.parts.push(text);
    this.copied = Math.max(this.copied, end);
  }

  get edited(): boolean {
    return this.parts.length > 0;
  }

  /** The text with every edit made. */
  finish(): string {
    if (!this.edited) return this.xml;
    this.parts.push(this.xml.slice(this.copied));
    return this.parts.join('');
  }
}

/** Applies non-overlapping splices (in any order) to a text. */
export function applySplices(xml: string, splices: Splice[]): string {
  const edits = new OrderedEdits(xml);
  for (const s of [...splices].sort((a, b) => a.start - b.start || a.end - b.end)) edits.replace(s.start, s.end, s.text);
  return edits.finish();
}
