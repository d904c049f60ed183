/**
 * Chinese names of the areas units belong to, for reading headings ("石家庄市：") and city
 * columns before any unit table is at hand (the notice and CSV parsers run on text alone).
 * Keyed by the area (prefecture) code of data/units.csv; a test checks the table against it.
 *
 * The two new areas are not areas of data/units.csv: their units keep their prefecture there
 * (黄骅市 in 沧州, 雄县/容城县/安新县 in 保定), so a heading naming them points at that area.
 */

/** Area code → the area's name as data/units.csv writes prefecture_zh. */
export const AREA_NAMES_ZH: Readonly<Record<string, string>> = {
  '130100': '石家庄市',
  '130181': '辛集市',
  '130200': '唐山市',
  '130300': '秦皇岛市',
  '130400': '邯郸市',
  '130500': '邢台市',
  '130600': '保定市',
  '130682': '定州市',
  '130700': '张家口市',
  '130800': '承德市',
  '130900': '沧州市',
  '131000': '廊坊市',
  '131100': '衡水市',
};

/** New areas named in notices ("渤海新区黄骅市", "雄安新区雄县") → the area their units are in. */
export const NEW_AREAS_ZH: Readonly<Record<string, string>> = {
  渤海新区: '130900',
  沧州渤海新区: '130900',
  雄安新区: '130600',
  雄安: '130600',
};

/**
 * 辛集 and 定州 are directly administered (their own areas here) but notices still list them
 * under 石家庄 and 保定, so a prefix or heading of those cities takes them in too.
 */
export const AREA_MEMBERS_EXTRA: Readonly<Record<string, readonly string[]>> = {
  '130100': ['130181'],
  '130600': ['130682'],
};

/** The area a heading or city cell names (石家庄市, 石家庄, 雄安新区), else null. */
export function areaCodeOfName(name: string): string | null {
  const text = name
    .normalize('NFKC')
    .replace(/\s/g, '')
    .replace(/^河北省?(?=.)/, '');
  if (text === '') return null;
  if (Object.hasOwn(NEW_AREAS_ZH, text)) return NEW_AREAS_ZH[text] ?? null;
  for (const [code, zh] of Object.entries(AREA_NAMES_ZH)) {
    if (text === zh || text === zh.slice(0, -1)) return code;
  }
  return null;
}
