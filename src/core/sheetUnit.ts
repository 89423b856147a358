/**
 * The unit a table states in its own sheet: `Belopp i tkr`, `tkr`, `(tkr)`, `Mnkr`, `mkr`,
 * `Verksamhet, tkr`, `Investeringar tkr`, in a title, a unit line or a header cell. Settings given by the
 * user come first (command line, config, the pane), then this, then the default.
 */
import { cellAddress } from './address';
import { fold } from './rowTypes';
import { cellText } from './sourceRows';
import type { HeaderMap, InputUnit, RawValue } from './types';

export interface SheetUnit {
  unit: InputUnit;
  /** The cell it was read from (`A2`). */
  cell: string;
  /** The words that state it (`Belopp i kronor`), from a longer text the clause that holds them. */
  text: string;
}

/** The clause of a long title that states the unit: `Delårsrapport 2026. Belopp i kronor.` → `Belopp i kronor`. */
function unitClause(text: string): string {
  if (text.length <= 40) return text;
  const clause = text.split(/[.;:!?](?:\s+|$)|\n/).map((c) => c.trim()).find((c) => c && unitIn(c));
  return clause ?? text;
}

/** The unit a text names, or undefined: `mnkr`/`mkr`/`miljoner kronor`, `tkr`/`tusental kronor`, `kr`/`kronor`. */
export function unitIn(text: string): InputUnit | undefined {
  const t = fold(text);
  if (/kr ?(\/|per) ?(inv|invanare|elev|brukare|plats)/.test(t)) return undefined; // a key figure per inhabitant, not the table's unit
  if (/\bmnkr\b|\bmkr\b|\bmiljoner kronor\b|\bmiljoner kr\b|\bmsek\b/.test(t)) return 'mnkr';
  if (/\btkr\b|\btusental kronor\b|\btusen kronor\b|\btsek\b/.test(t)) return 'tkr';
  if (/\bkr\b|\bkronor\b|\bsek\b/.test(t)) return 'kr';
  return undefined;
}

/** Rows above the header searched for a title or a unit line. */
const ROWS_ABOVE = 3;

/**
 * The unit stated with a table: first in its header (the label column's header, then the others), then
 * in the (up to three) rows above it, nearest first, not above `notBefore` (the end of a table above).
 */
export function findSheetUnit(grid: RawValue[][], header: HeaderMap, notBefore = 0): SheetUnit | undefined {
  const label = header.columns.label ?? 0;
  const cells: { r: number; c: number }[] = [];
  for (let r = header.firstHeaderRow; r < header.firstDataRow; r++) cells.push({ r, c: label });
  for (let r = header.firstHeaderRow; r < header.firstDataRow; r++) (grid[r] ?? []).forEach((_, c) => c !== label && cells.push({ r, c }));
  for (let r = header.firstHeaderRow - 1; r >= Math.max(notBefore, header.firstHeaderRow - ROWS_ABOVE); r--) (grid[r] ?? []).forEach((_, c) => cells.push({ r, c }));
  for (const { r, c } of cells) {
    const text = cellText(grid[r]?.[c] ?? null);
    const unit = text ? unitIn(text) : undefined;
    if (unit) return { unit, cell: cellAddress(r, c), text: unitClause(text) };
  }
  return undefined;
}
