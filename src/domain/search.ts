/**
 * Finding a unit by Chinese name, pinyin or code, for the search combobox. Pure and total:
 * every input, however odd, gives a (possibly empty) list and never an exception.
 *
 * The index covers the units of one evaluation year and every unit of other years, so a former
 * name (任县, 邢台县, 邢台's 桥东区) still finds its place; such a result carries a note (its
 * years and its counterparts in the index year) and selects the one counterpart if there is
 * exactly one (`followUnit`), else its own code (邢台县 in 2021+: the details panel explains).
 *
 * Pinyin comes from `name_en` ("Luquan District" → "luquan"), not from a pinyin library: the
 * data already carries the romanisation, including readings a dictionary gets wrong (蔚县 is
 * "Yu", not "Wei").
 */
import { areaNameEn } from './areas';
import { areaName, isValidIn } from './dataset/units';
import { counterparts, followUnit } from './lineage';
import { normalizePinyin } from './pinyin';
import type { Unit, UnitCode } from './types';

export { normalizePinyin } from './pinyin';

export type MatchedOn = 'zh' | 'pinyin' | 'code';

export interface SearchUnitRef {
  code: UnitCode;
  nameZh: string;
  nameEn: string;
}

/** Why a result is not simply a unit of the index year. */
export interface SearchNote {
  /** 'former': the unit ended before the index year; 'later': it began after it. */
  kind: 'former' | 'later';
  validFrom: number;
  validTo: number | null;
  /** Its counterparts in the index year: 任县 → 任泽区; 邢台县 → 信都区 and 襄都区. */
  counterparts: SearchUnitRef[];
}

/** The part of a name the query matched, as [start, end) in that name (or in the code). */
export interface SearchHighlight {
  field: 'zh' | 'en' | 'code';
  start: number;
  end: number;
}

export interface SearchResult {
  /** The code choosing this result selects: a unit of the index year where there is one. */
  code: UnitCode;
  /** The matched unit's own code (130526 for 任县, which selects 130505 from 2021). */
  unitCode: UnitCode;
  /** Unique within an index: a code can name two units (130502: 桥东区, then 襄都区). */
  id: string;
  nameZh: string;
  nameEn: string;
  prefectureCode: string;
  prefectureZh: string;
  prefectureEn?: string;
  note?: SearchNote;
  matchedOn: MatchedOn;
  highlight?: SearchHighlight;
}

type Entry = Omit<SearchResult, 'matchedOn' | 'highlight'> & {
  current: boolean;
  /** Full name first, then the forms without a type suffix (鹿泉区 → 鹿泉). */
  zhKeys: string[];
  /** Pinyin without the type ("luquan"): the sort key and the only key matched inside. */
  pinyin: string;
  /** Pinyin with the Chinese type ("luquanqu", "yuxian"). */
  pinyinFull: string;
  /** The English name, normalised ("luquandistrict"). */
  en: string;
  /** For each character of `en`, its position in nameEn (to highlight the original text). */
  enPositions: number[];
};

interface AreaKey {
  code: string;
  /** Longest first, so 石家庄市 is taken before 石家庄. */
  zh: string[];
  pinyin: string[];
}

export interface SearchIndex {
  readonly year: number;
  readonly entries: readonly Entry[];
  readonly areas: readonly AreaKey[];
}

/** Type suffixes of Chinese unit names, longest first (all occur in data/units.csv). */
const ZH_SUFFIXES = ['满族蒙古族自治县', '满族自治县', '回族自治县', '自治县', '矿区', '县', '市', '区'];

/**
 * Pinyin of the words in those suffixes, so "yuxian" finds 蔚县 and "qinglongmanzuzizhixian"
 * finds 青龙满族自治县. These are fixed words of administrative naming, not place names.
 */
const ZH_SUFFIX_PINYIN: readonly (readonly [string, string])[] = [
  ['满族蒙古族自治县', 'manzumengguzuzizhixian'],
  ['满族自治县', 'manzuzizhixian'],
  ['回族自治县', 'huizuzizhixian'],
  ['自治县', 'zizhixian'],
  ['矿区', 'kuangqu'],
  ['县', 'xian'],
  ['市', 'shi'],
  ['区', 'qu'],
];

/** The type words `name_en` ends with ("Mining District", "Manchu and Mongol Autonomous County"). */
const EN_TYPE = /(?:\s+(?:Manchu|Mongol|Hui|and|Mining|Autonomous))*\s+(?:County|District|City)$/;

/** Longer input cannot be a unit name, code or prefix form; refusing it bounds the work per keystroke. */
const MAX_QUERY_LENGTH = 64;

const HAN = /\p{Script=Han}/u;
/** Separators people put between an area and a unit: "石家庄·鹿泉", "石家庄 - 鹿泉". */
const ZH_NOISE = /[\s\p{P}\p{S}]/gu;

