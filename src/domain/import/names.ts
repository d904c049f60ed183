/**
 * Names in results notices and CSV files → units of data/units.csv, for one evaluation year.
 *
 * Notices write the same unit many ways: 鹿泉区, 鹿泉, 石家庄市鹿泉区, 石家庄鹿泉区, 130110; new
 * areas as prefixes (渤海新区黄骅市, 雄安新区雄县); former names (任县 after it became 任泽区).
 * Names also repeat (桥西区 in 石家庄 and 张家口, 新华区 in 石家庄 and 沧州). The resolver tries
 * the forms from the most to the least exact and stops at the first form that names anything:
 * one unit is a match, several are settled only by an area the input states (a prefix, the
 * areaHint of a heading, the areas of the rest of the list) and otherwise come back as
 * 'ambiguous' with every candidate. It never picks one of several by itself.
 *
 * Total: any string (markup, control characters, 10 000 characters) gives a Resolution.
 */
import { areaName, isValidIn } from '../dataset/units';
import { counterparts } from '../lineage';
import { normalizePinyin } from '../pinyin';
import { YEARS, type Unit, type UnitCode } from '../types';
import { AREA_MEMBERS_EXTRA, NEW_AREAS_ZH, areaCodeOfName } from './areas-zh';
import { IMPORT_LIMITS, type MatchVia, type Resolution } from './types';

export interface ResolveContext {
  /** An area (code, or name such as 石家庄市) the input puts the name under: a heading, a city column. */
  areaHint?: string | null;
  /** Area codes of the other names already resolved in the same list. */
  listAreas?: readonly string[];
}

export type NameResolver = (raw: string, year: number, context?: ResolveContext) => Resolution;

/** Type suffixes of unit names, longest first where one ends another (矿区 before 区). */
const SUFFIXES = ['满族蒙古族自治县', '满族自治县', '回族自治县', '自治县', '矿区', '县', '市', '区'];

/**
 * Former names of units that changed before 2019, so units.csv has only their codes
 * (predecessor_codes): notices and older tables still use them.
 */
const FORMER_NAMES: Readonly<Record<string, UnitCode>> = {
  滦县: '130284', // became 滦州市 in 2018
  平泉县: '130881', // became 平泉市 in 2017
  冀州市: '131103', // became 冀州区 (衡水) in 2016
};

/** Most suggestions for an unmatched name. */
const MAX_SUGGESTIONS = 5;
/** Names with a prefix are under 20 characters; longer keys are cut before edit distances. */
const MAX_SUGGEST_KEY = 24;

/**
 * The forms of a name without its type: 鹿泉区 → 鹿泉, 大厂回族自治县 → 大厂 and 大厂回族.
 * One-character stems (涉县 → 涉) are left out: notices always write those with their type,
 * and a lone character is far more often a fragment of something else.
 */
export function shortForms(nameZh: string): string[] {
  const forms = new Set<string>();
  const main = SUFFIXES.find((s) => nameZh.length > s.length && nameZh.endsWith(s));
  if (main !== undefined) forms.add(nameZh.slice(0, -main.length));
  if (nameZh.endsWith('自治县')) forms.add(nameZh.slice(0, -'自治县'.length));
  return [...forms].filter((f) => f.length >= 2 && f !== nameZh);
}

/**
 * A name as written, cut to size and cleaned: NFKC (full-width → ASCII), 〇 as 0, no spaces or
 * control characters, no marks around it (a closing bracket stays: it may hold an area).
 */
export function normalizeName(raw: string): string {
  return raw
    .slice(0, IMPORT_LIMITS.maxFieldChars)
    .normalize('NFKC')
    .replace(/〇/g, '0')
    .replace(/[\s\p{Cc}\p{Cf}]/gu, '')
    .replace(/^[\p{P}\p{S}]+/u, '')
    .replace(/[^\p{L}\p{N})\]】〕]+$/u, '');
}

/** The name and a trailing bracket's content: 桥西区（石家庄） → 桥西区, 石家庄. */
function splitBracket(text: string): { name: string; note: string | null } {
  const m = /^(.+?)[([【〔]([^()[\]【】〔〕]*)[)\]】〕]$/u.exec(text);
  return m ? { name: m[1] ?? text, note: m[2] ?? null } : { name: text, note: null };
}

/** A prefix naming an area ("石家庄市", "石家庄", "渤海新区") and the area codes whose units it takes in. */
interface Prefix {
  key: string;
  members: ReadonlySet<string>;
}

