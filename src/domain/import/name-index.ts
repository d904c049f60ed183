/**
 * What the name resolver (names.ts) looks names up in: per evaluation year, the units by code,
 * full name, short form, pinyin stem and former names (buildYearIndex); the areas whose names
 * can prefix a unit's (buildAreas); and the lookups over them, from the most to the least exact.
 */
import { areaName, isValidIn } from '../dataset/units';
import { counterparts } from '../lineage';
import { normalizePinyin } from '../pinyin';
import type { Unit, UnitCode } from '../types';
import { AREA_MEMBERS_EXTRA, NEW_AREAS_ZH, areaCodeOfName } from './areas-zh';
import { shortForms, stemOf } from './name-forms';
import type { MatchVia } from './types';

/**
 * Former names of units that changed before 2019, so units.csv has only their codes
 * (predecessor_codes): notices and older tables still use them.
 */
const FORMER_NAMES: Readonly<Record<string, UnitCode>> = {
  滦县: '130284', // became 滦州市 in 2018
  平泉县: '130881', // became 平泉市 in 2017
  冀州市: '131103', // became 冀州区 (衡水) in 2016
};

/** A prefix naming an area ("石家庄市", "石家庄", "渤海新区") and the area codes whose units it takes in. */
interface Prefix {
  key: string;
  members: ReadonlySet<string>;
}

export interface Areas {
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

export interface YearIndex {
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

export function buildYearIndex(units: readonly Unit[], year: number): YearIndex {
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

export function buildAreas(units: readonly Unit[]): Areas {
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
export interface Found {
  codes: UnitCode[];
  via: MatchVia;
}

/**
 * The first form of `name` that names something, restricted to units whose area is in `areas`
 * (null: anywhere). Current names before former ones, exact names before stems.
 */
export function lookup(index: YearIndex, name: string, areas: ReadonlySet<string> | null): Found | null {
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

export function lookupCode(index: YearIndex, code: string): Found | null {
  if (index.byCode.has(code)) return { codes: [code], via: 'code' };
  const codes = (index.formerByCode.get(code) ?? []).flatMap((f) => f.codes);
  return codes.length > 0 ? { codes, via: 'renamed' } : null;
}

export function intersect(a: ReadonlySet<string> | null, b: ReadonlySet<string>): Set<string> {
  return new Set(a === null ? b : [...a].filter((x) => b.has(x)));
}

/**
 * The readings of a name as area prefixes and a rest, one prefix then two (沧州市 + 渤海新区).
 * The caller takes the first reading whose rest names something, so 保定市定州市 is read as
 * 保定市 + 定州市 before 保定市 + 定州 + 市 is ever tried.
 */
export function prefixReadings(areas: Areas, name: string): { members: Set<string>; rest: string }[] {
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
export function areaSet(areas: Areas, hint: string | null | undefined): ReadonlySet<string> | null {
  if (typeof hint !== 'string' || hint === '') return null;
  const code = /^\d{6}$/.test(hint) ? hint : areaCodeOfName(hint);
  return code === null ? null : (areas.members.get(code) ?? null);
}
