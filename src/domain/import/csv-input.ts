/**
 * CSV files → import entries.
 *
 * Read shapes: data/tiers.csv (code,year,tier,rank,rank_of,basis,confidence,source_ids,note),
 * the facts package's county_tiers.csv (prefecture,county,year,tier,…), and simple tables a
 * person makes in a spreadsheet: name,tier / code,tier / name,year,tier / county,tier,rank,score,
 * with English or Chinese headers (名称, 县（市、区）, 等级, 年份, 排名, 得分, 市…). Columns are
 * found by name, in any order; others (basis, note, …) are ignored.
 *
 * All or nothing: a file with any bad row gives ok:false with every problem (the first
 * MAX_LISTED_PROBLEMS and a count of the rest), so a half-read file never reaches the preview.
 */
import { parseCsv } from '../csv';
import { stripBidiControls } from '../text-safety';
import { isYear } from '../timeline';
import { TIERS, unitCountIn, type Tier } from '../types';
import { areaCodeOfName } from './areas-zh';
import { parseNotice, type NoticeDefaults } from './notice';
import { IMPORT_LIMITS, type ImportEntry, type ImportProblem, type ParsedInput } from './types';

/** The most problems listed one by one; the rest are counted in one more problem. */
export const MAX_LISTED_PROBLEMS = 50;

type Field = 'code' | 'name' | 'prefecture' | 'year' | 'tier' | 'rank' | 'rankOf' | 'score';

/** Header names per field, as normalizeHeader leaves them (NFKC, lower case, no spaces). */
const HEADERS: Readonly<Record<Field, readonly string[]>> = {
  code: ['code', 'adcode', 'unit_code', '代码', '区划代码', '行政区划代码', '编码'],
  name: [
    'name',
    'name_zh',
    'county',
    'county_zh',
    'unit',
    'unit_name',
    '名称',
    '县',
    '县(市、区)',
    '县(市,区)',
    '县(市区)',
    '县市区',
    '县(市、区)名称',
    '单位',
    '单位名称',
    '县域',
  ],
  prefecture: ['prefecture', 'prefecture_zh', 'city', 'area', '市', '地市', '设区市', '所属市', '所在市'],
  year: ['year', '年份', '年度', '年', '评价年度'],
  tier: ['tier', 'class', 'level', 'grade', 'category', '等级', '类别', '档次', '评价等级', '分类'],
  rank: ['rank', '排名', '位次', '名次', '全省排名'],
  rankOf: ['rank_of', 'rankof'],
  score: ['score', '得分', '分数', '总分', '评价得分'],
};

const FIELD_OF = new Map<string, Field>(
  (Object.entries(HEADERS) as [Field, readonly string[]][]).flatMap(([field, names]) =>
    names.map((name) => [name, field] as const),
  ),
);

function normalizeHeader(name: string): string {
  return name
    .normalize('NFKC')
    .replace(/^\uFEFF/u, '')
    .replace(/\s/gu, '')
    .toLowerCase();
}

/** Field → column name, when the header has a tier and a name or code column; else null. */
function columnsOf(header: readonly string[]): Partial<Record<Field, string>> | null {
  const columns: Partial<Record<Field, string>> = {};
  for (const name of header) {
    const field = FIELD_OF.get(normalizeHeader(name));
    if (field !== undefined && columns[field] === undefined) columns[field] = name;
  }
  const known = columns.tier !== undefined && (columns.name !== undefined || columns.code !== undefined);
  return known ? columns : null;
}

const cell = (text: string | undefined): string => (text ?? '').normalize('NFKC').trim();

function readYear(text: string): number | null {
  const m = /^(\d{4})(?:\.0+|年度?)?$/u.exec(text);
  return m ? Number(m[1]) : null;
}

function readTier(text: string): Tier | null {
  const m = /^([ABC])(?:类|级|档)?(?:县.*)?$/iu.exec(text);
  const tier = m?.[1]?.toUpperCase();
  return (TIERS as readonly string[]).includes(tier ?? '') ? (tier as Tier) : null;
}

/** Problems of a failed file: the first ones, and how many more were left off. */
function capped(problems: readonly ImportProblem[]): ImportProblem[] {
  if (problems.length <= MAX_LISTED_PROBLEMS) return [...problems];
  const rest = problems.length - MAX_LISTED_PROBLEMS;
  return [
    ...problems.slice(0, MAX_LISTED_PROBLEMS),
    {
      code: 'csv-malformed',
      severity: 'error',
      detail: `${rest} more problems not listed`,
      limit: MAX_LISTED_PROBLEMS,
    },
  ];
}

/** "line 3: Quoted field unterminated" (parseCsv's form) → a problem with its line. */
function malformed(message: string): ImportProblem {
  const m = /^line (\d+): (.*)$/su.exec(message);
  return m
    ? { code: 'csv-malformed', severity: 'error', line: Number(m[1]), detail: m[2] ?? message }
    : { code: 'csv-malformed', severity: 'error', detail: message };
}

