/**
 * Errors from Excel, said in Swedish. Excel rejects a whole batch with an `OfficeExtension.Error` whose
 * `code` says what went wrong (`AccessDenied`, `InvalidOperation`, `ItemNotFound`, …) but not on which
 * sheet; the adapter checks protection itself before it writes, so the usual case is named exactly.
 */

/** An error from the workbook host, with the sheet it concerns when known and Excel's code when any. */
export class ExcelHostError extends Error {
  constructor(
    message: string,
    readonly sheet?: string,
    readonly code?: string,
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

/**
 * An error from Excel in Swedish. `doing` says what we tried (`skriva avvikelserna`), `sheets` which
 * sheets the failing batch worked on: one is named, several are listed.
 */
export function hostError(error: unknown, doing: string, sheets: string[] = []): Error {
  if (error instanceof ExcelHostError) return error;
  const code = excelCode(error);
  if (code === undefined) return error instanceof Error ? error : new Error(String(error));
  const one = sheets.length === 1 ? sheets[0] : undefined;
  const where = one ? `fliken ${one}` : sheets.length ? `någon av flikarna ${sheets.join(', ')}` : undefined;
  if (code === 'AccessDenied' || code === 'InvalidOperation') {
    const what = where ? where[0].toUpperCase() + where.slice(1) : 'Arbetsboken';
    return new ExcelHostError(`${what} går inte att ändra (${code}), troligen för att den är skyddad; ta bort skyddet och försök igen`, one, code);
  }
  if (code === 'ItemNotFound' && where) return new ExcelHostError(`Kunde inte ${doing}: hittar inte ${where} (${code})`, one, code);
  const detail = error instanceof Error && error.message ? `: ${error.message}` : '';
  return new ExcelHostError(`Excel kunde inte ${doing}${where ? ` i ${where}` : ''} (${code})${detail}`, one, code);
}
