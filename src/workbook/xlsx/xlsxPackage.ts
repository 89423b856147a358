/**
 * The port over an .xlsx package, edited in place: every part of the user's file is carried over
 * byte for byte except the cells we fill, the styles we append, our own sheets and our defined names.
 * Nothing of the user's (conditional formats, validations, charts, macros, print settings, names) is
 * lost, and a large workbook is never expanded into an object model. Parts are found whatever their
 * letter case and namespaces whatever their prefix; a Strict OOXML workbook is written in Strict.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { OutputSheet, SheetData, WorkbookData, WorkbookPort, WritePlan } from '../port';
import { cellAddress } from '../../core/address';
import { prunedCalcChain } from './calcChain';
import { folderOf, Parts, relsPathOf, targetPart, type Relationship } from './opc';
import { readSharedStrings, readSheet, SheetFormatError } from './sheetReader';
import { startSheetPatch, type PatchInFlight } from './sheetPatch';
import { outputSheetXml, sheetNamespaces } from './sheetXml';
import { takeOwnDrawings, writeSheetCharts } from './sheetDrawing';
import { dateStyleIndexes, StyleBook } from './styles';
import { LimitError, LIMITS, limitText } from './limits';
import { WorkbookPart } from './workbookPart';
import { readZipParts, writeZip, ZipFormatError, type PartEntries } from './zip';
import { isPacked } from './packedPart';
import { parseXml, XmlShapeError } from './xmlTree';
import { notUtf8, partProblem } from './partProblems';

const WORKSHEET_CONTENT = 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml';
const STYLES_CONTENT = 'application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml';
const MINIMAL_STYLES = (ns: string) =>
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="${ns}"><fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>`;

/** The file extension Excel requires for each kind of workbook part. */
const EXTENSION_OF_CONTENT: Record<string, string> = {
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml': 'xlsx',
  'application/vnd.ms-excel.sheet.macroEnabled.main+xml': 'xlsm',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.template.main+xml': 'xltx',
  'application/vnd.ms-excel.template.macroEnabled.main+xml': 'xltm',
  'application/vnd.ms-excel.addin.macroEnabled.main+xml': 'xlam',
};

/**
 * Parts this large are held compressed from open to save (a million-row sheet: 40 MB instead of 400)
 * and inflated again when read or patched; smaller ones are held as their content.
 */
const PACKED_FROM = 8 * 1024 * 1024;

/** Why a part over `LIMITS.partBytes` is not read, and what to do. */
const TOO_LARGE = `den packas upp till mer än ${limitText(LIMITS.partBytes, 'bytes')} XML, mer än programmet kan läsa som en text (i en prognosflik med tio kolumner ungefär 1,3 miljoner rader); dela upp bladet på flera flikar, t.ex. en per förvaltning, och kör igen`;

/** Every cell of a sheet we replace whole. */
const ALL_CELLS: Set<string> = new Set();

interface SheetEntry {
  name: string;
  path: string;
  state: string;
  sheetId: number;
}

export class XlsxFormatError extends Error {}

/**
 * A part inside a sound zip is missing or broken: the message names the part (and the sheet), e.g.
 * `fliken 'Budget' (xl/worksheets/sheet1.xml) är skadad: den tar slut mitt i rad 6`.
 */
export class WorkbookFormatError extends XlsxFormatError {}

export class XlsxPackage implements WorkbookPort {
  private readonly parts: Parts;
  private readonly workbookPath: string;
  private readonly workbookFolder: string;
  private sheets: SheetEntry[] = [];
  /** Sheets that are no worksheets (chart sheets, dialog sheets): their names are taken all the same. */
  private otherSheets: string[] = [];
  private readonly merges = new Map<string, string[]>();
  /**
   * Each worksheet's text as `read` decoded it, until `write` patches it: a large part is held packed
   * (`readZipParts`), and inflating and decoding it a second time cost more (1.1 s and, for a moment,
   * 800 MB at a million rows) than keeping its text, which for an ASCII part lives outside V8's heap.
   */
  private readonly readTexts = new Map<string, string>();
  private strict = false;

