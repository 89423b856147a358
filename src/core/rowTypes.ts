/** Row types and sum rows recognised from a `Typ` cell or the label (Kommun-Bas account classes, words). */
import { withoutNoteRef } from './labels';
import { memoByText } from './textMemo';
import type { RowType } from './types';

const folded = new Map<string, string>();

/** Lower case, no diacritics, single spaces (cached: the same labels recur on every row). */
export function fold(text: string): string {
  let f = folded.get(text);
  if (f === undefined) {
    f = foldUncached(text);
    if (folded.size > 50_000) folded.clear();
    folded.set(text, f);
  }
  return f;
}

function foldUncached(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[\s\u00a0\u2009\u202f]+/g, ' ')
    .trim();
}

export type TypeCell = RowType | 'sum' | 'unknown';

/** `Intäkt`, `Intäkter` → revenue; `Kostnad(er)`, `Utgift` → cost; `Summa`, `Netto` → sum. */
export function typeFromTypCell(text: string): TypeCell {
  const t = fold(text);
  if (/^(intakt|intakter|int|inkomst|inkomster)$/.test(t)) return 'revenue';
  if (/^(kostnad|kostnader|kost|utgift|utgifter)$/.test(t)) return 'cost';
  if (/^(summa|netto|nettokostnad|total|totalt|resultat)$/.test(t)) return 'sum';
  return 'unknown';
}

/** A Kommun-Bas account number at the start of the label: class 3 revenue, 4–7 costs. */
export function accountClass(label: string): number | undefined {
  const m = /^(\d{1,6})(?:\s|$|[-–:])/.exec(label.trim());
  return m ? Number(m[1][0]) : undefined;
}

/** The first word of a text, folded (`Verksamhet, tkr` → `verksamhet`); '' when there is none. */
export function firstWord(text: string | undefined): string {
  return fold(text ?? '').split(/[^a-z0-9]+/).find((t) => t !== '') ?? '';
}

/**
 * Whether a number at the start of a label can be an account: not when the label column names an
 * organisation (`Verksamhet`, `Ansvar`, `Nämnd`, `Projekt`), whose codes (`30 Fritidshem`, `410 Grundskola`)
 * only look like account classes.
 */
export function labelsMayBeAccounts(labelHeader: string | undefined): boolean {
  const first = firstWord(labelHeader);
  return !first || !/^(verksamhet|verksamheter|verksamhetsomrade|ansvar|ansvarsomrade|namnd|namnder|projekt|projektnamn|enhet|forvaltning)$/.test(first);
}

export function typeFromAccount(label: string): RowType | 'outside' | undefined {
  const cls = accountClass(label);
  if (cls === undefined) return undefined;
  if (cls === 3) return 'revenue';
  if (cls >= 4 && cls <= 7) return 'cost';
  return 'outside';
}

const COST_WORDS = /(kostnad|personal|lon|loner|lokal|hyra|kop av|material|tjanst|ovrig|avskrivning|kapitalkostnad|bidrag till|lamnade bidrag)/;

/** A type guessed from words in the label, or undefined. */
export function typeFromLabel(label: string): RowType | undefined {
  const t = fold(label);
  // payroll charges are costs although they are "avgifter"
  if (/sociala avgift|arbetsgivaravgift|pensionsavgift|personalomkostnad|lonebikostnad/.test(t)) return 'cost';
  if (/intakt|avgift|taxor|ersattning|erhallna bidrag|statsbidrag|forsaljning/.test(t) && !/kostnad/.test(t)) return 'revenue';
  if (COST_WORDS.test(t)) return 'cost';
  return undefined;
}

/**
 * The kind of a sum row a user typed in the data, or undefined for a data row. `subtotal` is an income
 * statement's running result (`Verksamhetens resultat`), only ever given by that layout.
 */
export type UserSumKind = 'costs' | 'revenue' | 'net' | 'total' | 'subtotal' | 'result';
export const userSumKind: (label: string) => UserSumKind | undefined = memoByText(sumKindOf);

function sumKindOf(label: string): UserSumKind | undefined {
  const t = fold(withoutNoteRef(label));
  if (/^(summa )?verksamhetens kostnader\b/.test(t) || /^summa kostnader\b/.test(t)) return 'costs';
  if (/^summa (verksamhetens )?intakter\b/.test(t)) return 'revenue';
  // `Resultat före avskrivningar`: the previous result (if any) plus the rows since the previous sum
  if (/^resultat (fore|efter)\b/.test(t)) return 'result';
  if (/^(arets resultat|nettokostnad|nettokostnader|summa nettokostnad|resultat|verksamhetens nettokostnad(er)?)\b/.test(t)) return 'net';
  if (/^(summa|totalt|total|delsumma)\b/.test(t) || /\S (totalt|summa)$/.test(t)) return 'total';
  // the closing line of a schedule of changes: opening value plus the year's movements
  if (/^(utgaende (varde|balans|bokfort varde|redovisat varde|anskaffningsvarde)|bokfort varde|redovisat varde)\b/.test(t)) return 'total';
  return undefined;
}
