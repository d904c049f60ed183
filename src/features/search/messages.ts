/** The county search combobox. */
export const en = {
  searchLabel: 'Search county',
  searchPlaceholder: 'Name, pinyin or code',
  searchUnavailable: 'Search works once the data has loaded',
  searchLoadFailed: 'Search could not be loaded: check the connection and type again',
  searchResultsOne: '1 result',
  searchResults: '{n} results',
  searchNoResults: 'No results',
  searchSpan: '{from}–{to}',
  searchSince: 'from {from}',
  searchNow: 'now {names}',
  searchNowSplit: 'now part of {names}',
  searchThen: 'in {year}: {names}',
  searchNamesSep: ', ',
  searchNoteSep: ' · ',
} as const;

export const zh: Record<keyof typeof en, string> = {
  searchLabel: '搜索县区',
  searchPlaceholder: '名称、拼音或代码',
  searchUnavailable: '数据加载后即可搜索',
  searchLoadFailed: '搜索未能加载：请检查网络连接后再次输入',
  searchResultsOne: '1个结果',
  searchResults: '{n}个结果',
  searchNoResults: '没有结果',
  searchSpan: '{from}—{to}年',
  searchSince: '{from}年起',
  searchNow: '现为{names}',
  searchNowSplit: '现分属{names}',
  searchThen: '{year}年为{names}',
  searchNamesSep: '、',
  searchNoteSep: '，',
};
