/**
 * What the structure reader (`structure.ts`) asks of single lines and groups: which heading a sum names,
 * which rows break a line down, which lines are results carried forward, what adjusts a total.
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

/**
 * How many of the items after a `vilka består av:` heading break the line above down (the first n that
 * add up to it); undefined when the figures do not tell.
 */
export type BreakdownExtent = (parent: number, items: number[]) => number | undefined;


/** An open group while the sums are read: its heading, its rows and sums so far, the type its heading implies. */
export interface Frame {
  heading?: StructureLine;
  units: Unit[];
  typeHint?: RowType;
}

/** A row or a sum as a term of the sums above it. */
export interface Unit {
  line: number;
  type?: RowType;
  isSum: boolean;
}

export const GRAND = /^(summa|totalt|total|summa totalt|totalt summa|summa total)$/;
const BREAKDOWN_HEADING = /(vilka|som) bestar av|^bestar av|^varav\b|^darav\b|^specifikation|^fordelat pa|^fordelas pa/;
/** `varav …`, `- varav …`, and a line led by a dash (`– resultatutjämningsreserv`): part of the line above. */
const VARAV = /^(?:[-\u2013\u2014] ?)?(varav|darav)\b|^[-\u2013\u2014] [a-z]/;
export const isVaravLabel = (label: string) => VARAV.test(fold(label));
/** Internal items shown for information and eliminated from the totals (`Interna poster`). */
export const INTERNAL = /^(interna poster|interna transaktioner|internposter|interna intakter och kostnader)$/;
/** Rows that adjust the totals above them rather than start a group of their own. */
export const ADJUSTMENT = /^(avgar|avgaende|tillkommer|eliminering|elimineringar|interna|justering)\b/;
/** A row named after an organisation level closes the heading group above it (`Miljö- och byggnadsnämnd`). */
export const OWN_LEVEL = /(namnd|namnden|styrelse|styrelsen)$/;

export function headingType(label: string): RowType | undefined {
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
export function namesHeading(sumLabel: string, heading: string): boolean {
  const rest = fold(sumLabel).replace(/^(summa|totalt|total|delsumma)\s*/, '');
  const h = fold(heading);
  if (rest === '' || h === '') return false;
  if (rest === h || rest.includes(h) || h.includes(rest)) return true;
  return abbreviates(rest, h);
}

/** The same words, some cut short (`eget kapital, avsättn och skulder`, `eget kapital, avsättningar och skulder`). */
export function abbreviates(text: string, full: string): boolean {
  const a = words(text);
  const b = words(full);
  return a.length > 1 && a.length === b.length && a.every((w, i) => w.length >= 3 && (b[i].startsWith(w) || w.startsWith(b[i])));
}

/** The open group a sum names: one whose heading it repeats exactly, else the innermost it names. */
export function namedFrame(frames: Frame[], label: string): number {
  const rest = fold(label).replace(/^(summa|totalt|total|delsumma)\s*/, '');
  const exact = frames.findIndex((f, i) => i > 0 && f.heading !== undefined && fold(f.heading.label) === rest);
  if (exact > 0) return exact;
  for (let i = frames.length - 1; i > 0; i--) if (frames[i].heading && namesHeading(label, (frames[i].heading as StructureLine).label)) return i;
  return -1;
}

/** Units after the last sum in the frame. */
export function trailing(frame: Frame): Unit[] {
  let i = frame.units.length;
  while (i > 0 && !frame.units[i - 1].isSum) i--;
  return frame.units.slice(i);
}

export function commonType(units: Unit[]): RowType | undefined {
  const types = new Set(units.map((u) => u.type));
  return types.size === 1 ? [...types][0] : undefined;
}

export const isBreakdownHeading = (line: StructureLine | undefined) => !!line && line.kind === 'heading' && BREAKDOWN_HEADING.test(fold(line.label));

/**
 * Lines that are running results by their place: a value line right above a breakdown heading (it is
 * what is broken down) and a line repeating an earlier line's label (the same figure carried forward).
 */
export function carriedResults(lines: StructureLine[]): Set<number> {
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
export function breakdowns(lines: StructureLine[], extent?: BreakdownExtent): { varav: Map<number, number[]>; under: Map<number, number[]> } {
  const varav = new Map<number, number[]>();
  const under = new Map<number, number[]>();
  let parent: number | undefined;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (line.kind === 'item' && isVaravLabel(line.label) && parent !== undefined && lines[parent].kind !== 'heading') {
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