interface Areas {
  /** Longest first, so 石家庄市 is taken before 石家庄 and 沧州渤海新区 before 沧州. */
  prefixes: Prefix[];
  /** Area code → the area codes a heading or hint of it takes in (石家庄 → 石家庄, 辛集). */
  members: Map<string, ReadonlySet<string>>;
  /** Names of areas that are not units themselves (承德, 邢台市, 雄安新区): never a unit's short name. */
  areaOnly: Set<string>;
}

interface Former {
  unit: Unit;
  /** Its counterparts in the index year (任县 → 任泽区; 邢台县 → 信都区, 襄都区). */
  codes: UnitCode[];
}

interface YearIndex {
  current: Unit[];
  byCode: Map<UnitCode, Unit>;
  full: Map<string, Unit[]>;
  short: Map<string, Unit[]>;
  formerFull: Map<string, Former[]>;
  formerShort: Map<string, Former[]>;
  /** Codes of the index year valid under each former code (for codes of other years). */
  formerByCode: Map<UnitCode, Former[]>;
  pinyin: Map<UnitCode, string>;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** The year in which a unit of another year is compared with `year`: its nearest year. */
function ownYear(unit: Unit, year: number): number {
  return unit.validTo !== null && unit.validTo < year ? unit.validTo : unit.validFrom;
}

/** "Weichang Manchu and Mongol Autonomous County" → "weichang". */
function pinyinStem(nameEn: string): string {
  return normalizePinyin(
    nameEn.replace(/(?:\s+(?:Manchu|Mongol|Hui|and|Mining|Autonomous))*\s+(?:County|District|City)$/, ''),
  );
}

function buildYearIndex(units: readonly Unit[], year: number): YearIndex {
  const index: YearIndex = {
    current: [],
    byCode: new Map(),
    full: new Map(),
    short: new Map(),
    formerFull: new Map(),
    formerShort: new Map(),
    formerByCode: new Map(),
    pinyin: new Map(),
  };
  for (const unit of units) {
    if (isValidIn(unit, year)) {
      index.current.push(unit);
      index.byCode.set(unit.code, unit);
      push(index.full, unit.nameZh, unit);
      for (const form of shortForms(unit.nameZh)) push(index.short, form, unit);
      index.pinyin.set(unit.code, pinyinStem(unit.nameEn));
    } else {
      const codes = counterparts(units, unit.code, ownYear(unit, year), year).map((u) => u.code);
      const former: Former = { unit, codes };
      push(index.formerFull, unit.nameZh, former);
      for (const form of shortForms(unit.nameZh)) push(index.formerShort, form, former);
      push(index.formerByCode, unit.code, former);
    }
  }
  return index;
}

function buildAreas(units: readonly Unit[]): Areas {
  const prefixes: Prefix[] = [];
  const members = new Map<string, ReadonlySet<string>>();
  const areaOnly = new Set<string>();
  const unitCodes = new Set(units.map((u) => u.code));
  for (const u of units) {
    if (members.has(u.prefectureCode)) continue;
    const set = new Set([u.prefectureCode, ...(AREA_MEMBERS_EXTRA[u.prefectureCode] ?? [])]);
    members.set(u.prefectureCode, set);
    for (const key of new Set([u.prefectureZh, areaName(u.prefectureZh)])) {
      if (key.length < 2) continue;
      prefixes.push({ key, members: set });
      if (!unitCodes.has(u.prefectureCode)) areaOnly.add(key);
    }
  }
  for (const [key, code] of Object.entries(NEW_AREAS_ZH)) {
    if (!members.has(code)) continue;
    prefixes.push({ key, members: new Set([code]) });
    areaOnly.add(key);
  }
  prefixes.sort((a, b) => b.key.length - a.key.length);
  return { prefixes, members, areaOnly };
}

/** What a form of the name points at: units of the year, with how they were reached. */
interface Found {
  codes: UnitCode[];
  via: MatchVia;
}

function stemOf(name: string): string | null {
  const suffix = SUFFIXES.find((s) => name.length > s.length && name.endsWith(s));
  const stem = suffix === undefined ? null : name.slice(0, -suffix.length);
  return stem !== null && stem.length >= 2 ? stem : null;
}

/**
 * The first form of `name` that names something, restricted to units whose area is in `areas`
 * (null: anywhere). Current names before former ones, exact names before stems.
 */
function lookup(index: YearIndex, name: string, areas: ReadonlySet<string> | null): Found | null {
  const inArea = (u: Unit) => areas === null || areas.has(u.prefectureCode);
  const currentBy = (map: Map<string, Unit[]>, key: string | null, via: MatchVia): Found | null => {
    const hits = key === null ? [] : (map.get(key) ?? []).filter(inArea);
    return hits.length > 0 ? { codes: hits.map((u) => u.code), via } : null;
  };
  const formerBy = (map: Map<string, Former[]>, key: string | null): Found | null => {
    const hits = key === null ? [] : (map.get(key) ?? []).filter((f) => inArea(f.unit));
    const codes = hits.flatMap((f) => f.codes);
    // A former name with no counterpart this year (none in data/units.csv) names nothing.
    return codes.length > 0 ? { codes, via: 'renamed' } : null;
  };
  const alias = Object.hasOwn(FORMER_NAMES, name) ? FORMER_NAMES[name] : undefined;
  const aliasUnit = alias === undefined ? undefined : index.byCode.get(alias);
  const stem = stemOf(name);
  return (
    currentBy(index.full, name, 'name') ??
    currentBy(index.short, name, 'short') ??
    formerBy(index.formerFull, name) ??
    (aliasUnit && inArea(aliasUnit) ? { codes: [aliasUnit.code], via: 'renamed' as const } : null) ??
    // Another type than the unit's own (冀州市 for 冀州区, 大厂县): the stem must still be unique.
    currentBy(index.short, stem, 'short') ??
    formerBy(index.formerShort, name) ??
    formerBy(index.formerShort, stem)
  );
}

function lookupCode(index: YearIndex, code: string): Found | null {
  if (index.byCode.has(code)) return { codes: [code], via: 'code' };
  const codes = (index.formerByCode.get(code) ?? []).flatMap((f) => f.codes);
  return codes.length > 0 ? { codes, via: 'renamed' } : null;
}

function intersect(a: ReadonlySet<string> | null, b: ReadonlySet<string>): Set<string> {
  return new Set(a === null ? b : [...a].filter((x) => b.has(x)));
}

/**
 * The readings of a name as area prefixes and a rest, one prefix then two (沧州市 + 渤海新区).
 * The caller takes the first reading whose rest names something, so 保定市定州市 is read as
 * 保定市 + 定州市 before 保定市 + 定州 + 市 is ever tried.
 */
function prefixReadings(areas: Areas, name: string): { members: Set<string>; rest: string }[] {
  const readings: { members: Set<string>; rest: string }[] = [];
  let rest = name;
  let members: Set<string> | null = null;
  for (let round = 0; round < 2; round++) {
    const hit = areas.prefixes.find(({ key }) => rest.startsWith(key) && rest.length > key.length);
    if (!hit) break;
    rest = rest.slice(hit.key.length);
    members = intersect(members, hit.members);
    readings.push({ members, rest });
  }
  return readings;
}

/** The area codes a hint (an area code or name) takes in, or null when it names no area. */
function areaSet(areas: Areas, hint: string | null | undefined): ReadonlySet<string> | null {
  if (typeof hint !== 'string' || hint === '') return null;
  const code = /^\d{6}$/.test(hint) ? hint : areaCodeOfName(hint);
  return code === null ? null : (areas.members.get(code) ?? null);
}

/** Levenshtein distance over code points (names are a few characters; keys are cut to size). */
function editDistance(a: readonly string[], b: readonly string[]): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      row.push(Math.min((prev[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost));
    }
    prev = row;
  }
  return prev[b.length] ?? 0;
}

