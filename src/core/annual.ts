/**
 * Annual tables: `Budget 2024 | Utfall 2024 | Avvikelse` in an annual report or a year-end forecast is
 * the whole year, not a period. Decided from the table's columns and the period length, not from one
 * word: a table with an annual budget and an utfall that names no period, no period budget, and no
 * prognos (or one with no avvikelse of its own, `Prognos okt` beside the year's figures), is the whole year's when no shorter period is set (`--months`), or when its year is over.
 * Read that way, the period is the year (12 months): budget and utfall are compared directly.
 */
import { normalizeHeader, periodFromText, yearIn } from './headerWords';
import type { HeaderMap, Role } from './types';

export interface AnnualReading {
  header: HeaderMap;
  /** The Swedish sentence saying how the utfall column was read (undefined when there was nothing to decide). */
  note?: string;
}

const PERIOD_WORDS = /(?<![a-z])(?:period|perioden|ack|ackumulerat|hittills|delar|tertial|t[12])(?![a-z0-9])/;

/** The header of a column, as the sheet writes it. */
const textOf = (header: HeaderMap, col: number | undefined) => (col === undefined ? '' : header.texts?.[col] ?? '');

/** An utfall column that names no period (`Utfall 2024`, `Utfall helår`, `Bokslut 2024`). */
export function namesNoPeriod(text: string): boolean {
  const t = normalizeHeader(text);
  return periodFromText(t) === undefined && !PERIOD_WORDS.test(t);
}

/** The roles of one block re-read as the year's: annual budget → the period's (the year), avvikelse likewise. */
function asYear(columns: Partial<Record<Role, number>>): Partial<Record<Role, number>> {
  const out = { ...columns };
  const move = (from: Role, to: Role) => {
    if (out[from] === undefined || out[to] !== undefined) return;
    out[to] = out[from];
    delete out[from];
  };
  move('budgetHelar', 'budgetPeriod');
  move('avvikelseHelar', 'avvikelsePeriod');
  move('avvikelsePctHelar', 'avvikelsePctPeriod');
  return out;
}

/** `Bokslut 2023` / `Utfall 2023` beside an annual table of 2024: last year's whole year, the fg år column. */
function withLastYear(header: HeaderMap, columns: Partial<Record<Role, number>>, year: number | undefined): Partial<Record<Role, number>> {
  if (columns.utfallFgAr !== undefined || year === undefined) return columns;
  const used = new Set(Object.values(columns));
  for (const [col, text] of Object.entries(header.texts ?? {})) {
    const t = normalizeHeader(text);
    if (!used.has(Number(col)) && /utfall|bokslut/.test(t) && !/budget|prognos|avvik/.test(t) && yearIn(t) === year - 1) return { ...columns, utfallFgAr: Number(col) };
  }
  return columns;
}

/** Whether a block's columns are an annual candidate: annual budget, an utfall naming no period, no prognos, no period budget. */
function candidate(header: HeaderMap, columns: Partial<Record<Role, number>>): boolean {
  // a forecast beside them (`Prognos okt`) does not make the utfall a period's when the avvikelse is the utfall's own
  const forecastAside = columns.prognosHelar === undefined || (columns.avvikelsePeriod !== undefined && columns.avvikelseHelar === undefined);
  return columns.budgetHelar !== undefined && forecastAside && columns.budgetPeriod === undefined && columns.utfallPeriod !== undefined && namesNoPeriod(textOf(header, columns.utfallPeriod));
}

/**
 * Reads the header as annual when it is one. `months`: the period set by the user (undefined when
 * none); `override`: the sheet's `annual` setting; `reportYear`: the report's year (a table of an
 * earlier year is over, so its utfall is the whole year's).
 */
export function annualReading(header: HeaderMap, months: number | undefined, override: boolean | undefined, reportYear?: number): AnnualReading {
  if (!candidate(header, header.columns) || header.months !== undefined) return { header };
  const utfall = textOf(header, header.columns.utfallPeriod);
  const year = yearIn(normalizeHeader(utfall));
  const over = year !== undefined && reportYear !== undefined && year < reportYear;
  const explicit = /helar|bokslut|arsutfall/.test(normalizeHeader(utfall));
  const annual = override ?? (months === undefined || months === 12 || over || explicit);
  const how = override !== undefined ? 'enligt inställningen' : undefined;
  if (!annual) {
    const against = months ? ` (${months} månader), mot årsbudgeten × ${months}/12` : ', mot årsbudgeten periodiserad när periodens längd anges';
    return { header, note: `kolumnen ${utfall} läses som utfall för perioden${against}${how ? `, ${how}` : ''}; ange "annual": true för fliken om det är helårets utfall.` };
  }
  const blocks = header.blocks?.map((b) => (candidate(header, b.columns) ? { ...b, columns: asYear(b.columns) } : b));
  const read: HeaderMap = { ...header, columns: withLastYear(header, asYear(header.columns), year), months: 12, periodText: 'jan–dec', annual: true };
  if (blocks) read.blocks = blocks;
  const why = how ?? (explicit ? 'rubriken säger helår' : months === 12 ? 'perioden är hela året' : over ? `året ${year} är slut` : 'tabellen har ingen prognos och ingen period');
  return { header: read, note: `kolumnen ${utfall} läses som helårets utfall och jämförs med årsbudgeten (${why}); ange "annual": false för fliken om det är ett utfall för en period.` };
}
