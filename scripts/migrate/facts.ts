/**
 * One-off migration: builds the project's fact tables from the facts package.
 *
 *   npx tsx scripts/migrate/facts.ts <dir holding the facts package, e.g. /work/shared/data>
 *   npx tsx scripts/migrate/facts.ts --verify-only <dir>   (check data/*.csv without rewriting)
 *
 * The project never reads that directory at build or run time; this script documents how
 * data/sources.csv, tiers.csv, tier_ranges.csv, totals.csv and indicators.csv were first made.
 *
 * The facts package names units by (prefecture, county name); the project keys them by
 * administrative code with a validity span (data/units.csv). Each fact is resolved by
 * (area, name, year) to exactly one unit valid in that year; anything else stops the script.
 * Every other column is copied as written (values, notes, source ids), never recomputed.
 *
 * After writing, the script verifies itself: it reads the written files back with the
 * project's own parsers, maps every code back to (area, name) through units.csv, and checks
 * that each row of the package appears exactly once with identical values. It also runs
 * validateDataset and prints the result. Exit status 1 on any failure.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseCsv, serializeCsv } from '../../src/domain/csv.ts';
import {
  INDICATOR_COLUMNS,
  SOURCE_COLUMNS,
  TIER_COLUMNS,
  TIER_RANGE_COLUMNS,
  TOTAL_COLUMNS,
} from '../../src/domain/tables.ts';
import type { Unit } from '../../src/domain/types.ts';
import {
  areaName,
  buildUnitIndex,
  clampYear,
  findUnits,
  formatParseError,
  formatViolation,
  parseDataset,
  parseUnits,
  validateDataset,
  type DatasetTexts,
  type UnitIndex,
} from '../../src/domain/dataset/index.ts';

type Row = Record<string, string>;

/** The facts package's headers (see its README); checked on read. */
const SHARED = {
  tiers: {
    file: 'county_tiers.csv',
    expected: 141,
    header: 'prefecture,county,year,tier,rank,rank_of,basis,confidence,source_ids,note',
  },
  ranges: {
    file: 'tier_ranges.csv',
    expected: 37,
    header: 'prefecture,county,from_tier,to_tier,year_from,year_to,source_ids,note',
  },
  totals: {
    file: 'totals.csv',
    expected: 43,
    header: 'year,scope,units,A,B,C,A_min,B_min,C_min,avg_score,tier_changes,basis,confidence,source_ids,note',
  },
  indicators: {
    file: 'indicators.csv',
    expected: 68,
    header: 'prefecture,county,year,indicator,value,unit,source_ids,note',
  },
  sources: { file: 'sources.csv', expected: 29, header: 'source_id,title,publisher,date,url,language,note' },
} as const;
type SharedTable = keyof typeof SHARED;

const DATA = 'data';

function fail(messages: string[]): never {
  for (const m of messages) console.error(`ERROR ${m}`);
  console.error(`${messages.length} problem(s).`);
  process.exit(1);
}

function readShared(dir: string, table: SharedTable): Row[] {
  const { file, header } = SHARED[table];
  const parsed = parseCsv(readFileSync(join(dir, file), 'utf8'), header.split(','));
  if (!parsed.ok) fail(parsed.errors.map((e) => `${file}: ${e}`));
  return parsed.rows;
}

function readUnits(): Unit[] {
  const parsed = parseUnits(readFileSync(join(DATA, 'units.csv'), 'utf8'));
  if (!parsed.ok) fail(parsed.errors.map(formatParseError));
  return parsed.rows;
}

// ---------------------------------------------------------------------------------------------
// Forward: names → codes

/** Resolves (area, name, year) to one unit code, collecting every failure. */
function makeResolver(units: readonly Unit[], errors: string[]) {
  const areaCodes = new Map<string, string>();
  for (const u of units) {
    const name = areaName(u.prefectureZh);
    const seen = areaCodes.get(name);
    if (seen !== undefined && seen !== u.prefectureCode) errors.push(`units.csv: area ${name} has two codes`);
    areaCodes.set(name, u.prefectureCode);
  }
  return {
    area(name: string, where: string): string {
      const code = areaCodes.get(name);
      if (code === undefined) errors.push(`${where}: area "${name}" is not in units.csv`);
      return code ?? '';
    },
    unit(area: string, name: string, year: number, where: string): string {
      const found = findUnits(units, area, name, year);
      if (found.length !== 1) {
        errors.push(
          `${where}: ${area} ${name} in ${year} matches ${found.length} units (${found.map((u) => u.code).join(', ')})`,
        );
      }
      return found[0]?.code ?? '';
    },
  };
}

