/**
 * Grafts a small Swedish budget table into somebody else's workbook, editing the package in place with
 * our own writer (nothing else of the file is rewritten): either as a new sheet `Prognos`, or into free
 * columns to the right of everything on the first worksheet. Used by the real-world test.
 */
import { columnIndex } from '../../src/core/address';
import type { CellWrite, OutputSheet } from '../../src/workbook/port';
import { XlsxPackage } from '../../src/workbook/xlsx/xlsxPackage';
import { DOMAIN_HEADER, DOMAIN_ROWS } from '../fixtures/domainDrift';

export type GraftMode = 'sheet' | 'columns';

/** The sheet name of a grafted table (chosen so that it collides with no real-world file's sheets). */
export const GRAFT_SHEET = 'Prognos 2026';

/** The table's cells from (top, left): a title, the unit, the header and five rows in kronor with öre. */
export function budgetCells(top: number, left: number): CellWrite[] {
  const cells: CellWrite[] = [
    { row: top, col: left, value: 'Driftredovisning – Kultur- och fritidsnämnden' },
    { row: top + 1, col: left, value: 'kr' },
    ...DOMAIN_HEADER.map((h, c) => ({ row: top + 2, col: left + c, value: h })),
  ];
  DOMAIN_ROWS.forEach(([label, typ, bh, ph, bp, up, fg], i) => {
    const row = top + 3 + i;
    const values: (string | number | null)[] = [label, typ, Number(bh), Number(ph), null, Number(bp), Number(up), null, Number(fg)];
    values.forEach((value, c) => value !== null && cells.push({ row, col: left + c, value }));
  });
  return cells;
}

/** The first column right of everything on a sheet (values, formulas and merged areas), plus a gap. */
export function freeColumn(values: unknown[][], merges: string[]): number {
  let last = -1;
  for (const row of values) if (row) for (let c = row.length - 1; c > last; c--) if (row[c] !== undefined && row[c] !== null) last = c;
  for (const m of merges) last = Math.max(last, columnIndex(/:\$?([A-Z]+)/.exec(m)?.[1] ?? 'A'));
  return last + 2;
}

/** `input` with the budget table grafted in; undefined when the first worksheet has no room or is protected. */
export async function graftBudget(input: Uint8Array, mode: GraftMode): Promise<Buffer | undefined> {
  const pkg = XlsxPackage.fromBuffer(input);
  if (mode === 'sheet') {
    const sheet: OutputSheet = { name: GRAFT_SHEET, cells: budgetCells(0, 0), merges: [], columnWidths: [30, 10, 14, 14, 14, 14, 14, 14, 14], conditionalFormats: [] };
    await pkg.write({ cellWrites: [], sheets: [sheet], names: {} });
    return pkg.toBuffer();
  }
  const data = await pkg.read();
  const first = data.sheets[0];
  // nobody types into a protected sheet: that case is the report's refusal, tested elsewhere
  if (!first || first.protected) return undefined;
  const left = freeColumn(first.values, pkg.mergedRanges(first.name));
  if (left + DOMAIN_HEADER.length > 16_384) return undefined;
  await pkg.write({ cellWrites: [{ sheet: first.name, cells: budgetCells(0, left), conditionalFormats: [] }], sheets: [], names: {} });
  return pkg.toBuffer();
}
