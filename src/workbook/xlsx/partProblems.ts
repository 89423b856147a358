/** What can be wrong with an XML part as a whole, found before it is parsed: a Swedish detail (the package names the part). */

const BINARY = /[\u0000-\u0008\u000b\u000c\u000e-\u001f]/;

/** What is wrong with an XML part whose root element is `root` (prefixed or not), or undefined. */
export function partProblem(xml: string, root: string): string | undefined {
  if (xml.startsWith('\uFFFD\uFFFD') || xml[1] === '\u0000') return 'delen är UTF-16-kodad; öppna filen i Excel och spara den igen';
  if (BINARY.test(xml)) return 'delen innehåller binära data, inte XML';
  if (!new RegExp(`<(?:[\\w.-]+:)?${root}[\\s/>]`).test(xml)) return `delen är inte XML (elementet <${root}> saknas)`;
  if (new RegExp(`<\\/(?:[\\w.-]+:)?${root}\\s*>\\s*$|<(?:[\\w.-]+:)?${root}\\b[^>]*/>\\s*$`).test(xml.slice(-200))) return undefined;
  const lastRowTag = Math.max(xml.lastIndexOf('<row '), xml.lastIndexOf(':row '));
  const lastRow = lastRowTag < 0 ? null : /^[^>]*?\br\s*=\s*["'](\d+)["']/.exec(xml.slice(lastRowTag));
  return root === 'worksheet' && lastRow ? `delen är avkortad: den slutar mitt i rad ${lastRow[1]}` : `delen är avkortad: </${root}> saknas`;
}

/** No XML reader, Excel's included, takes bytes that are not UTF-8; read as U+FFFD they would be written back changed. */
export function notUtf8(at: number): string | undefined {
  return at < 0 ? undefined : `delen är inte giltig UTF-8 (fel vid byte ${at}); spara om filen i programmet som skapade den`;
}
