/**
 * Header vocabulary: normalisation of header text, period parsing, and the word lists that say which
 * measure (budget, prognos, utfall, avvikelse) and which context (helår, period, fg år) a header names.
 * Every matcher here works on text that has already been through `normalizeHeader`.
 */

const DASH_CHARS = /[\u2010-\u2015\u2212\uFE58\uFE63\uFF0D]/g;
const COMBINING_MARKS = /[\u0300-\u036f]/g;

/**
 * Lower case, diacritics stripped (å→a, ä→a, ö→o, é→e), every dash → '-', '.' removed,
 * whitespace (incl. NBSP and thin space) collapsed to one space, trimmed.
 */
export function normalizeHeader(text: string): string {
  if (typeof text !== 'string') return '';
  return text
    .normalize('NFD')
    .replace(COMBINING_MARKS, '')
    .toLowerCase()
    .replace(DASH_CHARS, '-')
    .replace(/\./g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Swedish three-letter month names, as used in `periodText`. */
export const MONTH_ABBREVIATIONS: readonly string[] = [
  'jan', 'feb', 'mar', 'apr', 'maj', 'jun', 'jul', 'aug', 'sep', 'okt', 'nov', 'dec',
];

/** Full month names (Swedish first, English as a courtesy); any prefix of 3+ letters names the month. */
const MONTH_NAMES: readonly (readonly string[])[] = [
  ['januari', 'january'],
  ['februari', 'february'],
  ['mars', 'march'],
  ['april'],
  ['maj', 'may'],
  ['juni', 'june'],
  ['juli', 'july'],
  ['augusti', 'august'],
  ['september'],
  ['oktober', 'october'],
  ['november'],
  ['december'],
];

/** 1-based month number of a normalised word (`aug`, `augusti`, `sept`), or undefined. */
export function monthNumber(word: string): number | undefined {
  if (word.length < 3) return undefined;
  for (let i = 0; i < MONTH_NAMES.length; i++) {
    if (MONTH_NAMES[i].some((name) => name.startsWith(word))) return i + 1;
  }
  return undefined;
}

const MONTH_RANGE = /(?<![a-z])([a-z]{3,}) ?- ?([a-z]{3,})(?![a-z])/g;
/** A tertial: `T2`, `Tertial 2`, `Utfall T1` (four months each). */
const TERTIAL = /(?<![a-z0-9])(?:t|tertial ?)([123])(?![0-9])/;
/** A single month that stands as a period: `Perioden jan`, `t.o.m. aug`, `Ack. aug`, `per aug`. */
const SINGLE_MONTH =
  /(?<![a-z])(perioden|period|tom|t o m|till och med|ackumulerat|ackumulerad|ack|per)[ :]+([a-z]{3,})(?![a-z])/g;

function periodResult(months: number): { months: number; periodText: string } {
  const periodText = months === 1 ? 'jan' : `jan\u2013${MONTH_ABBREVIATIONS[months - 1]}`;
  return { months, periodText };
}

/** All month ranges in a normalised text as [fromMonth, toMonth] pairs (1-based). */
function monthRanges(normalized: string): [number, number][] {
  const found: [number, number][] = [];
  for (const m of normalized.matchAll(MONTH_RANGE)) {
    const from = monthNumber(m[1]);
    const to = monthNumber(m[2]);
    if (from !== undefined && to !== undefined) found.push([from, to]);
  }
  return found;
}

/** True when a normalised text holds a month range such as `jan-aug` or `januari - augusti`. */
export function hasMonthRange(normalized: string): boolean {
  return monthRanges(normalized).length > 0;
}

/**
 * The accumulated period a header names: `Perioden jan–aug` → { months: 8, periodText: 'jan–aug' }.
 * Only periods that start in January are returned (they are what `months` means); a single month counts
 * only where it stands as a period (`Perioden jan`, `t.o.m. aug`). One month gives periodText `jan`.
 */
export function periodFromText(text: string): { months: number; periodText: string } | undefined {
  const normalized = normalizeHeader(text);
  if (normalized === '') return undefined;
  for (const [from, to] of monthRanges(normalized)) {
    if (from === 1) return periodResult(to);
  }
  const tertial = TERTIAL.exec(normalized);
  if (tertial) return periodResult(Number(tertial[1]) * 4);
  for (const m of normalized.matchAll(SINGLE_MONTH)) {
    const month = monthNumber(m[2]);
    if (month === undefined) continue;
    // `Perioden aug` could mean August alone; only January is unambiguous there.
    if (m[1].startsWith('period')) {
      if (month === 1) return periodResult(1);
      continue;
    }
    return periodResult(month);
  }
  return undefined;
}

/** The first 4-digit year (19xx/20xx) in a normalised text. */
export function yearIn(normalized: string): number | undefined {
  const m = /(?<!\d)((?:19|20)\d{2})(?!\d)/.exec(normalized);
  return m ? Number(m[1]) : undefined;
}

/** A header that is nothing but a year (`2024`). */
export function isYearOnly(normalized: string): boolean {
  return /^(?:19|20)\d{2}$/.test(normalized);
}

export interface HeaderContext {
  fgAr: boolean;
  period: boolean;
  helar: boolean;
}

const FG_AR = /(?<![a-z])(?:fg|foreg|foregaende) ?ars?(?![a-z])|fjol|forra aret/;
const PERIOD = /(?<![a-z])(?:period|ack(?![a-z])|ackumuler)|hittills/;
const HELAR = /helar|arsbudget|arsprognos|arsutfall/;

export function headerContext(normalized: string): HeaderContext {
  return {
    fgAr: FG_AR.test(normalized),
    period:
      PERIOD.test(normalized) || hasMonthRange(normalized) || periodFromText(normalized) !== undefined,
    helar: HELAR.test(normalized),
  };
}

/** True when a normalised text names a context: helår, a period, fg år, or a year. */
export function hasContextWords(normalized: string): boolean {
  const ctx = headerContext(normalized);
  return ctx.fgAr || ctx.period || ctx.helar || yearIn(normalized) !== undefined;
}

/** A header naming a period without a measure (`Jan–aug 2024`, `Perioden fg år`) means utfall. */
export function namesPeriodOnly(normalized: string): boolean {
  return hasMonthRange(normalized) || /(?<![a-z])perioden(?![a-z])/.test(normalized);
}

export type Measure = 'deviation' | 'percent' | 'budget' | 'prognos' | 'utfall';

const DEVIATION =
  /av-?vik|differens|aterstar|aterstaende|overskott|underskott|(?<![a-z])(?:avv|diff)(?![a-z])/;
const PERCENT = /%|procent|(?<![a-z])proc(?![a-z])/;
/** `Budget`, and the net allocations real reports print instead: `Kommunbidrag`, `Ram`, `Budgetram`, `Nettoram`. */
const BUDGET = /budget|(?<![a-z])budg(?![a-z])|kommunbidrag|(?<![a-z])(?:netto|budget)?ram(?:ar|en|arna)?(?![a-z])/;
const PROGNOS = /prognos|(?<![a-z])progn?(?![a-z])/;
const UTFALL = /utfall|bokslut/;
/** `Delårsrapport jan–aug` beside the year's bokslut: the forecast the interim report made for the year. */
const INTERIM_REPORT = /delarsrapp/;
const VERSUS = /(?<![a-z])(?:mot|vs|jmf|jamfort med)(?![a-z])/;

/** Which measure a normalised header names; deviation is checked before budget (`budgetavvikelse`). */
export function headerMeasure(normalized: string): Measure | undefined {
  const budget = BUDGET.test(normalized);
  const utfall = UTFALL.test(normalized);
  const prognos = PROGNOS.test(normalized) || (INTERIM_REPORT.test(normalized) && !utfall && !budget);
  const comparison =
    [budget, prognos, utfall].filter(Boolean).length >= 2 && VERSUS.test(normalized);
  if (DEVIATION.test(normalized) || comparison) {
    return PERCENT.test(normalized) ? 'percent' : 'deviation';
  }
  if (budget) return 'budget';
  if (prognos) return 'prognos';
  if (utfall) return 'utfall';
  return undefined;
}

/** `Bokslut 2025`: a full-year closing figure (no `utfall` word). */
export function isBokslut(normalized: string): boolean {
  return normalized.includes('bokslut') && !normalized.includes('utfall');
}

/** A header that is only a percent sign, standing next to a deviation column. */
export function isBarePercent(normalized: string): boolean {
  return /^\(?(?:%|procent)\)?$/.test(normalized);
}

export type TextKind =
  | { role: 'label'; tier: number; indicator: boolean }
  | { role: 'type' | 'group' | 'group1' | 'group2' | 'target' };

/** Label words by tier: a finer tier is the row label, a coarser one becomes the group. */
const LABEL_TIERS: ReadonlyMap<string, number> = new Map([
  ['namnd', 0],
  ['namnder', 0],
  ['verksamhet', 1],
  ['verksamheter', 1],
  ['verksamhetsomrade', 1],
  ['ansvar', 1],
  ['ansvarsomrade', 1],
  ['kategori', 2],
  ['konto', 2],
  ['kontonr', 2],
  ['kontonummer', 2],
  ['kto', 2],
  ['ktonr', 2],
  ['kontonamn', 2],
  ['kontotext', 2],
  ['post', 2],
  ['poster', 2],
  ['projekt', 2],
  ['projektnamn', 2],
  ['benamning', 2],
  ['omrade', 2],
  ['text', 2],
  ['rad', 2],
  ['indikator', 2],
  ['indikatorer', 2],
  ['nyckeltal', 2],
  ['matt', 2],
]);
const INDICATOR_WORDS: ReadonlySet<string> = new Set(['indikator', 'indikatorer', 'nyckeltal', 'matt']);
const TYPE_WORDS: ReadonlySet<string> = new Set(['typ', 'radtyp']);
const GROUP_WORDS: ReadonlySet<string> = new Set([
  'grupp', 'projektgrupp', 'investeringstyp', 'huvudgrupp',
]);
const TARGET_WORDS: ReadonlySet<string> = new Set(['mal', 'malvarde']);

/** Which text role a normalised header names, judged by its first word. */
export function textKind(normalized: string): TextKind | undefined {
  const level = /^niva ?([12])(?![0-9])/.exec(normalized);
  if (level) return { role: level[1] === '1' ? 'group1' : 'group2' };
  const first = normalized.split(/[^a-z0-9]+/).find((t) => t !== '');
  if (first === undefined) return undefined;
  if (TYPE_WORDS.has(first)) return { role: 'type' };
  if (GROUP_WORDS.has(first) || (first.length > 5 && first.endsWith('grupp'))) return { role: 'group' };
  if (TARGET_WORDS.has(first)) return { role: 'target' };
  const tier = LABEL_TIERS.get(first);
  if (tier !== undefined) return { role: 'label', tier, indicator: INDICATOR_WORDS.has(first) };
  return undefined;
}
