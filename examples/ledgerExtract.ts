/**
 * A ledger extract (huvudboksutdrag) as controllers export it: one row per account and activity,
 * `Konto | Verksamhet | Budget 2026 | Prognos 2026 | Budget jan–aug | Utfall jan–aug | Utfall jan–aug 2025`,
 * amounts in kronor with öre in the ledger's own signs (costs positive, revenue negative). Used for the
 * shipped example `examples/huvudbok-exempel.xlsx` and, at 100 000 and 1 000 000 rows, by the benchmark.
 * Deterministic: the same N gives the same file everywhere (integer öre from a seeded generator).
 */
import { seeded } from './seeded';
import { writeStreamingWorkbook } from './streamingWorkbook';

export const LEDGER_SHEET = 'Huvudbok';
export const LEDGER_HEADER = ['Konto', 'Verksamhet', 'Budget 2026', 'Prognos 2026', 'Budget jan–aug', 'Utfall jan–aug', 'Utfall jan–aug 2025'];

/** Kommun-Bas accounts with the share of a verksamhet's turnover they typically carry (weights). */
export const LEDGER_ACCOUNTS: [number, string, number][] = [
  [3110, 'Barnomsorgsavgifter', 4],
  [3120, 'Äldreomsorgsavgifter', 3],
  [3410, 'Försäljning av verksamhet', 2],
  [3510, 'Hyresintäkter', 2],
  [3610, 'Statsbidrag', 6],
  [3710, 'Övriga bidrag', 1],
  [4010, 'Förbrukningsmaterial', 3],
  [4110, 'Livsmedel', 2],
  [4510, 'Köp av huvudverksamhet', 8],
  [4610, 'Entreprenader', 4],
  [5010, 'Månadslöner', 30],
  [5110, 'Timlöner', 6],
  [5410, 'Sociala avgifter', 14],
  [5510, 'Pensionskostnader', 4],
  [5810, 'Utbildning', 1],
  [6110, 'Lokalhyror', 9],
  [6210, 'Fastighetsservice', 2],
  [6310, 'Energi och vatten', 2],
  [6410, 'Förbrukningsinventarier', 1],
  [7010, 'IT-tjänster', 2],
  [7110, 'Konsulttjänster', 1],
  [7310, 'Resor och transporter', 1],
  [7810, 'Avskrivningar', 3],
  [8410, 'Räntekostnader', 1],
];

/** 40 verksamheter, `410 Grundskola Norr` …: the code a controller maps, and the name. */
export function ledgerActivities(): string[] {
  const names = [
    'Förskola', 'Grundskola', 'Gymnasieskola', 'Vuxenutbildning', 'Fritidshem', 'Kulturskola', 'Bibliotek', 'Fritidsgårdar',
    'Äldreomsorg', 'Hemtjänst', 'LSS-boenden', 'Daglig verksamhet', 'Individ- och familjeomsorg', 'Försörjningsstöd',
    'Arbetsmarknad', 'Gata och park', 'Räddningstjänst', 'Plan och bygg', 'Kost', 'Kommunledning',
  ];
  const out: string[] = [];
  names.forEach((name, i) => {
    out.push(`${400 + i * 10} ${name} Norr`, `${405 + i * 10} ${name} Söder`);
  });
  return out;
}

export interface LedgerRow {
  account: number;
  activity: string;
  /** Öre, ledger signs: budget helår, prognos helår, budget jan–aug, utfall jan–aug, utfall jan–aug fg år. */
  ore: [number, number, number, number, number];
}

/** Row i of an N-row extract: verksamheter in contiguous blocks, accounts cycling within each. */
export function* ledgerRows(n: number, seed = 20261124): Generator<LedgerRow> {
  const activities = ledgerActivities();
  const per = Math.max(1, Math.ceil(n / activities.length));
  const rand = seeded(seed);
  const between = (lo: number, hi: number) => lo + Math.floor(rand() * (hi - lo + 1));
  for (let i = 0; i < n; i++) {
    const activity = activities[Math.min(activities.length - 1, Math.floor(i / per))];
    const [account, , weight] = LEDGER_ACCOUNTS[i % LEDGER_ACCOUNTS.length];
    const sign = account < 4000 ? -1 : 1;
    const budget = between(500_00, 25_000_00) * weight;
    const prognos = Math.round(budget * (1 + (rand() - 0.5) * 0.2)) + between(0, 99);
    const budgetPeriod = Math.round((budget * 8) / 12) + between(-99, 99);
    const utfallPeriod = Math.round(budgetPeriod * (1 + (rand() - 0.5) * 0.24)) + between(0, 99);
    const utfallFgAr = Math.round(utfallPeriod * (1 + (rand() - 0.5) * 0.12)) + between(0, 99);
    const ore = [budget, prognos, budgetPeriod, utfallPeriod, utfallFgAr].map((x) => sign * x) as LedgerRow['ore'];
    yield { account, activity, ore };
  }
}

/** Writes the extract with exceljs's streaming writer (to a temporary name first). */
export function writeLedgerExtract(path: string, n: number): Promise<void> {
  return writeStreamingWorkbook(path, 'Avvikelse', (wb) => {
    const ws = wb.addWorksheet(LEDGER_SHEET, { views: [{ state: 'frozen', ySplit: 1 }] });
    ws.columns = LEDGER_HEADER.map((_, c) => ({ width: c === 1 ? 30 : c === 0 ? 10 : 16, style: c >= 2 ? { numFmt: '#,##0.00' } : {} }));
    const header = ws.addRow(LEDGER_HEADER);
    header.font = { bold: true };
    header.commit();
    for (const r of ledgerRows(n)) ws.addRow([r.account, r.activity, ...r.ore.map((o) => o / 100)]).commit();
    ws.commit();
  });
}
