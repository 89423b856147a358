/**
 * A driftredovisning typed by hand into the demo workbook, for the audit tests of the pane: a title,
 * a two-level header (Helår / Perioden jan–aug over Budget, Prognos/Utfall, Avvikelse), unsigned
 * amounts in tkr, and one planted error: Personal's avvikelse helår (D6) with its sign flipped
 * (1 805 where budget 88 310 and prognos 90 115 give -1 805). Every other figure adds up.
 */
import type { RawValue } from '../../src/core/types';

export const HAND_SHEET = 'Handskriven';

/** The planted error's cell. */
export const HAND_ERROR_CELL = 'D6';

export function handTypedValues(): RawValue[][] {
  return [
    ['Driftredovisning, tkr'],
    [],
    [null, 'Helår', 'Helår', 'Helår', 'Perioden jan–aug', 'Perioden jan–aug', 'Perioden jan–aug'],
    ['Verksamhet, tkr', 'Budget', 'Prognos', 'Avvikelse', 'Budget', 'Utfall', 'Avvikelse'],
    ['Verksamhetens intäkter', 12400, 13050, 650, 8267, 8994, 727],
    ['Personal', 88310, 90115, 1805, 58873, 60233, -1360],
    ['Lokaler', 9020, 8870, 150, 6013, 5907, 106],
    ['Köp av verksamhet', 21700, 21640, 60, 14467, 14399, 68],
    ['Verksamhetens kostnader', 119030, 120625, -1595, 79353, 80539, -1186],
    ['Årets resultat', 106630, 107575, -945, 71086, 71545, -459],
  ];
}
