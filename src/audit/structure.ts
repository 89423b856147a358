/**
 * Which rows each sum row adds up, read top to bottom the way a controller types a table:
 *
 * - a heading row (a label without figures, `Reinvestering`) opens a group; `Summa reinvestering` (any
 *   sum whose label names an open heading) closes it and adds everything in it;
 * - `Verksamhetens kostnader` / `Summa kostnader` adds the cost rows since the previous sum (revenue
 *   rows stay outside); `Summa intäkter`, and `Verksamhetens intäkter` under revenue rows, the revenue
 *   rows;
 * - `Årets resultat`, `Nettokostnad`, `Summa nettokostnad` adds everything before it (costs − revenue,
 *   or a plain sum, decided with the sign convention);
 * - a bare `Summa` / `Totalt` is a grand total: the group sums, plus any rows outside a group;
 * - any other `Summa …` adds the rows since the previous sum (or, when none, everything before it);
 * - an income statement's result (`Verksamhetens nettokostnad`, `Verksamhetens resultat`, `Årets
 *   resultat`) is the previous result plus the lines since: `Verksamhetens kostnader` is a line there.
 *
 * Rows get the type of the heading or sum they belong to when their own label does not tell.
 */
import { fold } from '../core/rowTypes';
import type { RowType } from '../core/types';
import type { Line, SumDef, SumKind } from './types';

interface Unit {
  line: number;
  type?: RowType;
  isSum: boolean;
}

interface Frame {
  heading?: Line;
  units: Unit[];
  typeHint?: RowType;
}

const GRAND = /^(summa|totalt|total|summa totalt|totalt summa|summa total)$/;

function headingType(label: string): RowType | undefined {
  const t = fold(label);
  if (/^(verksamhetens )?(intakter|inkomster)\b/.test(t)) return 'revenue';
  if (/^(verksamhetens )?(kostnader|utgifter)\b/.test(t)) return 'cost';
  return undefined;
}

/** `Summa reinvestering` names the heading `Reinvestering`; `Summa kostnader` names `Kostnader`. */
function namesHeading(sumLabel: string, heading: string): boolean {
  const rest = fold(sumLabel).replace(/^(summa|totalt|total|delsumma)\s*/, '');
  const h = fold(heading);
  if (rest === '' || h === '') return false;
  return rest === h || rest.includes(h) || h.includes(rest);
}

/** Units after the last sum in the frame. */
function trailing(frame: Frame): Unit[] {
  let i = frame.units.length;
  while (i > 0 && !frame.units[i - 1].isSum) i--;
  return frame.units.slice(i);
}

export interface Structure {
  sums: SumDef[];
}

/** Reads the sums of a table; sets `type` on rows that inherit it, and turns rows into sums as needed. */
export function readStructure(lines: Line[]): Structure {
  const frames: Frame[] = [{ units: [] }];
  const sums: SumDef[] = [];
  const top = () => frames[frames.length - 1];
  /** Closes the top frame; its units go to the parent as they are (a heading without its own sum). */
  const closeTop = () => {
    const f = frames.pop() as Frame;
    top().units.push(...f.units);
  };
  const addSum = (line: Line, kind: SumKind, terms: Unit[], type: RowType | undefined) => {
    sums.push({ line: line.index, kind, terms: terms.map((u) => u.line) });
    if (type) line.type = type;
    for (const u of terms) if (!u.type && type && !u.isSum) lines[u.line].type = type;
    return { line: line.index, type, isSum: true } as Unit;
  };

  /** The last running result of an income statement. */
  let previous: Unit | undefined;
  for (const line of lines) {
    if (line.kind === 'sum' && line.sumKind === 'subtotal') {
      // a result is the previous result plus the lines since (a `Summa …` among them stands for its lines)
      while (frames.length > 1) closeTop();
      const terms = previous ? [previous, ...top().units] : top().units;
      previous = addSum(line, 'subtotal', terms, undefined);
      top().units = [];
      continue;
    }
    if (line.kind === 'heading') {
      if (frames.length > 1 && top().units.length > 0) closeTop();
      frames.push({ heading: line, units: [], typeHint: headingType(line.label) ?? top().typeHint });
      continue;
    }
    if (line.kind === 'item' && line.maybeRevenueSum) {
      const revenue = trailing(top()).filter((u) => u.type === 'revenue');
      if (revenue.length > 0) {
        line.kind = 'sum';
        line.sumKind = 'revenue';
        delete line.type;
      }
    }
    if (line.kind === 'item') {
      const type = line.type ?? top().typeHint;
      if (type) line.type = type;
      top().units.push({ line: line.index, type, isSum: false });
      continue;
    }
    const kind = line.sumKind as SumKind;
    const named = frames.findIndex((f, i) => i > 0 && f.heading !== undefined && namesHeading(line.label, f.heading.label));
    if (named > 0) {
      while (frames.length - 1 > named) closeTop();
      const f = frames.pop() as Frame;
      const type = kind === 'revenue' ? 'revenue' : kind === 'costs' ? 'cost' : f.typeHint ?? commonType(f.units);
      top().units.push(addSum(line, kind, f.units, type));
      continue;
    }
    if (kind === 'net' || (kind === 'total' && GRAND.test(fold(line.label)))) {
      while (frames.length > 1) closeTop();
      const all = top().units;
      top().units = [addSum(line, kind, all, kind === 'net' ? undefined : commonType(all))];
      continue;
    }
    if (kind === 'costs' || kind === 'revenue') {
      const want: RowType = kind === 'costs' ? 'cost' : 'revenue';
      const frame = top();
      const tail = trailing(frame);
      const terms = tail.filter((u) => (want === 'revenue' ? u.type === 'revenue' : u.type !== 'revenue'));
      frame.units = frame.units.filter((u) => !terms.includes(u));
      frame.units.push(addSum(line, kind, terms, want));
      continue;
    }
    // another `Summa …`: the open group, else the rows since the previous sum, else everything
    if (frames.length > 1) {
      const f = frames.pop() as Frame;
      top().units.push(addSum(line, kind, f.units, f.typeHint ?? commonType(f.units)));
      continue;
    }
    const frame = top();
    const tail = trailing(frame);
    const terms = tail.length > 0 ? tail : frame.units;
    frame.units = frame.units.filter((u) => !terms.includes(u));
    frame.units.push(addSum(line, kind, terms, commonType(terms)));
  }
  return { sums: sums.filter((s) => s.terms.length > 0) };
}

function commonType(units: Unit[]): RowType | undefined {
  const types = new Set(units.map((u) => u.type));
  return types.size === 1 ? [...types][0] : undefined;
}
