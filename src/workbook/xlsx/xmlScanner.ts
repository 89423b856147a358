/**
 * A linear scanner over the tags of an XML text: every byte is looked at a bounded number of times,
 * whatever the input (an unclosed tag, comment or quoted value ends the scan; nothing is searched
 * again). Namespace prefixes are resolved as declared in scope, so `<x:worksheet>` of the Open XML SDK
 * reads like `<worksheet>`, and positions are kept, so a part can be edited by splicing.
 */
import { decodeXml, lookupPrefix, MAIN_NAMESPACES, type Scope } from './xml';
import { AttributeCursor, findText, isSpace, plainAttrPositions, specialMarkupEnd } from './xmlSyntax';

/** Token kinds. */
export const START = 1;
export const END = 2;
export const EMPTY = 3;
export const CDATA = 4;
/** A comment, processing instruction or document type declaration. */
export const OTHER = 5;

/**
 * Walks the tags of a text once, front to back. After `next()` the current token is described by
 * `kind` (read it through `token()` in a loop), `start` (its `<`), `end` (after its `>`), `name` and
 * `depth` (the element's depth, root = 1). `is(local)` tells an element of the scanner's namespaces
 * (SpreadsheetML by default) by its local name, whatever prefix it is written with.
 */
export class XmlScanner {
  kind = 0;
  start = 0;
  end = 0;
  depth = 0;
  /** The text ended inside a tag, comment, CDATA section or quoted value. */
  truncated = false;
  /** Elements open after the current token. */
  open = 0;
  scope: Scope | null;
  private pos: number;
  private nameStart = 0;
  private nameEnd = 0;
  /** Position of the name's colon, or -1. */
  private colon = -1;
  private nextXmlns: number;
  /** The current empty element or end tag closed an element whose bindings go before the next token. */
  private popAfterEmpty = false;
  private version = 0;
  private cachedVersion = -1;
  private cachedPrefix = '';
  private cachedMatch = false;
  private readonly cursor = new AttributeCursor();
  /** The end of the text found by the last `simpleChildAt`. */
  simpleEnd = 0;
  private simpleFor = '';
  private simpleName = '';
  private simpleOpen = '';
  private simpleClose = '';
  /** The next `<!` and `<?` at or after where they were last looked for (-1: none), for `endTagAhead`. */
  private nextBang = 0;
  private nextQuestion = 0;

  constructor(
    readonly xml: string,
    private readonly namespaces: readonly string[] = MAIN_NAMESPACES,
    from = 0,
    scope: Scope | null = null,
  ) {
    this.pos = from;
    this.scope = scope;
    this.nextXmlns = xml.indexOf('xmlns', from);
  }

  /** The kind of the current token (a call, so that loops compare it afresh after `next()`). */
  token(): number {
    return this.kind;
  }

  /** The current tag's name as written, e.g. `x:sheet` ('' for other tokens). */
  get name(): string {
    return this.xml.slice(this.nameStart, this.nameEnd);
  }

  /** The current element's prefix ('' when it has none). */
  get prefix(): string {
    return this.colon < 0 ? '' : this.xml.slice(this.nameStart, this.colon);
  }

  /** The current element's local name. */
  get local(): string {
    return this.xml.slice(this.colon < 0 ? this.nameStart : this.colon + 1, this.nameEnd);
  }

  /** Moves to the next token; false at the end of the text (or where it breaks off). */
  next(): boolean {
    if (this.popAfterEmpty) {
      this.popAfterEmpty = false;
      this.popScopes();
    }
    const xml = this.xml;
    const lt = xml.indexOf('<', this.pos);
    if (lt < 0) return this.finish(false);
    this.start = lt;
    const c = xml.charCodeAt(lt + 1);
    if (c === 47) return this.endTag(lt);
    if (c === 33 || c === 63) return this.special(lt, c);
    const n = xml.length;
    let i = lt + 1;
    this.colon = -1;
    for (; i < n; i++) {
      const ch = xml.charCodeAt(i);
      if (ch === 62 || ch === 47 || isSpace(ch)) break;
      if (ch === 58 && this.colon < 0) this.colon = i;
    }
    this.nameStart = lt + 1;
    this.nameEnd = i;
    for (;;) {
      if (i >= n) return this.finish(true);
      const ch = xml.charCodeAt(i);
      if (ch === 62) break;
      if (ch === 34 || ch === 39) {
        const q = xml.indexOf(ch === 34 ? '"' : "'", i + 1);
        if (q < 0) return this.finish(true);
        i = q + 1;
      } else i++;
    }
    this.end = this.pos = i + 1;
    this.depth = ++this.open;
    if (this.nextXmlns >= 0 && this.nextXmlns < lt) this.nextXmlns = xml.indexOf('xmlns', lt);
    if (this.nextXmlns >= 0 && this.nextXmlns < this.end) {
      this.declare();
      this.nextXmlns = xml.indexOf('xmlns', this.end);
    }
    if (xml.charCodeAt(i - 1) === 47) {
      this.kind = EMPTY;
      this.open--;
      this.popAfterEmpty = this.scope !== null && this.scope.depth > this.open;
    } else this.kind = START;
    return true;
  }

