import { stringify } from 'csv-stringify/sync';
import type { ExportValue } from './exportGraph';

export interface CsvOptions {
  /** Starts the file with a UTF-8 byte order mark, so Excel reads Vietnamese letters as UTF-8. Default false. */
  readonly bom?: boolean;
  /** Default ",". Excel in a locale with a decimal comma may want ";". */
  readonly delimiter?: string;
}

/** The characters that make a spreadsheet read a cell as a formula. */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * Given a value, returns the cell to write: absent as empty, numbers as written, text in NFC with
 * a leading `'` when it would otherwise start a formula in Excel or LibreOffice (OWASP's advice
 * for CSV injection): a story title "=HYPERLINK(…)" stays text. Numbers are never touched, so
 * "-3" from a number stays a number.
 */
export function csvCell(value: ExportValue): string | number | boolean {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? value : '';
  if (typeof value === 'boolean') return value;
  const text = value.normalize('NFC');
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/**
 * Given rows of cells, returns CSV text (RFC 4180 via csv-stringify: a field with the delimiter, a
 * quote or a line break is quoted, quotes doubled; lines end in CRLF as the RFC and Excel expect).
 */
export function csvText(rows: readonly (readonly ExportValue[])[], options: CsvOptions = {}): string {
  const body = stringify(
    rows.map((row) => row.map(csvCell)),
    { delimiter: options.delimiter ?? ',', record_delimiter: 'windows', cast: { boolean: (b) => (b ? 'true' : 'false') } },
  );
  return options.bom ? `\uFEFF${body}` : body;
}
