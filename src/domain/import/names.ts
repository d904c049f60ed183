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
 * The name's forms are in name-forms.ts, the indexes and lookups in name-index.ts, the
 * suggestions for an unmatched name in name-suggest.ts.
 */
import { isYear } from '../timeline';
import type { Unit, UnitCode } from '../types';
import { normalizeName, splitBracket } from './name-forms';
import {
  areaSet,
  buildAreas,
  buildYearIndex,
  intersect,
  lookup,
  lookupCode,
  prefixReadings,
  type Found,
  type YearIndex,
} from './name-index';
import { MAX_SUGGESTIONS, suggest } from './name-suggest';
import type { Resolution } from './types';

export interface ResolveContext {
  /** An area (code, or name such as 石家庄市) the input puts the name under: a heading, a city column. */
  areaHint?: string | null;
  /** Area codes of the other names already resolved in the same list. */
  listAreas?: readonly string[];
}

export type NameResolver = (raw: string, year: number, context?: ResolveContext) => Resolution;

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
    if (typeof raw !== 'string' || !isYear(year)) {
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
