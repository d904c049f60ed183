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
import {
  BASIS_WORDS,
  COLUMNS,
  CONFIDENCE_WORDS,
  INDICATOR_SCOPE_WORDS,
  NOT_STATED,
  PROVINCE_WORD,
  header,
  languageWord,
  type ColumnDoc,
} from './export-words';
import type { Lang } from './lang';
import { latestUnitWithCode, unitIn } from './lineage';
import { tableRows } from './table-rows';
import { FIRST_YEAR, LAST_YEAR, TIERS, YEARS, type Dataset, type Tier, type Unit } from './types';
import { countStates, indexStates, statesForYear } from './unit-state';

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

/** The years a row's code is looked up in (rows outside 2019–2023 name the unit of the nearest year). */
const clampYear = (year: number) => Math.min(LAST_YEAR, Math.max(FIRST_YEAR, year));

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

// ---------------------------------------------------------------------------------------------
// README

const README_TEXT = {
  en: {
    title: (from: number, to: number) => `Hebei county science-and-technology innovation tiers, ${from}–${to}`,
    intro:
      'Exported from the Hebei County Innovation Explorer (河北省县域科技创新能力地图). Every tier comes from a named source; what no source states is left unknown, never filled in.',
    files: 'Files',
    readme: 'This file.',
    tiersHead: 'Tiers',
    tiers:
      'The province’s annual evaluation (县域科技创新能力监测评价) sorts the county-level units into A (80 points and above), B (60 to under 80) and C (under 60).',
    unitsHead: 'Units',
    units:
      '168 units were evaluated in 2019 and 2020, 167 from 2021. They differ only in 邢台 (Xingtai), reorganised in June 2020: 邢台县 (130521) was abolished and split between 桥东区 and 桥西区, which became 襄都区 and 信都区 under the same codes (130502, 130503); 任县 130526 became 任泽区 130505 and 南和县 130527 became 南和区 130506. A code can therefore name different units in different years: valid_from and valid_to in units say which.',
    coverageHead: 'What is known, per year',
    coverage: (y: number, units: number, known: string, range: number, unknown: number, official: string) =>
      `${y}: ${units} units; tier known for ${known}; only partly known (a range) ${range}; unknown ${unknown}.${official ? ` Official totals: ${official}.` : ''}`,
    basesHead: 'Bases',
    bases: [
      'stated: a source names the unit and its tier for that evaluation.',
      'derived: worked out from stated facts (a move statement, elimination inside an area whose counts are known, a year assigned from a publication date); the note says how.',
      'imported: a fact the user of this browser imported from a source they named (sources IMP…); it is not part of the project data. In the data/ files its basis is written imported; the data/ checks refuse such rows, the explorer’s Import reads them.',
      'range (table only): only bounded by a move statement; the tier column lists the tiers still possible.',
      'unknown (table only): no source states it. It is not C, and not any other tier.',
      'none (table only): the unit did not exist that year.',
    ],
    importedNote: (n: number, ids: string) =>
      `This export includes ${n} imported fact(s) (sources ${ids}), marked imported.`,
    sourcesHead: 'Sources',
    sources:
      'Every row names its sources in source_ids; sources-*.csv and data/sources.csv give each source’s title, publisher, date, web address and notes. source_titles in the reading files repeats the titles.',
    formatHead: 'Format',
    format:
      'Every CSV is UTF-8 with a byte-order mark (so Excel on Windows shows Chinese correctly), one header row, RFC 4180 quoting and LF line ends (as the project’s data/ files; without imported facts, the data/ copies here are those files byte for byte after the byte-order mark). Lists inside a cell are separated by `;`. A cell a spreadsheet would run as a formula (starting with =, +, -, @, a tab or a carriage return, e.g. an imported source’s title) is written with a leading apostrophe; plain numbers are left as they are. Empty means not known or not stated, never zero.',
    columnsHead: 'Columns of each file',
    legend: (hdr: string, meaning: string) => `  ${hdr}: ${meaning}`,
    countOf: (tier: string, n: number) => `${tier} ${n}`,
  },
  zh: {
    title: (from: number, to: number) => `河北省县域科技创新能力评价分类数据（${from}—${to}年）`,
    intro: '由“河北省县域科技创新能力地图”导出。每个分类都来自有名称的来源；没有来源说明的一律为未知，从不补填。',
    files: '文件',
    readme: '本说明。',
    tiersHead: '分类',
    tiers:
      '河北省年度县域科技创新能力监测评价将县级单位分为A类（80分及以上）、B类（60分至80分以下）和C类（60分以下）。',
    unitsHead: '单位',
    units:
      '2019、2020年评价共168个单位，2021年起共167个。差别只在邢台：2020年6月区划调整，撤销邢台县（130521），并入桥东区和桥西区，两区更名为襄都区和信都区，代码不变（130502、130503）；任县130526改为任泽区130505，南和县130527改为南和区130506。因此同一代码在不同年份可能指不同单位：以单位表的起始、截止评价年份为准。',
    coverageHead: '各年已知情况',
    coverage: (y: number, units: number, known: string, range: number, unknown: number, official: string) =>
      `${y}年：共${units}个单位；分类已知${known}；部分已知（区间）${range}个；未知${unknown}个。${official ? `官方总数：${official}。` : ''}`,
    basesHead: '依据',
    bases: [
      '已公布：来源写明该单位在该次评价中的分类。',
      '推得：由已公布的事实推出（变动说明、已知数量的地区内排除、按发布日期确定年份），说明中写明推导。',
      '导入：本浏览器的用户从其指明的来源导入的事实（来源编号IMP…），不属于项目数据。data/格式文件中其basis写作imported；项目的数据检查不接受此类行，地图的“导入”功能可以读取。',
      '区间（仅表格）：只由变动说明限定；分类列列出仍可能的分类。',
      '未知（仅表格）：没有来源说明。未知不是C类，也不是任何分类。',
      '当年不存在（仅表格）：该单位当年不存在。',
    ],
    importedNote: (n: number, ids: string) => `本次导出包含${n}条导入的事实（来源${ids}），均标为“导入”。`,
    sourcesHead: '来源',
    sources:
      '每行在“来源编号”（source_ids）中列出其来源；sources-*.csv和data/sources.csv给出每个来源的标题、发布者、日期、网址和说明。阅读用文件的“来源标题”列重复了这些标题。',
    formatHead: '格式',
    format:
      '所有CSV均为带字节顺序标记（BOM）的UTF-8（Windows版Excel可正确显示中文），一行表头，RFC 4180引号规则，LF换行（与项目data/文件相同；没有导入的事实时，这里的data/副本去掉BOM后与其逐字节相同）。单元格内的列表以“;”分隔。电子表格会当作公式执行的单元格（以=、+、-、@、制表符或回车开头，如导入来源的标题）前加一个撇号；普通数字保持不变。空白表示未知或未说明，从不表示零。',
    columnsHead: '各文件的列',
    legend: (hdr: string, meaning: string) => `  ${hdr}：${meaning}`,
    countOf: (tier: string, n: number) => `${tier}类${n}个`,
  },
} as const;

