/**
 * The state behind the fake Excel (see fakeExcel.ts): sheets as in-memory grids with their formats,
 * conditional formats, merges and sizes, plus the workbook's names, settings and selection.
 */
import { cellAddress, parseCellAddress } from '../../../src/core/address';
import type { ChartModel } from './fakeChartModel';

export type Scalar = string | number | boolean;

export class FakeExcelError extends Error {
  /** As `OfficeExtension.Error.debugInfo`: where the batch failed (`Range.formulas`). */
  debugInfo?: { errorLocation: string };
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'RichApi.Error';
  }
}

/** Excel compares sheet and defined names without regard to case. */
export const sameName = (a: string, b: string): boolean => a.toUpperCase() === b.toUpperCase();

/**
 * A formula moved down by `rows` as Excel moves one in a calculated column: every reference whose row
 * is not absolute follows (`C5-D5` → `C7-D7`); function names (`LOG10(`) and strings are left alone.
 */
export function shiftRows(formula: string, rows: number): string {
  return formula
    .split(/("[^"]*")/)
    .map((part, i) => (i % 2 ? part : part.replace(/(?<![A-Za-z_$])(\$?[A-Z]{1,3})(\$?)(\d+)(?![\w(])/g, (_, col: string, abs: string, row: string) => `${col}${abs}${abs ? row : Number(row) + rows}`)))
    .join('');
}

export const cellId = (r: number, c: number): string => `${r},${c}`;
const fromId = (id: string): [number, number] => id.split(',').map(Number) as [number, number];

/** Inclusive 0-based bounds. */
export interface Box {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export function parseBox(address: string): Box {
  const [from, to = from] = address.slice(address.lastIndexOf('!') + 1).split(':');
  const a = parseCellAddress(from);
  const b = parseCellAddress(to);
  return { top: a.row, left: a.col, bottom: b.row, right: b.col };
}

export function boxAddress(box: Box): string {
  const from = cellAddress(box.top, box.left);
  return box.top === box.bottom && box.left === box.right ? from : `${from}:${cellAddress(box.bottom, box.right)}`;
}

export const intersects = (a: Box, b: Box): boolean => a.top <= b.bottom && b.top <= a.bottom && a.left <= b.right && b.left <= a.right;
export const cellCount = (b: Box): number => (b.bottom - b.top + 1) * (b.right - b.left + 1);
const inBox = (b: Box, [r, c]: [number, number]) => r >= b.top && r <= b.bottom && c >= b.left && c <= b.right;

export interface CellFormat {
  bold?: boolean;
  italic?: boolean;
  size?: number;
  color?: string;
  fill?: string;
  horizontalAlignment?: string;
  verticalAlignment?: string;
  indentLevel?: number;
  wrapText?: boolean;
  borderTop?: string;
  borderBottom?: string;
}

export interface ConditionalFormatModel {
  type: string;
  box: Box;
  formula?: string;
  fill?: string;
  fontColor?: string;
}

export class FakeSheet {
  visibility = 'Visible';
  protected = false;
  /** `''` is an empty cell; a formula cell holds its calculated value. */
  readonly values: Scalar[][] = [];
  /** `r,c` → `=…` */
  readonly formulas = new Map<string, string>();
  readonly numberFormats = new Map<string, string>();
  readonly formats = new Map<string, CellFormat>();
  /** First = top priority. */
  conditionalFormats: ConditionalFormatModel[] = [];
  merges: string[] = [];
  readonly columnWidths = new Map<number, number>();
  readonly rowHeights = new Map<number, number>();
  readonly hiddenColumns = new Set<number>();
  frozenRows = 0;
  showGridlines = true;
  pageBreaks: number[] = [];
  /** Excel Tables: name and data body (without header row). */
  tables: { name: string; body: Box }[] = [];
  /** Charts on the sheet (fakeChartModel.ts); clearing cells leaves them, as in Excel. */
  charts: ChartModel[] = [];

  constructor(public name: string) {}

  value(r: number, c: number): Scalar {
    return this.values[r]?.[c] ?? '';
  }

  /**
   * Takes one entry of a `values` / `formulas` array as Excel does: null leaves the cell alone; in a
   * cell formatted as text (`@`) a string stays text, even `=C5-D5`.
   */
  input(r: number, c: number, input: unknown): void {
    if (input === null) return;
    if (typeof input !== 'string' && typeof input !== 'number' && typeof input !== 'boolean') throw new FakeExcelError('InvalidArgument', `cannot write ${String(input)}`);
    this.formulas.delete(cellId(r, c));
    let value: Scalar = input;
    if (typeof input === 'string' && input.startsWith("'")) value = input.slice(1);
    else if (typeof input === 'string' && this.numberFormats.get(cellId(r, c)) === '@') value = input;
    else if (typeof input === 'string' && input.startsWith('=')) {
      this.formulas.set(cellId(r, c), input);
      value = ''; // calculated at the end of the sync
    } else if (typeof input === 'string' && input.trim() !== '' && Number.isFinite(Number(input))) value = Number(input);
    (this.values[r] ??= [])[c] = value;
  }

  format(r: number, c: number): CellFormat {
    const id = cellId(r, c);
    const existing = this.formats.get(id);
    if (existing) return existing;
    const created: CellFormat = {};
    this.formats.set(id, created);
    return created;
  }

  /** The cells with a value or a formula (`getUsedRange(true)`), or null. */
  usedBox(): Box | null {
    const box = { top: Infinity, left: Infinity, bottom: -1, right: -1 };
    const extend = (r: number, c: number) => {
      box.top = Math.min(box.top, r);
      box.bottom = Math.max(box.bottom, r);
      box.left = Math.min(box.left, c);
      box.right = Math.max(box.right, c);
    };
    this.values.forEach((row, r) => {
      let first = -1;
      let last = -1;
      for (let c = 0; c < (row?.length ?? 0); c++) {
        if (row[c] === '' || row[c] === undefined) continue;
        if (first < 0) first = c;
        last = c;
      }
      if (first >= 0) [extend(r, first), extend(r, last)];
    });
    for (const id of this.formulas.keys()) extend(...fromId(id));
    return box.bottom < 0 ? null : box;
  }

  clear(box: Box): void {
    for (const map of [this.formulas, this.numberFormats, this.formats]) for (const id of [...map.keys()]) if (inBox(box, fromId(id))) map.delete(id);
    for (let r = box.top; r <= Math.min(box.bottom, this.values.length - 1); r++) {
      const row = this.values[r] ?? [];
      for (let c = box.left; c <= Math.min(box.right, row.length - 1); c++) row[c] = '';
    }
  }
}

export interface FakeExcelOptions {
  /** Calculates a formula (without `=`) from other cells' values; undefined leaves the cell's value. */
  calculate?: (formula: string, cell: (ref: string) => Scalar) => Scalar | undefined;
  /** Whether the host has the comments API (ExcelApi 1.10; default true). Without it any use fails the sync. */
  comments?: boolean;
  /** A request larger than this fails with `GeneralException`, as desktop Excel fails an oversized batch (default: never). */
  generalExceptionAbove?: number;
  /** A read of more cells than this sends `null` for values and formulas (Excel: 5 million). */
  maxReadCells?: number;
  /** Whether `delayForCellEdit` makes a batch wait while a cell is edited (default true; an older host ignores it). */
  honoursDelayForCellEdit?: boolean;
  /** The limit for one request and one response (Excel on the web: 5 000 000 bytes). */
  payloadLimit?: number;
  /** The highest ExcelApi the host has, for members above the manifest's 1.9 (default 1.9). */
  excelApi?: string;
}

/** A (threaded) cell comment. */
export interface CommentModel {
  id: string;
  sheet: string;
  row: number;
  col: number;
  content: string;
}

export class FakeState {
  readonly sheets: FakeSheet[] = [];
  /** Workbook-scoped names → `=…` */
  readonly names = new Map<string, string>();
  readonly settings = new Map<string, unknown>();
  selection: { sheet: string; address: string } | null = null;
  activeSheet = '';
  workbookProtected = false;
  calculationSuspensions = 0;
  /** `Automatic`, or `Manual`: then formulas are calculated only by `calculate()`. */
  calculationMode: 'Automatic' | 'Manual' = 'Automatic';
  /** The user is editing a cell: a batch fails (`InvalidOperationInCellEditMode`) or, with `delayForCellEdit`, waits. */
  cellEditing = false;
  private editEnded: (() => void)[] = [];
  /** Cell comments, one per cell at most. */
  comments: CommentModel[] = [];
  private commentIds = 0;

  constructor(private readonly options: FakeExcelOptions = {}) {}

  get generalExceptionAbove(): number {
    return this.options.generalExceptionAbove ?? Infinity;
  }
  get maxReadCells(): number {
    return this.options.maxReadCells ?? 5_000_000;
  }
  get payloadLimit(): number {
    return this.options.payloadLimit ?? 5_000_000;
  }
  /** Fails a sync that uses a member of a later ExcelApi than the host has. */
  assertExcelApi(version: string, member: string): void {
    const [, have] = (this.options.excelApi ?? '1.9').split('.').map(Number);
    if (Number(version.split('.')[1]) > have) throw new FakeExcelError('ApiNotFound', `${member} needs ExcelApi ${version}; the host has ${this.options.excelApi ?? '1.9'}.`);
  }
  /** A failure to inject: asked for every change of cells (`Range.values` on sheet `Kommentarer`) as it is applied. */
  faultAt?: (location: string, sheet: string) => FakeExcelError | undefined;
  get honoursDelayForCellEdit(): boolean {
    return this.options.honoursDelayForCellEdit ?? true;
  }

  /** Resolves when the user leaves cell edit mode. */
  cellEditEnded(): Promise<void> {
    return this.cellEditing ? new Promise((resolve) => this.editEnded.push(resolve)) : Promise.resolve();
  }

  /** The user presses Enter: batches that waited go on. */
  endCellEdit(): void {
    this.cellEditing = false;
    this.editEnded.splice(0).forEach((resume) => resume());
  }

  /** The stored key of a defined name, found as Excel finds it (case-insensitively). */
  nameKey(name: string): string | undefined {
    return [...this.names.keys()].find((k) => sameName(k, name));
  }

  /** Fails (as a host without ExcelApi 1.10 does at the sync) when there is no comments API. */
  assertComments(): void {
    if (this.options.comments === false) throw new FakeExcelError('ApiNotFound', 'The API you are trying to use could not be found (comments, ExcelApi 1.10).');
  }

  /** Adds a comment as `comments.add` does: one cell, not one that has a comment already. */
  addComment(sheet: string, row: number, col: number, content: string): CommentModel {
    if (this.comments.some((c) => c.sheet === sheet && c.row === row && c.col === col)) throw new FakeExcelError('InvalidArgument', 'The cell already has a comment.');
    const comment = { id: `c${++this.commentIds}`, sheet, row, col, content };
    this.comments.push(comment);
    return comment;
  }

  find(name: string): FakeSheet | undefined {
    return this.sheets.find((s) => sameName(s.name, name));
  }

  sheet(name: string): FakeSheet {
    const sheet = this.find(name);
    if (!sheet) throw new FakeExcelError('ItemNotFound', `The requested resource doesn't exist (worksheet ${name}).`);
    return sheet;
  }

  /** Recalculates every formula cell (Excel does it after a batch that changed something), or those in one range. */
  recalculate(only?: { sheet: FakeSheet; box: Box }): void {
    const calculate = this.options.calculate;
    if (!calculate) return;
    for (const sheet of only ? [only.sheet] : this.sheets) {
      const evaluate = (r: number, c: number, depth: number): Scalar => {
        const formula = sheet.formulas.get(cellId(r, c));
        if (!formula || depth > 50) return sheet.value(r, c);
        const ref = (a1: string) => {
          const { row, col } = parseCellAddress(a1);
          return evaluate(row, col, depth + 1);
        };
        return calculate(formula.slice(1), ref) ?? sheet.value(r, c);
      };
      for (const id of sheet.formulas.keys()) {
        const [r, c] = fromId(id);
        if (!only || inBox(only.box, [r, c])) (sheet.values[r] ??= [])[c] = evaluate(r, c, 0);
      }
    }
  }
}
