/**
 * Invented tables as a controller types them, for the audit tests: the driftredovisning of domain.md
 * as printed, an investment table with groups (signed), a portfolio in mnkr, and helpers that plant
 * errors (a flipped sign, a row left out of a sum, a typo).
 */
import { DOMAIN_PRINTED } from '../fixtures/domainDrift';
import type { FixtureCell } from '../fixtures/xlsx';

export type Grid = FixtureCell[][];

export const DRIFT_TOP: FixtureCell[] = [null, 'Helår', 'Helår', 'Helår', 'Perioden jan–aug', 'Perioden jan–aug', 'Perioden jan–aug', 'Perioden fg år'];
export const DRIFT_BOTTOM: FixtureCell[] = ['Verksamhet, tkr', 'Budget', 'Prognos', 'Avvikelse', 'Budget', 'Utfall', 'Avvikelse', 'Utfall'];

/** The driftredovisning of domain.md exactly as printed (title in A1, header in rows 3–4, data from row 5). */
export function printedDrift(): Grid {
  return [['Driftredovisning'], ['tkr'], [...DRIFT_TOP], [...DRIFT_BOTTOM], ...Object.entries(DOMAIN_PRINTED).map(([label, v]) => [label, ...v])];
}

/** Column letters of the drift grid, by role. */
export const DRIFT_COL = { budgetHelar: 1, prognosHelar: 2, avvikelseHelar: 3, budgetPeriod: 4, utfallPeriod: 5, avvikelsePeriod: 6, utfallFgAr: 7 } as const;

/** The row index (0-based) of a label in a grid. */
export function rowOf(grid: Grid, label: string): number {
  const r = grid.findIndex((row) => row[0] === label);
  if (r < 0) throw new Error(`no row ${label}`);
  return r;
}

/** A copy of the grid with cells replaced: `[label, column index, value]`. */
export function withCells(grid: Grid, ...edits: [string, number, FixtureCell][]): Grid {
  const copy = grid.map((row) => [...row]);
  for (const [label, col, value] of edits) copy[rowOf(copy, label)][col] = value;
  return copy;
}

/**
 * The same operating account with an evenly periodized budget (budget × 8/12, rounded), its period
 * deviations and sums recomputed, so that only what a test plants is wrong.
 */
export function evenDrift(): Grid {
  const rows: [string, number, number, number, number, number][] = [
    // label, budget helår, prognos helår, utfall period, utfall fg år, kind (1 revenue, -1 cost)
    ['Verksamhetens intäkter', 12400, 13050, 8994, 7902, 1],
    ['Personal', 88310, 90115, 60233, 57016, -1],
    ['Lokaler', 9020, 8870, 5907, 5880, -1],
    ['Köp av verksamhet', 21700, 21640, 14399, 13950, -1],
    ['Övrigt', 30115, 31002, 20841, 19300, -1],
  ];
  const line = (label: string, b: number, p: number, bp: number, u: number, fg: number, sign: number): FixtureCell[] => [label, b, p, sign * (p - b), bp, u, sign * (u - bp), fg];
  const body = rows.map(([label, b, p, u, fg, sign]) => line(label, b, p, Math.round((b * 8) / 12), u, fg, sign));
  const costs = body.slice(1);
  const col = (list: FixtureCell[][], c: number) => list.reduce((s, r) => s + (r[c] as number), 0);
  const vk = line('Verksamhetens kostnader', col(costs, 1), col(costs, 2), col(costs, 4), col(costs, 5), col(costs, 7), -1);
  const rev = body[0];
  const net = line('Årets resultat (nettokostnad)', (vk[1] as number) - (rev[1] as number), (vk[2] as number) - (rev[2] as number), (vk[4] as number) - (rev[4] as number), (vk[5] as number) - (rev[5] as number), (vk[7] as number) - (rev[7] as number), -1);
  return [['Driftredovisning'], ['tkr'], [...DRIFT_TOP], [...DRIFT_BOTTOM], ...body, vk, net];
}

/** Investeringar, tkr, signed (expenditure negative), two groups with `Summa …` rows and a grand `Summa`. */
export function investments(): Grid {
  return [
    ['Investeringar'],
    ['tkr'],
    [null, 'Helår', 'Helår', 'Helår', 'Perioden jan–aug'],
    ['Projekt, tkr', 'Budget', 'Prognos', 'Avvikelse', 'Utfall'],
    ['Reinvestering', null, null, null, null],
    ['Inventarier skolor och förskolor', -4500, -4500, 0, -2959],
    ['Ventilation Ekbyskolan', -8200, -9450, -1250, -6420],
    ['Utemiljö förskolor', -2400, -2350, 50, -1581],
    ['IT-utrustning elever', -6000, -6000, 0, -3981],
    ['Summa reinvestering', -21100, -22300, -1200, -14941],
    ['Nyinvestering', null, null, null, null],
    ['Ny förskola Ekbacken', -42000, -36000, 6000, -24151],
    ['Tillbyggnad Norrskolan', -15000, -15200, -200, -10079],
    ['Skolgård Solbacka', -3600, -3600, 0, -2380],
    ['Investeringsbidrag Norrskolan', 2400, 2400, 0, 1611],
    ['Summa nyinvestering', -58200, -52400, 5800, -34999],
    ['Summa', -79300, -74700, 4600, -49939],
    ['Positivt tal indikerar en intäkt. Avrundningsdifferenser kan förekomma.'],
  ];
}

/** An exploitation portfolio in mnkr with one decimal: level-1 and level-2 groups carry their totals. */
export function portfolio(): Grid {
  return [
    ['Exploatering'],
    ['mnkr'],
    [null, 'Helår', 'Helår', 'Helår', 'Perioden jan–aug'],
    ['Område, mnkr', 'Budget', 'Prognos', 'Avvikelse', 'Utfall'],
    ['Exploateringsprojekt', -4.4, -23, -18.6, -22],
    ['Genomförandeprojekt', 2.1, -16.6, -18.7, -17.7],
    ['Norra Ekby etapp 2', -24.6, -24.9, -0.3, -16.5],
    ['Ekby centrum, kv. Smedjan', 31.2, 12.4, -18.8, 1.9],
    ['Verkstadsområdet', -14.3, -14.1, 0.2, -9.6],
    ['Södra Hagen bostäder', 9.8, 10, 0.2, 6.6],
    ['Planeringsprojekt', -6.5, -6.5, 0, -4.3],
    ['Östra Ekby verksamhetsområde', -3.2, -3.1, 0.1, -2.1],
    ['Sjöstaden, detaljplan', -2.4, -2.5, -0.1, -1.6],
    ['Lärkbacken, förstudie', -0.9, -0.9, 0, -0.6],
    ['Markreserv', -7.5, -7.4, 0.1, -4.9],
    ['Köp och försäljning av mark', -7.5, -7.4, 0.1, -4.9],
    ['Förvärv Ekby 4:12', -12, -12, 0, -8],
    ['Försäljning av mark, Industrivägen', 4.5, 4.6, 0.1, 3],
    ['Summa', -11.9, -30.4, -18.5, -27],
  ];
}