function zhForms(nameZh: string): string[] {
  const forms = [nameZh];
  for (const suffix of ZH_SUFFIXES) {
    if (nameZh.length > suffix.length && nameZh.endsWith(suffix)) forms.push(nameZh.slice(0, -suffix.length));
  }
  return forms;
}

function suffixPinyin(nameZh: string): string {
  return ZH_SUFFIX_PINYIN.find(([zh]) => nameZh.endsWith(zh))?.[1] ?? '';
}

function enPositions(nameEn: string): number[] {
  const positions: number[] = [];
  [...nameEn].forEach((ch, i) => {
    if (normalizePinyin(ch).length > 0) positions.push(i);
  });
  return positions;
}

/** The year in which a unit of another year is compared with the index year: its nearest. */
function ownYear(unit: Unit, year: number): number {
  return unit.validTo !== null && unit.validTo < year ? unit.validTo : unit.validFrom;
}

function ref(unit: Unit): SearchUnitRef {
  return { code: unit.code, nameZh: unit.nameZh, nameEn: unit.nameEn };
}

function entryOf(units: readonly Unit[], unit: Unit, year: number): Entry {
  const current = isValidIn(unit, year);
  const pinyin = normalizePinyin(unit.nameEn.replace(EN_TYPE, ''));
  const en = normalizePinyin(unit.nameEn);
  const entry: Entry = {
    code: unit.code,
    unitCode: unit.code,
    id: `${unit.code}@${unit.validFrom}`,
    nameZh: unit.nameZh,
    nameEn: unit.nameEn,
    prefectureCode: unit.prefectureCode,
    prefectureZh: unit.prefectureZh,
    current,
    zhKeys: zhForms(unit.nameZh),
    pinyin,
    pinyinFull: pinyin + suffixPinyin(unit.nameZh),
    en,
    enPositions: enPositions(unit.nameEn),
  };
  const prefectureEn = areaNameEn(unit.prefectureCode);
  if (prefectureEn !== undefined) entry.prefectureEn = prefectureEn;
  if (!current) {
    const from = ownYear(unit, year);
    entry.code = followUnit(units, unit.code, from, year);
    entry.note = {
      kind: from < year ? 'former' : 'later',
      validFrom: unit.validFrom,
      validTo: unit.validTo,
      counterparts: counterparts(units, unit.code, from, year).map(ref),
    };
  }
  return entry;
}

function areaKeys(units: readonly Unit[]): AreaKey[] {
  const byCode = new Map<string, AreaKey>();
  for (const u of units) {
    if (byCode.has(u.prefectureCode)) continue;
    const zh = [...new Set([u.prefectureZh, areaName(u.prefectureZh)])].filter((s) => s.length > 0);
    const en = normalizePinyin(areaNameEn(u.prefectureCode) ?? '');
    const pinyin = en === '' ? [] : [`${en}shi`, `${en}city`, en];
    byCode.set(u.prefectureCode, { code: u.prefectureCode, zh: zh.sort((a, b) => b.length - a.length), pinyin });
  }
  return [...byCode.values()];
}

/** The searchable units for one evaluation year: its own units first, then those of other years. */
export function buildSearchIndex(units: readonly Unit[], year: number): SearchIndex {
  const entries = units.map((u) => entryOf(units, u, year));
  return { year, entries, areas: areaKeys(units) };
}

/** 0 exact, 1 prefix, 2 inside; lower is better. */
type Level = 0 | 1 | 2;

interface Hit {
  level: Level;
  matchedOn: MatchedOn;
  highlight: SearchHighlight;
}

function levelOf(key: string, q: string, inside: boolean): Level | null {
  if (key === q) return 0;
  if (key.startsWith(q)) return 1;
  if (inside && key.includes(q)) return 2;
  return null;
}

function better(a: Hit | null, b: Hit | null): Hit | null {
  if (a === null) return b;
  if (b === null) return a;
  return b.level < a.level ? b : a;
}

function matchZh(entry: Entry, q: string, inside: boolean): Hit | null {
  let best: Hit | null = null;
  for (const key of entry.zhKeys) {
    const level = levelOf(key, q, inside);
    if (level === null) continue;
    // Every key is a prefix of the full name, so the match sits at the same place there.
    const start = entry.nameZh.indexOf(q);
    best = better(best, { level, matchedOn: 'zh', highlight: { field: 'zh', start, end: start + q.length } });
  }
  return best;
}

function enHighlight(entry: Entry, start: number, end: number): SearchHighlight {
  const first = entry.enPositions[start] ?? 0;
  const last = entry.enPositions[Math.max(start, end - 1)] ?? first;
  return { field: 'en', start: first, end: last + 1 };
}

