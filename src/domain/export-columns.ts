/**
 * Every column of the downloadable files: its header and its meaning in both UI languages, which
 * the ZIP's README lists (dataset-zip.ts). One table serves the header and the README, so a
 * column cannot be written without being documented (tests/unit/dataset-zip.test.ts checks every
 * header).
 *
 * English files keep the project's English column names (`code`, `tier_2023`, …, the names of
 * data/): they are stable identifiers a program can rely on in either language. Chinese files
 * have Chinese headers and values, in the same column order.
 */
import type { Lang } from './lang';

/** A column: its Chinese header (the English one is its key) and its meaning in both languages. */
export interface ColumnDoc {
  zh: string;
  en: string;
  meaning: Record<Lang, string>;
}

const doc = (en: string, zh: string, meaningEn: string, meaningZh: string): ColumnDoc => ({
  en,
  zh,
  meaning: { en: meaningEn, zh: meaningZh },
});

/** The header of a column in a language. */
export const header = (column: ColumnDoc, lang: Lang): string => (lang === 'zh' ? column.zh : column.en);

const TIER_RULE_EN = 'A (80 points and above), B (60 to under 80) or C (under 60)';
const TIER_RULE_ZH = 'A类（80分及以上）、B类（60分至80分以下）或C类（60分以下）';
const BASIS_EN =
  'stated (a source names the unit and its tier), derived (worked out from stated facts; the note says how) or imported (a fact imported by the user of this browser, from the source they named; not part of the project data)';
const BASIS_ZH =
  '已公布（来源写明该单位及其分类）、推得（由已公布的事实推出，说明中写明推导）或导入（本浏览器的用户从其指明的来源导入的事实，不属于项目数据）';
const SOURCE_IDS_EN = '`;`-separated ids of sources.csv (source_id) that support the row';
const SOURCE_IDS_ZH = '支持该行的来源编号（sources.csv的source_id），以“;”分隔';

