/** Row labels as real reports print them: note references (`Skatteintäkter (not 4)`) and footnote marks. */

import { memoByText } from './textMemo';

const NOTE_REF = /\s*[,(]?\s*\b(?:not|noter|note)\s*\.?\s*\d+(?:\s*(?:,|och|&|-|–)\s*\d+)*\s*\)?\s*$/i;
const FOOTNOTE_MARK = /\s*(?:\*+|[\u00b9\u00b2\u00b3\u2070-\u2079]+)$/u;

/**
 * The label without a trailing note reference or footnote mark: `Skatteintäkter (not 4)`,
 * `Skatteintäkter not 4`, `Finansiella kostnader (Not 7, 8)`, `Avskrivningar*`, `Övrigt¹` → the words
 * alone. A trailing number on its own (`Grundskola 7-9`, `Hus 2`) is part of the label and stays.
 */
export const withoutNoteRef: (label: string) => string = memoByText(stripNoteRef);

function stripNoteRef(label: string): string {
  let out = label;
  for (let i = 0; i < 2; i++) out = out.replace(NOTE_REF, '').replace(FOOTNOTE_MARK, '');
  return out.trim() || label.trim();
}
