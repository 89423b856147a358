/// <reference types="office-js" />
/**
 * Reads the used area of every sheet in row chunks. Each chunk is at most `chunkRows` rows, at most
 * 5 million cells (Excel on the web's limit for one range) and estimated to fit one sync's budget; all
 * chunk loads are queued first and synced together, so a sheet costs no sync of its own however many
 * rows it has. See payload.ts for why the budget, not the chunk, is what keeps a response under 5 MB.
 */
import type { RawValue } from '../../core/types';
import { cellKey, type SheetData } from '../port';
import { isPayloadTooLarge, MAX_CELLS_PER_RANGE, READ_BYTES_PER_CELL, SYNC_BUDGET_BYTES, SyncBudget } from './payload';

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

interface Chunk {
  /** First row of the chunk, relative to the used area. */
  top: number;
  range: Excel.Range;
}

/** How many re-reads with a four times larger size estimate we try before giving up. */
const MAX_RETRIES = 4;

/** Rows per chunk: at most `chunkRows`, at most 5 M cells, and small enough for one sync's budget. */
export function rowsPerChunk(columns: number, chunkRows: number, bytesPerCell: number): number {
  const byCells = Math.floor(MAX_CELLS_PER_RANGE / columns);
  const byBytes = Math.floor(SYNC_BUDGET_BYTES / (columns * bytesPerCell));
  return Math.max(1, Math.min(chunkRows, byCells, byBytes));
}

/** Queues every chunk load (syncing only when the budget is full) and syncs once at the end. */
async function loadChunks(context: Excel.RequestContext, sheets: SheetToRead[], chunkRows: number, bytesPerCell: number): Promise<Chunk[][]> {
  const budget = new SyncBudget(context);
  const chunksOfSheets: Chunk[][] = [];
  for (const { sheet, area } of sheets) {
    const chunks: Chunk[] = [];
    if (area) {
      const step = rowsPerChunk(area.columnCount, chunkRows, bytesPerCell);
      for (let top = 0; top < area.rowCount; top += step) {
        const rows = Math.min(step, area.rowCount - top);
        await budget.reserve(rows * area.columnCount * bytesPerCell);
        const range = sheet.getRangeByIndexes(area.rowIndex + top, area.columnIndex, rows, area.columnCount);
        range.load('values, formulas');
        chunks.push({ top, range });
      }
    }
    chunksOfSheets.push(chunks);
  }
  await budget.sync();
  return chunksOfSheets;
}

/** Excel's empty cell is `''`; the engine's is null. */
function rawValue(v: unknown): RawValue {
  if (v === '' || v === null || v === undefined) return null;
  return typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean' ? v : null;
}

/** The grid from A1: rows above and columns left of the used area are empty. */
function gridOf(area: UsedArea | null, chunks: Chunk[]): Grid {
  const values: RawValue[][] = [];
  const formulas = new Map<string, string>();
  if (!area) return { values, formulas };
  for (let r = 0; r < area.rowIndex; r++) values.push([]);
  const left: RawValue[] = new Array<RawValue>(area.columnIndex).fill(null);
  for (const { top, range } of chunks) {
    const chunkValues: unknown[][] = range.values;
    const chunkFormulas: unknown[][] = range.formulas;
    chunkValues.forEach((row, i) => {
      const r = area.rowIndex + top + i;
      values.push([...left, ...row.map(rawValue)]);
      chunkFormulas[i].forEach((f, j) => {
        if (typeof f === 'string' && f.startsWith('=')) formulas.set(cellKey(r, area.columnIndex + j), f.slice(1));
      });
    });
  }
  return { values, formulas };
}

/**
 * Values and formulas of every sheet. Should a response still be too large (long texts), the chunks
 * are read again with a four times larger size estimate: more, smaller syncs.
 */
export async function readUsedAreas(context: Excel.RequestContext, sheets: SheetToRead[], chunkRows: number): Promise<Grid[]> {
  let bytesPerCell = READ_BYTES_PER_CELL;
  for (let attempt = 0; ; attempt++) {
    try {
      const chunks = await loadChunks(context, sheets, chunkRows, bytesPerCell);
      return sheets.map((s, i) => gridOf(s.area, chunks[i]));
    } catch (e) {
      if (!isPayloadTooLarge(e) || attempt >= MAX_RETRIES) throw e;
      bytesPerCell *= 4;
    }
  }
}
