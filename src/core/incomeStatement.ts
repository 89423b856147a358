/**
 * The vocabulary of an income statement (resultaträkning) as municipalities print it. Its line items
 * include `Verksamhetens kostnader`, which is data here, not a sum of the rows above; its results are
 * running subtotals: each is the previous subtotal plus the lines since.
 */
import { withoutNoteRef } from './labels';
import { fold } from './rowTypes';
import type { RowType } from './types';

/** A line item (with its direction when the words tell), a running subtotal, or a local `Summa …`. */
export type StatementLine = { kind: 'item'; type?: RowType } | { kind: 'subtotal' } | { kind: 'sum' };

const ITEMS: readonly [RegExp, RowType | undefined][] = [
  [/^verksamhetens intakter\b/, 'revenue'],
  [/^verksamhetens kostnader\b/, 'cost'],
  [/^(av|ned)skrivningar\b|^avskrivningar och nedskrivningar\b|^planenliga avskrivningar\b/, 'cost'],
  [/^skatteintakter\b|^kommunalskatt\b|^allman kommunalskatt\b|^skatter (och|,)\b/, 'revenue'],
  // a summary statement's first line (`Nettokostnad | Skatter och generella bidrag | Finansnetto | Årets resultat`)
  [/^nettokostnad(er)?$/, 'cost'],
  [/^generella statsbidrag\b|^statsbidrag och utjamning\b|^kommunalekonomisk utjamning\b|^utjamning\b/, 'revenue'],
  [/^finansiella intakter\b/, 'revenue'],
  [/^finansiella kostnader\b/, 'cost'],
  [/^jamforelsestorande (poster|intakter)\b/, undefined],
  [/^jamforelsestorande kostnader\b/, 'cost'],
  [/^extraordinara (poster|intakter)\b/, undefined],
  [/^extraordinara kostnader\b/, 'cost'],
  [/^andel av intresseforetags\b|^skatt\b|^aktuell skatt\b|^uppskjuten skatt\b|^minoritetens andel\b/, undefined],
  [/^finansnetto\b/, undefined],
];

const SUBTOTALS = /^(verksamhetens nettokostnad(er)?|verksamhetens resultat|resultat (efter|fore)\b|arets resultat|periodens resultat|balanskravsresultat|justerat resultat)\b/;

/** What a label is in an income statement, or undefined when the vocabulary does not know it. */
export function statementLine(label: string): StatementLine | undefined {
  const t = fold(withoutNoteRef(label));
  if (SUBTOTALS.test(t)) return { kind: 'subtotal' };
  if (/^(summa|delsumma|totalt)\b/.test(t)) return { kind: 'sum' };
  for (const [re, type] of ITEMS) if (re.test(t)) return type ? { kind: 'item', type } : { kind: 'item' };
  return undefined;
}

/** Words only an income statement has: taxes, general grants, financial items, the named results. */
const DISTINCTIVE = /^(skatteintakter|skatter och|generella statsbidrag|statsbidrag och utjamning|finansiella (intakter|kostnader)|finansnetto|verksamhetens nettokostnad(?:er)?|verksamhetens resultat|resultat efter finansiella poster|avskrivningar)\b/;

/**
 * Three or more lines of the vocabulary, two of them found only in an income statement, and at least
 * half of the lines known (an operating account by verksamhet may end in a statement's last lines).
 */
export function looksLikeIncomeStatement(labels: string[]): boolean {
  let known = 0;
  const distinctive = new Set<string>();
  for (const label of labels) {
    const t = fold(withoutNoteRef(label));
    if (statementLine(label) && !/^(summa|delsumma|totalt)\b/.test(t)) known++;
    const m = DISTINCTIVE.exec(t);
    if (m) distinctive.add(m[1]);
  }
  return known >= 3 && distinctive.size >= 2 && known * 2 >= labels.length;
}

const BALANCE = /^(summa )?(tillgangar|anlaggningstillgangar|materiella anlaggningstillgangar|finansiella anlaggningstillgangar|omsattningstillgangar|eget kapital|skulder|langfristiga skulder|kortfristiga skulder|avsattningar|kassa och bank|summa eget kapital)\b/;

/** A balance sheet (balansräkning): three or more of its lines (assets, equity, provisions, liabilities). */
export function looksLikeBalanceSheet(labels: string[]): boolean {
  const found = new Set<string>();
  for (const label of labels) {
    const m = BALANCE.exec(fold(withoutNoteRef(label)));
    if (m) found.add(m[2]);
  }
  return found.size >= 3;
}
