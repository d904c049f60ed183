/**
 * The README.txt of the "All data" ZIP (dataset-zip.ts), in the UI language: every file and
 * every column with its meaning, the tier rules, the unit totals, what is known per year next to
 * the official totals, the bases, the sources and the format. Pure.
 */
import { COLUMNS, header, type ColumnDoc } from './export-columns';
import type { Lang } from './lang';
import { FIRST_YEAR, LAST_YEAR, TIERS, YEARS, officialTotal, type Dataset } from './types';
import { countStates, indexStates, statesForYear } from './unit-state';

/** A CSV of the ZIP as the README lists it: its name, what it holds and its columns. */
export interface ReadmeCsv {
  file: string;
  about: string;
  columns: readonly ColumnDoc[];
}

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
export function datasetReadme(dataset: Dataset, csvs: readonly ReadmeCsv[], lang: Lang): string {
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
    const total = officialTotal(dataset.totals, year);
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
export function yearsOf(dataset: Dataset): { from: number; to: number } {
  const years = dataset.tiers.map((t) => t.year).filter((y) => y >= FIRST_YEAR && y <= LAST_YEAR);
  return years.length === 0
    ? { from: FIRST_YEAR, to: LAST_YEAR }
    : { from: Math.min(...years), to: Math.max(...years) };
}
