/**
 * Errors from Excel, said in Swedish. Excel rejects a batch with an `OfficeExtension.Error` whose `code`
 * says what went wrong (`AccessDenied`, `InvalidOperationInCellEditMode`, `ItemNotFound`, …; listed in
 * Microsoft's "Error handling with the application-specific JavaScript APIs") but not on which sheet;
 * its `debugInfo.errorLocation` names the member that failed (`Range.formulas`), which is kept on the
 * error for the log. The adapter checks protection and names itself before it writes, so the usual
 * cases are named exactly.
 */
import type { PartReport } from './partLog';

/** An error from the workbook host, with the sheet it concerns when known, Excel's code and where it failed. */
export class ExcelHostError extends Error {
  constructor(
    message: string,
    readonly sheet?: string,
    readonly code?: string,
    /** Excel's `debugInfo.errorLocation` (`Range.formulas`), for the log. */
    readonly errorLocation?: string,
  ) {
    super(message);
    this.name = 'ExcelHostError';
  }
}

export function protectedSheetError(sheet: string): ExcelHostError {
  return new ExcelHostError(`Fliken ${sheet} är skrivskyddad; ta bort skyddet och försök igen`, sheet, 'AccessDenied');
}

export function protectedWorkbookError(sheet: string): ExcelHostError {
  return new ExcelHostError(`Arbetsbokens struktur är skyddad, så fliken ${sheet} kan inte läggas till; ta bort skyddet och försök igen`, sheet, 'AccessDenied');
}

export function missingSheetError(sheet: string): ExcelHostError {
  return new ExcelHostError(`Fliken ${sheet} finns inte i arbetsboken`, sheet, 'ItemNotFound');
}

/** A read stopped by its signal (`ReadOptions.signal`), named as `AbortSignal` aborts are. */
export function abortedError(): Error {
  const error = new Error('Läsningen av arbetsboken avbröts');
  error.name = 'AbortError';
  return error;
}

function excelCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

/** `debugInfo.errorLocation` of an Office error, when it has one. */
export function errorLocation(error: unknown): string | undefined {
  const location = (error as { debugInfo?: { errorLocation?: unknown } } | null)?.debugInfo?.errorLocation;
  return typeof location === 'string' && location ? location : undefined;
}

/** What the user can do about an error, by Excel's code (the codes Microsoft documents for Excel). */
const ADVICE: Record<string, string> = {
  InvalidOperationInCellEditMode: 'Excel redigerar en cell just nu: avsluta redigeringen av cellen (tryck Enter eller Esc) och försök igen',
  ApiNotFound: 'den här versionen av Excel saknar en funktion som behövs; uppdatera Office eller använd Excel på webben',
  GeneralException: 'Excel rapporterade ett internt fel; försök igen, och stäng och öppna arbetsboken om felet kvarstår',
  InvalidOperation: 'Excel tillåter inte åtgärden just nu; kontrollera att ingen dialogruta är öppen och försök igen',
  ItemAlreadyExists: 'något med samma namn finns redan (Excel skiljer inte på stora och små bokstäver i namn)',
  Conflict: 'någon annan ändrade arbetsboken samtidigt; försök igen',
  ActivityLimitReached: 'Excel tar emot för många begäranden just nu; vänta en stund och försök igen',
  MemoryLimitReached: 'Excel fick slut på minne; stäng andra arbetsböcker och försök igen',
  RequestPayloadSizeLimitExceeded: 'för mycket data för en omgång till Excel',
  ResponsePayloadSizeLimitExceeded: 'för mycket data för en omgång från Excel',
  RangeExceedsLimit: 'området har fler celler än Excel hanterar i en begäran',
  FormulaLengthExceedsLimit: 'en formel är längre än Excel tillåter',
  InactiveWorkbook: 'flera arbetsböcker är öppna och den här har inte fokus; klicka i arbetsboken och försök igen',
  MergedRangeConflict: 'sammanfogade celler, en tabell eller en pivottabell är i vägen',
  FilteredRangeConflict: 'ett filtrerat område är i vägen; ta bort filtret och försök igen',
  PivotTableRangeConflict: 'en pivottabell är i vägen',
  UnsupportedSheet: 'fliken är ett diagram- eller makroblad',
  InvalidSelection: 'markeringen går inte att använda; markera ett område med celler',
  ServiceNotAvailable: 'tjänsten är inte tillgänglig just nu; försök igen om en stund',
  Unauthenticated: 'inloggningen har gått ut; logga in i Office igen',
  NotImplemented: 'den här versionen av Excel har inte funktionen',
  UnsupportedOperation: 'Excel stöder inte åtgärden här',
};

/**
 * An error from Excel in Swedish. `doing` says what we tried (`skriva avvikelserna`), `sheets` which
 * sheets the failing batch worked on: one is named, several are listed.
 */
export function hostError(error: unknown, doing: string, sheets: string[] = []): Error {
  if (error instanceof ExcelHostError) return error;
  const code = excelCode(error);
  if (code === undefined) return error instanceof Error ? error : new Error(String(error));
  const location = errorLocation(error);
  const one = sheets.length === 1 ? sheets[0] : undefined;
  const where = one ? `fliken ${one}` : sheets.length ? `någon av flikarna ${sheets.join(', ')}` : undefined;
  if (code === 'AccessDenied') {
    const what = where ? where[0].toUpperCase() + where.slice(1) : 'Arbetsboken';
    return new ExcelHostError(`${what} går inte att ändra (${code}), troligen för att den är skyddad; ta bort skyddet och försök igen`, one, code, location);
  }
  if (code === 'ItemNotFound' && where) return new ExcelHostError(`Kunde inte ${doing}: hittar inte ${where} (${code})`, one, code, location);
  const advice = ADVICE[code];
  if (advice) return new ExcelHostError(`Excel kunde inte ${doing}${where ? ` i ${where}` : ''}: ${advice} (${code})`, one, code, location);
  const detail = error instanceof Error && error.message ? `: ${error.message}` : '';
  return new ExcelHostError(`Excel kunde inte ${doing}${where ? ` i ${where}` : ''} (${code})${detail}`, one, code, location);
}

/** A list in Swedish: `a`, `a och b`, `a, b och c`. */
export function listed(items: string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} och ${items[items.length - 1]}`;
}

/**
 * A write that failed part-way (each sync commits; nothing is rolled back): the error in Swedish with
 * what was written, what may have been (the sync that failed may have applied its first actions),
 * what was not, and that the next run takes over what is there.
 */
export function partlyWrittenError(error: Error, done: PartReport): Error {
  const host = error as Partial<ExcelHostError>;
  const again = (message: string) => new ExcelHostError(message, host.sheet, host.code, host.errorLocation);
  // Excel's own message (appended for codes without Swedish advice) ends in a full stop already
  const said = error.message.replace(/\.$/, '');
  if (done.written.length === 0 && done.uncertain.length === 0) return again(`${said}. Ingenting skrevs.`);
  const parts = [
    done.written.length ? `Skrivet: ${listed(done.written)}.` : '',
    done.uncertain.length ? `Kanske delvis skrivet (Excel avbröt mitt i): ${listed(done.uncertain)}.` : '',
    done.notWritten.length ? `Inte skrivet: ${listed(done.notWritten)}.` : '',
    'Kör Avvikelse igen när felet är åtgärdat; den tar över det som redan skrevs.',
  ].filter(Boolean);
  return again(`${said}. ${parts.join(' ')}`);
}