  private constructor(entries: PartEntries) {
    this.parts = new Parts(entries);
    const office = this.rootRelationships().find((r) => /\/officeDocument$/.test(r.type) && !r.external);
    if (!office) throw new XlsxFormatError('filen saknar en arbetsbok (ingen officeDocument-relation)');
    const path = targetPart('', office.target);
    this.workbookPath = this.parts.find(path) ?? path;
    this.workbookFolder = folderOf(this.workbookPath);
    this.loadSheets();
    // a large part's content from the open check is kept only for a worksheet, which `read` takes next
    const sheetPaths = new Set(this.sheets.map((s) => s.path));
    for (const [name, data] of this.parts.entries) if (isPacked(data) && !sheetPaths.has(name)) data.firstContent = undefined;
  }

  static fromBuffer(data: Uint8Array): XlsxPackage {
    let entries: PartEntries;
    try {
      entries = readZipParts(data, PACKED_FROM);
    } catch (e) {
      if (e instanceof LimitError || e instanceof ZipFormatError) throw e;
      throw new XlsxFormatError(`inte en .xlsx-fil (${(e as Error).message})`);
    }
    return new XlsxPackage(entries);
  }

  static open(path: string): XlsxPackage {
    return XlsxPackage.fromBuffer(readFileSync(path));
  }

  /** The extension the workbook's own kind requires (`xlsm` for a macro-enabled workbook). */
  get fileExtension(): string {
    let type: string | undefined;
    try {
      type = this.parts.contentType(this.workbookPath);
    } catch {
      type = undefined; // a damaged list of content types is named when we write, not here
    }
    return EXTENSION_OF_CONTENT[type ?? ''] ?? (this.parts.has(`${this.workbookFolder ? `${this.workbookFolder}/` : ''}vbaProject.bin`) ? 'xlsm' : 'xlsx');
  }

  /** The package's own relationships (`_rels/.rels`). */
  private rootRelationships(): Relationship[] {
    return this.checkedRelationships('', 'paketets relationer');
  }

  private workbookRels(): Relationship[] {
    return this.checkedRelationships(this.workbookPath, 'arbetsbokens relationer');
  }

  /** The relationships of `part` ('' for the package), its part checked as every part we read is; none when it has none. */
  private checkedRelationships(part: string, what: string): Relationship[] {
    const path = this.parts.find(relsPathOf(part));
    return path === undefined ? [] : this.parsePart(path, 'Relationships', what, () => this.parts.relationships(part));
  }

  private partOfType(suffix: string): string | undefined {
    const rel = this.workbookRels().find((r) => r.type.endsWith(suffix) && !r.external);
    if (!rel) return undefined;
    const path = targetPart(this.workbookFolder, rel.target);
    return this.parts.find(path) ?? path;
  }

