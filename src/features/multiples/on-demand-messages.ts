/**
 * The five-year figure's own messages: shown only by code loaded on demand, so they are not in the
 * first view's script. Importing this module adds them to the dictionaries (i18n addMessages);
 * every module that shows one of them imports it, so they are there wherever that code runs
 * (tests/unit/i18n-on-demand.test.ts).
 */
import { addMessages } from '../../i18n';

export const en = {
  mulHeading: 'The five years, 2019–2023',
  mulTitle: 'Innovation tiers 2019–2023',
  mulSubtitle:
    'Hebei’s county-level units in each evaluation; 2019–2020 drawn with the 2019 boundaries, 2021–2023 with the 2021 ones (Xingtai’s districts changed in 2020)',
  mulPanelCounts: '{tiers}; {known} of {total} known',
  mulOfficialNone: '?',
  mulOfficialMin: '≥{n}',
  mulCountsNote: 'Counts under each year: units known in the tier / the official total (≥ a minimum, ? not stated).',
  mulYears: 'Evaluation years shown: 2019 to 2023.',
  mulModeNote:
    'The five years show tiers: a change or a first year in A compares years, which a panel of one year cannot show.',
  mulDesc:
    '{title}. Five maps of Hebei’s county-level units, one per evaluation year, with one legend, counts and sources.',
} as const;

export const zh: Record<keyof typeof en, string> = {
  mulHeading: '五年对比（2019–2023年）',
  mulTitle: '2019–2023年县域科技创新能力分类',
  mulSubtitle:
    '河北省县级单位历年评价结果；2019–2020年按2019年行政区划绘制，2021–2023年按2021年区划（邢台市辖区于2020年调整）',
  mulPanelCounts: '{tiers}；{total}个中已知{known}个',
  mulOfficialNone: '?',
  mulOfficialMin: '≥{n}',
  mulCountsNote: '各年份下的数量：该类已知单位数/官方总数（≥为下限，?为未公布）。',
  mulYears: '所示评价年份：2019年至2023年。',
  mulModeNote: '五年并列图显示分类：变化和首次进入A类需要比较多个年份，单一年份的图无法显示。',
  mulDesc: '{title}。五幅河北省县级单位地图，每个评价年份一幅，共用一个图例，附数量和来源。',
};

addMessages(en, zh);