/** The README of the ZIP, in `lang`: every file, every column, the rules and what is known. */
export function datasetReadme(dataset: Dataset, csvs: readonly ZipCsv[], lang: Lang): string {
  const w = README_TEXT[lang];
  const { from, to } = yearsOf(dataset);
  const lines: string[] = [];
  const heading = (text: string) => lines.push('', text, '-'.repeat(Math.max(4, text.length)));
  lines.push(w.title(from, to), '='.repeat(20), '', w.intro);

  heading(w.files);
  lines.push(`README.txt: ${w.readme}`);
  for (const csv of csvs) lines.push(`${csv.file}: ${csv.about}`);

  heading(w.tiersHead);
  lines.push(w.tiers);
  heading(w.unitsHead);
  lines.push(w.units);

  heading(w.coverageHead);
  const index = indexStates(dataset);
  for (const year of YEARS) {
    const counts = countStates(statesForYear(index, dataset.units, year));
    const known = TIERS.map((t) => w.countOf(t, counts.stated[t] + counts.derived[t])).join(
      lang === 'zh' ? '、' : ', ',
    );
    const total = dataset.totals.find((t) => t.year === year && t.scope === 'province');
    const official = total
      ? TIERS.flatMap((t) => {
          const exact = total.counts[t];
          const min = total.minimums[t];
          if (exact !== null) return [w.countOf(t, exact)];
          if (min !== null) return [lang === 'zh' ? `${t}类至少${min}个` : `${t} at least ${min}`];
          return [];
        }).join(lang === 'zh' ? '、' : ', ')
      : '';
    lines.push(w.coverage(year, counts.total, known, counts.range, counts.unknown, official));
  }

  heading(w.basesHead);
  for (const basis of w.bases) lines.push(`- ${basis}`);
  const imported = dataset.tiers.filter((t) => t.imported === true);
  if (imported.length > 0) {
    const ids = [...new Set(imported.flatMap((t) => t.sourceIds))].join(', ');
    lines.push('', w.importedNote(imported.length, ids));
  }

  heading(w.sourcesHead);
  lines.push(w.sources);
  heading(w.formatHead);
  lines.push(w.format);

  heading(w.columnsHead);
  for (const csv of csvs) {
    lines.push('', csv.file);
    for (const c of csv.columns) {
      const hdr = header(c, lang);
      // In Chinese, a data/ column keeps its English name and shows the Chinese word next to it.
      const shown = lang === 'zh' && c.zh === c.en && COLUMN_ZH.has(c.en) ? `${hdr}（${COLUMN_ZH.get(c.en)}）` : hdr;
      lines.push(w.legend(shown, c.meaning[lang]));
    }
  }
  return lines.join('\n') + '\n';
}

/** The Chinese word of each data/ column name, for the Chinese README. */
const COLUMN_ZH = new Map(Object.values(COLUMNS).map((c) => [c.en, c.zh]));

/** The evaluation years the dataset's tier facts cover (the ZIP is named after them). */
function yearsOf(dataset: Dataset): { from: number; to: number } {
  const years = dataset.tiers.map((t) => t.year).filter((y) => y >= FIRST_YEAR && y <= LAST_YEAR);
  return years.length === 0
    ? { from: FIRST_YEAR, to: LAST_YEAR }
    : { from: Math.min(...years), to: Math.max(...years) };
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
