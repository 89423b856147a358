/**
 * A balance sheet's sums, read by the names of its sections as the law on municipal accounts sets them
 * out (LKBR 5 kap.): the two sides (`Tillgångar`; `Eget kapital, avsättningar och skulder`), their
 * sections (`Anläggningstillgångar`, `Bidrag till statlig infrastruktur`, `Omsättningstillgångar`,
 * `Eget kapital`, `Avsättningar`, `Skulder`) and subsections (`Materiella anläggningstillgångar`,
 * `Långfristiga skulder` …). A section ends where the next section of its level or a higher one starts.
 *
 * - `Summa X` adds the lines of the section it names (a section's total stands for its lines);
 * - a section's line over the lines of its section is their total when it carries one: a line with
 *   figures when the figures say so (`fits`), a line left blank unless a `Summa` names the section later
 *   (the report fills it); a side's heading (`TILLGÅNGAR`) carries none;
 * - a line without figures over other lines that is no section by name (`Borgensförbindelser`) is a group
 *   of its own, up to the next such line or section;
 * - a line that repeats its section's label right under it is the section's only line;
 * - `Eget kapital, vid årets slut` is the opening line (`vid årets början`) plus the lines since;
 * - `varav` rows (and rows led by a dash) break their line down; a line left blank over them is their sum.
 */
import { withoutNoteRef } from './labels';
import { fold } from './rowTypes';
import type { Structure, SumDef } from './structure';
import { abbreviates, isVaravLabel, type StructureLine } from './structureLines';

const SIDES = /^(tillgangar|eget kapital,? avsattningar och skulder|eget kapital och skulder|skulder och eget kapital|avsattningar och skulder|(stallda )?panter och ansvarsforbindelser)$/;
const SECTIONS = /^(anlaggningstillgangar|bidrag till (statlig )?infrastruktur|omsattningstillgangar|eget kapital|avsattningar|skulder)$/;
const SUBSECTIONS = /^((immateriella|materiella|finansiella) anlaggningstillgangar|(langfristiga|kortfristiga) skulder)$/;
const OPENING = /vid arets borjan$|^ingaende eget kapital\b/;
const CLOSING = /vid arets slut$|^utgaende eget kapital\b/;
const SUM = /^(summa|totalt|total)\b/;
/** The level of a group that only its place makes one (a line without figures over lines). */
const PLACED = 3;

const key = (label: string) => fold(withoutNoteRef(label)).replace(/[.:]+$/, '');

/** 0 a side, 1 a section, 2 a subsection; undefined for any other line. */
export function balanceLevel(label: string): number | undefined {
  const t = key(label);
  if (SIDES.test(t)) return 0;
  if (SECTIONS.test(t)) return 1;
  if (SUBSECTIONS.test(t)) return 2;
  return undefined;
}

export interface BalanceOptions {
  /** Whether a line's own figures are the sum of the terms' (the audit: within rounding; the report: exactly). */
  fits?: (line: number, terms: number[]) => boolean;
  /** A section's line left blank carries its total (the report, which fills it). */
  blankCarries?: boolean;
}

interface Section {
  line?: StructureLine;
  level: number;
  units: number[];
}

/** Each line's `varav` rows (a heading's too: a line left blank over its parts). */
function partsOf(lines: StructureLine[]): Map<number, number[]> {
  const parts = new Map<number, number[]>();
  let parent: number | undefined;
  for (const line of lines) {
    if (line.kind !== 'sum' && isVaravLabel(line.label) && parent !== undefined) parts.set(parent, [...(parts.get(parent) ?? []), line.index]);
    else parent = line.index;
  }
  return parts;
}

const named = (label: string) => key(label).replace(/^(summa|totalt|total)\s*/, '');
/** `Summa X` names the section X: its words, perhaps cut short. */
const names = (sum: string, section: string) => named(sum) === key(section) || abbreviates(named(sum), key(section));

/** The open section a `Summa` names (its words, perhaps cut short); -1 when none. */
function namedSection(stack: Section[], label: string): number {
  for (let i = stack.length - 1; i > 0; i--) if (names(label, stack[i].line!.label)) return i;
  return -1;
}

