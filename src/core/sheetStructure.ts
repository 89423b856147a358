/**
 * A source sheet's rows as the structure reader sees them: its data rows, its sum rows (with figures or
 * left blank) and its headings, in sheet order; and which rows each sum adds up. The report uses it to
 * build tables that keep the sheet's rows (an income statement) and to fill sum rows left blank.
 */
import { headingTotals } from './sheetSums';
import type { StructureLine, SumDef } from './structure';
import { structureOf } from './structures';
import type { SourceTable } from './sourceTable';

export interface SheetLine extends StructureLine {
  /** 1-based sheet row. */
  row: number;
  /** True when the row has no figures in the sheet (a heading, or a sum left blank). */
  blank: boolean;
}

export interface SheetStructure {
  lines: SheetLine[];
  sums: SumDef[];
}

/** The lines of a source table, in sheet order. */
export function sheetLines(src: SourceTable): SheetLine[] {
  const types = new Map(src.rows.map((r) => [r.row, r.type]));
  const raw: Omit<SheetLine, 'index'>[] = [
    ...src.sheetRows.map((r) => ({ row: r.row, label: r.label, kind: r.sum ? ('sum' as const) : ('item' as const), sumKind: r.sum === undefined ? undefined : structureKind(r.sum), type: types.get(r.row), indent: r.indent, blank: false })),
    ...(src.markers ?? []).filter((m) => !src.sheetRows.some((r) => r.row === m.row)).map((m) => ({ row: m.row, label: m.label, kind: m.kind, sumKind: m.kind === 'sum' ? structureKind(src.layoutSum?.(m.label)) : undefined, indent: m.indent, blank: true })),
  ];
  return raw.sort((a, b) => a.row - b.row).map((l, index) => {
    const line: SheetLine = { ...l, index };
    if (line.sumKind === undefined) delete line.sumKind;
    if (line.type === undefined) delete line.type;
    return line;
  });
}

function structureKind(kind: string | undefined): StructureLine['sumKind'] {
  return kind === 'costs' || kind === 'revenue' || kind === 'net' || kind === 'subtotal' || kind === 'result' ? kind : 'total';
}

/** The sheet's lines and sums (headings carry totals where the sheet has no sum rows, see `headingTotals`). */
export function sheetStructure(src: SourceTable, options: { headingTotals?: boolean } = {}): SheetStructure {
  const lines = sheetLines(src);
  const { sums } = structureOf(src.kind, lines, { headingTotals: options.headingTotals ?? src.settings.headingTotals ?? headingTotals(lines) });
  return { lines, sums };
}
