/**
 * Patterns of an account map that can never match: a pattern repeated from an earlier rule, or one
 * whose every account is taken by earlier patterns of the same length or by more specific (longer)
 * ones. Such a rule is a slip (its row would stay empty whatever the ledger holds), so it is refused
 * with a message naming both rules. A partial overlap is fine: "the most specific pattern, then the
 * first" decides it, as documented.
 */
export interface SpanLike {
  digits: number;
  from: number;
  to: number;
}

export interface RuleSpans {
  text: string;
  spans: SpanLike[];
  index: number;
}

interface Placed {
  rule: RuleSpans;
  span: SpanLike;
}

/** A range too wide to walk value by value is assumed to be reachable. */
const MAX_WALK = 10_000;

const pad = (n: number, digits: number) => String(n).padStart(digits, '0');
export const spanText = (s: SpanLike) => (s.from === s.to ? pad(s.from, s.digits) : `${pad(s.from, s.digits)}-${pad(s.to, s.digits)}`);

/** The longer span that takes every account starting with `prefix`, looking deeper where needed. */
function takenByLonger(prefix: string, longer: readonly Placed[]): Placed | undefined {
  let overlapping = false;
  for (const p of longer) {
    if (p.span.digits < prefix.length) continue;
    const lo = Number(prefix.padEnd(p.span.digits, '0'));
    const hi = Number(prefix.padEnd(p.span.digits, '9'));
    if (p.span.from <= lo && hi <= p.span.to) return p;
    if (p.span.from <= hi && lo <= p.span.to) overlapping = true;
  }
  if (!overlapping || prefix.length >= 8) return undefined;
  let witness: Placed | undefined;
  for (let d = 0; d <= 9; d++) {
    witness = takenByLonger(`${prefix}${d}`, longer);
    if (!witness) return undefined;
  }
  return witness;
}

/** The earlier or more specific span that makes `a` unreachable, or undefined. */
function shadowOf(a: Placed, before: readonly Placed[], all: readonly Placed[]): Placed | undefined {
  if (a.span.to - a.span.from > MAX_WALK) return undefined;
  const equal = before.filter((b) => b.span.digits === a.span.digits);
  const longer = all.filter((b) => b.span.digits > a.span.digits);
  let witness: Placed | undefined;
  for (let v = a.span.from; v <= a.span.to; v++) {
    witness = equal.find((b) => b.span.from <= v && v <= b.span.to) ?? takenByLonger(pad(v, a.span.digits), longer);
    if (!witness) return undefined;
  }
  return witness;
}

/** The message for the first unreachable pattern of `rules`, or undefined when every one can match. */
export function unreachablePattern(rules: readonly RuleSpans[], prefix: string): string | undefined {
  const all: Placed[] = rules.flatMap((rule) => rule.spans.map((span) => ({ rule, span })));
  for (let i = 0; i < all.length; i++) {
    const a = all[i];
    const shadow = shadowOf(a, all.slice(0, i), all);
    if (!shadow) continue;
    const where = `${prefix} rad ${a.rule.index + 1}`;
    const other = shadow.rule === a.rule ? 'i samma regel' : `på rad ${shadow.rule.index + 1}`;
    if (shadow.span.digits === a.span.digits && shadow.span.from === a.span.from && shadow.span.to === a.span.to) {
      return `${where}: "${spanText(a.span)}" finns redan ${other}; ta bort den ena`;
    }
    return `${where}: "${spanText(a.span)}" kan aldrig användas: varje konto i den tas redan av "${spanText(shadow.span)}" ${other}`;
  }
  return undefined;
}
