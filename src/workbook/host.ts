/**
 * What the task pane needs from a workbook host beyond reading and writing: the selection, navigation
 * to a cell, settings stored in the document, and the audit's marks on cells. Excel implements it
 * through Office.js; the in-memory workbook implements it for tests and the browser demo.
 */
import { cellAddress, parseCellAddress } from '../core/address';
import type { SettingsInput } from './settingsInput';
import type { WorkbookPort } from './port';

/** A range in the workbook: sheet name and an A1 address without the sheet (`C4:C30`, `E7`). */
export interface RangeRef {
  sheet: string;
  address: string;
}

/** Progress of a long operation: a phase name in Swedish and 0–1 when known. */
export interface Progress {
  phase: string;
  fraction?: number;
}

export interface HostPort extends WorkbookPort {
  /** 'excel' inside Office, 'memory' for the demo and tests. */
  readonly kind: 'excel' | 'memory';
  /** The current selection, or null when none can be had. */
  getSelection(): Promise<RangeRef | null>;
  /** Selects (and scrolls to) a range: clicking a flagged row or an error does this. */
  select(ref: RangeRef): Promise<void>;
  /** The settings saved in this workbook, or null when it has none. */
  loadSettings(): Promise<SettingsInput | null>;
  saveSettings(settings: SettingsInput): Promise<void>;
  /**
   * Marks the audit's findings on their cells, non-destructively: a conditional format with the formula
   * `TRUE` over exactly those cells (light red for an error, amber for a rounding difference), so the
   * user's own fills and formats stay as they are underneath, and, where the host has them, a note
   * with the message. What was marked is recorded in the document (`MARKS_KEY`); marks from an earlier
   * call are cleared first. Cells on a missing or protected sheet are left unmarked.
   */
  mark(marks: CellMark[]): Promise<void>;
  /** Removes exactly the marks (formats and notes) that `mark` recorded, and the record. */
  clearMarks(): Promise<void>;
  /** Where the pane runs, for the Självtest's report. */
  environment(): Promise<HostEnvironment>;
  /** Stores a document setting under `key` (removes it for null) and returns what is stored there now. */
  testSetting(key: string, value: string | null): Promise<string | null>;
  /** Removes a sheet and a defined name the Självtest made (nothing else; either may be missing). */
  removeScratch(sheet: string, name: string): Promise<void>;
}

/** The host as the Självtest reports it. */
export interface HostEnvironment {
  /** `Excel`, or the demo's in-memory workbook. */
  host: string;
  /** `OfficeOnline`, `PC`, `Mac`, … (Office.context.diagnostics), or the browser for the demo. */
  platform: string;
  /** Office's version, where it says (`16.0.18129.20000`). */
  version?: string;
  /** Requirement sets asked about (`ExcelApi 1.10`, `OpenBrowserWindowApi 1.1`) and whether the host has them. */
  sets: Record<string, boolean>;
  /** The workbook has audit marks recorded: the Självtest leaves marking alone, so they stay. */
  marked: boolean;
}

/** The document-settings key our settings are stored under. */
export const SETTINGS_KEY = 'avvikelse.settings';

/** The kind of an audit finding: a wrong figure, or a difference that rounding explains. */
export type MarkKind = 'error' | 'rounding';

/** A cell to mark (an address without the sheet, `D7`; a small range such as `D7:D9` is taken cell by cell). */
export interface CellMark {
  sheet: string;
  address: string;
  kind: MarkKind;
  /** The finding's message: the cell's note. */
  message: string;
}

/** The document-settings key under which the marks are recorded, so that exactly they can be cleared. */
export const MARKS_KEY = 'avvikelse.marks';

/** The rule of a mark's conditional format: always true, so it only colours. */
export const MARK_FORMULA = 'TRUE';

/** Colours (ARGB) of the marks: Excel's light red fill with dark red text, and amber. */
export const MARK_COLORS: Record<MarkKind, { fill: string; fontColor: string }> = {
  error: { fill: 'FFFFC7CE', fontColor: 'FF9C0006' },
  rounding: { fill: 'FFFFEB9C', fontColor: 'FF9C5700' },
};

/** The start of a note (an Excel comment) Avvikelse writes on a marked cell. */
export const MARK_NOTE_PREFIX = '[Avvikelse] ';

/** Marks larger than this many cells are ignored (a finding names one cell). */
const MAX_CELLS_PER_MARK = 10_000;

/** One cell to mark: the strongest kind of its findings and their messages, one per line. */
export interface MarkedCell {
  sheet: string;
  row: number;
  col: number;
  address: string;
  kind: MarkKind;
  note: string;
}

/**
 * The marks cell by cell, in the given order of first appearance: several findings on one cell make
 * one mark (an error if any of them is) with all their messages. Addresses that are no cell or range
 * are skipped.
 */
