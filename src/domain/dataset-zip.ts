/**
 * "All data" as one ZIP: the dataset in the data/ formats (machine-readable, re-importable,
 * exactly exportDataset's text), the same tables for reading in the UI language (names, area
 * names and source titles written out, values in words, the note in that language), the table
 * of every unit of the last year with its state in each year, and a README that lists every
 * file and every column with its meaning, the tier rules, the unit totals and the bases.
 *
 * Every CSV is UTF-8 with a byte-order mark and LF line ends (see export-csv.ts), with cells a
 * spreadsheet would run neutralised. File names are ASCII, so every unzip tool shows them alike.
 * Pure except for zipSync (fflate), which only packs the texts; this module is loaded on use.
 */
import { strToU8, zipSync } from 'fflate';
import { areaNameEn } from './areas';
import {
  downloadCsv,
  exportDataset,
  factBasis,
  list,
  optional,
  plainNumber,
  tableCsv,
  tableCsvDocs,
  withBom,
} from './export-csv';
import { COLUMNS, header, type ColumnDoc } from './export-columns';
import {
  BASIS_WORDS,
  CONFIDENCE_WORDS,
  INDICATOR_SCOPE_WORDS,
  NOT_STATED,
  PROVINCE_WORD,
  languageWord,
} from './export-words';
import type { Lang } from './lang';
import { clampYear } from './dataset/units';
import { datasetReadme, yearsOf } from './dataset-readme';
import { latestUnitWithCode, unitIn } from './lineage';
import { tableRows } from './table-rows';
import { LAST_YEAR, TIERS, type Dataset, type Tier, type Unit } from './types';
import { indexStates } from './unit-state';

/** One column of a reading table: its header and meaning, and its value for a row. */
interface Column<R> {
  doc: ColumnDoc;
  value: (row: R) => string;
}

/** A CSV of the ZIP: its name, what it holds, its columns (for the README) and its text. */
export interface ZipCsv {
  file: string;
  about: string;
  columns: ColumnDoc[];
  text: string;
}

const col = <R>(doc: ColumnDoc, value: (row: R) => string): Column<R> => ({ doc, value });

function readingTable<R>(file: string, about: string, rows: readonly R[], columns: Column<R>[], lang: Lang): ZipCsv {
  const headers = columns.map((c) => header(c.doc, lang));
  const records = rows.map((row) => Object.fromEntries(columns.map((c, i) => [headers[i] ?? '', c.value(row)])));
  return { file, about, columns: columns.map((c) => c.doc), text: downloadCsv(headers, records) };
}

/** Words of the dataset a reading table needs: unit and area names, source titles. */
function namesOf(dataset: Dataset, lang: Lang) {
  const titles = new Map(dataset.sources.map((s) => [s.sourceId, s.title]));
  const areaZh = new Map(dataset.units.map((u) => [u.prefectureCode, u.prefectureZh]));
  const unitAt = (code: string, year: number): Unit | undefined =>
    unitIn(dataset.units, code, clampYear(year)) ?? latestUnitWithCode(dataset.units, code);
  const areaName = (code: string) =>
    lang === 'zh' ? (areaZh.get(code) ?? '') : (areaNameEn(code) ?? areaZh.get(code) ?? '');
  return {
    unitAt,
    areaName,
    sourceTitles: (ids: readonly string[]) => list(ids.map((id) => titles.get(id) ?? '')),
    note: (row: { note: string; noteZh: string }) => (lang === 'zh' ? row.noteZh : row.note),
    tier: (tier: Tier | null) => tier ?? NOT_STATED[lang],
  };
}

const FILE_ABOUT = {
  table: {
    en: (year: number, n: number) =>
      `Every unit of the ${year} evaluation (${n} units) with its state in each year 2019–2023, as the explorer’s Table shows it (units followed across the 2020 Xingtai change).`,
    zh: (year: number, n: number) =>
      `${year}年评价的全部单位（${n}个）及其2019—2023年各年状态，与地图“表格”所示相同（跨2020年邢台区划调整跟踪单位）。`,
  },
  units: {
    en: 'The county-level units, their codes and the evaluation years each existed in.',
    zh: '县级单位及其代码和存在的评价年份。',
  },
  tiers: {
    en: 'One row per unit and evaluation year whose tier is known: stated, derived or imported.',
    zh: '每个分类已知的单位和评价年份一行：已公布、推得或导入。',
  },
  tier_ranges: {
    en: 'Statements about a unit’s move between tiers, including moves whose year is not fixed.',
    zh: '关于单位分类变动的说明，包括年份不确定的变动。',
  },
  totals: {
    en: 'Official tier counts, lower bounds, averages and tier rises for the province and for areas, per year.',
    zh: '各年全省和各地区的官方分类数量、下限、平均分和级别跃升数。',
  },
  indicators: {
    en: 'Other figures: rewards, rank changes, counts of units that moved, enterprise counts.',
    zh: '其他数据：奖励、排名变化、变动单位数、企业数等。',
  },
  sources: {
    en: 'Every source the rows cite (source_ids).',
    zh: '各行引用的全部来源（来源编号）。',
  },
} as const;

