/**
 * The port over an .xlsx package, edited in place: every part of the user's file is carried over
 * byte for byte except the cells we fill, the styles we append, our own sheets and our defined names.
 * Nothing of the user's (conditional formats, validations, charts, print settings, names) is lost, and
 * a large workbook is never expanded into an object model.
 */
import { readFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { OutputSheet, SheetData, WorkbookData, WorkbookPort, WritePlan } from '../port';
import { readSharedStrings, readSheet, SheetFormatError } from './sheetReader';
import { patchSheet } from './sheetPatch';
import { outputSheetXml } from './sheetXml';
import { dateStyleIndexes, StyleBook } from './styles';
import { LimitError } from './limits';
import { readZip, writeZip, ZipFormatError, type ZipEntries } from './zip';
import { attributes, decodeXml, elements, encodeXml, resolvePartPath } from './xml';

const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const WORKSHEET_TYPE = `${REL}/worksheet`;
const WORKSHEET_CONTENT = 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml';
const MINIMAL_STYLES = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>';

/** Workbook children that follow `<definedNames>`, in schema order. */
const AFTER_DEFINED_NAMES = ['calcPr', 'oleSize', 'customWorkbookViews', 'pivotCaches', 'smartTagPr', 'smartTagTypes', 'webPublishing', 'fileRecoveryPr', 'webPublishObjects', 'extLst'];

function insertBefore(xml: string, tags: string[], element: string): string {
  for (const tag of tags) {
    const i = xml.search(new RegExp(`<${tag}\\b`));
    if (i >= 0) return xml.slice(0, i) + element + xml.slice(i);
  }
  const end = xml.lastIndexOf('</workbook>');
  return xml.slice(0, end) + element + xml.slice(end);
}

interface SheetEntry {
  name: string;
  path: string;
  state: string;
}

export class XlsxFormatError extends Error {}

/**
 * A part inside a sound zip is missing or broken: the message names the part (and the sheet), e.g.
 * `fliken 'Budget' (xl/worksheets/sheet1.xml) är skadad: den tar slut mitt i rad 6`.
 */
export class WorkbookFormatError extends XlsxFormatError {}

const BINARY = /[\u0000-\u0008\u000b\u000c\u000e-\u001f]/;

/** What is wrong with an XML part whose root element is `root` (prefixed or not), or undefined. */
function partProblem(xml: string, root: string): string | undefined {
  if (xml.startsWith('\uFFFD\uFFFD') || xml[1] === '\u0000') return 'delen är UTF-16-kodad; öppna filen i Excel och spara den igen';
  if (BINARY.test(xml)) return 'delen innehåller binära data, inte XML';
  if (!new RegExp(`<(?:\\w+:)?${root}[\\s/>]`).test(xml)) return `delen är inte XML (elementet <${root}> saknas)`;
  if (new RegExp(`<\\/(?:\\w+:)?${root}>\\s*$|<(?:\\w+:)?${root}\\b[^>]*/>\\s*$`).test(xml.slice(-200))) return undefined;
  const lastRow = /<row\b[^>]*?\br="(\d+)"/.exec(xml.slice(xml.lastIndexOf('<row ')));
  return root === 'worksheet' && lastRow ? `delen är avkortad: den slutar mitt i rad ${lastRow[1]}` : `delen är avkortad: </${root}> saknas`;
}

export class XlsxPackage implements WorkbookPort {
  private readonly workbookPath: string;
  private readonly relsPath: string;
  private sheets: SheetEntry[] = [];

  private constructor(private readonly entries: ZipEntries) {
    const rootRels = this.text('_rels/.rels');
    const office = elements(rootRels ?? '', 'Relationship').map(attributes).find((r) => r.Type?.endsWith('/officeDocument'));
    if (!office) throw new XlsxFormatError('filen saknar en arbetsbok (ingen officeDocument-relation)');
    this.workbookPath = resolvePartPath('', office.Target);
    this.relsPath = `${dirname(this.workbookPath)}/_rels/${this.workbookPath.split('/').pop()}.rels`;
    this.loadSheets();
  }

  static fromBuffer(data: Uint8Array): XlsxPackage {
    let entries: ZipEntries;
    try {
      entries = readZip(data);
    } catch (e) {
      if (e instanceof LimitError || e instanceof ZipFormatError) throw e;
      throw new XlsxFormatError(`inte en .xlsx-fil (${(e as Error).message})`);
    }
    return new XlsxPackage(entries);
  }

  static open(path: string): XlsxPackage {
    return XlsxPackage.fromBuffer(readFileSync(path));
  }

  private text(path: string): string | undefined {
    const data = this.entries.get(path);
    return data ? Buffer.from(data.buffer, data.byteOffset, data.byteLength).toString('utf8') : undefined;
  }

  private setText(path: string, text: string): void {
    this.entries.set(path, Buffer.from(text, 'utf8'));
  }

  private rels(): Record<string, string>[] {
    return elements(this.text(this.relsPath) ?? '', 'Relationship').map(attributes);
  }

  private partOfType(suffix: string): string | undefined {
    const rel = this.rels().find((r) => r.Type?.endsWith(suffix));
    return rel ? resolvePartPath(dirname(this.workbookPath), rel.Target) : undefined;
  }

  /** A part's text, checked to be whole XML with root `root`; `what` names it in the error. */
  private xmlPart(path: string, root: string, what: string): string {
    const xml = this.text(path);
    if (xml === undefined) throw new WorkbookFormatError(`${what} (${path}) saknas i paketet`);
    const problem = partProblem(xml, root);
    if (problem) throw new WorkbookFormatError(`${what} (${path}) är skadad: ${problem}`);
    return xml;
  }

  /** `parse` on a checked part; anything it cannot read becomes a WorkbookFormatError naming the part. */
  private parsePart<T>(path: string, root: string, what: string, parse: (xml: string) => T): T {
    const xml = this.xmlPart(path, root, what);
    try {
      return parse(xml);
    } catch (e) {
      if (e instanceof LimitError) throw e.within(`${what} (${path})`);
      const detail = e instanceof SheetFormatError ? e.message : `XML-innehållet kan inte tolkas (${(e as Error).message})`;
      throw new WorkbookFormatError(`${what} (${path}) är skadad: ${detail}`);
    }
  }

  private loadSheets(): void {
    const sheetElements = this.parsePart(this.workbookPath, 'workbook', 'arbetsboksdelen', (xml) => elements(xml, 'sheet').map(attributes));
    if (sheetElements.length > 0) this.xmlPart(this.relsPath, 'Relationships', 'arbetsbokens relationer');
    const rels = new Map(this.rels().map((r) => [r.Id, r]));
    this.sheets = [];
    for (const a of sheetElements) {
      const rel = rels.get(a['r:id']);
      if (!rel) throw new WorkbookFormatError(`fliken '${a.name}' saknar sin del: relationen ${a['r:id']} finns inte i ${this.relsPath}`);
      if (rel.Type !== WORKSHEET_TYPE) continue;
      const path = resolvePartPath(dirname(this.workbookPath), rel.Target);
      if (!this.entries.has(path)) throw new WorkbookFormatError(`fliken '${a.name}' (${path}) saknas i paketet`);
      this.sheets.push({ name: a.name, path, state: a.state ?? 'visible' });
    }
  }

  async read(): Promise<WorkbookData> {
    const sharedPath = this.partOfType('/sharedStrings');
    const shared = sharedPath ? this.parsePart(sharedPath, 'sst', 'delen med delade texter', readSharedStrings) : [];
    const stylesPath = this.partOfType('/styles');
    const dateStyles = stylesPath && this.entries.has(stylesPath) ? this.parsePart(stylesPath, 'styleSheet', 'formatdelen', dateStyleIndexes) : new Set<number>();
    const sheets: SheetData[] = this.sheets.map((s) => {
      const grid = this.parsePart(s.path, 'worksheet', `fliken '${s.name}'`, (xml) => readSheet(xml, shared, dateStyles));
      return { name: s.name, values: grid.values, formulas: grid.formulas, hidden: s.state !== 'visible', protected: grid.protected };
    });
    const names: Record<string, string> = {};
    this.parsePart(this.workbookPath, 'workbook', 'arbetsboksdelen', (xml) => {
      for (const el of elements(xml, 'definedName')) {
        const a = attributes(el);
        if (a.localSheetId === undefined) names[a.name] = decodeXml(/>([\s\S]*)<\/definedName>/.exec(el)?.[1] ?? '');
      }
    });
    return { sheets, names };
  }

  async write(plan: WritePlan): Promise<void> {
    const stylesPath = this.ensureStyles();
    const styles = new StyleBook(this.text(stylesPath) ?? MINIMAL_STYLES);
    for (const w of plan.cellWrites) {
      const sheet = this.sheets.find((s) => s.name === w.sheet);
      if (!sheet) throw new XlsxFormatError(`fliken ${w.sheet} saknas`);
      this.setText(sheet.path, patchSheet(this.text(sheet.path) ?? '', w.cells, w.conditionalFormats, styles));
    }
    for (const out of plan.sheets) this.putOutputSheet(out, styles);
    this.setText(stylesPath, styles.toXml());
    this.setDefinedNames(plan.names);
  }

  private ensureStyles(): string {
    const existing = this.partOfType('/styles');
    if (existing) return existing;
    const path = `${dirname(this.workbookPath)}/styles.xml`;
    this.setText(path, MINIMAL_STYLES);
    this.addRelationship(`${REL}/styles`, 'styles.xml');
    this.addContentType(path, 'application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml');
    return path;
  }

  private addRelationship(type: string, target: string): string {
    const rels = this.text(this.relsPath) ?? `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>`;
    const ids = new Set(elements(rels, 'Relationship').map((r) => attributes(r).Id));
    let n = 1;
    while (ids.has(`rIdAvv${n}`)) n++;
    const id = `rIdAvv${n}`;
    this.setText(this.relsPath, rels.replace('</Relationships>', `<Relationship Id="${id}" Type="${type}" Target="${encodeXml(target)}"/></Relationships>`));
    return id;
  }

  private addContentType(path: string, type: string): void {
    const ct = this.text('[Content_Types].xml') ?? '';
    if (ct.includes(`PartName="/${path}"`)) return;
    this.setText('[Content_Types].xml', ct.replace('</Types>', `<Override PartName="/${path}" ContentType="${type}"/></Types>`));
  }

  /** Replaces our sheet's part, or adds a new sheet at the end of the workbook. */
  private putOutputSheet(out: OutputSheet, styles: StyleBook): void {
    const xml = outputSheetXml(out, styles);
    const existing = this.sheets.find((s) => s.name === out.name);
    if (existing) {
      this.setText(existing.path, xml);
      return;
    }
    const dir = `${dirname(this.workbookPath)}/worksheets`;
    let n = 1;
    while (this.entries.has(`${dir}/sheet${n}.xml`)) n++;
    const path = `${dir}/sheet${n}.xml`;
    this.setText(path, xml);
    this.addContentType(path, WORKSHEET_CONTENT);
    const id = this.addRelationship(WORKSHEET_TYPE, `worksheets/sheet${n}.xml`);
    const workbook = this.text(this.workbookPath) ?? '';
    const sheetIds = elements(workbook, 'sheet').map((s) => Number(attributes(s).sheetId) || 0);
    const entry = `<sheet name="${encodeXml(out.name)}" sheetId="${Math.max(0, ...sheetIds) + 1}" r:id="${id}"/>`;
    const withRns = /xmlns:r=/.test(workbook) ? workbook : workbook.replace(/<workbook\b/, `<workbook xmlns:r="${REL}"`);
    this.setText(this.workbookPath, withRns.replace('</sheets>', `${entry}</sheets>`));
    this.sheets.push({ name: out.name, path, state: 'visible' });
  }

  /** Our defined names replace earlier ones of the same name; the user's names stay. */
  private setDefinedNames(names: Record<string, string>): void {
    if (Object.keys(names).length === 0) return;
    let workbook = this.text(this.workbookPath) ?? '';
    workbook = workbook.replace(/<definedName\b([^>]*)>[\s\S]*?<\/definedName>/g, (all, attrs: string) => {
      const a = attributes(attrs);
      return a.localSheetId === undefined && a.name in names ? '' : all;
    });
    const ours = Object.entries(names).map(([name, ref]) => `<definedName name="${encodeXml(name)}">${encodeXml(ref)}</definedName>`).join('');
    if (/<definedNames\s*\/>/.test(workbook)) workbook = workbook.replace(/<definedNames\s*\/>/, `<definedNames>${ours}</definedNames>`);
    else if (workbook.includes('</definedNames>')) workbook = workbook.replace('</definedNames>', `${ours}</definedNames>`);
    else workbook = insertBefore(workbook, AFTER_DEFINED_NAMES, `<definedNames>${ours}</definedNames>`);
    this.setText(this.workbookPath, workbook);
  }

  toBuffer(): Buffer {
    return writeZip(this.entries);
  }

  async save(path: string): Promise<void> {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, this.toBuffer());
  }
}
