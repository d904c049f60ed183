/**
 * Typed readers for the cells of one CSV row. Each reader records a readable error instead of
 * throwing, so one bad cell never hides the others and user-supplied files can be reported in
 * full. A reader that fails returns a placeholder value: the caller discards any row that
 * collected an error, so the placeholder is never seen.
 */
import { TIERS, type Tier } from '../types.ts';

/** The project's tables, named as in data/<name>.csv. */
export const TABLE_NAMES = ['units', 'sources', 'tiers', 'tier_ranges', 'totals', 'indicators'] as const;
export type TableName = (typeof TABLE_NAMES)[number];

export function fileOf(table: TableName): string {
  return `${table}.csv`;
}

/**
 * A problem found while reading a table. `line` is the CSV record number with the header as
 * line 1 (the same numbering as check_facts.py); null for problems of the whole file.
 */
export interface ParseError {
  table: TableName;
  line: number | null;
  column: string | null;
  message: string;
}

export function formatParseError(e: ParseError): string {
  const where = [
    fileOf(e.table),
    e.line === null ? '' : `line ${e.line}`,
    e.column === null ? '' : `column ${e.column}`,
  ]
    .filter(Boolean)
    .join(', ');
  return `${where}: ${e.message}`;
}

const INTEGER = /^-?\d+$/;
const NUMBER = /^-?\d+(\.\d+)?$/;
export const CODE = /^\d{6}$/;

/**
 * Three or more Latin-letter words in a row: an English phrase left in a Chinese note. Ids
 * (P017, D000), tiers (A, B或C), file names and single terms (WGS84, Unix) are not runs.
 */
export const ENGLISH_RUN = /[A-Za-z][A-Za-z'’-]*(?:[\s,;:]+[A-Za-z][A-Za-z'’-]*){2,}/u;

interface IntOptions {
  min?: number;
  max?: number;
}

function outOfRange(n: number, { min, max }: IntOptions): string {
  if (min !== undefined && max !== undefined) return `${n} is outside ${min}..${max}`;
  return min !== undefined ? `${n} is less than ${min}` : `${n} is more than ${max}`;
}

/** Cell readers bound to one row; errors go to `errors`. */
export function cellReader(table: TableName, line: number, row: Record<string, string>, errors: ParseError[]) {
  const fail = (column: string, message: string): void => {
    errors.push({ table, line, column, message });
  };
  const raw = (column: string): string => row[column] ?? '';

  function optInt(column: string, opts: IntOptions = {}): number | null {
    const v = raw(column).trim();
    if (v === '') return null;
    if (!INTEGER.test(v)) {
      fail(column, `"${v}" is not an integer`);
      return null;
    }
    const n = Number(v);
    if ((opts.min !== undefined && n < opts.min) || (opts.max !== undefined && n > opts.max)) {
      fail(column, outOfRange(n, opts));
    }
    return n;
  }

  function optNum(column: string, opts: IntOptions = {}): number | null {
    const v = raw(column).trim();
    if (v === '') return null;
    if (!NUMBER.test(v)) {
      fail(column, `"${v}" is not a number`);
      return null;
    }
    const n = Number(v);
    if ((opts.min !== undefined && n < opts.min) || (opts.max !== undefined && n > opts.max)) {
      fail(column, outOfRange(n, opts));
    }
    return n;
  }

  function required<T>(column: string, value: T | null, placeholder: T): T {
    if (value !== null) return value;
    if (raw(column).trim() === '') fail(column, 'is empty');
    return placeholder;
  }

  function oneOf<T extends string>(column: string, allowed: readonly T[]): T {
    const v = raw(column);
    if ((allowed as readonly string[]).includes(v)) return v as T;
    fail(column, `"${v}" is not one of ${allowed.join(', ')}`);
    return allowed[0] as T;
  }

  function optTier(column: string): Tier | null {
    const v = raw(column);
    if (v === '') return null;
    if ((TIERS as readonly string[]).includes(v)) return v as Tier;
    fail(column, `"${v}" is not a tier (A, B or C)`);
    return null;
  }

  return {
    raw,
    fail,
    int: (column: string, opts: IntOptions = {}): number => required(column, optInt(column, opts), Number.NaN),
    optInt,
    num: (column: string, opts: IntOptions = {}): number => required(column, optNum(column, opts), Number.NaN),
    optNum,
    oneOf,
    optTier,
    tier: (column: string): Tier => required(column, optTier(column), 'A'),

    /** Free text that must not be blank (kept exactly as written, including spaces). */
    text(column: string): string {
      const v = raw(column);
      if (v.trim() === '') fail(column, 'is empty');
      return v;
    },

    /**
     * The Chinese counterpart of the note in `of`: given exactly when that note is (an empty
     * note has an empty counterpart), and written in Chinese, not left in English.
     */
    zhNote(column: string, of: string): string {
      const v = raw(column);
      const hasNote = raw(of).trim() !== '';
      if (hasNote && v.trim() === '') fail(column, `is empty while ${of} is not`);
      if (!hasNote && v.trim() !== '') fail(column, `is given while ${of} is empty`);
      const english = ENGLISH_RUN.exec(v);
      if (english) fail(column, `has English text ("${english[0]}"); write it in Chinese`);
      return v;
    },

    /** A 6-digit administrative code. */
    code(column: string): string {
      const v = raw(column);
      if (!CODE.test(v)) fail(column, `"${v}" is not a 6-digit administrative code`);
      return v;
    },

    /** `;`-separated codes, possibly none. */
    codeList(column: string): string[] {
      const v = raw(column);
      if (v === '') return [];
      const codes = v.split(';');
      for (const c of codes) if (!CODE.test(c)) fail(column, `"${c}" is not a 6-digit administrative code`);
      return codes;
    },

    /** `;`-separated source ids: at least one, none empty, none repeated. */
    sourceIds(column: string): string[] {
      const v = raw(column);
      const ids = v.split(';');
      if (v === '' || ids.some((s) => s.trim() === '' || s !== s.trim())) {
        fail(column, `"${v}" is not a ;-separated list of source ids`);
        return [];
      }
      if (new Set(ids).size !== ids.length) fail(column, `a source id is repeated in "${v}"`);
      return ids;
    },
  };
}
