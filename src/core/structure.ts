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
import type { RowType } from './types';

/**
 * `total`: `Summa …`/`Totalt`; `costs`: `Verksamhetens kostnader`; `revenue`: `Summa intäkter`;
 * `net`: `Årets resultat`, `Nettokostnad`; `group`: a row that carries its group's total on its own row;
 * `subtotal`: a running result, the previous result plus the lines since; `result`: `Resultat före …` in
 * an operating account, the previous result (if any) plus the rows since the previous sum; `breakdown`: a line and the
 * rows under `vilka består av:` that break it down (all of it); `varav`: a line and its `varav` rows
 * (perhaps only part of it).
 */
export type SumKind = 'costs' | 'revenue' | 'net' | 'total' | 'group' | 'subtotal' | 'result' | 'breakdown' | 'varav';

export interface StructureLine {
  /** Index in the list of lines. */
  index: number;
  label: string;
  kind: 'item' | 'heading' | 'sum';
  sumKind?: SumKind;
  /** `Verksamhetens intäkter`: a sum when revenue rows stand above it, else a revenue row. */
  maybeRevenueSum?: boolean;
  /** Revenue or cost, from a Typ cell, an account number, words in the label or a heading above. */
  type?: RowType;
  /** Leading spaces of the label as written: an indented row belongs to the breakdown above it. */
  indent?: number;
}

/** A sum row and the lines it adds up. Coefficients come later, from the sign convention. */
export interface SumDef {
  line: number;
  kind: SumKind;
  terms: number[];
}

export interface Structure {
  sums: SumDef[];
}

/**
 * How many of the items after a `vilka består av:` heading break the line above down (the first n that
 * add up to it); undefined when the figures do not tell.
 */
export type BreakdownExtent = (parent: number, items: number[]) => number | undefined;

export interface StructureOptions {
  /** Headings carry their group's totals (the report decides it from the sheet; the audit sees the figures). */
  headingTotals?: boolean;
  /** Where a breakdown without indentation ends (from the figures); default: at the next heading or sum. */
  breakdownExtent?: BreakdownExtent;
}

interface Unit {
  line: number;
  type?: RowType;
  isSum: boolean;
}

interface Frame {
  heading?: StructureLine;
  units: Unit[];
  typeHint?: RowType;
}

const GRAND = /^(summa|totalt|total|summa totalt|totalt summa|summa total)$/;
const BREAKDOWN_HEADING = /(vilka|som) bestar av|^bestar av|^varav\b|^darav\b|^specifikation|^fordelat pa|^fordelas pa/;
const VARAV = /^(varav|darav)\b/;
/** Internal items shown for information and eliminated from the totals (`Interna poster`). */
const INTERNAL = /^(interna poster|interna transaktioner|internposter|interna intakter och kostnader)$/;
/** Rows that adjust the totals above them rather than start a group of their own. */
const ADJUSTMENT = /^(avgar|avgaende|tillkommer|eliminering|elimineringar|interna|justering)\b/;
/** A row named after an organisation level closes the heading group above it (`Miljö- och byggnadsnämnd`). */
const OWN_LEVEL = /(namnd|namnden|styrelse|styrelsen)$/;

function headingType(label: string): RowType | undefined {
  const t = fold(label);
  if (/^(verksamhetens )?(intakter|inkomster)\b/.test(t)) return 'revenue';
  if (/^(verksamhetens )?(kostnader|utgifter)\b/.test(t)) return 'cost';
  return undefined;
}

const words = (text: string) => fold(text).split(/[^a-z0-9]+/).filter((w) => w && w !== 'och');

/**
 * `Summa reinvestering` names the heading `Reinvestering`; `Summa kostnader` names `Kostnader`;
 * `Summa eget kapital, avsättn och skulder` names `Eget kapital, avsättningar och skulder` (abbreviated words).
 */
function namesHeading(sumLabel: string, heading: string): boolean {
  const rest = fold(sumLabel).replace(/^(summa|totalt|total|delsumma)\s*/, '');
  const h = fold(heading);
  if (rest === '' || h === '') return false;
  if (rest === h || rest.includes(h) || h.includes(rest)) return true;
  const a = words(rest);
  const b = words(h);
  return a.length > 1 && a.length === b.length && a.every((w, i) => w.length >= 3 && (b[i].startsWith(w) || w.startsWith(b[i])));
}

/** The open group a sum names: one whose heading it repeats exactly, else the innermost it names. */
function namedFrame(frames: Frame[], label: string): number {
  const rest = fold(label).replace(/^(summa|totalt|total|delsumma)\s*/, '');
  const exact = frames.findIndex((f, i) => i > 0 && f.heading !== undefined && fold(f.heading.label) === rest);
  if (exact > 0) return exact;
  for (let i = frames.length - 1; i > 0; i--) if (frames[i].heading && namesHeading(label, (frames[i].heading as StructureLine).label)) return i;
  return -1;
}

/** Units after the last sum in the frame. */
function trailing(frame: Frame): Unit[] {
  let i = frame.units.length;
  while (i > 0 && !frame.units[i - 1].isSum) i--;
  return frame.units.slice(i);
}

function commonType(units: Unit[]): RowType | undefined {
  const types = new Set(units.map((u) => u.type));
  return types.size === 1 ? [...types][0] : undefined;
}

const isBreakdownHeading = (line: StructureLine | undefined) => !!line && line.kind === 'heading' && BREAKDOWN_HEADING.test(fold(line.label));

/**
 * Lines that are running results by their place: a value line right above a breakdown heading (it is
 * what is broken down) and a line repeating an earlier line's label (the same figure carried forward).
 */
function carriedResults(lines: StructureLine[]): Set<number> {
  const out = new Set<number>();
  const results = new Set<string>();
  lines.forEach((line, i) => {
    const key = fold(line.label);
    if (line.kind !== 'sum' && i > 0 && (isBreakdownHeading(lines[i + 1]) || (key !== '' && results.has(key)))) out.add(i);
    if (key !== '' && (out.has(i) || line.kind === 'sum')) results.add(key);
  });
  return out;
}

/** The lines that break down another (varav rows, the rows under `vilka består av:`), by the line they break down. */
function breakdowns(lines: StructureLine[], extent?: BreakdownExtent): { varav: Map<number, number[]>; under: Map<number, number[]> } {
  const varav = new Map<number, number[]>();
  const under = new Map<number, number[]>();
  let parent: number | undefined;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (line.kind === 'item' && VARAV.test(fold(line.label)) && parent !== undefined && lines[parent].kind !== 'heading') {
      varav.set(parent, [...(varav.get(parent) ?? []), line.index]);
      continue;
    }
    if (isBreakdownHeading(line) && parent !== undefined) {
      // the rows under it: the indented ones, else the items up to the next heading or sum, as many as add up to the line
      const run: number[] = [];
      const indented = (lines[i + 1]?.indent ?? 0) > 0;
      for (let k = i + 1; k < lines.length && lines[k].kind === 'item' && (!indented || (lines[k].indent ?? 0) > 0); k++) run.push(k);
      const n = indented || !extent ? run.length : extent(parent, run) ?? run.length;
      under.set(parent, run.slice(0, n));
      i += n;
      continue;
    }
    parent = line.index;
  }
  return { varav, under };
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
