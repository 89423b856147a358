/**
 * Which rows each sum row adds up, read top to bottom the way a controller types a table. Shared by
 * the audit (on the printed figures) and the report (which fills sum rows left empty).
 *
 * - a heading row (a label without figures, `Reinvestering`) opens a group; `Summa reinvestering` (any
 *   sum whose label names an open heading) closes it and adds everything in it;
 * - `Verksamhetens kostnader` / `Summa kostnader` adds the cost rows since the previous sum (revenue
 *   rows stay outside); `Summa intäkter`, and `Verksamhetens intäkter` under revenue rows, the revenue
 *   rows;
 * - `Årets resultat`, `Nettokostnad`, `Summa nettokostnad` adds everything before it (costs − revenue,
 *   or a plain sum, decided with the sign convention);
 * - a bare `Summa` / `Totalt` is a grand total: the group sums, plus any rows outside a group;
 * - any other `Summa …` adds the rows since the previous sum (or, when none, everything before it;
 *   or, when those rows only adjust the sums above them, `Avgår interna intäkter`, everything);
 * - an income statement's result (`Verksamhetens nettokostnad`, `Årets resultat`) is the previous
 *   result plus the lines since: `Verksamhetens kostnader` is a line there; so is a row that repeats an
 *   earlier row's label (the same figure carried forward), and a row broken down below it;
 * - a sum above every row it could add (`Summa skatte- och avgiftsfinansierat` at the top) adds the
 *   top-level rows under it;
 * - `varav …` rows, and the rows under a heading such as `vilka består av:`, break the line above
 *   them down: they are not added again (a `breakdown` sum says what they should add up to); nor are
 *   `Interna poster`, shown for information and eliminated from the totals;
 * - with `headingTotals`, a heading carries its group's total (a nämnd's row over its verksamheter),
 *   and a row without figures right after a group's rows, before the next heading, is that group's sum.
 *
 * Rows get the type of the heading or sum they belong to when their own label does not tell.
 */
import { fold } from './rowTypes';
import type { BreakdownExtent, StructureLine, SumKind } from './structureLines';
import { ADJUSTMENT, breakdowns, carriedResults, commonType, GRAND, headingType, INTERNAL, isBreakdownHeading, namedFrame, namesHeading, OWN_LEVEL, trailing, type Frame, type Unit } from './structureLines';
import type { RowType } from './types';

export type { BreakdownExtent, StructureLine, SumKind } from './structureLines';

/** A sum row and the lines it adds up. Coefficients come later, from the sign convention. */
export interface SumDef {
  line: number;
  kind: SumKind;
  terms: number[];
}

export interface Structure {
  sums: SumDef[];
}

export interface StructureOptions {
  /** Headings carry their group's totals (the report decides it from the sheet; the audit sees the figures). */
  headingTotals?: boolean;
  /** Where a breakdown without indentation ends (from the figures); default: at the next heading or sum. */
  breakdownExtent?: BreakdownExtent;
}

