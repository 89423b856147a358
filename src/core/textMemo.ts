/**
 * A pure function of a label, remembered: the same few hundred labels (kategorier, verksamheter)
 * recur on every row of a large sheet, and their regular expressions are then most of the reading.
 * The memory is bounded: past `limit` distinct labels it starts afresh.
 */
export function memoByText<T>(f: (text: string) => T, limit = 10_000): (text: string) => T {
  // an undefined result is remembered as NONE, so that one lookup answers every label seen before
  let known = new Map<string, T | typeof NONE>();
  return (text) => {
    const seen = known.get(text);
    if (seen !== undefined) return (seen === NONE ? undefined : seen) as T;
    const value = f(text);
    if (known.size >= limit) known = new Map();
    known.set(text, value === undefined ? NONE : value);
    return value;
  };
}

const NONE: unique symbol = Symbol('none');
