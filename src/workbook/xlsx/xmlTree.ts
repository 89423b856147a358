/**
 * A small element tree of a part (the workbook, relationships, content types, styles, calcChain): every
 * element with its namespace, attributes, children and its position in the text, built in one linear
 * scan. Worksheets, which can be large, are streamed with the scanner instead.
 */
import { decodeXml, lookupPrefix, prefixFor, type Scope } from './xml';
import { CDATA, EMPTY, END, OTHER, START, XmlScanner } from './xmlScanner';

export interface XmlNode {
  /** The name as written, e.g. `x:sheet`. */
  name: string;
  local: string;
  /** Its namespace, undefined when it has none. */
  uri: string | undefined;
  /** `<` of the start tag. */
  start: number;
  /** After the start tag's `>`. */
  openEnd: number;
  /** `<` of the end tag (equal to `end` for an empty element). */
  closeStart: number;
  /** After the end tag's `>`. */
  end: number;
  /** Attributes by qualified name, values decoded, in document order. */
  attrs: [string, string][];
  /** The namespace bindings in scope inside the element. */
  scope: Scope | null;
  children: XmlNode[];
  parent: XmlNode | null;
}

/** The part is not whole XML: no root element, or it breaks off inside it. */
export class XmlShapeError extends Error {}

/** The tree of a whole part; throws XmlShapeError when the text is cut short or has no root. */
export function parseXml(xml: string): XmlNode {
  const s = new XmlScanner(xml, []);
  let root: XmlNode | undefined;
  const stack: XmlNode[] = [];
  let after = 0;
  const outside = (to: number) => {
    if (stack.length === 0 && /[^\s\uFEFF]/.test(xml.slice(after, to))) throw new XmlShapeError('det står tecken utanför rotelementet');
  };
  while (s.next()) {
    outside(s.start);
    after = s.end;
    if (stack.length === 0 && s.token() === CDATA) throw new XmlShapeError('det står tecken utanför rotelementet');
    if (s.token() === OTHER && /^<\?xml[\s?]/i.test(xml.slice(s.start, s.start + 6)) && xml.slice(0, s.start).replace(/^\uFEFF/, '') !== '') throw new XmlShapeError('XML-deklarationen står inte först');
    if (s.kind === START || s.kind === EMPTY) {
      const parent = stack[stack.length - 1] ?? null;
      if (!parent && root) throw new XmlShapeError(`efter rotelementet följer ännu ett element <${s.name}>`);
      const attrs: [string, string][] = [];
      s.forEachAttribute((n, v) => attrs.push([n, v]));
      const node: XmlNode = { name: s.name, local: s.local, uri: lookupPrefix(s.scope, s.prefix), start: s.start, openEnd: s.end, closeStart: s.end, end: s.end, attrs, scope: s.scope, children: [], parent };
      if (parent) parent.children.push(node);
      else root = node;
      if (s.kind === START) stack.push(node);
    } else if (s.kind === END) {
      const node = stack.pop();
      if (!node) throw new XmlShapeError(`sluttaggen </${s.name}> har ingen början`);
      if (node.name !== s.name) throw new XmlShapeError(`<${node.name}> avslutas med </${s.name}>`);
      node.closeStart = s.start;
      node.end = s.end;
    }
  }
  if (s.truncated || stack.length) throw new XmlShapeError(`texten tar slut inuti <${stack[stack.length - 1]?.name ?? 'en tagg'}>`);
  outside(xml.length);
  if (!root) throw new XmlShapeError('inget rotelement');
  return root;
}

export function attr(node: XmlNode, name: string): string | undefined {
  for (const [n, v] of node.attrs) if (n === name) return v;
  return undefined;
}

/** A namespaced attribute by its namespace (either flavour) and local name, whatever its prefix. */
export function attrNs(node: XmlNode, uris: readonly string[], local: string): string | undefined {
  for (const [n, v] of node.attrs) {
    const colon = n.indexOf(':');
    if (colon < 0 || n.slice(colon + 1) !== local) continue;
    const uri = lookupPrefix(node.scope, n.slice(0, colon));
    if (uri !== undefined && uris.includes(uri)) return v;
  }
  return undefined;
}

export function isElement(node: XmlNode, uris: readonly string[], local: string): boolean {
  return node.local === local && node.uri !== undefined && uris.includes(node.uri);
}

export function children(node: XmlNode, uris: readonly string[], local: string): XmlNode[] {
  return node.children.filter((c) => isElement(c, uris, local));
}

export function child(node: XmlNode, uris: readonly string[], local: string): XmlNode | undefined {
  return node.children.find((c) => isElement(c, uris, local));
}

/** The decoded character data of an element and its descendants (CDATA included, comments left out). */
export function textOf(xml: string, node: XmlNode): string {
  if (node.closeStart === node.end) return '';
  const s = new XmlScanner(xml, [], node.openEnd);
  let out = '';
  let from = node.openEnd;
  while (s.next() && s.start < node.closeStart) {
    if (s.start > from) out += decodeXml(xml.slice(from, s.start));
    if (s.kind === CDATA) out += xml.slice(s.start + 9, s.end - 3);
    from = s.end;
  }
  if (node.closeStart > from) out += decodeXml(xml.slice(from, node.closeStart));
  return out;
}

/** The prefix for new children of `parent` in its own namespace: the one its own name uses. */
export function childPrefix(node: XmlNode): string {
  const colon = node.name.indexOf(':');
  return colon < 0 ? '' : node.name.slice(0, colon);
}

/**
 * How to write a namespaced attribute on a new child of `parent`: the prefix in scope for `uris`, or a
 * local declaration (`xmlns:r="…"`) to add to the child when none is.
 */
export function namespacedAttribute(parent: XmlNode, uris: readonly string[], uri: string, wanted: string): { prefix: string; declaration: string } {
  const bound = prefixFor(parent.scope, uris);
  if (bound) return { prefix: bound, declaration: '' };
  return { prefix: wanted, declaration: ` xmlns:${wanted}="${uri}"` };
}
