/**
 * Swedish commentary stubs for flagged rows, in the style of a municipal report.
 *
 * Every stub holds exactly one `[orsak]` placeholder, ends with a full stop and never holds a minus
 * sign: the direction is said in words. The full year comes first: a stub on the full-year deviation
 * adds the period's when that is flagged too ("För perioden är avvikelsen negativ med 2,1 mnkr."). Amounts are absolute, rounded half away from zero, and one
 * unit is used per sentence (`mnkr` with one decimal when the largest amount in the sentence rounds
 * to ≥ 1 000 tkr, else whole `tkr`). A deviation that rounds to 0 in the sentence's unit is treated
 * as no deviation ("ingen avvikelse"). <P> = `för perioden` / `för helåret` by column.
 *
 * Costs, and sum rows of an operating account (driftredovisning), by column:
 *   period: "<S> visar en negativ|positiv avvikelse för perioden på <X> och beror i huvudsak på [orsak]."
 *   helår:  "<S> beräknas för helåret visa en negativ|positiv avvikelse på <X> och beror i huvudsak på [orsak]."
 *   zero:   "<S> visar ingen avvikelse <P>, vilket i huvudsak beror på [orsak]."
 * Revenue (<A> = actualKr, the utfall / prognos; <X> is then in the same unit as <A>):
 *   period: "<S> för perioden på <A> är <X> bättre|sämre än budget, vilket främst förklaras av [orsak]."
 *   helår:  "<S> beräknas för helåret till <A>, vilket är <X> bättre|sämre än budget och främst förklaras av [orsak]."
 *   without actualKr, period: "<S> för perioden är <X> bättre|sämre än budget, vilket främst förklaras av [orsak]."
 *   without actualKr, helår:  "<S> beräknas för helåret bli <X> bättre|sämre än budget, vilket främst förklaras av [orsak]."
 *   zero, period: "<S> för perioden[ på <A>] visar ingen avvikelse mot budget, vilket främst förklaras av [orsak]."
 *   zero, helår:  "<S> beräknas för helåret till <A>, vilket innebär ingen avvikelse mot budget och främst
 *                 förklaras av [orsak]." / without <A>: "<S> beräknas för helåret inte avvika från budget, vilket …"
 * Net cost (kind 'net', nettokostnad tables, and total rows such as `Årets resultat`); <Q> = the
 * approximate percent, dropped ("med <X>") when the percent is null:
 *   period: "<S> avviker negativt|positivt med <Q> eller <X> jämfört med budget. Avvikelsen förklaras främst av [orsak]."
 *   helår:  "<S> beräknas för helåret avvika negativt|positivt med <Q> eller <X> jämfört med budget. Avvikelsen förklaras främst av [orsak]."
 *   zero:   "<S> visar ingen avvikelse jämfört med budget <P>, vilket främst förklaras av [orsak]."
 *   (The domain sentence "Verksamheten avviker negativt med knappt 2 procent eller 742 tkr jämfört
 *   med budget." is kept verbatim as the first sentence; the placeholder follows as a second one.)
 * Income statement results (`Verksamhetens resultat`, `Årets resultat`): the revenue forms without <A>,
 *   the label as subject: "Årets resultat beräknas för helåret bli 5,9 mnkr sämre än budget, vilket …".
 * An annual table's period is the year: <P> = `för året`.
 * Investments and portfolios (positive = lower net expenditure than budget):
 *   "<S> visar en positiv|negativ avvikelse mot budget på <X> <P>, vilket i huvudsak beror på [orsak]."
 *   zero: "<S> visar ingen avvikelse mot budget <P>, vilket i huvudsak beror på [orsak]."
 *
 * Subjects <S> (labels matched case- and diacritic-insensitively; see `subject`):
 *   Personal → Personalkostnaderna, Lokaler → Lokalkostnaderna, Köp av verksamhet → Kostnaderna för köp
 *   av verksamhet, Övrigt / Övriga kostnader → Övriga kostnader, Material → Materialkostnaderna,
 *   Kapitalkostnader → Kapitalkostnaderna; other one-word `…kostnader` → `…kostnaderna`, other
 *   `… kostnader` kept; other costs → "Kostnaderna för <label>". Revenue: Verksamhetens intäkter /
 *   Intäkter → Intäkterna; one-word `…intäkter` → `…intäkterna`, other `… intäkter` kept; other
 *   revenue → "Intäkterna från <label>". A leading Kommun-Bas account number (`5011 Månadslöner`) is
 *   dropped. The label's first letter is lower-cased inside a phrase unless it starts an acronym (`IT`).
 *   Net totals (`Årets resultat…`, `Summa nettokostnad`, `Totalt`, …) → Verksamheten; other net rows →
 *   the activity name. Investment items → "Projektet <label>" (unless the label starts with
 *   "Projekt"); investment groups/sums → the label without a leading "Summa" (`Summa` alone →
 *   "Investeringarna totalt" / "Portföljen totalt"). Sum rows elsewhere keep their label.
 *
 * approxPercent(p): n = |p| rounded half away from zero; |p| = 0 → "0 procent"; |p| < 0,5 → "mindre än
 * 1 procent"; |p| ≥ 10 → "cirka n procent"; ||p| − n| < 0,05 → "n procent"; |p| < n → "knappt n
 * procent"; else "drygt n procent".
 */