/** Every column of the data/ files and of the localised files, by its English name. */
export const COLUMNS = {
  code: doc('code', '代码', '6-digit administrative code of the unit', '单位的6位行政区划代码'),
  name_zh: doc('name_zh', '名称', 'Chinese name of the unit', '单位的中文名称'),
  name_en: doc('name_en', '英文名称', 'English name of the unit', '单位的英文名称'),
  name: doc(
    'name',
    '名称',
    'Name of the unit or area the row is about (empty for the province)',
    '该行所指单位或地区的名称（全省为空）',
  ),
  prefecture_code: doc(
    'prefecture_code',
    '所属市代码',
    'Code of the area the unit belongs to: one of the 11 prefecture-level cities, or 定州 and 辛集 themselves',
    '单位所属地区的代码：11个设区市之一，或定州、辛集本身',
  ),
  prefecture_zh: doc('prefecture_zh', '所属市', 'Chinese name of that area', '所属地区的中文名称'),
  area_code: doc(
    'area_code',
    '所属市代码',
    'Code of the area (prefecture-level city, or 定州 / 辛集) the unit belongs to',
    '单位所属地区（设区市，或定州、辛集）的代码',
  ),
  area_zh: doc('area_zh', '所属市', 'Chinese name of the area', '所属地区的中文名称'),
  area_en: doc('area_en', '所属市英文名称', 'English name of the area', '所属地区的英文名称'),
  area: doc('area', '所属市', 'Name of the area the unit belongs to', '单位所属地区的名称'),
  valid_from: doc('valid_from', '起始评价年份', 'First evaluation year the unit existed in', '该单位参加评价的第一年'),
  valid_to: doc(
    'valid_to',
    '截止评价年份',
    'Last evaluation year the unit existed in; empty while it still exists',
    '该单位参加评价的最后一年；仍存在的单位为空',
  ),
  predecessor_codes: doc(
    'predecessor_codes',
    '前身单位代码',
    '`;`-separated codes of the units it was formed from',
    '该单位由哪些单位组成（代码，以“;”分隔）',
  ),
  boundary_note: doc(
    'boundary_note',
    '边界说明',
    'What is approximate about the unit’s drawn boundary (English)',
    '地图上该单位边界的近似之处（英文）',
  ),
  boundary_note_zh: doc('boundary_note_zh', '边界说明（中文）', 'The boundary note in Chinese', '边界说明的中文'),
  source_id: doc(
    'source_id',
    '编号',
    'Id of the source (D… documents without a web address, P… web pages, IMP… imported by the user)',
    '来源编号（D开头为无网址的文件，P开头为网页，IMP开头为用户导入）',
  ),
  title: doc('title', '标题', 'Title of the source', '来源的标题'),
  publisher: doc('publisher', '发布者', 'Who published it', '发布者'),
  date: doc(
    'date',
    '日期',
    'Publication date: YYYY-MM-DD, YYYY-MM or YYYY; empty if unknown',
    '发布日期：年-月-日、年-月或年；未知为空',
  ),
  url: doc('url', '网址', 'Web address; empty for documents without one', '网址；无网址的文件为空'),
  note: doc('note', '说明', 'Note on the row (in English in data/ and in English files)', '该行的说明'),
  note_zh: doc('note_zh', '说明（中文）', 'The note in Chinese', '说明的中文'),
  language: doc(
    'language',
    '语言',
    'Script of the page: zh-Hans (simplified Chinese), zh-Hant (traditional Chinese) or en',
    '网页的文字：简体中文、繁体中文或英文',
  ),
  year: doc('year', '年份', 'Evaluation year', '评价年份'),
  tier: doc('tier', '分类', `Tier: ${TIER_RULE_EN}`, `分类：${TIER_RULE_ZH}`),
  rank: doc(
    'rank',
    '排名',
    'Overall rank where a source states it; empty otherwise',
    '总排名（仅在来源写明时）；否则为空',
  ),
  rank_of: doc(
    'rank_of',
    '参与排名单位数',
    'Number of units ranked (168 up to 2020, 167 from 2021), given with the rank',
    '参与排名的单位数（2020年及以前168个，2021年起167个），与排名同时给出',
  ),
  basis: doc('basis', '依据', `How the tier is known: ${BASIS_EN}`, `分类的依据：${BASIS_ZH}`),
  confidence: doc(
    'confidence',
    '可信度',
    'high, medium or low (stated rows are high; derived rows by the certainty of the derivation)',
    '高、中或低（已公布的为高；推得的按推导的确定程度）',
  ),
  source_ids: doc('source_ids', '来源编号', SOURCE_IDS_EN, SOURCE_IDS_ZH),
  source_titles: doc(
    'source_titles',
    '来源标题',
    'Titles of those sources, `;`-separated, in the same order',
    '这些来源的标题，以“;”分隔，顺序相同',
  ),
  from_tier: doc(
    'from_tier',
    '原分类',
    'Tier before the move (empty / “not stated” when the source does not say)',
    '变动前的分类（来源未说明时为空或“未说明”）',
  ),
  to_tier: doc(
    'to_tier',
    '新分类',
    'Tier after the move, held in year_to (empty / “not stated” when the source does not say)',
    '变动后的分类，截止年份时的分类（来源未说明时为空或“未说明”）',
  ),
  year_from: doc(
    'year_from',
    '起始年份',
    'The move happened in an evaluation after this year',
    '变动发生在该年之后的某次评价中',
  ),
  year_to: doc(
    'year_to',
    '截止年份',
    'and no later than this year (a one-year window fixes the year; a wider one only bounds the years between)',
    '且不晚于该年（相差一年即确定年份；更宽的区间只限定其间各年的可能分类）',
  ),
  scope: doc('scope', '范围', 'province, or the area the counts are for', '统计范围：全省或某地区'),
  scope_code: doc('scope_code', '范围代码', 'Code of the area; empty for the province', '地区代码；全省为空'),
  units: doc(
    'units',
    '单位数',
    'Units in the scope, where a source gives it (168 / 167 for the province)',
    '范围内的单位数（如有来源给出；全省为168或167）',
  ),
  A: doc(
    'A',
    'A类数量',
    'Official number of A units (exact); empty if not published',
    'A类单位的官方数量（确切值）；未公布为空',
  ),
  B: doc(
    'B',
    'B类数量',
    'Official number of B units (exact); empty if not published',
    'B类单位的官方数量（确切值）；未公布为空',
  ),
  C: doc(
    'C',
    'C类数量',
    'Official number of C units (exact); empty if not published',
    'C类单位的官方数量（确切值）；未公布为空',
  ),
  A_min: doc(
    'A_min',
    'A类至少',
    'Lower bound of A units, where only a bound is known',
    'A类单位数的下限（只知下限时）',
  ),
  B_min: doc(
    'B_min',
    'B类至少',
    'Lower bound of B units, where only a bound is known',
    'B类单位数的下限（只知下限时）',
  ),
  C_min: doc(
    'C_min',
    'C类至少',
    'Lower bound of C units, where only a bound is known',
    'C类单位数的下限（只知下限时）',
  ),
  avg_score: doc(
    'avg_score',
    '平均分',
    'Average score of the scope’s units (100-point scale)',
    '范围内单位的平均分（百分制）',
  ),
  tier_changes: doc(
    'tier_changes',
    '级别跃升单位数',
    'Units that rose at least one tier since the previous evaluation',
    '较上次评价至少上升一级的单位数',
  ),
  indicator: doc(
    'indicator',
    '指标',
    'Id of the figure (e.g. reward_cny, units_b_to_a, high_tech_enterprises)',
    '指标编号（如reward_cny奖励金额、units_b_to_a由B升A的单位数、high_tech_enterprises高新技术企业数）',
  ),
  value: doc('value', '数值', 'The figure; money in yuan', '数值；金额以元计'),
  unit: doc(
    'unit',
    '单位',
    'Unit of the figure (CNY, firms, units, %, rank of 168, …)',
    '数值的计量单位（CNY元、firms家、units个、%等）',
  ),
  indicator_scope: doc('scope', '范围', 'province, prefecture or county-level unit', '范围：全省、市或县级单位'),
  indicator_code: doc('code', '代码', 'Code of the area or unit; empty for the province', '地区或单位的代码；全省为空'),
} as const satisfies Record<string, ColumnDoc>;