/** The dataset's tables for reading, in `lang`. */
export function readingTables(dataset: Dataset, lang: Lang): ZipCsv[] {
  const n = namesOf(dataset, lang);
  const C = COLUMNS;
  const sourceCols = <R extends { sourceIds: string[] }>(): Column<R>[] => [
    col(C.source_ids, (r) => list(r.sourceIds)),
    col(C.source_titles, (r) => n.sourceTitles(r.sourceIds)),
  ];
  const noteCol = <R extends { note: string; noteZh: string }>(): Column<R> => col(C.note, (r) => n.note(r));

  const index = indexStates(dataset);
  const table = tableRows(dataset, index, LAST_YEAR, null);
  const tableText = tableCsv(table.rows, { year: LAST_YEAR, baseYear: table.baseYear, lang });

  return [
    {
      file: `table-${LAST_YEAR}-${lang}.csv`,
      about: FILE_ABOUT.table[lang](LAST_YEAR, table.rows.length),
      columns: tableCsvDocs({ year: LAST_YEAR, baseYear: table.baseYear }),
      text: tableText,
    },
    readingTable(
      `units-${lang}.csv`,
      FILE_ABOUT.units[lang],
      dataset.units,
      [
        col(C.code, (u) => u.code),
        col(C.name_zh, (u) => u.nameZh),
        col(C.name_en, (u) => u.nameEn),
        col(C.area_code, (u) => u.prefectureCode),
        col(C.area, (u) => n.areaName(u.prefectureCode)),
        col(C.valid_from, (u) => plainNumber(u.validFrom)),
        col(C.valid_to, (u) => optional(u.validTo)),
        col(C.predecessor_codes, (u) => list(u.predecessorCodes)),
        col(C.boundary_note, (u) => (lang === 'zh' ? u.boundaryNoteZh : u.boundaryNote)),
      ],
      lang,
    ),
    readingTable(
      `tiers-${lang}.csv`,
      FILE_ABOUT.tiers[lang],
      dataset.tiers,
      [
        col(C.code, (t) => t.code),
        col(C.name_zh, (t) => n.unitAt(t.code, t.year)?.nameZh ?? ''),
        col(C.name_en, (t) => n.unitAt(t.code, t.year)?.nameEn ?? ''),
        col(C.area, (t) => n.areaName(n.unitAt(t.code, t.year)?.prefectureCode ?? '')),
        col(C.year, (t) => plainNumber(t.year)),
        col(C.tier, (t) => t.tier),
        col(C.rank, (t) => optional(t.rank)),
        col(C.rank_of, (t) => optional(t.rankOf)),
        col(C.basis, (t) => BASIS_WORDS[lang][factBasis(t)]),
        col(C.confidence, (t) => CONFIDENCE_WORDS[lang][t.confidence]),
        ...sourceCols(),
        noteCol(),
      ],
      lang,
    ),
    readingTable(
      `tier_ranges-${lang}.csv`,
      FILE_ABOUT.tier_ranges[lang],
      dataset.ranges,
      [
        col(C.code, (r) => r.code),
        col(C.name_zh, (r) => n.unitAt(r.code, r.yearTo)?.nameZh ?? ''),
        col(C.name_en, (r) => n.unitAt(r.code, r.yearTo)?.nameEn ?? ''),
        col(C.from_tier, (r) => n.tier(r.fromTier)),
        col(C.to_tier, (r) => n.tier(r.toTier)),
        col(C.year_from, (r) => plainNumber(r.yearFrom)),
        col(C.year_to, (r) => plainNumber(r.yearTo)),
        ...sourceCols(),
        noteCol(),
      ],
      lang,
    ),
    readingTable(
      `totals-${lang}.csv`,
      FILE_ABOUT.totals[lang],
      dataset.totals,
      [
        col(C.year, (t) => plainNumber(t.year)),
        col(C.scope, (t) => (t.scope === 'province' ? PROVINCE_WORD[lang] : n.areaName(t.scope))),
        col(C.scope_code, (t) => (t.scope === 'province' ? '' : t.scope)),
        col(C.units, (t) => optional(t.units)),
        ...TIERS.map((tier) => col(C[tier], (t: Dataset['totals'][number]) => optional(t.counts[tier]))),
        ...TIERS.map((tier) => col(C[`${tier}_min`], (t: Dataset['totals'][number]) => optional(t.minimums[tier]))),
        col(C.avg_score, (t) => optional(t.avgScore)),
        col(C.tier_changes, (t) => optional(t.tierChanges)),
        col(C.basis, (t) => BASIS_WORDS[lang][t.basis]),
        col(C.confidence, (t) => CONFIDENCE_WORDS[lang][t.confidence]),
        ...sourceCols(),
        noteCol(),
      ],
      lang,
    ),
    readingTable(
      `indicators-${lang}.csv`,
      FILE_ABOUT.indicators[lang],
      dataset.indicators,
      [
        col(C.indicator_scope, (i) => INDICATOR_SCOPE_WORDS[lang][i.scope]),
        col(C.indicator_code, (i) => i.code),
        col(C.name, (i) => {
          if (i.scope === 'province') return '';
          if (i.scope === 'prefecture') return n.areaName(i.code);
          const unit = n.unitAt(i.code, i.year);
          return unit ? (lang === 'zh' ? unit.nameZh : unit.nameEn) : '';
        }),
        col(C.year, (i) => plainNumber(i.year)),
        col(C.indicator, (i) => i.indicator),
        col(C.value, (i) => plainNumber(i.value)),
        col(C.unit, (i) => i.unit),
        ...sourceCols(),
        noteCol(),
      ],
      lang,
    ),
    readingTable(
      `sources-${lang}.csv`,
      FILE_ABOUT.sources[lang],
      dataset.sources,
      [
        col(C.source_id, (s) => s.sourceId),
        col(C.title, (s) => s.title),
        col(C.publisher, (s) => s.publisher),
        col(C.date, (s) => s.date),
        col(C.url, (s) => s.url),
        col(C.language, (s) => languageWord(s.language, lang)),
        noteCol(),
      ],
      lang,
    ),
  ];
}