import Decimal from 'decimal.js';
import { displayAmount, formatSwedish, roundHalfAwayFromZero, unitDecimals } from './money';
import type { DeviationRole, RowKind, TableType, Unit } from './types';

export interface StubInput {
  label: string;
  kind: RowKind;
  tableType: TableType;
  column: DeviationRole;
  /** Unrounded, kronor; positive = better than budget. */
  deviationKr: Decimal;
  /** Unrounded avvikelse % (deviation / |budget| × 100); null when the budget is 0. */
  percent: Decimal | null;
  /** The compared figure in kronor, shown positive: utfall (period) or prognos (helår). */
  actualKr?: Decimal;
  /** The period's deviation (kronor, positive = better), when the stub is on the full year and the period is flagged too. */
  alsoPeriodKr?: Decimal;
  /** An annual table: its period is the whole year (`för året`). */
  annual?: boolean;
  /** Measured against a forecast, not the budget (`än prognosen`, `mot prognosen`). */
  against?: 'prognos';
}

type SentenceUnit = Unit;

const THOUSAND = new Decimal(1000);

/** |kr| in the sentence unit, rounded half away from zero (tkr 0 dec, mnkr 1 dec). */
function inUnit(kr: Decimal, unit: SentenceUnit): Decimal {
  return displayAmount(kr.abs(), unit);
}

/** `2,1 mnkr` / `742 tkr`: the absolute value, rounded half away from zero (tkr 0 dec, mnkr 1 dec). */
export function amountPhrase(kr: Decimal, unit: SentenceUnit): string {
  return `${formatSwedish(inUnit(kr, unit), unitDecimals(unit))} ${unit}`;
}

/** One unit per sentence: `mnkr` when the largest |amount| rounds to ≥ 1 000 tkr, else `tkr`. */
export function sentenceUnit(amountsKr: Decimal[]): SentenceUnit {
  return amountsKr.some((a) => inUnit(a, 'tkr').gte(THOUSAND)) ? 'mnkr' : 'tkr';
}

/** `knappt 2 procent`, `drygt 2 procent`, `2 procent`, `cirka 15 procent`, `mindre än 1 procent`. */
export function approxPercent(pct: Decimal): string {
  const p = pct.abs();
  if (p.isZero()) return '0 procent';
  if (p.lt(0.5)) return 'mindre än 1 procent';
  const n = roundHalfAwayFromZero(p, 0);
  const text = `${formatSwedish(n, 0)} procent`;
  if (p.gte(10)) return `cirka ${text}`;
  if (p.minus(n).abs().lt(0.05)) return text;
  return p.lt(n) ? `knappt ${text}` : `drygt ${text}`;
}

function normalize(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[\s\u00a0\u2009\u202f]+/g, ' ')
    .trim()
    .toLowerCase();
}

function tidy(label: string): string {
  return label.replace(/[\s\u00a0\u2009\u202f]+/g, ' ').trim();
}

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** Lower-cases the first letter, unless the label starts with an acronym such as `IT`. */
function lowerFirst(s: string): string {
  return /^\p{Lu}\p{Lu}/u.test(s) ? s : s.charAt(0).toLowerCase() + s.slice(1);
}

const COST_SUBJECTS: Readonly<Record<string, string>> = {
  personal: 'Personalkostnaderna',
  personalkostnader: 'Personalkostnaderna',
  lokaler: 'Lokalkostnaderna',
  lokalkostnader: 'Lokalkostnaderna',
  'kop av verksamhet': 'Kostnaderna för köp av verksamhet',
  ovrigt: 'Övriga kostnader',
  'ovriga kostnader': 'Övriga kostnader',
  material: 'Materialkostnaderna',
  materialkostnader: 'Materialkostnaderna',
  kapitalkostnader: 'Kapitalkostnaderna',
};
const REVENUE_SUBJECTS: Readonly<Record<string, string>> = {
  'verksamhetens intakter': 'Intäkterna',
  intakter: 'Intäkterna',
};