export type ColumnKey = keyof typeof COLUMNS;

/** The table CSV's columns for a year (see export-csv.ts tableCsv): the year makes the header. */
export const TABLE_YEAR_COLUMNS = {
  tier: (y: number) =>
    doc(
      `tier_${y}`,
      `${y}年分类`,
      `Tier in ${y}: A, B or C when known; the tiers still open (e.g. B;C) for a range; empty when unknown`,
      `${y}年的分类：已知为A、B或C；区间为仍可能的分类（如B或C）；未知为空`,
    ),
  basis: (y: number) =>
    doc(
      `basis_${y}`,
      `${y}年依据`,
      `How the ${y} state is known: stated, derived, imported, range (only partly known), unknown (no source states it), none (the unit did not exist that year)`,
      `${y}年状态的依据：已公布、推得、导入、区间（部分已知）、未知（没有来源说明）、当年不存在`,
    ),
  via: (y: number) =>
    doc(
      `via_${y}`,
      `${y}年对应单位代码`,
      `The unit(s) whose ${y} state this is when not the row’s unit (e.g. 任县 130526 for 任泽区 in 2019); empty otherwise`,
      `${y}年的状态属于其他单位时，该单位的代码（如2019年任泽区对应任县130526）；否则为空`,
    ),
  rank: (y: number) => doc(`rank_${y}`, `${y}年排名`, `Overall rank in ${y}, where stated`, `${y}年总排名（如有公布）`),
  rankOf: (y: number) =>
    doc(
      `rank_of_${y}`,
      `${y}年参与排名单位数`,
      `Number of units ranked in ${y}, given with the rank`,
      `${y}年参与排名的单位数，与排名同时给出`,
    ),
  change: (base: number, y: number) =>
    doc(
      `change_${base}_${y}`,
      `${base}—${y}年变化`,
      `Change of tier from ${base} to ${y}: up2, up1, same, down1, down2, or unknown-base / unknown-current / unknown-both when either end is not known`,
      `${base}年至${y}年的分类变化：上升两级、上升一级、级别不变、下降一级、下降两级，任一端未知时写明哪年未知`,
    ),
};
