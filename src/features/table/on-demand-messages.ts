/**
 * The table dialog's own messages (its columns, filters, counts and downloads): shown only by code
 * loaded on demand, so they are not in the first view's script. Importing this module adds them to
 * the dictionaries (i18n addMessages); every module that shows one of them imports it, so they are
 * there wherever that code runs (tests/unit/i18n-on-demand.test.ts).
 */
import { addMessages } from '../../i18n';

export const en = {
  tableTitle: 'Table of county-level units, {year}',
  tableClose: 'Close table',
  tableIntro:
    'Every unit of the {year} evaluation with its state in each year. Choose a name to close the table and see the unit on the map with its details.',
  tableCaption:
    'County-level units of the {year} evaluation: state in each year 2019–2023 (stated, derived, partly known or unknown), rank in {year} where published, and change from {base} to {year}.',
  tableCaptionNoBase:
    'County-level units of the {year} evaluation: state in each year 2019–2023 (stated, derived, partly known or unknown) and rank in {year} where published.',
  tableSortedBy: 'Sorted by {column}, {direction}.',
  tableSortAscending: 'ascending',
  tableSortDescending: 'descending',

  tableColName: 'Name',
  tableColArea: 'Prefecture',
  tableColCode: 'Code',
  tableColYear: '{year}',
  tableColRank: 'Rank {year}',
  tableColChange: 'Change {base}–{year}',
  tableColChangeNoBase: 'Change',

  tableFilter: 'Filter',
  tableFilterPlaceholder: 'Name, pinyin or code',
  tableArea: 'Prefecture',
  tableAreaAll: 'All prefectures',
  tableState: 'State in {year}',
  tableStateAll: 'All states',
  tableStateKnown: 'Known tier (A, B or C)',
  tableStateA: 'A',
  tableStateB: 'B',
  tableStateC: 'C',
  tableStateDerived: 'Derived',
  tableStateRange: 'Partly known (range)',
  tableStateUnknown: 'Unknown',
  tableClearFilters: 'Clear filters',
  tableCount: 'Showing {shown} of {total} units',
  tableCountTier: 'Showing {shown} of {total} units ({scope}: {tally})',
  tableTally: '{scope}, {year}, {units} units: {tiers}; {range} partly known (a range), {unknown} unknown.',
  tableTallyTier: '{tier} {known} known of {official} official',
  tableTallyTierMin: '{tier} {known} known of at least {official} official',
  tableTallyTierNoOfficial: '{tier} {known} known (official count not published)',
  tableTallySep: ' · ',
  tableScopeProvince: 'Hebei',
  tableEmpty: 'No unit matches the filters.',
  tableLoading: 'The data is still loading.',

  tableSelected: 'selected',
  tableCellStated: '{tier} · stated',
  tableCellDerived: '{tier} · derived',
  tableCellRange: '{tiers}',
  tableTierOr: ' or ',
  tableTierListSep: ', ',
  tableCellUnknown: 'unknown',
  tableCellNone: 'did not exist',
  tableCellVia: 'as {name}',
  tableRank: '{rank} of {rankOf}',
  tableRankNone: 'not published',

  tableChangeUp2: 'up two tiers',
  tableChangeUp1: 'up one tier',
  tableChangeSame: 'same tier',
  tableChangeDown1: 'down one tier',
  tableChangeDown2: 'down two tiers',
  tableChangeUnknownBase: 'unknown in {base}',
  tableChangeUnknownCurrent: 'unknown in {year}',
  tableChangeUnknownBoth: 'unknown in both years',
  tableChangeNoBase: 'no earlier evaluation',

  tableDownloads: 'Downloads',
  tableDownloadTable: 'Download table (CSV)',
  tableDownloadTableHint:
    'The rows shown, in the order shown; states as codes (A, B, C; stated, derived, imported, range, unknown, none).',
  tableDownloadAll: 'Download all data (ZIP)',
  tableDownloadAllHint:
    'One ZIP: the tables for reading in English, the data/ files and a README of every column. The data/ files one by one, in the format the project’s data/ folder and the importer use:',
  tableDownloadFile: '{file} ({rows} rows)',
  tableDownloadFailed: 'The file could not be made: {reason}',
} as const;