/** Removes a leading Kommun-Bas account number: `5011 Månadslöner` → `Månadslöner`. */
function dropAccount(label: string): string {
  const m = /^\d{2,6}\s*[-–:.]?\s+(\S.*)$/.exec(label);
  return m ? m[1] : label;
}

function categorySubject(label: string, word: 'kostnader' | 'intäkter'): string {
  const plain = dropAccount(tidy(label));
  const key = normalize(plain);
  const known = (word === 'kostnader' ? COST_SUBJECTS : REVENUE_SUBJECTS)[key];
  if (known !== undefined) return known;
  const ending = normalize(word);
  if (key.endsWith(ending) && !key.includes(' ')) return `${capitalize(plain)}na`;
  if (key.endsWith(` ${ending}`)) return capitalize(plain);
  return word === 'kostnader' ? `Kostnaderna för ${lowerFirst(plain)}` : `Intäkterna från ${lowerFirst(plain)}`;
}

const NET_TOTAL = /^(arets resultat|resultat|(summa |total |totala )?nettokostnad(er|en|erna)?|verksamhetens nettokostnad|summa( totalt| verksamhet(er|en|erna)?)?|totalt?)\b/;

function isNetTotal(label: string): boolean {
  const key = normalize(label);
  return NET_TOTAL.test(key) && !/^summa (?!nettokostnad|totalt|verksamhet)/.test(key);
}

function isInvestment(tableType: TableType): boolean {
  return tableType === 'investeringar' || tableType === 'portfolj';
}

function isNetRow(label: string, kind: RowKind, tableType: TableType): boolean {
  if (isInvestment(tableType) || kind === 'revenue') return false;
  if (kind === 'net' || tableType === 'nettokostnad' || tableType === 'nettokostnadAr') return true;
  return kind === 'sum' && isNetTotal(label);
}

/** The grammatical subject of a stub for a row (see the file comment for the rules). */
export function subject(label: string, kind: RowKind, tableType: TableType): string {
  const text = tidy(label);
  if (isInvestment(tableType)) {
    if (kind === 'group' || kind === 'sum') {
      const rest = text.replace(/^(summa|totalt)\b\s*/i, '').replace(/^totalt$/i, '').trim();
      if (rest !== '') return capitalize(rest);
      return tableType === 'portfolj' ? 'Portföljen totalt' : 'Investeringarna totalt';
    }
    return normalize(text).startsWith('projekt') ? capitalize(text) : `Projektet ${text}`;
  }
  if (isNetRow(text, kind, tableType)) return isNetTotal(text) ? 'Verksamheten' : capitalize(text);
  if (kind === 'revenue') return categorySubject(text, 'intäkter');
  if (kind === 'cost' || kind === 'item') return categorySubject(text, 'kostnader');
  return capitalize(text);
}

type Sign = 'positive' | 'negative' | 'zero';

function signOf(kr: Decimal, unit: SentenceUnit): Sign {
  if (inUnit(kr, unit).isZero()) return 'zero';
  return kr.isNegative() ? 'negative' : 'positive';
}

/** `för helåret` / `för perioden`; an annual table's period is the year: `för året`. */
function periodWords(column: DeviationRole, annual?: boolean): string {
  if (column === 'avvikelseHelar') return 'för helåret';
  return annual ? 'för året' : 'för perioden';
}

function costStub(s: string, input: StubInput): string {
  const unit = sentenceUnit([input.deviationKr]);
  const sign = signOf(input.deviationKr, unit);
  const x = amountPhrase(input.deviationKr, unit);
  if (sign === 'zero') {
    return `${s} visar ingen avvikelse ${periodWords(input.column, input.annual)}, vilket i huvudsak beror på [orsak].`;
  }
  const dir = sign === 'negative' ? 'negativ' : 'positiv';
  return input.column === 'avvikelseHelar'
    ? `${s} beräknas för helåret visa en ${dir} avvikelse på ${x} och beror i huvudsak på [orsak].`
    : `${s} visar en ${dir} avvikelse ${periodWords(input.column, input.annual)} på ${x} och beror i huvudsak på [orsak].`;
}

