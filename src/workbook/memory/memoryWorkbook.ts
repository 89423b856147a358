/**
 * An in-memory workbook behind the port: unit tests and the browser demo of the task pane. Typing into
 * a cell (`setCell`) recalculates the sheet's formulas, and `flagAt` evaluates its conditional formats,
 * with the small evaluator in ./formula.ts: a live preview in JavaScript numbers, not the report's
 * decimal arithmetic. The audit's marks are conditional formats as in Excel (so `flagAt` shows them)
 * and notes per cell (`noteAt`), recorded in `documentSettings` as Excel records them.
 */
import { parseCellAddress } from '../../core/address';
import type { RawValue } from '../../core/types';
import type { SettingsInput } from '../settingsInput';
import { isMarkRule, MARK_COLORS, MARK_FORMULA, markBlocks, markedCells, MARKS_KEY, markedSheets, parseMarkRecord, type CellMark, type HostEnvironment, type HostPort, type MarkRecord, type RangeRef } from '../host';
import { cellKey, type ConditionalFormat, type OutputSheet, type ReadOptions, type SheetChart, type SheetData, type WorkbookData, type WritePlan } from '../port';
import { cellsOf } from '../columnWrite';
import { chartsAsShown, readerOf } from './memoryCharts';
import { evaluate, evaluateFormula, fromRawValue, isTruthy, parseFormula, type FormulaValue } from './formula';

export interface MemorySheet extends SheetData {
  numFmts: Map<string, string>;
  conditionalFormats: ConditionalFormat[];
  output?: OutputSheet;
  /** Notes on cells (the audit's messages), by `cellKey`: the demo grid can show them as tooltips. */
  notes: Map<string, string>;
}

/** The format a matching conditional-format rule gives a cell (ARGB colours, `FFFFC7CE`). */
export interface CellFlag {
  fill: string;
  fontColor: string;
}

/** Deeper chains of formulas than this are not followed: the cell keeps its stored value. */
const MAX_FORMULA_DEPTH = 2000;

/** The 0-based rectangles of a conditional format's range (`F5:F19`, or several separated by spaces or commas). */
function areas(range: string): { top: number; left: number; bottom: number; right: number }[] {
  const out: { top: number; left: number; bottom: number; right: number }[] = [];
  for (const part of range.split(/[\s,]+/).filter(Boolean)) {
    try {
      const [a, b = a] = part.slice(part.lastIndexOf('!') + 1).split(':').map(parseCellAddress);
      out.push({ top: Math.min(a.row, b.row), left: Math.min(a.col, b.col), bottom: Math.max(a.row, b.row), right: Math.max(a.col, b.col) });
    } catch {
      // not an address: the format cannot apply anywhere
    }
  }
  return out;
}

export class MemoryWorkbook implements HostPort {
  readonly kind = 'memory' as const;
  readonly sheets: MemorySheet[];
  names: Record<string, string>;
  /** The selected range; the demo sets it when the user clicks a cell. */
  selection: RangeRef | null = null;
  /** Document settings, as Excel keeps them in the workbook. */
  settings: SettingsInput | null = null;
  /** Other document settings by key, as stored (JSON text): the record of the audit's marks. */
  readonly documentSettings = new Map<string, string>();
  /** Counts of calls, for tests that check what the pane did. */
  readonly calls = { read: 0, write: 0, select: 0, mark: 0, clearMarks: 0 };

  constructor(sheets: { name: string; values: RawValue[][]; formulas?: Map<string, string>; protected?: boolean }[], names: Record<string, string> = {}) {
    this.sheets = sheets.map((s) => ({ name: s.name, values: s.values.map((r) => [...r]), formulas: new Map(s.formulas ?? []), protected: s.protected, numFmts: new Map(), conditionalFormats: [], notes: new Map() }));
    this.names = { ...names };
  }

  sheet(name: string): MemorySheet | undefined {
    return this.sheets.find((s) => s.name === name);
  }

  async read(options: ReadOptions = {}): Promise<WorkbookData> {
    this.calls.read++;
    const only = options.sheets;
    return {
      sheets: this.sheets.filter((s) => !only || only.includes(s.name)).map((s) => ({ name: s.name, values: s.values.map((r) => [...r]), formulas: new Map(s.formulas), protected: s.protected })),
      names: { ...this.names },
    };
  }