  /** A part's text, checked to be whole XML with root `root`; `what` names it in the error. */
  private xmlPart(path: string, root: string, what: string): string {
    if (this.parts.tooLarge(path)) throw new WorkbookFormatError(`${what} (${path}) är för stor för att läsas: ${TOO_LARGE}`);
    const checked = this.parts.checkedText(path);
    if (checked === undefined) throw new WorkbookFormatError(`${what} (${path}) saknas i paketet`);
    const xml = checked.text;
    const problem = partProblem(xml, root) ?? notUtf8(checked.notUtf8At);
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
      const detail = e instanceof SheetFormatError || e instanceof XmlShapeError ? e.message : `XML-innehållet kan inte tolkas (${(e as Error).message})`;
      throw new WorkbookFormatError(`${what} (${path}) är skadad: ${detail}`);
    }
  }

  private workbookPart(): WorkbookPart {
    return this.parsePart(this.workbookPath, 'workbook', 'arbetsboksdelen', (xml) => new WorkbookPart(xml));
  }

  private loadSheets(): void {
    const workbook = this.workbookPart();
    this.strict = workbook.strict;
    const listed = workbook.sheets();
    const relsPath = relsPathOf(this.workbookPath);
    if (listed.length > 0) this.xmlPart(this.parts.find(relsPath) ?? relsPath, 'Relationships', 'arbetsbokens relationer');
    const rels = new Map(this.workbookRels().map((r) => [r.id, r]));
    for (const s of listed) {
      const rel = s.relId ? rels.get(s.relId) : undefined;
      if (!rel) throw new WorkbookFormatError(`fliken '${s.name}' saknar sin del: ${s.relId ? `relationen ${s.relId} finns inte i ${relsPath}` : 'elementet <sheet> har ingen relation (r:id)'}`);
      if (!/\/worksheet$/.test(rel.type)) {
        this.otherSheets.push(s.name);
        continue;
      }
      const target = targetPart(this.workbookFolder, rel.target);
      const path = this.parts.find(target);
      if (!path) throw new WorkbookFormatError(`fliken '${s.name}' (${target}) saknas i paketet`);
      this.sheets.push({ name: s.name, path, state: s.state, sheetId: s.sheetId });
    }
  }

  async read(): Promise<WorkbookData> {
    const sharedPath = this.partOfType('/sharedStrings');
    const shared = sharedPath ? this.parsePart(sharedPath, 'sst', 'delen med delade texter', readSharedStrings) : [];
    const stylesPath = this.partOfType('/styles');
    const dateStyles = stylesPath ? this.parsePart(stylesPath, 'styleSheet', 'formatdelen', dateStyleIndexes) : new Set<number>();
    const sheets: SheetData[] = this.sheets.map((s) => {
      const grid = this.parsePart(s.path, 'worksheet', `fliken '${s.name}'`, (xml) => {
        this.readTexts.set(s.path, xml);
        return readSheet(xml, shared, dateStyles);
      });
      this.merges.set(s.name, grid.merges);
      return { name: s.name, values: grid.values, formulas: grid.formulas, hidden: s.state !== 'visible', protected: grid.protected };
    });
    const names: Record<string, string> = {};
    for (const n of this.workbookPart().definedNames()) if (n.localSheetId === undefined && !(n.name in names)) names[n.name] = n.ref;
    return { sheets, names, otherSheets: [...this.otherSheets] };
  }

  /** The merged areas of a sheet (`A1:C2` …), as its part lists them (after `read`). */
  mergedRanges(sheetName: string): string[] {
    return this.merges.get(sheetName) ?? [];
  }

  /** The part name of a worksheet (`xl/worksheets/sheet1.xml`), for inspection. */
  sheetPartName(name: string): string | undefined {
    return this.sheetNamed(name)?.path;
  }

  /** The XML of a worksheet's part, as it stands (for inspection). */
  sheetXml(name: string): string | undefined {
    const sheet = this.sheetNamed(name);
    return sheet ? this.parts.text(sheet.path) : undefined;
  }

  /** The XML of the styles part, as it stands (for inspection). */
  stylesXml(): string | undefined {
    const path = this.partOfType('/styles');
    return path ? this.parts.text(path) : undefined;
  }

  /** A worksheet by name: the exact name first, else the same name in another letter case (as Excel matches). */
  private sheetNamed(name: string): SheetEntry | undefined {
    return this.sheets.find((s) => s.name === name) ?? this.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
  }

  async write(plan: WritePlan): Promise<void> {
    // the parts every write extends must be whole first: a damaged one is named, never half-edited
    this.parsePart('[Content_Types].xml', 'Types', 'paketets innehållsförteckning', (xml) => parseXml(xml));
    this.workbookRels();
    const stylesPath = this.ensureStyles();
    const styles = this.parsePart(stylesPath, 'styleSheet', 'formatdelen', (xml) => new StyleBook(xml));
    const cleared = new Map<number, Set<string>>();
    // each sheet's last slices are deflated while the next sheet is patched and our own sheets are made
    const patches = new Map<string, PatchInFlight>();
    try {
      for (const w of plan.cellWrites) {
        const sheet = this.sheetNamed(w.sheet);
        if (!sheet) throw new XlsxFormatError(`fliken ${w.sheet} saknas`);
        await this.takePatch(patches, sheet.path); // a sheet written twice is patched over its first patch
        const xml = this.readTexts.get(sheet.path) ?? this.parts.text(sheet.path) ?? '';
        this.readTexts.delete(sheet.path);
        patches.set(sheet.path, await startSheetPatch(xml, w, w.conditionalFormats, styles));
        const plain = w.cells.filter((c) => !c.formula).map((c) => cellAddress(c.row, c.col));
        if (plain.length) cleared.set(sheet.sheetId, new Set(plain));
      }
      for (const out of plan.sheets) {
        const replaced = this.putOutputSheet(out, styles);
        if (replaced !== undefined) cleared.set(replaced, ALL_CELLS);
      }
      this.parts.setText(stylesPath, styles.toXml());
      this.parts.setText(this.workbookPath, this.workbookPart().withDefinedNames(plan.names));
      this.pruneCalcChain(cleared);
      for (const path of [...patches.keys()]) await this.takePatch(patches, path);
    } catch (e) {
      for (const p of patches.values()) p.abort();
      throw e;
    }
  }

  /** The patched part of `path`, once deflated, in place of the part (its place in the package kept). */
  private async takePatch(patches: Map<string, PatchInFlight>, path: string): Promise<void> {
    const patch = patches.get(path);
    if (!patch) return;
    patches.delete(path);
    const packed = await patch.packed;
    if (packed) this.parts.setPacked(path, packed);
  }

  private ensureStyles(): string {
    const existing = this.partOfType('/styles');
    if (existing) return existing;
    const path = `${this.workbookFolder ? `${this.workbookFolder}/` : ''}styles.xml`;
    const ns = sheetNamespaces(this.strict);
    this.parts.setText(path, MINIMAL_STYLES(ns.main));
    this.parts.addRelationship(this.workbookPath, `${ns.relTypes}/styles`, 'styles.xml');
    this.parts.addContentType(path, STYLES_CONTENT);
    return path;
  }

  /** Replaces our sheet's part (returning its sheet id), or adds a new sheet at the end of the workbook. */
  private putOutputSheet(out: OutputSheet, styles: StyleBook): number | undefined {
    const ns = sheetNamespaces(this.strict);
    const existing = this.sheetNamed(out.name);
    if (!existing && this.otherSheets.some((n) => n.toLowerCase() === out.name.toLowerCase())) throw new XlsxFormatError(`fliken ${out.name} finns redan och är inget kalkylblad`);
    const path = existing?.path ?? this.parts.freshName(`${this.workbookFolder ? `${this.workbookFolder}/` : ''}worksheets`, 'sheet', '.xml');
    const old = existing ? takeOwnDrawings(this.parts, path, out.name, ns.relTypes) : [];
    // charts are written in transitional markup only; a Strict workbook gets its tables without them
    const drawingId = writeSheetCharts(this.parts, path, this.strict ? [] : out.charts ?? [], ns.relTypes, this.workbookFolder, old);
    this.parts.setText(path, outputSheetXml(out, styles, ns, drawingId));
    if (existing) return existing.sheetId;
    this.parts.addContentType(path, WORKSHEET_CONTENT);
    const relative = this.workbookFolder ? path.slice(this.workbookFolder.length + 1) : path;
    const id = this.parts.addRelationship(this.workbookPath, `${ns.relTypes}/worksheet`, relative);
    const workbook = this.workbookPart();
    this.parts.setText(this.workbookPath, workbook.withSheet(out.name, id));
    this.sheets.push({ name: out.name, path, state: 'visible', sheetId: Math.max(0, ...this.workbookPart().sheets().map((s) => s.sheetId)) });
    return undefined;
  }

  /** Takes out of the calculation chain every entry for a cell that no longer has a formula. */
  private pruneCalcChain(cleared: Map<number, Set<string>>): void {
    const path = this.partOfType('/calcChain');
    if (!path || cleared.size === 0) return;
    const xml = this.parts.text(path) ?? '';
    let pruned: string | undefined;
    try {
      pruned = prunedCalcChain(xml, (sheetId, ref) => {
        const cells = cleared.get(sheetId);
        return cells === ALL_CELLS || (cells?.has(ref) ?? false);
      });
    } catch {
      pruned = undefined; // a chain we cannot read is dropped: Excel rebuilds it
    }
    if (pruned !== undefined) {
      this.parts.setText(path, pruned);
      return;
    }
    this.parts.delete(path);
    this.parts.removeContentType(path);
    const ids = new Set(this.workbookRels().filter((r) => r.type.endsWith('/calcChain')).map((r) => r.id));
    this.parts.removeRelationships(this.workbookPath, ids);
  }

  toBuffer(): Buffer {
    return writeZip(this.parts.entries);
  }

  async save(path: string): Promise<void> {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, this.toBuffer());
  }
}