function revenueStub(s: string, input: StubInput): string {
  const actual = input.actualKr;
  const unit = sentenceUnit(actual === undefined ? [input.deviationKr] : [input.deviationKr, actual]);
  const sign = signOf(input.deviationKr, unit);
  const x = amountPhrase(input.deviationKr, unit);
  const a = actual === undefined ? '' : amountPhrase(actual, unit);
  const helar = input.column === 'avvikelseHelar';
  if (sign === 'zero') {
    const tail = 'mot budget, vilket främst förklaras av [orsak].';
    if (!helar) return `${s} ${periodWords(input.column, input.annual)}${actual === undefined ? '' : ` på ${a}`} visar ingen avvikelse ${tail}`;
    return actual === undefined
      ? `${s} beräknas för helåret inte avvika från budget, vilket främst förklaras av [orsak].`
      : `${s} beräknas för helåret till ${a}, vilket innebär ingen avvikelse mot budget och främst förklaras av [orsak].`;
  }
  const cmp = `${x} ${sign === 'negative' ? 'sämre' : 'bättre'} än budget`;
  if (helar) {
    return actual === undefined
      ? `${s} beräknas för helåret bli ${cmp}, vilket främst förklaras av [orsak].`
      : `${s} beräknas för helåret till ${a}, vilket är ${cmp} och främst förklaras av [orsak].`;
  }
  const at = actual === undefined ? '' : ` på ${a}`;
  return `${s} ${periodWords(input.column, input.annual)}${at} är ${cmp}, vilket främst förklaras av [orsak].`;
}

function netStub(s: string, input: StubInput, also = ''): string {
  const unit = sentenceUnit([input.deviationKr]);
  const sign = signOf(input.deviationKr, unit);
  const x = amountPhrase(input.deviationKr, unit);
  if (sign === 'zero') {
    return `${s} visar ingen avvikelse jämfört med budget ${periodWords(input.column, input.annual)}, vilket främst förklaras av [orsak].`;
  }
  const dir = sign === 'negative' ? 'negativt' : 'positivt';
  const how = input.percent === null ? x : `${approxPercent(input.percent)} eller ${x}`;
  const verb = input.column === 'avvikelseHelar' ? 'beräknas för helåret avvika' : 'avviker';
  return `${s} ${verb} ${dir} med ${how} jämfört med budget.${also} Avvikelsen förklaras främst av [orsak].`;
}

function investmentStub(s: string, input: StubInput): string {
  const unit = sentenceUnit([input.deviationKr]);
  const sign = signOf(input.deviationKr, unit);
  const p = periodWords(input.column, input.annual);
  if (sign === 'zero') return `${s} visar ingen avvikelse mot budget ${p}, vilket i huvudsak beror på [orsak].`;
  const dir = sign === 'negative' ? 'negativ' : 'positiv';
  const x = amountPhrase(input.deviationKr, unit);
  return `${s} visar en ${dir} avvikelse mot budget på ${x} ${p}, vilket i huvudsak beror på [orsak].`;
}

/**
 * `För perioden är avvikelsen negativ med 2,1 mnkr.` after a full-year stub (`däremot` when the period
 * goes the other way); empty when the period's deviation rounds to nothing.
 */
function periodClause(fullYearKr: Decimal, periodKr: Decimal | undefined): string {
  if (!periodKr) return '';
  const unit = sentenceUnit([periodKr]);
  const sign = signOf(periodKr, unit);
  if (sign === 'zero') return '';
  const contrary = signOf(fullYearKr, sentenceUnit([fullYearKr])) !== sign ? 'däremot ' : '';
  return ` För perioden är avvikelsen ${contrary}${sign === 'negative' ? 'negativ' : 'positiv'} med ${amountPhrase(periodKr, unit)}.`;
}

/** An income statement's result (`Årets resultat`): better or worse than budget, named by its own label. */
function resultStub(input: StubInput): string {
  return revenueStub(capitalize(tidy(input.label)), { ...input, actualKr: undefined });
}

/** The Swedish commentary stub for one flagged deviation (see the file comment for the templates). */
export function commentStub(input: StubInput): string {
  const text = stubAgainstBudget(input);
  // a forecast as the yardstick: every template's `budget` is then the forecast
  return input.against === 'prognos' ? text.replace(/(mot|än|från|med) budget\b/g, '$1 prognosen') : text;
}

function stubAgainstBudget(input: StubInput): string {
  if (input.tableType === 'resultatrakning' && input.kind === 'sum') return resultStub(input) + (input.column === 'avvikelseHelar' ? periodClause(input.deviationKr, input.alsoPeriodKr) : '');
  const s = subject(input.label, input.kind, input.tableType);
  const also = input.column === 'avvikelseHelar' ? periodClause(input.deviationKr, input.alsoPeriodKr) : '';
  if (isInvestment(input.tableType)) return investmentStub(s, input) + also;
  if (input.kind === 'revenue') return revenueStub(s, input) + also;
  if (isNetRow(input.label, input.kind, input.tableType)) return netStub(s, input, also);
  return costStub(s, input) + also;
}
