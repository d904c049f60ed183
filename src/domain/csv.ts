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

/** Serialise rows as CSV with the given column order (LF line ends, quoting only where needed). */
export function serializeCsv(header: readonly string[], rows: readonly Record<string, string>[]): string {
  const data = rows.map((row) => header.map((name) => row[name] ?? ''));
  return Papa.unparse({ fields: [...header], data }, { newline: '\n' }) + '\n';
}