function withoutKeys(row: Row, keys: string[]): Row {
  return Object.fromEntries(Object.entries(row).filter(([k]) => !keys.includes(k)));
}

function migrate(dir: string, units: readonly Unit[]): Record<SharedTable, Row[]> {
  const errors: string[] = [];
  const resolve = makeResolver(units, errors);
  const at = (table: SharedTable, i: number) => `${SHARED[table].file} line ${i + 2}`;

  const tiers = readShared(dir, 'tiers').map((r, i) => ({
    ...withoutKeys(r, ['prefecture', 'county']),
    code: resolve.unit(r.prefecture ?? '', r.county ?? '', Number(r.year), at('tiers', i)),
  }));
  // A range's names are those of its year_to evaluation (2024 for context rows → keyed as in 2023).
  const ranges = readShared(dir, 'ranges').map((r, i) => ({
    ...withoutKeys(r, ['prefecture', 'county']),
    code: resolve.unit(r.prefecture ?? '', r.county ?? '', clampYear(Number(r.year_to)), at('ranges', i)),
  }));
  const totals = readShared(dir, 'totals').map((r, i) => ({
    ...r,
    scope: r.scope === 'province' ? 'province' : resolve.area(r.scope ?? '', at('totals', i)),
  }));
  const indicators = readShared(dir, 'indicators').map((r, i) => {
    const rest = withoutKeys(r, ['prefecture', 'county']);
    const area = r.prefecture ?? '';
    const county = r.county ?? '';
    if (area === '') {
      if (county !== '') errors.push(`${at('indicators', i)}: county without prefecture`);
      return { ...rest, scope: 'province', code: '' };
    }
    if (county === '') return { ...rest, scope: 'prefecture', code: resolve.area(area, at('indicators', i)) };
    return { ...rest, scope: 'unit', code: resolve.unit(area, county, clampYear(Number(r.year)), at('indicators', i)) };
  });
  const sources = readShared(dir, 'sources');

  if (errors.length > 0) fail(errors);
  return { tiers, ranges, totals, indicators, sources };
}

// ---------------------------------------------------------------------------------------------
// Backward: read the written files with the project's parsers and compare with the package

const str = (n: number | null): string => (n === null ? '' : String(n));

/** Each parsed project row rendered in the package's own columns, for an exact comparison. */
function backToShared(index: UnitIndex, texts: DatasetTexts): Record<SharedTable, string[][]> {
  const parsed = parseDataset(texts);
  if (!parsed.ok) fail(parsed.errors.map(formatParseError));
  const d = parsed.dataset;
  const names = (code: string, year: number): [string, string] => {
    const u = index.unitIn(code, clampYear(year));
    return u ? [areaName(u.prefectureZh), u.nameZh] : [`?${code}`, `?${code}`];
  };
  const area = (code: string) => index.areas.get(code) ?? `?${code}`;
  return {
    tiers: d.tiers.map((t) => [
      ...names(t.code, t.year),
      str(t.year),
      t.tier,
      str(t.rank),
      str(t.rankOf),
      t.basis,
      t.confidence,
      t.sourceIds.join(';'),
      t.note,
    ]),
    ranges: d.ranges.map((r) => [
      ...names(r.code, r.yearTo),
      r.fromTier ?? '',
      r.toTier ?? '',
      str(r.yearFrom),
      str(r.yearTo),
      r.sourceIds.join(';'),
      r.note,
    ]),
    totals: d.totals.map((t) => [
      str(t.year),
      t.scope === 'province' ? 'province' : area(t.scope),
      str(t.units),
      str(t.counts.A),
      str(t.counts.B),
      str(t.counts.C),
      str(t.minimums.A),
      str(t.minimums.B),
      str(t.minimums.C),
      str(t.avgScore),
      str(t.tierChanges),
      t.basis,
      t.confidence,
      t.sourceIds.join(';'),
      t.note,
    ]),
    indicators: d.indicators.map((x) => [
      ...(x.scope === 'province' ? ['', ''] : x.scope === 'prefecture' ? [area(x.code), ''] : names(x.code, x.year)),
      str(x.year),
      x.indicator,
      str(x.value),
      x.unit,
      x.sourceIds.join(';'),
      x.note,
    ]),
    sources: d.sources.map((s) => [s.sourceId, s.title, s.publisher, s.date, s.url, s.language, s.note]),
  };
}