  async write(plan: WritePlan): Promise<void> {
    this.calls.write++;
    for (const w of plan.cellWrites) {
      const sheet = this.sheet(w.sheet);
      if (!sheet) throw new Error(`Fliken ${w.sheet} saknas`);
      for (const c of cellsOf(w)) {
        (sheet.values[c.row] ??= [])[c.col] = c.value ?? null;
        if (c.formula) sheet.formulas.set(cellKey(c.row, c.col), c.formula);
        if (c.style?.numFmt && !sheet.numFmts.has(cellKey(c.row, c.col))) sheet.numFmts.set(cellKey(c.row, c.col), c.style.numFmt);
      }
      const ranges = new Set(w.conditionalFormats.map((f) => f.range));
      sheet.conditionalFormats = [...sheet.conditionalFormats.filter((f) => !ranges.has(f.range)), ...w.conditionalFormats];
    }
    for (const out of plan.sheets) {
      const values: RawValue[][] = [];
      const formulas = new Map<string, string>();
      for (const c of out.cells) {
        (values[c.row] ??= [])[c.col] = c.value ?? null;
        if (c.formula) formulas.set(cellKey(c.row, c.col), c.formula);
      }
      for (let r = 0; r < values.length; r++) values[r] ??= [];
      const sheet: MemorySheet = { name: out.name, values, formulas, numFmts: new Map(), conditionalFormats: out.conditionalFormats, output: out, notes: new Map() };
      const i = this.sheets.findIndex((s) => s.name === out.name);
      if (i >= 0) this.sheets[i] = sheet;
      else this.sheets.push(sheet);
    }
    Object.assign(this.names, plan.names);
  }

  /**
   * Types a value into a cell, as a user would: any formula there is replaced, then every formula on
   * the sheet is recalculated. The cell is given by 0-based row and column, or as an address (`E7`).
   */
  setCell(sheet: string, row: number, col: number, value: RawValue): void;
  setCell(sheet: string, address: string, value: RawValue): void;
  setCell(sheetName: string, at: number | string, colOrValue: number | RawValue, maybeValue?: RawValue): void {
    const sheet = this.sheet(sheetName);
    if (!sheet) throw new Error(`Fliken ${sheetName} saknas`);
    const { row, col } = typeof at === 'string' ? parseCellAddress(at) : { row: at, col: colOrValue as number };
    const value = typeof at === 'string' ? (colOrValue as RawValue) : maybeValue;
    (sheet.values[row] ??= [])[col] = value ?? null;
    sheet.formulas.delete(cellKey(row, col));
    this.recalculate(sheetName);
    this.changed();
  }

  /**
   * Recalculates every formula on a sheet in dependency order: a formula's references are calculated
   * (once) before it, so one pass is enough. A circular reference, or a chain deeper than
   * MAX_FORMULA_DEPTH, reads the cell's stored value at the point where it closes.
   */
  recalculate(sheetName: string): void {
    const sheet = this.sheet(sheetName);
    if (!sheet) return;
    const done = new Map<string, FormulaValue>();
    const pending = new Set<string>();
    const stored = (row: number, col: number): FormulaValue => fromRawValue(sheet.values[row]?.[col]);
    const valueAt = (row: number, col: number): FormulaValue => {
      const key = cellKey(row, col);
      const formula = sheet.formulas.get(key);
      if (formula === undefined) return stored(row, col);
      const known = done.get(key);
      if (known !== undefined) return known;
      if (pending.has(key) || pending.size >= MAX_FORMULA_DEPTH) return stored(row, col);
      pending.add(key);
      const value = evaluateFormula(formula, valueAt);
      pending.delete(key);
      done.set(key, value);
      (sheet.values[row] ??= [])[col] = value;
      return value;
    };
    for (const key of [...sheet.formulas.keys()]) {
      const [row, col] = key.split(',').map(Number);
      valueAt(row, col);
    }
  }

  /**
   * The flag colours a cell shows: the first rule, in order, of the sheet's conditional formats over the
   * cell whose formula is TRUE there. A rule is written for its range's top-left cell; its relative
   * references move with the cell, as in Excel (and as `shiftFormula` moves a shared formula).
   */
  flagAt(sheetName: string, row: number, col: number): CellFlag | undefined {
    const sheet = this.sheet(sheetName);
    if (!sheet) return undefined;
    const cell = (r: number, c: number): FormulaValue => fromRawValue(sheet.values[r]?.[c]);
    for (const format of sheet.conditionalFormats) {
      const all = areas(format.range);
      if (!all.some((a) => row >= a.top && row <= a.bottom && col >= a.left && col <= a.right)) continue;
      const offset = { rows: row - all[0].top, cols: col - all[0].left };
      for (const rule of format.rules) {
        const expr = parseFormula(rule.formula);
        if (expr && isTruthy(evaluate(expr, cell, offset))) return { fill: rule.fill, fontColor: rule.fontColor };
      }
    }
    return undefined;
  }

  /** Our charts on an output sheet, reading the table cells as they are now (empty for any other sheet). */
  chartsOn(sheetName: string): SheetChart[] {
    return chartsAsShown(this.sheet(sheetName)?.output?.charts ?? [], readerOf(this.sheets));
  }

