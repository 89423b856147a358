/**
 * A pure function of a label, remembered: the same few hundred labels (kategorier, verksamheter)
 * recur on every row of a large sheet, and their regular expressions are then most of the reading.
 * The memory is bounded: past `limit` distinct labels it starts afresh.
 */
export function memoByText<T>(f: (text: string) => T, limit = 10_000): (text: string) => T {
  let known = new Map<string, T>();
  return (text) => {
    if (known.has(text)) return known.get(text) as T;
    const value = f(text);
    if (known.size >= limit) known = new Map();
    known.set(text, value);
    return value;
  };
}
