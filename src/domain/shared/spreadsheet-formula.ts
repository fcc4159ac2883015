/**
 * What makes a spreadsheet run a cell instead of showing it (OWASP "CSV Injection"; OWASP ASVS
 * 4.0 5.3.6 and 5.0 V1.2.10; CWE-1236): a cell starting with `=`, `+`, `-` or `@` is a formula
 * in Excel, LibreOffice and Google Sheets; `|` starts a DDE command in older Excel and
 * LibreOffice (`|cmd /c calc`), and `%` an environment-variable reference in the same DDE forms;
 * a leading tab, carriage return, line feed or NUL is stripped by some importers, so what
 * follows it becomes the start of the cell. The full-width forms (＝ ＋ － ＠) are included
 * because Excel in East Asian locales reads them as their ASCII twins.
 */
const FORMULA_START = /^[=+\-@|%\t\r\n\0\uFF1D\uFF0B\uFF0D\uFF20]/u;

/** A plain signed number or phone number ("-3", "+44 7700 900123") is data, not a formula. */
const SIGNED_NUMBER = /^[+-]?[0-9][0-9 .]*$/;

/**
 * A cell an agency sent that a spreadsheet would run: stored exactly as text, never evaluated,
 * and flagged in the ingest report. Signed numbers are not flagged (phone numbers are common).
 */
export function looksLikeFormula(value: string): boolean {
  return FORMULA_START.test(value) && !SIGNED_NUMBER.test(value);
}

/**
 * For every CSV Tessera writes: a cell that starts like a formula gets a leading apostrophe, so
 * spreadsheets show it as text. Signed numbers included: Excel would otherwise evaluate
 * "+44 7700 900123" (and show #NULL!), so the apostrophe keeps even those as sent.
 */
export function neutraliseFormula(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}