export const zh: Record<keyof typeof en, string> = {
  tableTitle: '县级单位表格（{year}年）',
  tableClose: '关闭表格',
  tableIntro: '{year}年评价的全部单位及其各年状态。选择名称即关闭表格，在地图上显示该单位及其详情。',
  tableCaption:
    '{year}年评价的县级单位：2019—2023年各年状态（已公布、推得、部分已知或未知）、{year}年排名（如有公布）及{base}年至{year}年的变化。',
  tableCaptionNoBase:
    '{year}年评价的县级单位：2019—2023年各年状态（已公布、推得、部分已知或未知）及{year}年排名（如有公布）。',
  tableSortedBy: '按{column}{direction}排列。',
  tableSortAscending: '升序',
  tableSortDescending: '降序',

  tableColName: '名称',
  tableColArea: '所属市',
  tableColCode: '代码',
  tableColYear: '{year}年',
  tableColRank: '{year}年排名',
  tableColChange: '{base}—{year}年变化',
  tableColChangeNoBase: '变化',

  tableFilter: '筛选',
  tableFilterPlaceholder: '名称、拼音或代码',
  tableArea: '所属市',
  tableAreaAll: '全部地市',
  tableState: '{year}年状态',
  tableStateAll: '全部状态',
  tableStateKnown: '分类已知（A、B或C）',
  tableStateA: 'A类',
  tableStateB: 'B类',
  tableStateC: 'C类',
  tableStateDerived: '推得',
  tableStateRange: '部分已知（区间）',
  tableStateUnknown: '未知',
  tableClearFilters: '清除筛选',
  tableCount: '共{total}个单位，显示{shown}个',
  tableCountTier: '共{total}个单位，显示{shown}个（{scope}{tally}）',
  tableTally: '{year}年{scope}{units}个单位：{tiers}；部分已知（区间）{range}个，未知{unknown}个。',
  tableTallyTier: '{tier}类已知{known}个，官方共{official}个',
  tableTallyTierMin: '{tier}类已知{known}个，官方至少{official}个',
  tableTallyTierNoOfficial: '{tier}类已知{known}个（官方数量未公布）',
  tableTallySep: ' · ',
  tableScopeProvince: '全省',
  tableEmpty: '没有符合筛选条件的单位。',
  tableLoading: '数据仍在加载。',

  tableSelected: '已选中',
  tableCellStated: '{tier}类 · 已公布',
  tableCellDerived: '{tier}类 · 推得',
  tableCellRange: '{tiers}类',
  tableTierOr: '或',
  tableTierListSep: '、',
  tableCellUnknown: '未知',
  tableCellNone: '当年不存在',
  tableCellVia: '（{name}）',
  tableRank: '第{rank}名（共{rankOf}个）',
  tableRankNone: '未公布',

  tableChangeUp2: '上升两级',
  tableChangeUp1: '上升一级',
  tableChangeSame: '级别不变',
  tableChangeDown1: '下降一级',
  tableChangeDown2: '下降两级',
  tableChangeUnknownBase: '{base}年未知',
  tableChangeUnknownCurrent: '{year}年未知',
  tableChangeUnknownBoth: '两年均未知',
  tableChangeNoBase: '无更早的评价',

  tableDownloads: '下载',
  tableDownloadTable: '下载表格（CSV）',
  tableDownloadTableHint:
    '当前显示的行，按当前顺序；表头和状态均为中文（已公布、推得、导入、区间、未知、当年不存在）。',
  tableDownloadAll: '下载全部数据（ZIP）',
  tableDownloadAllHint:
    '一个ZIP文件：中文阅读用表格、data/格式文件和说明每一列的README。也可逐个下载data/格式文件（与项目的data/文件夹和导入功能相同）：',
  tableDownloadFile: '{file}（{rows}行）',
  tableDownloadFailed: '无法生成文件：{reason}',
};

addMessages(en, zh);