function readRow(
  row: Record<string, string>,
  line: number,
  columns: Partial<Record<Field, string>>,
  defaults: { year: number | null },
  problems: ImportProblem[],
): ImportEntry | null {
  const get = (field: Field) => (columns[field] === undefined ? '' : cell(row[columns[field]]));
  const before = problems.filter((p) => p.severity === 'error').length;
  const fail = (code: ImportProblem['code'], detail: string) => {
    problems.push({ code, severity: 'error', line, detail });
  };

  let raw = get('code') || get('name');
  if (raw === '') fail('csv-malformed', 'no name or code');
  if ([...raw].length > IMPORT_LIMITS.maxFieldChars) {
    raw = [...raw].slice(0, IMPORT_LIMITS.maxFieldChars).join('');
    problems.push({ code: 'field-truncated', severity: 'info', line });
  }

  const yearText = get('year');
  const year = yearText === '' ? defaults.year : readYear(yearText);
  if (year === null && yearText === '') fail('no-year', '');
  else if (!isYear(year)) fail('bad-year', yearText || String(year));

  const tierText = get('tier');
  const tier = readTier(tierText);
  if (tier === null) fail('bad-tier', tierText);

  const ranked = isYear(year) ? unitCountIn(year) : null;
  const rankText = get('rank');
  let rank: number | null = null;
  if (rankText !== '') {
    const m = /^第?(\d{1,4})名?$/u.exec(rankText);
    rank = m ? Number(m[1]) : null;
    if (rank === null || rank < 1 || (ranked !== null && rank > ranked)) fail('bad-rank', rankText);
  }
  const rankOfText = get('rankOf');
  // rank_of is not kept (the year fixes it) but a wrong one says the row is not what it seems.
  if (rankOfText !== '' && ranked !== null && rankOfText !== String(ranked)) fail('bad-rank', `rank_of ${rankOfText}`);
  const scoreText = get('score');
  let score: number | null = null;
  if (scoreText !== '') {
    score = /^\d{1,3}(?:\.\d+)?$/u.test(scoreText) ? Number(scoreText) : null;
    if (score === null || score > 100) fail('bad-rank', scoreText);
  }

  const prefecture = get('prefecture');
  const areaHint = prefecture === '' ? null : /^\d{6}$/u.test(prefecture) ? prefecture : areaCodeOfName(prefecture);
  if (problems.filter((p) => p.severity === 'error').length > before || year === null || tier === null) return null;
  return { raw, year, tier, rank, score, line, areaHint };
}

/** `maxChars` as for parseNotice: a paste's limit by default, a file's size for a file's text. */
export function parseImportCsv(
  input: string,
  defaults: { year: number | null },
  maxChars: number = IMPORT_LIMITS.maxTextChars,
): ParsedInput {
  if (typeof input !== 'string') return { ok: false, problems: [{ code: 'empty', severity: 'error' }] };
  if (input.length > maxChars) {
    return { ok: false, problems: [{ code: 'too-large', severity: 'error', limit: maxChars, unit: 'chars' }] };
  }
  // Bidirectional controls could make a name or note read backwards where it is shown.
  const text = stripBidiControls(input);
  if (text.replace(/^\uFEFF/u, '').trim() === '')
    return { ok: false, problems: [{ code: 'empty', severity: 'error' }] };
  const csv = parseCsv(text);
  if (!csv.ok) return { ok: false, problems: capped(csv.errors.map(malformed)) };
  const columns = columnsOf(csv.header);
  if (columns === null) {
    return { ok: false, problems: [{ code: 'csv-header', severity: 'error', detail: csv.header.join(',') }] };
  }
  if (csv.rows.length === 0) return { ok: false, problems: [{ code: 'empty', severity: 'error' }] };
  if (csv.rows.length > IMPORT_LIMITS.maxEntries) {
    return { ok: false, problems: [{ code: 'too-many-entries', severity: 'error', limit: IMPORT_LIMITS.maxEntries }] };
  }
  const year = defaults?.year ?? null;
  const problems: ImportProblem[] = [];
  const entries: ImportEntry[] = [];
  csv.rows.forEach((row, i) => {
    // Line 1 is the header; parseCsv has already dropped blank lines, as its own line numbers do.
    const entry = readRow(row, i + 2, columns, { year }, problems);
    if (entry) entries.push(entry);
  });
  const errors = problems.filter((p) => p.severity === 'error');
  if (errors.length > 0) return { ok: false, problems: capped(errors) };
  return { ok: true, entries, problems };
}

/**
 * The first line (split at \n or \r\n) that is not all white space, found without splitting the
 * whole text: a 2 MB file of blank lines would make a million strings for one line.
 */
function firstLine(text: string): string | undefined {
  const visible = /\S/u.exec(text);
  if (visible === null) return undefined;
  const start = text.lastIndexOf('\n', visible.index) + 1;
  const next = text.indexOf('\n', visible.index);
  const end = next === -1 ? text.length : text[next - 1] === '\r' ? next - 1 : next;
  return text.slice(start, end);
}

/** The first line of a text, split as a CSV header, when it holds a known column set. */
export function looksLikeCsv(text: string): boolean {
  if (typeof text !== 'string') return false;
  const first = firstLine(text.replace(/^\uFEFF/u, ''));
  if (first === undefined) return false;
  const header = parseCsv(first.slice(0, 2000));
  return header.ok && columnsOf(header.header) !== null;
}

/** A pasted or loaded text: CSV when its first line is a recognised header, else a notice. */
export function parseImportText(
  text: string,
  defaults: NoticeDefaults,
  maxChars: number = IMPORT_LIMITS.maxTextChars,
): ParsedInput {
  if (typeof text === 'string' && text.length <= maxChars && looksLikeCsv(text)) {
    return parseImportCsv(text, { year: defaults?.year ?? null }, maxChars);
  }
  return parseNotice(text, defaults, maxChars);
}
