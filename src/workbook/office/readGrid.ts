/// <reference types="office-js" />
/**
 * Reads the used area of every sheet in row chunks, one sync after another, each filled up to the
 * budget (see payload.ts): a chunk is as many rows as fit what is left of the sync, by the sheet's
 * estimated response bytes per cell, and at most 5 million cells (Excel on the web's limit for one
 * range). The first chunk of a sheet is sized by a guess; from its response the read learns what a
 * cell of that sheet really costs and sizes the next ones by it. A sheet costs no sync of its own
 * however many rows it has; only its bytes do, about one sync per 4 MB.
 *
 * Between two syncs the read reports its progress (cells read / cells to read) and stops, without
 * queuing more, when its signal is aborted.
 */
import type { RawValue } from '../../core/types';
import { cellKey, type ReadOptions, type SheetData } from '../port';
import { abortedError } from './excelErrors';
import { CellBytesEstimate, isRefusedAsTooLarge, wireBytes, MAX_CELLS_PER_RANGE, OPERATION_BYTES, READ_BYTES_PER_CELL, SYNC_BUDGET_BYTES } from './payload';

/** Where a sheet's used range is (0-based), as `getUsedRangeOrNullObject(true)` reports it. */
export interface UsedArea {
  rowIndex: number;
  columnIndex: number;
  rowCount: number;
  columnCount: number;
}

export interface SheetToRead {
  sheet: Excel.Worksheet;
  /** null for an empty sheet. */
  area: UsedArea | null;
}

type Grid = Pick<SheetData, 'values' | 'formulas'>;

export interface ReadChunksOptions extends ReadOptions {
  /** At most this many rows per range (default: as many as fit the sync). */
  chunkRows?: number;
}

/** One range queued for a sync. */
interface Chunk {
  /** Index of the sheet in the list read. */
  sheet: number;
  /** First row of the chunk, relative to the used area. */
  top: number;
  rows: number;
  range: Excel.Range;
}

/** How many responses that turned out too large a read retries (each time with a 4× larger estimate). */
const MAX_RETRIES = 6;

/** Where the read of one sheet is. */
interface SheetState {
  area: UsedArea | null;
  sheet: Excel.Worksheet;
  /** Rows of the used area read so far. */
  next: number;
  estimate: CellBytesEstimate;
  /** At most this many cells per range: Excel's 5 million, or less once it sent `null` for a range. */
  maxCells: number;
  grid: Grid;
}

/** Excel's empty cell is `''`; the engine's is null. */
function rawValue(v: unknown): RawValue {
  if (v === '' || v === null || v === undefined) return null;
  return typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean' ? v : null;
}

/** The grid from A1 before any chunk: rows above the used area are empty. */
function emptyGrid(area: UsedArea | null): Grid {
  return { values: Array.from({ length: area?.rowIndex ?? 0 }, (): RawValue[] => []), formulas: new Map() };
}

/**
 * Queues the loads of the next sync: from the first sheet not read to the end, as many rows as fit the
 * budget by each sheet's estimate (one row at least, when the sync would otherwise be empty).
 */
function queueSync(states: SheetState[], chunkRows: number): Chunk[] {
  const chunks: Chunk[] = [];
  let room = SYNC_BUDGET_BYTES;
  states.forEach((s, i) => {
    const area = s.area;
    if (!area) return;
    const rowBytes = area.columnCount * s.estimate.bytesPerCell;
    for (let top = s.next; top < area.rowCount && room > 0; ) {
      const fit = Math.floor((room - OPERATION_BYTES) / rowBytes);
      if (fit < 1 && chunks.length > 0) return;
      const rows = Math.max(1, Math.min(area.rowCount - top, chunkRows, Math.floor(s.maxCells / area.columnCount), fit));
      const range = s.sheet.getRangeByIndexes(area.rowIndex + top, area.columnIndex, rows, area.columnCount);
      range.load('values, formulas');
      chunks.push({ sheet: i, top, rows, range });
      room -= rows * rowBytes + OPERATION_BYTES;
      top += rows;
    }
  });
  return chunks;
}