/** The data/ format files, with the columns of tables.ts (their names are their English headers). */
function dataTables(dataset: Dataset, lang: Lang): ZipCsv[] {
  const files = exportDataset(dataset);
  const about = (table: keyof typeof FILE_ABOUT) =>
    (lang === 'zh'
      ? '项目data/文件夹的格式（机器可读，可重新导入）：'
      : 'In the format of the project’s data/ folder (machine-readable, re-importable): ') + FILE_ABOUT[table][lang];
  return (Object.keys(files) as (keyof typeof files)[]).map((name) => {
    const table = name.replace(/\.csv$/u, '') as keyof typeof FILE_ABOUT;
    const text = files[name];
    const headers = (text.split('\n')[0] ?? '').split(',');
    return {
      file: `data/${name}`,
      about: about(table),
      columns: headers.map((h) => dataColumnDoc(table, h)),
      text,
    };
  });
}

/** A data/ column's doc: its name is the English header in both languages. */
function dataColumnDoc(table: string, name: string): ColumnDoc {
  // indicators.csv's scope and code mean other things than totals.csv's and units.csv's.
  const key = table === 'indicators' && (name === 'scope' || name === 'code') ? `indicator_${name}` : name;
  const known = (COLUMNS as Record<string, ColumnDoc>)[key];
  if (!known) throw new Error(`no documentation for the data/ column ${name}`);
  return { ...known, en: name, zh: name };
}

/** Every file of the ZIP by its path: README.txt first, then the reading files, then data/. CSVs start with a BOM. */
export function datasetZipFiles(dataset: Dataset, lang: Lang): Record<string, string> {
  const csvs = [...readingTables(dataset, lang), ...dataTables(dataset, lang)];
  const files: Record<string, string> = { 'README.txt': withBom(datasetReadme(dataset, csvs, lang)) };
  for (const csv of csvs) files[csv.file] = withBom(csv.text);
  return files;
}

/** The ZIP's bytes. */
export function datasetZip(dataset: Dataset, lang: Lang): Uint8Array {
  const files = datasetZipFiles(dataset, lang);
  return zipSync(Object.fromEntries(Object.entries(files).map(([path, text]) => [path, strToU8(text)])), {
    level: 6,
  });
}

/** hebei-innovation-data-2019-2023.zip: the evaluation years the data covers. */
export function datasetZipFileName(dataset: Dataset): string {
  const { from, to } = yearsOf(dataset);
  return `hebei-innovation-data-${from}-${to}.zip`;
}
