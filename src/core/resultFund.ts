/**
 * A nämnd's result carried between years (resultatöverföring): `Ingående redovisat resultat |
 * Disposition av resultat | Kommunbidrag | Intäkter | Kostnader | Årets resultat | Utgående redovisat
 * resultat`. The year's result is the allocation (less what is drawn from the fund: a disposition is
 * entered negative) plus revenue and costs; the closing result is the opening one plus the disposition
 * plus the year's result.
 */
import { normalizeHeader } from './headerWords';
import type { HeaderMap } from './types';

export interface ResultFund {
  opening?: number;
  disposition?: number;
  result?: number;
  closing?: number;
}

/** The result-fund columns a header names (by their words), when it has a result and an opening or closing one. */
export function resultFundColumns(texts: Record<number, string>): ResultFund | undefined {
  const out: ResultFund = {};
  for (const [col, text] of Object.entries(texts)) {
    const t = normalizeHeader(text);
    const c = Number(col);
    if (/ingaende.*resultat/.test(t)) out.opening ??= c;
    else if (/utgaende.*resultat/.test(t)) out.closing ??= c;
    else if (/^disposition|ianspraktag|nyttjat resultat/.test(t)) out.disposition ??= c;
    else if (/^arets resultat/.test(t)) out.result ??= c;
  }
  return out.result !== undefined && (out.opening !== undefined || out.closing !== undefined) ? out : undefined;
}

/** The allocation column of a result fund: the net budget (`Kommunbidrag`). */
export function allocationColumn(header: HeaderMap): number | undefined {
  return header.columns.budgetHelar ?? header.columns.budgetPeriod;
}
