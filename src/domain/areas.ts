/**
 * English names of the 13 areas units belong to, keyed by the area (prefecture) code of
 * data/units.csv. The table has `prefecture_zh` only, and the English UI and pinyin search
 * need the romanised names; a test checks these keys are exactly the data's area codes.
 * 定州 and 辛集 are directly administered cities and are their own areas.
 */
export const AREA_NAMES_EN: Readonly<Record<string, string>> = {
  '130100': 'Shijiazhuang',
  '130181': 'Xinji',
  '130200': 'Tangshan',
  '130300': 'Qinhuangdao',
  '130400': 'Handan',
  '130500': 'Xingtai',
  '130600': 'Baoding',
  '130682': 'Dingzhou',
  '130700': 'Zhangjiakou',
  '130800': 'Chengde',
  '130900': 'Cangzhou',
  '131000': 'Langfang',
  '131100': 'Hengshui',
};

/** The area's English name, or undefined for a code the table does not know. */
export function areaNameEn(areaCode: string): string | undefined {
  return Object.hasOwn(AREA_NAMES_EN, areaCode) ? AREA_NAMES_EN[areaCode] : undefined;
}
