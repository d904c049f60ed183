import Papa from 'papaparse';

/** A CSV parsed into header + rows of strings, or the reasons it could not be. */
export type CsvParseResult =
  { ok: true; header: string[]; rows: Record<string, string>[] } | { ok: false; errors: string[] };

/**
 * Parse UTF-8 CSV text with a header row (RFC 4180 quoting). A leading byte-order mark is
 * dropped. Never throws: malformed input comes back as a list of readable errors, so a bad
 * file can be reported without losing what the caller already has.
 */
export function parseCsv(text: string, expectedHeader?: readonly string[]): CsvParseResult {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const parsed = Papa.parse<string[]>(body, { skipEmptyLines: 'greedy' });
  const errors = parsed.errors.map((e) => `line ${(e.row ?? 0) + 1}: ${e.message}`);
  const [header, ...records] = parsed.data;
  if (!header) return { ok: false, errors: ['the file is empty'] };
  if (expectedHeader && header.join(',') !== expectedHeader.join(',')) {
    errors.push(`header is "${header.join(',')}", expected "${expectedHeader.join(',')}"`);
  }
  const rows: Record<string, string>[] = [];
  records.forEach((record, i) => {
    if (record.length !== header.length) {
      errors.push(`line ${i + 2}: ${record.length} fields, expected ${header.length}`);
      return;
    }
    const row: Record<string, string> = {};
    header.forEach((name, j) => {
      row[name] = record[j] ?? '';
    });
    rows.push(row);
  });
  return errors.length > 0 ? { ok: false, errors } : { ok: true, header, rows };
}

/** A plain decimal number ("-1", "+2.5"): a spreadsheet reads it as a number, never as a formula. */
const PLAIN_NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)$/u;

/** What a spreadsheet runs at the start of a cell: `=`, `+`, `-`, `@`, and a tab or CR it skips first. */
const TRIGGER = /^[=+\-@\t\r]/u;

/**
 * A separator some spreadsheet may split a cell on (Excel takes the locale's list separator,
 * `;` in much of Europe, and splits a line on it whatever the commas and quotes say; pasted
 * text splits on tabs), then optional spaces or double quotes (a field that starts with `"` is
 * read as quoted), then a trigger: what starts a new cell there would run.
 */
const SPLIT_TRIGGER = /([,;\t][ "]*)(?=[=+\-@\t\r])/gu;

/** Where a cell would be split, from `start` to the next separator. */
const partFrom = (cell: string, start: number): string => /^[^,;\t]*/u.exec(cell.slice(start))?.[0] ?? '';

/**
 * A cell that a spreadsheet would read as a formula (it starts with `=`, `+`, `-` or `@`, or
 * with a tab or carriage return, which Excel skips before looking for those) gets a leading
 * apostrophe, so Excel, LibreOffice and Google Sheets show it as text instead of running it
 * (CSV injection: `=HYPERLINK(…)` in an imported source title). Plain numbers are left as they
 * are: they run nothing, and "-1" must stay a number.
 *
 * A cell that a spreadsheet splitting on `,`, `;` or tab would cut into one starting with a
 * trigger (`x;=1+1`, `a, "=HYPERLINK(…)"`) is neutralised too: the apostrophe goes before each
 * such trigger (each part it would become reads as text) and before the cell, as for a leading
 * trigger. A part that is a plain number ("1,-1") runs nothing and is left as it is.
 */
export function spreadsheetSafe(cell: string): string {
  const parts = cell.replace(SPLIT_TRIGGER, (lead: string, _sep: string, offset: number) => {
    const start = offset + lead.length;
    const part = cell[start] === '\t' || cell[start] === '\r' ? '' : partFrom(cell, start).trimEnd();
    return PLAIN_NUMBER.test(part) ? lead : `${lead}'`;
  });
  if (parts !== cell) return `'${parts}`;
  return TRIGGER.test(cell) && !PLAIN_NUMBER.test(cell) ? `'${cell}` : cell;
}

export interface SerializeOptions {
  /** Neutralise cells a spreadsheet would run (spreadsheetSafe): every file the app offers as a download. */
  spreadsheetSafe?: boolean;
}

/** Serialise rows as CSV with the given column order (LF line ends, quoting only where needed). */
export function serializeCsv(
  header: readonly string[],
  rows: readonly Record<string, string>[],
  options: SerializeOptions = {},
): string {
  const cell = options.spreadsheetSafe === true ? spreadsheetSafe : (text: string) => text;
  const data = rows.map((row) => header.map((name) => cell(row[name] ?? '')));
  return Papa.unparse({ fields: [...header], data }, { newline: '\n' }) + '\n';
}