/** Reads the sums of a table; sets `type` on rows that inherit it, and turns rows into sums as needed. */
export function readStructure(lines: StructureLine[], options: StructureOptions = {}): Structure {
  const frames: Frame[] = [{ units: [] }];
  const sums: SumDef[] = [];
  const broken = breakdowns(lines, options.breakdownExtent);
  const inBreakdown = new Set([...broken.varav.values(), ...broken.under.values()].flat());
  const carried = carriedResults(lines);
  const top = () => frames[frames.length - 1];
  /**
   * Closes the top frame; a heading that carries its total (one right above its rows) becomes its
   * group's sum, else its units go up as they are.
   */
  const closeTop = () => {
    const f = frames.pop() as Frame;
    if (options.headingTotals && f.heading && f.units.length > 0 && lines[f.heading.index + 1]?.kind === 'item') {
      f.heading.kind = 'sum';
      f.heading.sumKind = 'group';
      top().units.push(addSum(f.heading, 'group', f.units, f.typeHint ?? commonType(f.units)));
    } else top().units.push(...f.units);
  };
  const addSum = (line: StructureLine, kind: SumKind, terms: Unit[], type: RowType | undefined) => {
    sums.push({ line: line.index, kind, terms: terms.map((u) => u.line) });
    if (type) line.type = type;
    for (const u of terms) if (!u.type && type && !u.isSum) lines[u.line].type = type;
    return { line: line.index, type, isSum: true } as Unit;
  };
  let previous: Unit | undefined;
  /** The last `Resultat före …` of an operating account. */
  let lastResult: Unit | undefined;
  const above: { line: StructureLine; from: number }[] = [];
  const namedLater = new Set(lines.filter((h) => h.kind === 'heading' && lines.some((l) => l.index > h.index && l.kind === 'sum' && namesHeading(l.label, h.label))).map((h) => h.index));
  /** A sum word with nothing to add (`Verksamhetens kostnader` on the first row of a note) is a line of figures. */
  const asItem = (line: StructureLine) => {
    line.kind = 'item';
    delete line.sumKind;
    top().units.push({ line: line.index, type: line.type, isSum: false });
  };

  for (const line of lines) {
    if (inBreakdown.has(line.index) || isBreakdownHeading(line) || (line.kind === 'item' && INTERNAL.test(fold(line.label)))) continue;
    if (carried.has(line.index) || (line.kind === 'sum' && line.sumKind === 'subtotal')) {
      // a result is the previous result plus the lines since (a `Summa …` among them stands for its lines)
      while (frames.length > 1) closeTop();
      line.kind = 'sum';
      line.sumKind = 'subtotal';
      delete line.type;
      const terms = previous ? [previous, ...top().units.filter((u) => u !== previous)] : top().units;
      previous = addSum(line, 'subtotal', terms, undefined);
      top().units = [previous];
      continue;
    }
    if (line.kind === 'heading') {
      const next = lines[line.index + 1];
      // with heading totals, a row without figures right after a group's rows closes the group as its sum
      if (options.headingTotals && frames.length > 1 && top().units.length > 0 && (!next || next.kind === 'heading')) {
        line.kind = 'sum';
        line.sumKind = 'total';
      } else {
        // a heading over sections (`Tillgångar` over `Anläggningstillgångar` …) stays open until its own sum
        if (frames.length > 1 && top().units.length > 0 && !namedLater.has(top().heading?.index ?? -1)) closeTop();
        frames.push({ heading: line, units: [], typeHint: headingType(line.label) ?? top().typeHint });
        continue;
      }
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
      if (options.headingTotals && frames.length > 1 && OWN_LEVEL.test(fold(line.label))) while (frames.length > 1) closeTop();
      const type = line.type ?? top().typeHint;
      if (type) line.type = type;
      top().units.push({ line: line.index, type, isSum: false });
      continue;
    }
    const kind = line.sumKind as SumKind;
    if (kind === 'result') {
      while (frames.length > 1) closeTop();
      const frame = top();
      const tail = trailing(frame).filter((u) => u !== lastResult);
      const terms = lastResult && frame.units.includes(lastResult) ? [lastResult, ...tail] : tail.length > 0 ? tail : frame.units;
      frame.units = frame.units.filter((u) => !terms.includes(u));
      lastResult = addSum(line, 'result', terms, undefined);
      frame.units.push(lastResult);
      continue;
    }
    if (frames.length === 1 && top().units.length === 0 && (kind === 'total' || kind === 'net')) {
      above.push({ line, from: sums.length });
      continue;
    }
    const named = namedFrame(frames, line.label);
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
      // a row whose type is not known counts where the sum's words put it
      const terms = tail.filter((u) => (want === 'revenue' ? u.type !== 'cost' : u.type !== 'revenue'));
      if (terms.length === 0 && frame.units.length === 0) {
        asItem(line);
        continue;
      }
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
    // `Avgår interna intäkter` right before a total adjusts the sums above it: the total adds them all
    const adjusting = tail.length > 0 && tail.every((u) => ADJUSTMENT.test(fold(lines[u.line].label)));
    const terms = tail.length > 0 && !adjusting ? tail : frame.units;
    frame.units = frame.units.filter((u) => !terms.includes(u));
    frame.units.push(addSum(line, kind, terms, commonType(terms)));
  }
  while (frames.length > 1) closeTop();
  // a total above everything: the top-level rows under it
  for (const { line } of above) sums.push({ line: line.index, kind: line.sumKind as SumKind, terms: top().units.map((u) => u.line) });
  for (const [parent, terms] of broken.under) sums.push({ line: parent, kind: 'breakdown', terms });
  for (const [parent, terms] of broken.varav) sums.push({ line: parent, kind: 'varav', terms });
  return { sums: sums.filter((s) => s.terms.length > 0) };
}
