/**
 * The limits a workbook must stay within before we read it into memory. A genuine workbook is far
 * below every one of them (a 1 000 000-row ledger extract is a 57 MB file whose sheet unpacks to
 * 330 MB and 7 000 000 cells); a damaged or hostile one (a zip bomb, a merge over a whole sheet, a
 * string of millions of characters) is stopped while it is being read, before it costs gigabytes or
 * minutes, with a message that names the limit.
 */
import { constants } from 'node:buffer';

const MB = 1024 * 1024;

export const LIMITS = {
  /** Largest package file we read at all. */
  packageBytes: 1024 * MB,
  /** Largest unpacked part: the longest string the JavaScript engine can build (512 MB on Node 20). */
  partBytes: Math.min(constants.MAX_STRING_LENGTH, 1024 * MB),
  /** Largest total of all unpacked parts. */
  totalBytes: 1536 * MB,
  /** The unpacked parts may be this many times the file, once past `ratioFloorBytes`. */
  ratio: 100,
  ratioFloorBytes: 64 * MB,
  /** Entries in one package. */
  zipEntries: 100_000,
  /** Cells (`<c>` elements) in one sheet: Excel allows more, but no table we read comes near it. */
  cellsPerSheet: 20_000_000,
  /** Cells that merged ranges would copy their top-left value into, per sheet. */
  mergedCellsPerSheet: 5_000_000,
  /** Characters in one cell: Excel's own limit. */
  cellTextLength: 32_767,
} as const;

/** `1 536 MB`, `20 000 000`: a limit as the message shows it. */
export function limitText(n: number, unit: 'bytes' | 'count'): string {
  const value = unit === 'bytes' ? Math.round(n / MB) : n;
  const grouped = String(value).replace(/\B(?=(\d{3})+$)/g, ' ');
  return unit === 'bytes' ? `${grouped} MB` : grouped;
}

/**
 * A limit was exceeded. The message says what and which limit, and that the file looks damaged or
 * hostile; `where` (the part or the sheet) is added by whoever knows it.
 */
export class LimitError extends Error {
  constructor(
    readonly what: string,
    readonly where?: string,
  ) {
    super(`${where ? `${where}: ` : ''}${what}. Filen ser skadad eller fientlig ut och lästes inte.`);
  }

  /** The same error, naming the part or sheet it occurred in. */
  within(where: string): LimitError {
    return this.where ? this : new LimitError(this.what, where);
  }
}

/** Throws when a sheet has more cells than `LIMITS.cellsPerSheet`. */
export function checkCellCount(cells: number): void {
  if (cells > LIMITS.cellsPerSheet) throw new LimitError(`fliken har fler än ${limitText(LIMITS.cellsPerSheet, 'count')} celler (gränsen för celler per flik)`);
}

/** Throws when merged ranges would fill more than `LIMITS.mergedCellsPerSheet` cells. */
export function checkMergedCells(cells: number): void {
  if (cells > LIMITS.mergedCellsPerSheet) {
    throw new LimitError(`de sammanfogade cellerna täcker fler än ${limitText(LIMITS.mergedCellsPerSheet, 'count')} celler (gränsen för sammanfogade celler per flik)`);
  }
}

/** Throws when a cell's text is longer than Excel allows; `what` names it (`cellen B7`, `den delade texten nr 4`). */
export function checkCellText(text: string, what: () => string): void {
  if (text.length > LIMITS.cellTextLength) {
    throw new LimitError(`${what()} har en text på ${limitText(text.length, 'count')} tecken, fler än Excels ${limitText(LIMITS.cellTextLength, 'count')} (gränsen för text i en cell)`);
  }
}

/** The most the parts of a package of `fileBytes` may unpack to in all. */
export function totalBudget(fileBytes: number): number {
  return Math.min(LIMITS.totalBytes, Math.max(LIMITS.ratioFloorBytes, fileBytes * LIMITS.ratio));
}