const TYPE_CHARS = new Set(['县', '市', '区']);

/**
 * Units of the year that look like `key`: Chinese names sharing a character other than a type
 * character, or names whose pinyin is close, nearest first. Only ever offered to the user.
 */
function suggest(index: YearIndex, key: string, areas: ReadonlySet<string> | null): UnitCode[] {
  const chars = [...key].slice(0, MAX_SUGGEST_KEY);
  const own = new Set(chars.filter((c) => /\p{Script=Han}/u.test(c) && !TYPE_CHARS.has(c)));
  const pinyin = normalizePinyin(chars.join(''));
  const scored: { code: UnitCode; distance: number; shared: number }[] = [];
  for (const unit of index.current) {
    if (areas !== null && !areas.has(unit.prefectureCode)) continue;
    const shared = [...new Set(unit.nameZh)].filter((c) => own.has(c)).length;
    const stem = index.pinyin.get(unit.code) ?? '';
    let distance = Number.POSITIVE_INFINITY;
    if (shared > 0) {
      for (const form of [unit.nameZh, ...shortForms(unit.nameZh)]) {
        distance = Math.min(distance, editDistance(chars, [...form]));
      }
    } else if (own.size === 0 && pinyin.length >= 3 && stem.length > 0) {
      const d = editDistance([...pinyin.slice(0, MAX_SUGGEST_KEY)], [...stem]);
      if (d <= 2 || stem.startsWith(pinyin) || pinyin.startsWith(stem)) distance = d;
    }
    if (Number.isFinite(distance)) scored.push({ code: unit.code, distance, shared });
  }
  return scored
    .sort((a, b) => a.distance - b.distance || b.shared - a.shared || (a.code < b.code ? -1 : 1))
    .slice(0, MAX_SUGGESTIONS)
    .map((s) => s.code);
}

