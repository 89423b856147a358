/**
 * An error as the pane shows it: its Swedish message, and where Excel said it failed
 * (`debugInfo.errorLocation`, e.g. `Range.formulas`) as a technical detail, which also goes to the
 * browser's console for the log.
 */
export function failureText(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const { code, errorLocation } = error as Error & { code?: unknown; errorLocation?: unknown };
  if (typeof errorLocation !== 'string' || !errorLocation) return error.message;
  console.warn('Avvikelse: Excel-fel', { code, errorLocation, message: error.message });
  return `${error.message} [${errorLocation}]`;
}