  private endTag(lt: number): boolean {
    const xml = this.xml;
    const gt = xml.indexOf('>', lt + 2);
    if (gt < 0) return this.finish(true);
    let e = gt;
    while (e > lt + 2 && isSpace(xml.charCodeAt(e - 1))) e--;
    this.nameStart = lt + 2;
    this.nameEnd = e;
    // look for the prefix's colon inside the name only: searching the rest of the part is quadratic
    let colon = -1;
    for (let i = lt + 2; i < e; i++) {
      if (xml.charCodeAt(i) === 58) {
        colon = i;
        break;
      }
    }
    this.colon = colon;
    this.kind = END;
    this.end = this.pos = gt + 1;
    this.depth = this.open;
    this.open = Math.max(0, this.open - 1);
    // the element's own bindings stay in scope for its end tag, and go with the next token
    this.popAfterEmpty = this.scope !== null && this.scope.depth > this.open;
    return true;
  }

  /** `<!-- -->`, `<![CDATA[ ]]>`, `<!DOCTYPE … [ … ]>`, `<? ?>`. */
  private special(lt: number, c: number): boolean {
    const markup = specialMarkupEnd(this.xml, lt, c);
    this.kind = markup.cdata ? CDATA : OTHER;
    this.nameStart = this.nameEnd = lt;
    this.colon = -1;
    if (markup.end <= lt + 2) return this.finish(true);
    this.end = this.pos = markup.end;
    return true;
  }

  private finish(truncated: boolean): boolean {
    this.kind = 0;
    this.truncated = truncated;
    this.pos = this.xml.length;
    return false;
  }

  private declare(): void {
    const depth = this.open;
    this.forEachAttribute((name, value) => {
      if (name === 'xmlns') this.bind('', value, depth);
      else if (name.startsWith('xmlns:')) this.bind(name.slice(6), value, depth);
    });
  }

  private bind(prefix: string, uri: string, depth: number): void {
    this.scope = { prefix, uri, depth, parent: this.scope };
    this.version++;
  }

  private popScopes(): void {
    while (this.scope && this.scope.depth > this.open) {
      this.scope = this.scope.parent;
      this.version++;
    }
  }

  /** Is the current element `local` in one of the scanner's namespaces? */
  is(local: string): boolean {
    const xml = this.xml;
    const from = this.colon < 0 ? this.nameStart : this.colon + 1;
    if (this.nameEnd - from !== local.length || !xml.startsWith(local, from)) return false;
    if (this.colon < 0) return this.prefixMatches('');
    const length = this.colon - this.nameStart;
    if (this.cachedVersion === this.version && this.cachedPrefix.length === length && xml.startsWith(this.cachedPrefix, this.nameStart)) return this.cachedMatch;
    return this.prefixMatches(xml.slice(this.nameStart, this.colon));
  }

  private prefixMatches(prefix: string): boolean {
    if (this.cachedVersion !== this.version || this.cachedPrefix !== prefix) {
      const uri = lookupPrefix(this.scope, prefix);
      this.cachedMatch = uri !== undefined && this.namespaces.includes(uri);
      this.cachedVersion = this.version;
      this.cachedPrefix = prefix;
    }
    return this.cachedMatch;
  }

  /** The current start tag's attributes, one at a time (the cursor is reused: read it before the next call). */
  attributes(): AttributeCursor {
    return this.cursor.reset(this.xml, this.nameEnd, this.end - 1);
  }

  /** Calls `visit` with each attribute of the current start tag (qualified name, decoded value). */
  forEachAttribute(visit: (name: string, value: string) => void): void {
    const a = this.attributes();
    while (a.next()) visit(this.xml.slice(a.nameStart, a.nameEnd), decodeXml(this.xml.slice(a.valueStart, a.valueEnd)));
  }

  /** The value of an attribute by its name as written (unprefixed attributes have no namespace). */
  attr(name: string): string | undefined {
    const a = this.attributes();
    while (a.next()) if (a.named(name)) return decodeXml(this.xml.slice(a.valueStart, a.valueEnd));
    return undefined;
  }