/** The response bytes the chunks of one sync were estimated at. */
function queuedBytes(states: SheetState[], chunks: Chunk[]): number {
  return chunks.reduce((n, c) => n + c.rows * (states[c.sheet].area?.columnCount ?? 0) * states[c.sheet].estimate.bytesPerCell, 0);
}

/** Appends a synced chunk to its sheet's grid; returns the response bytes it took. */
function takeChunk(state: SheetState, chunk: Chunk): number {
  const area = state.area as UsedArea;
  const chunkValues: unknown[][] = chunk.range.values;
  const chunkFormulas: unknown[][] = chunk.range.formulas;
  const left: RawValue[] = new Array<RawValue>(area.columnIndex).fill(null);
  chunkValues.forEach((row, i) => {
    const r = area.rowIndex + chunk.top + i;
    state.grid.values.push([...left, ...row.map(rawValue)]);
    chunkFormulas[i].forEach((f, j) => {
      if (typeof f === 'string' && f.startsWith('=')) state.grid.formulas.set(cellKey(r, area.columnIndex + j), f.slice(1));
    });
  });
  state.next += chunkValues.length;
  return wireBytes(chunkValues) + wireBytes(chunkFormulas);
}

/**
 * Values and formulas of every sheet, sync after sync. Should a response still be too large (long
 * texts), the rows of that sync are read again with a four times larger estimate for its sheets.
 */
export async function readUsedAreas(context: Excel.RequestContext, sheets: SheetToRead[], options: ReadChunksOptions = {}): Promise<Grid[]> {
  const { signal, onProgress } = options;
  const chunkRows = options.chunkRows ?? Infinity;
  const states: SheetState[] = sheets.map(({ sheet, area }) => ({ sheet, area, next: 0, estimate: new CellBytesEstimate(READ_BYTES_PER_CELL), maxCells: MAX_CELLS_PER_RANGE, grid: emptyGrid(area) }));
  const cellsOf = (s: SheetState) => (s.area ? s.area.columnCount * (s.area.rowCount - s.next) : 0);
  const total = states.reduce((n, s) => n + cellsOf(s), 0);
  let failures = 0;
  for (let left = total; left > 0; left = states.reduce((n, s) => n + cellsOf(s), 0)) {
    if (signal?.aborted) throw abortedError();
    const chunks = queueSync(states, chunkRows);
    try {
      await context.sync();
    } catch (e) {
      // a GeneralException on a large read is how desktop Excel refuses an oversized response
      if (!isRefusedAsTooLarge(e, queuedBytes(states, chunks)) || ++failures > MAX_RETRIES) throw e;
      new Set(chunks.map((c) => c.sheet)).forEach((i) => states[i].estimate.tooLarge());
      continue;
    }
    // Excel sends `null` for the values of a range larger than it reads at once: those sheets in chunks of half the cells
    const empty = chunks.filter((c) => c.range.values === null || c.range.formulas === null);
    if (empty.length > 0) {
      if (++failures > MAX_RETRIES) throw new Error('Excel skickade inga värden för ett område, inte ens i mindre delar; arbetsboken går inte att läsa');
      for (const c of empty) states[c.sheet].maxCells = Math.max(1, Math.floor((c.rows * (states[c.sheet].area?.columnCount ?? 1)) / 2));
      continue;
    }
    const measured = new Map<number, { bytes: number; cells: number }>();
    for (const chunk of chunks) {
      const state = states[chunk.sheet];
      const before = state.next;
      const bytes = takeChunk(state, chunk);
      const m = measured.get(chunk.sheet) ?? { bytes: 0, cells: 0 };
      measured.set(chunk.sheet, { bytes: m.bytes + bytes, cells: m.cells + (state.next - before) * (state.area as UsedArea).columnCount });
    }
    for (const [i, { bytes, cells }] of measured) states[i].estimate.learn(bytes, cells);
    onProgress?.(1 - states.reduce((n, s) => n + cellsOf(s), 0) / total);
  }
  return states.map((s) => s.grid);
}
