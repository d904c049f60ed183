/**
 * The report card's own messages (the card and its tools): shown only by code loaded on demand, so
 * they are not in the first view's script. Importing this module adds them to the dictionaries
 * (i18n addMessages); every module that shows one of them imports it, so they are there wherever
 * that code runs (tests/unit/i18n-on-demand.test.ts).
 */
import { addMessages } from '../../i18n';

export const en = {
  reportDialogLabel: 'Report card of {name}',
  reportPrint: 'Print',
  reportPng: 'PNG',
  reportPngWorking: 'Making the PNG…',
  reportPngDone: 'PNG saved: {file}',
  reportPngFailed: 'The PNG could not be made.',
  reportClose: 'Close the report card',
  reportKicker: 'County report card · Hebei county innovation evaluation',
  reportSub: '{area} · code {code} · evaluations {span}',
  reportBoundary: 'Boundary note',
  reportStripTitle: 'Tier by evaluation year',
  reportRank: 'Rank {rank} of {of}',
  reportRankDerived: 'Rank {rank} of {of} (derived)',
  reportRankImported: 'Rank {rank} of {of} (imported)',
  reportNoRank: 'no rank stated',
  reportRankChange: 'rank up {n} places on the previous year',
  reportRankGain: '{n} places above its best before',
  reportRankIndicator: 'rank {n} ({unit})',
  reportScore: 'Score: no source states a unit-level score.',
  reportCompareTitle: 'Against the province and {area}',
  reportCompareKey:
    'Per tier: units known / official count (≥ at least, ? none stated). Partly known and unknown units are counted apart, never as a tier; the first row of each area gives all its units.',
  reportCompareDerived: '* official counts worked out from stated facts, not stated as such.',
  reportCompareUnits: 'units',
  reportMapTitle: 'Neighbours in {year}',
  reportMapKey: 'Filled by tier in {year}; {name} outlined; units outside {area} and its neighbours washed out.',
  reportMapNone: 'No map: the unit has no boundary in {year}.',
  reportMapLabel: 'Map of {name}, its neighbours and {area}, by tier in {year}',
  reportOtherArea: 'in {area}',
  reportSourcesTitle: 'Sources ({n})',
  reportSourceNoUrl: 'no web address',
  reportSourceMissing: 'missing from sources.csv (a data error)',
  reportCoverage: 'Coverage (units whose tier a source states or derives, of all units): {years}.',
  reportMade: 'Made on {date} from the Hebei County Innovation Explorer.',
  reportLink: 'This unit in the explorer:',
} as const;

export const zh: Record<keyof typeof en, string> = {
  reportDialogLabel: '{name}报告卡',
  reportPrint: '打印',
  reportPng: 'PNG',
  reportPngWorking: '正在生成PNG…',
  reportPngDone: '已保存PNG：{file}',
  reportPngFailed: '未能生成PNG。',
  reportClose: '关闭报告卡',
  reportKicker: '县域报告卡 · 河北省县域科技创新能力监测评价',
  reportSub: '{area} · 区划代码 {code} · 参评{span}',
  reportBoundary: '边界说明',
  reportStripTitle: '各评价年度分类',
  reportRank: '第{rank}名（共{of}个）',
  reportRankDerived: '第{rank}名（共{of}个，推得）',
  reportRankImported: '第{rank}名（共{of}个，导入）',
  reportNoRank: '未公布排名',
  reportRankChange: '排名比上年上升{n}位',
  reportRankGain: '比此前最好排名高{n}位',
  reportRankIndicator: '排名{n}（{unit}）',
  reportScore: '得分：没有来源公布县级单位得分。',
  reportCompareTitle: '与全省及{area}比较',
  reportCompareKey:
    '各类：已知单位数/官方数（≥ 表示至少，? 表示未公布）。部分已知和未知单位单独计数，不计入任何类别；各地区第一行为其全部单位数。',
  reportCompareDerived: '* 官方数由已公布事实推得，并非直接公布。',
  reportCompareUnits: '单位数',
  reportMapTitle: '{year}年相邻单位',
  reportMapKey: '按{year}年分类填色；{name}加粗描边；{area}及相邻单位以外的单位淡化显示。',
  reportMapNone: '无地图：该单位在{year}年没有边界。',
  reportMapLabel: '{name}、相邻单位及{area}{year}年分类地图',
  reportOtherArea: '属{area}',
  reportSourcesTitle: '来源（{n}个）',
  reportSourceNoUrl: '无网址',
  reportSourceMissing: 'sources.csv 中缺少此来源（数据错误）',
  reportCoverage: '覆盖情况（来源公布或可推得分类的单位数/全部单位数）：{years}。',
  reportMade: '{date}由河北省县域科技创新能力地图生成。',
  reportLink: '在地图中查看本单位：',
};

addMessages(en, zh);
