/** A small ledger extract (huvudboksutdrag) in the ledger's own signs, one row per account and ansvar: for the account-map tests. */
import type { RawValue } from '../../src/core/types';

export const LEDGER: RawValue[][] = [
  ['Konto', 'Ansvar', 'Budget 2026', 'Prognos 2026', 'Budget jan–aug', 'Utfall jan–aug'],
  [3110, '410 Grundskola', -1000000, -1200000, -666666.67, -700000.5],
  [5010, '410 Grundskola', 8000000, 8200000, 5333333.33, 5600000.25],
  [6110, '410 Grundskola', 1200000, 1200000, 800000, 800000],
  [4010, '420 Förskola', 300000.1, 310000, 200000, 210000.05],
  [5010, '420 Förskola', 4000000, 3900000, 2666666.67, 2550000],
  [7010, '420 Förskola', 100000, 120000, 66666.67, 90000],
];