/**
 * A resolver over `units`, for any evaluation year (indexes are built once per year on first use).
 * Several candidates are narrowed by the context (areaHint first, then listAreas) only when that
 * leaves exactly one; a hint never overrides a name that is unique by itself (notices list 辛集
 * under 石家庄).
 */
export function createNameResolver(units: readonly Unit[]): NameResolver {
  const years = new Map<number, YearIndex>();
  const areas = buildAreas(units);
  const indexFor = (year: number): YearIndex => {
    let index = years.get(year);
    if (!index) {
      index = buildYearIndex(units, year);
      years.set(year, index);
    }
    return index;
  };

  return (raw, year, context) => {
    if (typeof raw !== 'string' || !(YEARS as readonly number[]).includes(year)) {
      return { kind: 'unmatched', suggestions: [] };
    }
    const index = indexFor(year);
    const text = normalizeName(raw).replace(/^河北省?(?=.)/, '');
    const { name: bracketless, note } = splitBracket(text);
    const name = bracketless.replace(/[\p{P}\p{S}]/gu, '');
    // A bracket naming an area (桥西区（石家庄）) is a prefix written after the name.
    const noteArea = note === null ? null : areaSet(areas, note.replace(/[\p{P}\p{S}]/gu, ''));
    if (name === '') return { kind: 'unmatched', suggestions: [] };
    // A city (承德市, 邢台) is not one of its units, even where a unit's stem is the same (承德县).
    if (areas.areaOnly.has(name)) return { kind: 'unmatched', suggestions: suggest(index, name, null) };

    let found: Found | null;
    let restricted: ReadonlySet<string> | null = noteArea;
    let key = name;
    if (/^\d{6}$/.test(name)) {
      found = lookupCode(index, name);
    } else {
      found = lookup(index, name, noteArea);
      if (found === null) {
        for (const reading of prefixReadings(areas, name)) {
          restricted = noteArea === null ? reading.members : intersect(noteArea, reading.members);
          key = reading.rest;
          found = lookup(index, reading.rest, restricted);
          if (found !== null) {
            if (found.via !== 'renamed') found = { ...found, via: 'prefixed' };
            break;
          }
        }
      } else if (noteArea !== null && found.via !== 'renamed') found = { ...found, via: 'prefixed' };
    }
    if (found === null) {
      // Under a prefix, the city's near names first; then the name wherever it is, in case the
      // prefix is the wrong city (邢台市鹿泉区).
      const near = suggest(index, key, restricted);
      const anywhere = restricted === null ? [] : suggest(index, key, null).filter((c) => !near.includes(c));
      return { kind: 'unmatched', suggestions: [...near, ...anywhere].slice(0, MAX_SUGGESTIONS) };
    }

    const candidates = [...new Set(found.codes)].sort();
    if (candidates.length === 1) return { kind: 'matched', code: candidates[0] ?? '', via: found.via };
    const areaOf = (code: UnitCode) => index.byCode.get(code)?.prefectureCode ?? '';
    const hint = areaSet(areas, context?.areaHint);
    const listAreas = Array.isArray(context?.listAreas) ? new Set(context.listAreas) : null;
    for (const allowed of [hint, listAreas]) {
      if (allowed === null) continue;
      const left = candidates.filter((c) => allowed.has(areaOf(c)));
      if (left.length === 1) return { kind: 'matched', code: left[0] ?? '', via: 'context' };
    }
    return { kind: 'ambiguous', candidates };
  };
}
