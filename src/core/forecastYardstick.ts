/**
 * Forecast accuracy (prognossäkerhet): `Bokslut | Delårsrapport jan–aug | Avvikelse` sets the year's
 * outcome against the forecast made for it earlier, and has no budget. The forecast is then the yardstick
 * the outcome is measured against: it takes the budget's place in the comparison, so avvikelse =
 * utfall − prognos on signed amounts (positive = better than the forecast), and the standard tables call
 * the column Prognos.
 */
import { namesNoPeriod } from './annual';
import type { HeaderMap, Role } from './types';

export interface YardstickReading {
  header: HeaderMap;
  /** The Swedish sentence saying what the outcome was compared with (undefined when nothing changed). */
  note?: string;
}

const textOf = (header: HeaderMap, col: number | undefined) => (col === undefined ? '' : header.texts?.[col] ?? '');

/** A year's outcome, a forecast and a deviation, and no budget at all (in any block). */
function comparesWithForecast(header: HeaderMap): boolean {
  const c = header.columns;
  const budget = [c, ...(header.blocks ?? []).map((b) => b.columns)].some((x) => x.budgetHelar !== undefined || x.budgetPeriod !== undefined);
  const deviation = c.avvikelseHelar !== undefined || c.avvikelsePeriod !== undefined;
  return !budget && deviation && c.prognosHelar !== undefined && c.utfallPeriod !== undefined && namesNoPeriod(textOf(header, c.utfallPeriod));
}

/** Reads the outcome against the forecast when the table has no budget to compare with. */
export function yardstickReading(header: HeaderMap): YardstickReading {
  if (!comparesWithForecast(header)) return { header };
  const { prognosHelar, avvikelseHelar, avvikelsePeriod, avvikelsePctHelar, avvikelsePctPeriod, ...rest } = header.columns;
  const columns: Partial<Record<Role, number>> = { ...rest, budgetPeriod: prognosHelar, avvikelsePeriod: avvikelsePeriod ?? avvikelseHelar };
  const pct = avvikelsePctPeriod ?? avvikelsePctHelar;
  if (pct !== undefined) columns.avvikelsePctPeriod = pct;
  const utfall = textOf(header, header.columns.utfallPeriod);
  const prognos = textOf(header, prognosHelar);
  return {
    header: { ...header, columns, months: 12, periodText: 'jan–dec', annual: true, yardstick: 'prognos' },
    note: `tabellen har ingen budget: kolumnen ${utfall} jämförs med prognosen i kolumnen ${prognos}, och avvikelsen är utfallet minus prognosen (positiv när utfallet blev bättre än prognosen).`,
  };
}
