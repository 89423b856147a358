/**
 * The small pieces of XML syntax the scanner reads: white space, the end of a comment, CDATA section,
 * processing instruction or document type declaration, and the attributes of a start tag, one at a
 * time, as positions in the text (nothing is copied until a value is wanted): `name="value"`,
 * `name = 'value'`. One attribute cursor per scanner, reused for every tag.
 */
export const isSpace = (c: number): boolean => c === 32 || c === 10 || c === 13 || c === 9;

/**
 * Where the markup starting `<!` or `<?` at `lt` ends (after its `>`; at most `lt + 2` when it does
 * not end), and whether it is a CDATA section. `c` is the character after `<`.
 */
export function specialMarkupEnd(xml: string, lt: number, c: number): { end: number; cdata: boolean } {
  if (c === 63) return { end: xml.indexOf('?>', lt + 2) + 2, cdata: false };
  if (xml.startsWith('--', lt + 2)) return { end: xml.indexOf('-->', lt + 4) + 3, cdata: false };
  if (xml.startsWith('[CDATA[', lt + 2)) return { end: xml.indexOf(']]>', lt + 9) + 3, cdata: true };
  return { end: declarationEnd(xml, lt), cdata: false };
}

/** After the `>` of `<!DOCTYPE …>`, skipping an internal subset `[ … ]` (0 when it does not end). */
function declarationEnd(xml: string, lt: number): number {
  for (let i = lt + 2; i < xml.length; i++) {
    const ch = xml.charCodeAt(i);
    if (ch === 62) return i + 1;
    if (ch === 91) {
      const bracket = xml.indexOf(']', i);
      return bracket < 0 ? 0 : xml.indexOf('>', bracket) + 1;
    }
  }
  return 0;
}

export class AttributeCursor {
  nameStart = 0;
  nameEnd = 0;
  /** The raw value (quotes left out, not decoded). */
  valueStart = 0;
  valueEnd = 0;
  private xml = '';
  private at = 0;
  private stop = 0;

  /** Starts on the attribute text `[from, stop)` of a tag in `xml`. */
  reset(xml: string, from: number, stop: number): this {
    this.xml = xml;
    this.at = from;
    this.stop = stop;
    return this;
  }

  /** Moves to the next attribute; false after the last one (or where the tag is not well formed). */
  next(): boolean {
    const { xml, stop } = this;
    let i = this.at;
    let ch = xml.charCodeAt(i);
    while (i < stop && isSpace(ch)) ch = xml.charCodeAt(++i);
    const ns = i;
    while (i < stop && ch !== 61 && ch !== 47 && !isSpace(ch)) ch = xml.charCodeAt(++i);
    const ne = i;
    while (i < stop && isSpace(ch)) ch = xml.charCodeAt(++i);
    if (i >= stop || ch !== 61) return this.end();
    ch = xml.charCodeAt(++i);
    while (i < stop && isSpace(ch)) ch = xml.charCodeAt(++i);
    if (ch !== 34 && ch !== 39) return this.end();
    const ve = xml.indexOf(ch === 34 ? '"' : "'", i + 1);
    if (ve < 0 || ve > stop || ne === ns) return this.end();
    this.nameStart = ns;
    this.nameEnd = ne;
    this.valueStart = i + 1;
    this.valueEnd = ve;
    this.at = ve + 1;
    return true;
  }

  /** Is the current attribute's name `name`, as written? */
  named(name: string): boolean {
    return this.nameEnd - this.nameStart === name.length && this.xml.startsWith(name, this.nameStart);
  }

  private end(): boolean {
    this.at = this.stop;
    return false;
  }
}

/**
 * Where the attributes `names` are in a tag's attribute text `[from, stop)` (`stop` at its `>`), as
 * `XmlScanner.attrPositions` finds them, for a tag written the common way: every attribute
 * ` name="value"` (one space before, none around `=`, double quotes), then `>` or `/>`. The same
 * positions without the general cursor; false for any other writing (`at` then partly filled).
 */
export function plainAttrPositions(xml: string, from: number, stop: number, names: readonly string[], at: Int32Array): boolean {
  let i = from;
  while (i < stop && xml.charCodeAt(i) === 32) {
    const nameStart = i + 1;
    let j = nameStart;
    let ch = xml.charCodeAt(j);
    while (j < stop && ch > 32 && ch !== 61 && ch !== 47 && ch !== 34 && ch !== 39) ch = xml.charCodeAt(++j);
    if (j === nameStart || ch !== 61 || xml.charCodeAt(j + 1) !== 34) return false;
    const valueEnd = xml.indexOf('"', j + 2);
    if (valueEnd < 0 || valueEnd > stop) return false;
    const length = j - nameStart;
    for (let k = 0; k < names.length; k++) {
      const name = names[k];
      if (name.length === length && name.charCodeAt(0) === xml.charCodeAt(nameStart) && (length === 1 || xml.startsWith(name, nameStart))) {
        at[2 * k] = j + 2;
        at[2 * k + 1] = valueEnd;
      }
    }
    i = valueEnd + 1;
  }
  return i === stop || (i === stop - 1 && xml.charCodeAt(i) === 47);
}

/**
 * `xml.indexOf(text, from)` for markup, searched by what it ends with (`w>` of `</row>`, `!` of `<!`):
 * a search keyed on `<` stops at every tag of the part, one keyed on a rarer character seldom does.
 */
export function findText(xml: string, text: string, from: number): number {
  const key = text.slice(text.length > 2 ? -2 : -1);
  const back = text.length - key.length;
  for (let at = xml.indexOf(key, from + back); at >= 0; at = xml.indexOf(key, at + 1)) {
    if (xml.startsWith(text, at - back)) return at - back;
  }
  return -1;
}
