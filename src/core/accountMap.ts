/**
 * The account map (kontoplan) of a ledger extract: which accounts make which driftredovisning row, and
 * the activity map (ansvar/verksamhet code → verksamhet). Both are settings the user sees and edits; the
 * default follows the Kommun-Bas classes (3 intäkter, 4 material och köp av verksamhet, 5 personal,
 * 6 lokaler, 7 övriga kostnader).
 *
 * A rule names accounts by a leading-digits pattern: `3` (every account starting with 3), `60-63`
 * (starting with 60, 61, 62 or 63), `4010-4099`, or several separated by commas (`45, 46`). The most
 * specific rule (the longest pattern) wins; between equally specific rules, the first.
 */
import type { RowType } from './types';
import { unreachablePattern } from './accountReach';
import { fold } from './rowTypes';

/** A rule as written in the settings (`kontoplan` in the JSON config and in the document). */
export interface AccountRuleInput {
  /** `3`, `60-63`, `4010-4099`, `45, 46`. */
  konton: string;
  /** The row label in the driftredovisning, e.g. `Personal`. */
  kategori: string;
  /** `Intäkt` or `Kostnad`; may be left out for accounts in classes 3–7. */
  typ?: string;
}

/** The shipped default, in the row order of the driftredovisning of domain.md. */
export const DEFAULT_KONTOPLAN: readonly AccountRuleInput[] = [
  { konton: '3', kategori: 'Verksamhetens intäkter', typ: 'Intäkt' },
  { konton: '5', kategori: 'Personal', typ: 'Kostnad' },
  { konton: '6', kategori: 'Lokaler', typ: 'Kostnad' },
  { konton: '4', kategori: 'Köp av verksamhet och material', typ: 'Kostnad' },
  { konton: '7', kategori: 'Övrigt', typ: 'Kostnad' },
];

/** One leading-digits range: accounts whose first `digits` digits lie in [from, to]. */
interface Span {
  digits: number;
  from: number;
  to: number;
}

export interface AccountRule {
  /** The pattern as the user wrote it. */
  text: string;
  spans: Span[];
  category: string;
  type: RowType;
  /** Position in the map: the order of the table rows. */
  index: number;
}

export interface AccountMap {
  rules: AccountRule[];
  /** Category names in row order (first rule naming each). */
  categories: { name: string; type: RowType }[];
}

export class AccountMapError extends Error {}

function parseSpans(text: string, where: string): Span[] {
  const parts = text.split(',').map((p) => p.trim()).filter((p) => p !== '');
  if (parts.length === 0) throw new AccountMapError(`${where}: ange konton, t.ex. "3" eller "60-63"`);
  return parts.map((part) => {
    const m = /^(\d{1,8})\s*(?:[-–—]\s*(\d{1,8}))?$/.exec(part);
    if (!m) throw new AccountMapError(`${where}: "${part}" är inget kontointervall (skriv t.ex. 5, 60-63 eller 4010-4099)`);
    const to = m[2] ?? m[1];
    if (to.length !== m[1].length) throw new AccountMapError(`${where}: "${part}" – båda gränserna ska ha lika många siffror`);
    if (Number(to) < Number(m[1])) throw new AccountMapError(`${where}: "${part}" – intervallet går baklänges`);
    return { digits: m[1].length, from: Number(m[1]), to: Number(to) };
  });
}

function ruleType(typ: string | undefined, spans: Span[], where: string): RowType {
  if (typ !== undefined && typ.trim() !== '') {
    const t = fold(typ);
    if (/^(intakt|intakter)$/.test(t)) return 'revenue';
    if (/^(kostnad|kostnader)$/.test(t)) return 'cost';
    throw new AccountMapError(`${where}: typ "${typ}" ska vara Intäkt eller Kostnad`);
  }
  const classes = new Set<number>();
  for (const s of spans) {
    const first = (n: number) => Number(String(n).padStart(s.digits, '0')[0]);
    for (let c = first(s.from); c <= first(s.to); c++) classes.add(c);
  }
  if ([...classes].every((c) => c === 3)) return 'revenue';
  if ([...classes].every((c) => c >= 4 && c <= 7)) return 'cost';
  throw new AccountMapError(`${where}: ange typ (Intäkt eller Kostnad) – kontona ligger utanför klass 3–7 eller blandar intäkter och kostnader`);
}