export function balanceStructure(lines: StructureLine[], options: BalanceOptions = {}): Structure {
  const sums: SumDef[] = [];
  const parts = partsOf(lines);
  const inParts = new Set([...parts.values()].flat());
  const stack: Section[] = [{ level: -1, units: [] }];
  const top = () => stack[stack.length - 1];
  const closedBySum = new Set<number>();
  const summed = new Set<number>();
  const addSum = (line: StructureLine, kind: SumDef['kind'], terms: number[]) => {
    sums.push({ line: line.index, kind, terms });
    summed.add(line.index);
    if (line.kind !== 'sum') {
      line.kind = 'sum';
      line.sumKind = kind;
    }
  };
  const namedLater = (line: StructureLine) => lines.some((l) => l.index > line.index && SUM.test(key(l.label)) && names(l.label, line.label));
  const carries = (s: Section): boolean => {
    const line = s.line!;
    if (s.level === 0 || s.units.length === 0 || closedBySum.has(line.index)) return false;
    if (line.kind === 'sum') return true; // a total the report has filled already
    if (line.kind === 'heading') return !!options.blankCarries && !namedLater(line);
    return options.fits?.(line.index, s.units) ?? false;
  };
  /** A blank line over its varav rows is their sum. */
  const blankWithParts = (line: StructureLine) => line.kind === 'heading' && !!options.blankCarries && parts.has(line.index);
  const close = () => {
    const s = stack.pop()!;
    const line = s.line!;
    if (carries(s)) {
      addSum(line, 'group', s.units);
      top().units.push(line.index);
      return;
    }
    if (blankWithParts(line)) addSum(line, 'total', parts.get(line.index)!);
    if (line.kind !== 'heading') top().units.push(line.index);
    top().units.push(...s.units);
  };

  for (const line of lines) {
    if (inParts.has(line.index)) continue;
    const t = key(line.label);
    const level = balanceLevel(line.label);
    if (SUM.test(t)) {
      const at = namedSection(stack, line.label);
      if (at > 0) {
        while (stack.length - 1 > at) close();
        const s = stack.pop()!;
        closedBySum.add(s.line!.index);
        addSum(line, 'total', s.line!.kind === 'heading' ? s.units : [s.line!.index, ...s.units]);
      } else {
        // `Summa anläggningstillgångar` without its section's line: the open parts of it (`Finansiella
        // anläggningstillgångar`) close, and it adds what is left open
        while (stack.length > 1 && top().level > 0 && key(top().line!.label).includes(named(line.label))) close();
        addSum(line, 'total', top().units);
        top().units = [];
      }
      top().units.push(line.index);
      continue;
    }
    if (CLOSING.test(t)) {
      const s = top();
      const from = s.units.findIndex((u) => OPENING.test(key(lines[u].label)));
      addSum(line, 'total', s.units.slice(Math.max(0, from)));
      s.units = [...s.units.slice(0, Math.max(0, from)), line.index];
      continue;
    }
    const under = top().line;
    const repeats = under !== undefined && under.index === line.index - 1 && key(under.label) === t;
    if (level !== undefined && !OPENING.test(t) && !repeats) {
      while (top().level >= level) close();
      stack.push({ line, level, units: [] });
      continue;
    }
    const next = lines[line.index + 1];
    if (line.kind !== 'item' && next && !inParts.has(next.index) && next.kind !== 'heading' && balanceLevel(next.label) === undefined && !SUM.test(key(next.label))) {
      while (top().level >= PLACED) close();
      stack.push({ line, level: PLACED, units: [] });
      continue;
    }
    if (blankWithParts(line)) addSum(line, 'total', parts.get(line.index)!);
    if (line.kind !== 'heading') top().units.push(line.index);
  }
  while (stack.length > 1) close();
  for (const [parent, terms] of parts) if (!summed.has(parent)) sums.push({ line: parent, kind: 'varav', terms });
  return { sums: sums.filter((s) => s.terms.length > 0) };
}