function matchPinyin(entry: Entry, q: string, inside: boolean): Hit | null {
  let best: Hit | null = null;
  const keys: readonly [string, boolean][] = [
    [entry.pinyin, inside && q.length >= 2],
    [entry.pinyinFull, false],
    [entry.en, false],
  ];
  for (const [key, allowInside] of keys) {
    const level = levelOf(key, q, allowInside);
    if (level === null) continue;
    const start = key.indexOf(q);
    // `pinyin` is a prefix of `en`; the Chinese type's pinyin ("xian") has no letters in nameEn.
    const end = key === entry.pinyinFull ? Math.min(start + q.length, entry.pinyin.length) : start + q.length;
    best = better(best, { level, matchedOn: 'pinyin', highlight: enHighlight(entry, start, end) });
  }
  return best;
}

function matchCode(entry: Entry, q: string): Hit | null {
  const level = levelOf(entry.unitCode, q, false);
  return level === null ? null : { level, matchedOn: 'code', highlight: { field: 'code', start: 0, end: q.length } };
}

/** An area named at the start of the query ("石家庄市鹿泉区", "shijiazhuang luquan"), and the rest. */
function splitArea(areas: readonly AreaKey[], q: string, keysOf: (a: AreaKey) => readonly string[]) {
  for (const area of areas) {
    const key = keysOf(area).find((k) => q.startsWith(k) && q.length > k.length);
    if (key !== undefined) return { area: area.code, rest: q.slice(key.length) };
  }
  return null;
}

type Query =
  | { kind: 'code'; q: string }
  | { kind: 'zh'; q: string; area: { area: string; rest: string } | null }
  | { kind: 'pinyin'; q: string; area: { area: string; rest: string } | null };

function parseQuery(index: SearchIndex, raw: string): Query | null {
  const text = raw.normalize('NFKC').trim();
  if (text === '') return null;
  const digits = text.replace(/\s/g, '');
  if (/^\d+$/.test(digits)) return digits.length >= 3 ? { kind: 'code', q: digits } : null;
  if (HAN.test(text)) {
    const q = text.replace(ZH_NOISE, '').replace(/^河北省?/, '');
    if (q === '') return null;
    return { kind: 'zh', q, area: splitArea(index.areas, q, (a) => a.zh) };
  }
  const q = normalizePinyin(text).replace(/^hebei(?:sheng)?(?=.)/, '');
  if (q === '') return null;
  return { kind: 'pinyin', q, area: splitArea(index.areas, q, (a) => a.pinyin) };
}

function hitFor(entry: Entry, query: Query): Hit | null {
  if (query.kind === 'code') return matchCode(entry, query.q);
  const match = query.kind === 'zh' ? matchZh : matchPinyin;
  const plain = match(entry, query.q, true);
  // After an area prefix only whole-word starts count: "承德县" must not list every 县 of 承德.
  const inArea = query.area !== null && query.area.area === entry.prefectureCode;
  return better(plain, inArea && query.area ? match(entry, query.area.rest, false) : null);
}

/**
 * Units matching `query`, best first: exact before prefix before inside the name; units of the
 * index year before those of other years; then by name (pinyin, then the shorter: 井陉县 before
 * 井陉矿区), area and code.
 */
export function searchUnits(index: SearchIndex, query: string, limit = 10): SearchResult[] {
  if (typeof query !== 'string' || query.length > MAX_QUERY_LENGTH) return [];
  const max = Number.isFinite(limit) ? Math.max(0, Math.floor(limit)) : 0;
  const parsed = parseQuery(index, query);
  if (parsed === null || max === 0) return [];
  const hits: { entry: Entry; hit: Hit }[] = [];
  for (const entry of index.entries) {
    const hit = hitFor(entry, parsed);
    if (hit !== null) hits.push({ entry, hit });
  }
  hits.sort(
    (a, b) =>
      a.hit.level - b.hit.level ||
      Number(b.entry.current) - Number(a.entry.current) ||
      compare(a.entry.pinyin, b.entry.pinyin) ||
      a.entry.nameZh.length - b.entry.nameZh.length ||
      compare(a.entry.prefectureCode, b.entry.prefectureCode) ||
      compare(a.entry.id, b.entry.id),
  );
  return hits.slice(0, max).map(({ entry, hit }) => toResult(entry, hit));
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function toResult(entry: Entry, hit: Hit): SearchResult {
  const result: SearchResult = {
    code: entry.code,
    unitCode: entry.unitCode,
    id: entry.id,
    nameZh: entry.nameZh,
    nameEn: entry.nameEn,
    prefectureCode: entry.prefectureCode,
    prefectureZh: entry.prefectureZh,
    matchedOn: hit.matchedOn,
    highlight: hit.highlight,
  };
  if (entry.prefectureEn !== undefined) result.prefectureEn = entry.prefectureEn;
  if (entry.note !== undefined) result.note = entry.note;
  return result;
}