/** Parses and checks a map; every message names the rule (`kontoplan rad 2`). */
export function parseAccountMap(input: unknown, prefix = 'kontoplan'): AccountMap {
  if (!Array.isArray(input)) throw new AccountMapError(`${prefix}: ska vara en lista med { "konton", "kategori" }`);
  const rules: AccountRule[] = [];
  const categories: AccountMap['categories'] = [];
  input.forEach((raw, i) => {
    const where = `${prefix} rad ${i + 1}`;
    if (typeof raw !== 'object' || raw === null) throw new AccountMapError(`${where}: ska vara { "konton": "…", "kategori": "…" }`);
    const r = raw as Partial<Record<keyof AccountRuleInput, unknown>>;
    const konton = typeof r.konton === 'number' ? String(r.konton) : r.konton;
    if (typeof konton !== 'string') throw new AccountMapError(`${where}: "konton" saknas`);
    if (typeof r.kategori !== 'string' || r.kategori.trim() === '') throw new AccountMapError(`${where}: "kategori" saknas`);
    if (r.typ !== undefined && typeof r.typ !== 'string') throw new AccountMapError(`${where}: "typ" ska vara text`);
    const spans = parseSpans(konton, where);
    const category = r.kategori.trim();
    const type = ruleType(r.typ, spans, where);
    const known = categories.find((c) => c.name === category);
    if (known && known.type !== type) throw new AccountMapError(`${where}: kategorin "${category}" är redan ${known.type === 'revenue' ? 'intäkt' : 'kostnad'}`);
    if (!known) categories.push({ name: category, type });
    rules.push({ text: konton.trim(), spans, category, type, index: i });
  });
  if (rules.length === 0) throw new AccountMapError(`${prefix}: är tom – minst en regel behövs`);
  const unreachable = unreachablePattern(rules, prefix);
  if (unreachable) throw new AccountMapError(unreachable);
  return { rules, categories };
}

export const DEFAULT_ACCOUNT_MAP: AccountMap = parseAccountMap(DEFAULT_KONTOPLAN);

/** The account number of a cell: `4010`, `"4010"`, `"4010 Förbrukningsmaterial"`, `"4010 - Material"`. */
export function accountNumber(value: unknown): string | undefined {
  if (typeof value === 'number') return Number.isInteger(value) && value >= 0 ? String(value) : undefined;
  if (typeof value !== 'string') return undefined;
  const m = /^\s*(\d{1,8})(?=$|[\s\-–:.,])/.exec(value);
  return m ? m[1] : undefined;
}

/** The item whose pattern matches `digits` most specifically (the longest pattern; the first of equals). */
function mostSpecific<T extends { spans: Span[] }>(items: readonly T[], digits: string): T | undefined {
  let best: T | undefined;
  let bestDigits = 0;
  for (const item of items) {
    for (const s of item.spans) {
      if (s.digits > digits.length || s.digits <= bestDigits) continue;
      const lead = Number(digits.slice(0, s.digits));
      if (lead >= s.from && lead <= s.to) {
        best = item;
        bestDigits = s.digits;
      }
    }
  }
  return best;
}

/** The rule an account falls under, or undefined (unmapped). */
export function ruleFor(map: AccountMap, account: string): AccountRule | undefined {
  return mostSpecific(map.rules, account);
}

/** A cached lookup for a whole extract (the same accounts recur on thousands of rows). */
export function accountLookup(map: AccountMap): (account: string) => AccountRule | undefined {
  const cache = new Map<string, AccountRule | null>();
  return (account) => {
    let hit = cache.get(account);
    if (hit === undefined) {
      hit = ruleFor(map, account) ?? null;
      cache.set(account, hit);
    }
    return hit ?? undefined;
  };
}

/**
 * The activity map: code pattern → verksamhet name (`{ "41": "Grundskola", "4200-4299": "Gymnasium" }`).
 * Without one, each distinct Ansvar/Verksamhet value is its own verksamhet.
 */
export interface ActivityMap {
  rules: { text: string; spans: Span[]; name: string }[];
}

export function parseActivityMap(input: unknown, prefix = 'verksamheter'): ActivityMap {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    throw new AccountMapError(`${prefix}: ska vara ett objekt { "kod": "verksamhet" }`);
  }
  const rules = Object.entries(input as Record<string, unknown>).map(([code, name]) => {
    const where = `${prefix} "${code}"`;
    if (typeof name !== 'string' || name.trim() === '') throw new AccountMapError(`${where}: ange verksamhetens namn`);
    return { text: code, spans: parseSpans(code, where), name: name.trim() };
  });
  return { rules };
}

/** The verksamhet of an activity cell's text: mapped by its leading digits, else undefined. */
export function activityFor(map: ActivityMap, code: string): string | undefined {
  const digits = /^\s*(\d{1,8})/.exec(code)?.[1];
  return digits ? mostSpecific(map.rules, digits)?.name : undefined;
}