/** Multiset comparison: every package row must appear exactly once among the project's rows. */
function compare(table: SharedTable, shared: Row[], project: string[][]): string[] {
  const columns = SHARED[table].header.split(',');
  const key = (cells: string[]) => JSON.stringify(cells);
  const remaining = new Map<string, number>();
  for (const cells of project) remaining.set(key(cells), (remaining.get(key(cells)) ?? 0) + 1);
  const problems: string[] = [];
  shared.forEach((r, i) => {
    const k = key(columns.map((c) => r[c] ?? ''));
    const n = remaining.get(k) ?? 0;
    if (n === 0) problems.push(`${SHARED[table].file} line ${i + 2} has no identical row in the project: ${k}`);
    else remaining.set(k, n - 1);
  });
  for (const [k, n] of remaining) if (n > 0) problems.push(`project row without a package row (${table}): ${k}`);
  if (shared.length !== SHARED[table].expected) {
    problems.push(`${SHARED[table].file}: ${shared.length} rows, expected ${SHARED[table].expected}`);
  }
  return problems;
}

// ---------------------------------------------------------------------------------------------

// --verify-only: compare the committed tables with the package without rewriting them.
const args = process.argv.slice(2);
const verifyOnly = args.includes('--verify-only');
const dir = args.find((a) => !a.startsWith('--'));
if (!dir) {
  console.error('usage: npx tsx scripts/migrate/facts.ts [--verify-only] <dir with the facts package>');
  process.exit(2);
}
const units = readUnits();

const files: Record<SharedTable, { name: string; columns: readonly string[] }> = {
  sources: { name: 'sources.csv', columns: SOURCE_COLUMNS },
  tiers: { name: 'tiers.csv', columns: TIER_COLUMNS },
  ranges: { name: 'tier_ranges.csv', columns: TIER_RANGE_COLUMNS },
  totals: { name: 'totals.csv', columns: TOTAL_COLUMNS },
  indicators: { name: 'indicators.csv', columns: INDICATOR_COLUMNS },
};
if (!verifyOnly) {
  const out = migrate(dir, units);
  for (const table of Object.keys(files) as SharedTable[]) {
    const { name, columns } = files[table];
    writeFileSync(join(DATA, name), serializeCsv(columns, out[table]));
    console.log(`wrote data/${name}: ${out[table].length} rows`);
  }
}

// Verify from the files as written, not from the in-memory rows.
const read = (name: string) => readFileSync(join(DATA, name), 'utf8');
const texts: DatasetTexts = {
  units: read('units.csv'),
  sources: read('sources.csv'),
  tiers: read('tiers.csv'),
  tier_ranges: read('tier_ranges.csv'),
  totals: read('totals.csv'),
  indicators: read('indicators.csv'),
};
const index = buildUnitIndex(units);
const back = backToShared(index, texts);
let problems: string[] = [];
console.log('\nVerification (package row → project row, read back with the project parsers):');
for (const table of Object.keys(SHARED) as SharedTable[]) {
  const shared = readShared(dir, table);
  const p = compare(table, shared, back[table]);
  const matched = shared.length - p.filter((m) => m.includes('has no identical row')).length;
  console.log(
    `  ${SHARED[table].file.padEnd(17)} ${String(shared.length).padStart(3)} rows (expected ${SHARED[table].expected}), ` +
      `${matched} found exactly once in data/${files[table].name} (${back[table].length} rows): ${p.length === 0 ? 'OK' : 'FAILED'}`,
  );
  problems = problems.concat(p);
}

const parsed = parseDataset(texts);
if (parsed.ok) {
  const violations = validateDataset(parsed.dataset);
  console.log(`validateDataset: ${violations.length} violation(s)`);
  problems = problems.concat(violations.map(formatViolation));
}

if (problems.length > 0) fail(problems);
console.log('All package rows carried over exactly once; the dataset validates.');