export function markedCells(marks: CellMark[]): MarkedCell[] {
  const cells = new Map<string, MarkedCell>();
  for (const mark of marks) {
    let from: { row: number; col: number };
    let to: { row: number; col: number };
    try {
      const [a, b = a] = mark.address.slice(mark.address.lastIndexOf('!') + 1).split(':');
      from = parseCellAddress(a);
      to = parseCellAddress(b);
    } catch {
      continue;
    }
    const [top, bottom] = [Math.min(from.row, to.row), Math.max(from.row, to.row)];
    const [left, right] = [Math.min(from.col, to.col), Math.max(from.col, to.col)];
    if ((bottom - top + 1) * (right - left + 1) > MAX_CELLS_PER_MARK) continue;
    for (let row = top; row <= bottom; row++) {
      for (let col = left; col <= right; col++) {
        const key = `${mark.sheet}\u0000${row},${col}`;
        const cell = cells.get(key);
        if (!cell) {
          cells.set(key, { sheet: mark.sheet, row, col, address: cellAddress(row, col), kind: mark.kind, note: mark.message });
          continue;
        }
        if (mark.kind === 'error') cell.kind = 'error';
        if (mark.message && !cell.note.split('\n').includes(mark.message)) cell.note = cell.note ? `${cell.note}\n${mark.message}` : mark.message;
      }
    }
  }
  return [...cells.values()];
}

/** Marked cells of one kind in consecutive rows of one column: one conditional format each. */
export interface MarkBlock {
  sheet: string;
  kind: MarkKind;
  /** 0-based. */
  top: number;
  col: number;
  rows: number;
  /** `D6` or `D6:D8`. */
  address: string;
}

export function markBlocks(cells: MarkedCell[]): MarkBlock[] {
  const sheets = [...new Set(cells.map((c) => c.sheet))];
  const sorted = [...cells].sort((a, b) => sheets.indexOf(a.sheet) - sheets.indexOf(b.sheet) || a.col - b.col || a.row - b.row);
  const blocks: MarkBlock[] = [];
  for (const cell of sorted) {
    const last = blocks[blocks.length - 1];
    if (last && last.sheet === cell.sheet && last.kind === cell.kind && last.col === cell.col && last.top + last.rows === cell.row) last.rows++;
    else blocks.push({ sheet: cell.sheet, kind: cell.kind, top: cell.row, col: cell.col, rows: 1, address: '' });
  }
  for (const b of blocks) b.address = b.rows === 1 ? cellAddress(b.top, b.col) : `${cellAddress(b.top, b.col)}:${cellAddress(b.top + b.rows - 1, b.col)}`;
  return blocks;
}

/** What `mark` recorded in the document: the ranges it formatted and the cells it put a note on. */
export interface MarkRecord {
  ranges: { sheet: string; address: string; kind: MarkKind }[];
  notes: { sheet: string; address: string }[];
}

/** The record as stored (a JSON string); anything unreadable counts as no record. */
export function parseMarkRecord(stored: unknown): MarkRecord | null {
  try {
    const value: unknown = typeof stored === 'string' ? JSON.parse(stored) : stored;
    if (typeof value !== 'object' || value === null) return null;
    const { ranges, notes } = value as Partial<Record<keyof MarkRecord, unknown>>;
    const isRef = (r: unknown): r is { sheet: string; address: string } =>
      typeof r === 'object' && r !== null && typeof (r as { sheet?: unknown }).sheet === 'string' && typeof (r as { address?: unknown }).address === 'string';
    return {
      ranges: (Array.isArray(ranges) ? ranges : []).filter(isRef).map((r) => ({ sheet: r.sheet, address: r.address, kind: (r as { kind?: unknown }).kind === 'rounding' ? 'rounding' : 'error' })),
      notes: (Array.isArray(notes) ? notes : []).filter(isRef).map((r) => ({ sheet: r.sheet, address: r.address })),
    };
  } catch {
    return null;
  }
}

/** The sheets a record names, in order. */
export function markedSheets(record: MarkRecord | null): string[] {
  return record ? [...new Set([...record.ranges, ...record.notes].map((r) => r.sheet))] : [];
}

const bareColor = (color: string | null | undefined): string => (color ?? '').replace(/^#/, '').toUpperCase().slice(-6);

/**
 * Whether a conditional-format rule is one of our marks: the formula `TRUE` with a mark's fill and
 * font colour (ARGB `FFFFC7CE` or CSS `#FFC7CE` alike). Nothing a user makes by chance.
 */
export function isMarkRule(rule: { formula: string | null | undefined; fill: string | null | undefined; fontColor: string | null | undefined }): boolean {
  const formula = (rule.formula ?? '').replace(/^=/, '').replace(/\s/g, '').toUpperCase();
  if (formula !== MARK_FORMULA) return false;
  return Object.values(MARK_COLORS).some((c) => bareColor(c.fill) === bareColor(rule.fill) && bareColor(c.fontColor) === bareColor(rule.fontColor));
}
