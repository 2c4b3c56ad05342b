/**
 * CSV cells and rows (RFC 4180): quoted when they hold a comma, a quote or a line break. A cell
 * that a spreadsheet would run as a formula (starting with =, +, -, @, tab or carriage return) is
 * prefixed with an apostrophe, so an exported note can never execute in Excel or LibreOffice.
 */
export function csvCell(value: unknown): string {
  if (value == null) return '';
  let text = typeof value === 'string' ? value : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export const csvRow = (cells: readonly unknown[]) => `${cells.map(csvCell).join(',')}\r\n`;

/** The byte-order mark spreadsheet programs need to read UTF-8 (Indonesian names) correctly. */
export const UTF8_BOM = '\uFEFF';