  /**
   * Where several attributes' values are, in one pass (the hot path of cells): `at[2i]` and `at[2i+1]`
   * become the start and end of the raw value of `names[i]`, or -1 when it is absent.
   */
  attrPositions(names: readonly string[], at: Int32Array): void {
    at.fill(-1);
    if (plainAttrPositions(this.xml, this.nameEnd, this.end - 1, names, at)) return;
    at.fill(-1);
    const xml = this.xml;
    const a = this.attributes();
    while (a.next()) {
      const length = a.nameEnd - a.nameStart;
      const first = xml.charCodeAt(a.nameStart);
      for (let k = 0; k < names.length; k++) {
        const name = names[k];
        if (name.length === length && name.charCodeAt(0) === first && (length === 1 || xml.startsWith(name, a.nameStart))) {
          at[2 * k] = a.valueStart;
          at[2 * k + 1] = a.valueEnd;
        }
      }
    }
  }

  /**
   * After a start tag whose whole content is one child with text, written exactly so in the element's
   * own prefix (`<c …><v>123</v></c>`, the commonest cell): that text, raw, and the scanner moved past
   * the element's end (`end` is after it). Anything else: undefined, and nothing moved.
   */
  simpleChild(child: string): string | undefined {
    const from = this.simpleChildAt(child);
    return from < 0 ? undefined : this.xml.slice(from, this.simpleEnd);
  }

  /** Where the text `simpleChild` gives starts (it ends at `simpleEnd`), or -1: the same, without a copy. */
  simpleChildAt(child: string): number {
    if (this.kind !== START) return -1;
    const xml = this.xml;
    if (this.simpleFor !== child || !xml.startsWith(this.simpleName, this.nameStart) || this.nameEnd - this.nameStart !== this.simpleName.length) {
      const name = this.name;
      const p = this.colon < 0 ? '' : `${this.prefix}:`;
      this.simpleFor = child;
      this.simpleName = name;
      this.simpleOpen = `<${p}${child}>`;
      this.simpleClose = `</${p}${child}></${name}>`;
    }
    if (!xml.startsWith(this.simpleOpen, this.end)) return -1;
    const from = this.end + this.simpleOpen.length;
    const lt = xml.indexOf('<', from);
    if (lt < 0 || !xml.startsWith(this.simpleClose, lt)) return -1;
    this.pos = this.end = lt + this.simpleClose.length;
    this.kind = END;
    this.open--;
    this.popScopes();
    this.simpleEnd = lt;
    return from;
  }

  /** After a start tag: the element's decoded text (CDATA included, comments left out), moving past its end. */
  text(): string {
    if (this.kind !== START) return '';
    const depth = this.depth;
    const xml = this.xml;
    let out = '';
    let from = this.end;
    while (this.next()) {
      if (this.start > from) out += decodeXml(xml.slice(from, this.start));
      if (this.token() === CDATA) out += xml.slice(this.start + 9, this.end - 3);
      from = this.end;
      if (this.token() === END && this.depth === depth) return out;
    }
    return out;
  }

  /**
   * After a start tag: where its end tag `close` (`</row>`) starts, found by a plain text search, when
   * nothing before it can fake or hide one: no comment, CDATA section, processing instruction or
   * namespace declaration lies between (element text and attribute values hold no `<`). -1 when the
   * search cannot be trusted or finds nothing: then scan. The positions looked for are remembered, so
   * a whole part costs one search for each.
   */
  endTagAhead(close: string): number {
    if (this.kind !== START) return -1;
    const xml = this.xml;
    const lt = findText(xml, close, this.end);
    if (lt < 0) return -1;
    if (this.nextBang >= 0 && this.nextBang < this.end) this.nextBang = findText(xml, '<!', this.end);
    if (this.nextQuestion >= 0 && this.nextQuestion < this.end) this.nextQuestion = findText(xml, '<?', this.end);
    if (this.nextXmlns >= 0 && this.nextXmlns < this.end) this.nextXmlns = xml.indexOf('xmlns', this.end);
    const before = (at: number) => at >= 0 && at < lt;
    return before(this.nextBang) || before(this.nextQuestion) || before(this.nextXmlns) ? -1 : lt;
  }

  /** Whether the current start tag declares a namespace binding (`xmlns`, `xmlns:p`). */
  declaresNamespaces(): boolean {
    return this.kind === START && this.scope !== null && this.scope.depth === this.depth;
  }

  /**
   * After a start tag: moves onto its end tag at `lt`, from `endTagAhead`; or, when the element and
   * siblings after it were read without the scanner, onto the end tag of the last of them.
   */
  jumpToEndTag(lt: number): void {
    this.pos = lt;
    this.next();
  }

  /** After a start tag: moves past the matching end tag. */
  skip(): void {
    if (this.kind !== START) return;
    const depth = this.depth;
    while (this.next()) if (this.token() === END && this.depth === depth) return;
  }
}
