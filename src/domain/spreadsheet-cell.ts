/**
 * Spreadsheet formula injection (CSV injection, OWASP): a CSV cell whose text starts with `=`,
 * `+`, `-`, `@`, a tab or a carriage return runs as a formula when the file is opened in Excel or
 * LibreOffice (`=HYPERLINK("http://…","点此")` as a facility name). Every writer of a CSV cell
 * passes it through `neutraliseCell`: such text gets a leading single quote, the OWASP
 * recommendation; numbers (negative ones too), booleans and empty cells stay what they are.
 * Pure, no I/O; shared by the server and the web app.
 */

const FORMULA_START = /^[=+\-@\t\r]/;

/** Whether a spreadsheet would read this text as the start of a formula. */
export function startsFormula(text: string): boolean {
  return FORMULA_START.test(text);
}

/** The cell as a CSV file may hold it: formula-like text quoted with a leading `'`, anything else unchanged. */
export function neutraliseCell<T>(value: T): T | string {
  return typeof value === 'string' && FORMULA_START.test(value) ? `'${value}` : value;
}