  /** The note on a cell (an audit message), if any. */
  noteAt(sheetName: string, row: number, col: number): string | undefined {
    return this.sheet(sheetName)?.notes.get(cellKey(row, col));
  }

  /** Adds a sheet of values at the end (the demo and tests: a table typed by hand). */
  addSheet(sheet: { name: string; values: RawValue[][]; formulas?: Map<string, string> }): MemorySheet {
    if (this.sheet(sheet.name)) throw new Error(`Fliken ${sheet.name} finns redan`);
    const added: MemorySheet = { name: sheet.name, values: sheet.values.map((r) => [...r]), formulas: new Map(sheet.formulas ?? []), numFmts: new Map(), conditionalFormats: [], notes: new Map() };
    this.sheets.push(added);
    this.recalculate(sheet.name);
    this.changed();
    return added;
  }

  /**
   * Marks the cells as Excel does: a conditional format with the rule `TRUE` per block of cells, put
   * first so it wins over the sheet's other formats (which stay), and a note per cell. Marks from an
   * earlier call are cleared first; missing and protected sheets are skipped.
   */
  async mark(marks: CellMark[]): Promise<void> {
    this.calls.mark++;
    this.removeMarks();
    const writable = (name: string) => {
      const sheet = this.sheet(name);
      return sheet && !sheet.protected ? sheet : undefined;
    };
    const cells = markedCells(marks).filter((c) => writable(c.sheet));
    const record: MarkRecord = { ranges: [], notes: [] };
    for (const block of markBlocks(cells).reverse()) {
      const { fill, fontColor } = MARK_COLORS[block.kind];
      writable(block.sheet)?.conditionalFormats.unshift({ range: block.address, rules: [{ formula: MARK_FORMULA, fill, fontColor }] });
      record.ranges.unshift({ sheet: block.sheet, address: block.address, kind: block.kind });
    }
    for (const cell of cells) {
      writable(cell.sheet)?.notes.set(cellKey(cell.row, cell.col), cell.note);
      record.notes.push({ sheet: cell.sheet, address: cell.address });
    }
    if (record.ranges.length) this.documentSettings.set(MARKS_KEY, JSON.stringify(record));
    this.changed();
  }

  async clearMarks(): Promise<void> {
    this.calls.clearMarks++;
    this.removeMarks();
    this.changed();
  }

  /** Removes the recorded marks: our `TRUE` formats on the recorded sheets, the recorded notes, the record. */
  private removeMarks(): void {
    const record = parseMarkRecord(this.documentSettings.get(MARKS_KEY));
    this.documentSettings.delete(MARKS_KEY);
    for (const name of markedSheets(record)) {
      const sheet = this.sheet(name);
      if (!sheet || sheet.protected) continue;
      sheet.conditionalFormats = sheet.conditionalFormats.filter((f) => !(f.rules.length === 1 && isMarkRule(f.rules[0])));
    }
    for (const note of record?.notes ?? []) {
      try {
        const { row, col } = parseCellAddress(note.address);
        this.sheet(note.sheet)?.notes.delete(cellKey(row, col));
      } catch {
        // not a cell: nothing was noted there
      }
    }
  }

  /** Called after `setCell` changed the workbook (the demo overrides it to redraw its grid). */
  protected changed(): void {}

  async getSelection(): Promise<RangeRef | null> {
    return this.selection;
  }

  async select(ref: RangeRef): Promise<void> {
    this.calls.select++;
    this.selection = ref;
  }

  async environment(): Promise<HostEnvironment> {
    const browser = typeof navigator !== 'undefined' ? (/(Firefox|Edg|Chrome|Safari)\/[\d.]+/.exec(navigator.userAgent)?.[0] ?? 'webbläsare') : 'Node.js';
    return { host: 'Demo (arbetsbok i minnet, ingen Excel)', platform: browser, sets: {}, marked: this.documentSettings.has(MARKS_KEY) };
  }

  async testSetting(key: string, value: string | null): Promise<string | null> {
    if (value === null) this.documentSettings.delete(key);
    else this.documentSettings.set(key, value);
    return this.documentSettings.get(key) ?? null;
  }

  async removeScratch(sheet: string, name: string): Promise<void> {
    const i = this.sheets.findIndex((s) => s.name === sheet);
    if (i >= 0) this.sheets.splice(i, 1);
    delete this.names[name];
    if (this.selection?.sheet === sheet) this.selection = null;
    this.changed();
  }

  async loadSettings(): Promise<SettingsInput | null> {
    return this.settings ? structuredClone(this.settings) : null;
  }

  async saveSettings(settings: SettingsInput): Promise<void> {
    this.settings = structuredClone(settings);
  }
}
