/**
 * Rows of the province and prefecture summaries: what is known per year (and per area) beside
 * the official totals. Built on coverage() and areaCoverage(), so the summaries count exactly
 * what `npm run data:check` prints. Official values are only those totals.csv states: an exact
 * count, a lower bound, or nothing; a missing value is never filled in.
 */
import { AREA_NAMES_EN } from './areas';
import { areaCoverage, coverage } from './dataset/index.ts';
import type { Lang } from './lang';
import { TIERS, compareCodes, type Dataset, type Tier, type Total } from './types';

/** One official tier count: exact, a lower bound ("A ≥ 24"), or not given. */
export type OfficialCount = { kind: 'exact'; n: number } | { kind: 'min'; n: number } | null;

/** "7", "≥24" or "?" (not stated): the official side of "known / official". */
export function officialFigure(count: OfficialCount): string {
  if (count === null) return '?';
  return count.kind === 'exact' ? String(count.n) : `≥${count.n}`;
}

export interface OfficialSummary {
  tiers: Record<Tier, OfficialCount>;
  avgScore: number | null;
  /** Any value of the row was worked out from stated facts (totals.csv basis = derived). */
  derived: boolean;
  note: string;
  /** The note in Chinese (totals.csv note_zh). */
  noteZh: string;
  sourceIds: string[];
}

/** The official values of a totals row, or null without a row. */
export function officialSummary(total: Total | null): OfficialSummary | null {
  if (!total) return null;
  const count = (tier: Tier): OfficialCount => {
    const exact = total.counts[tier];
    if (exact !== null) return { kind: 'exact', n: exact };
    const min = total.minimums[tier];
    return min !== null ? { kind: 'min', n: min } : null;
  };
  return {
    tiers: { A: count('A'), B: count('B'), C: count('C') },
    avgScore: total.avgScore,
    derived: total.basis === 'derived',
    note: total.note,
    noteZh: total.noteZh,
    sourceIds: total.sourceIds,
  };
}

/** Whether a totals row gives any tier count or bound (a row may carry only an average). */
export function hasOfficialCounts(official: OfficialSummary | null): boolean {
  return official !== null && TIERS.some((t) => official.tiers[t] !== null);
}

export type SegmentKey = Tier | 'range' | 'unknown';

/** A piece of a stacked bar; `start` and `share` are fractions of the units (0–1). */
export interface Segment {
  key: SegmentKey;
  count: number;
  start: number;
  share: number;
}

/** A piece of the official bar; `open` marks a lower bound (the true count may be larger). */
export interface OfficialSegment {
  tier: Tier;
  count: number;
  start: number;
  share: number;
  open: boolean;
}

/** A scope's units in a year, by how their tier is known. */
interface KnownCounts {
  units: number;
  known: number;
  stated: number;
  derived: number;
  knownByTier: Record<Tier, number>;
  rangeOnly: number;
  unknown: number;
}

export interface ProvinceYearRow extends KnownCounts {
  year: number;
  official: OfficialSummary | null;
  /** Known A, B, C, then range-only and unknown: together exactly the year's units. */
  segments: Segment[];
  /** Official counts in tier order, as far as they are given (nothing after a missing tier). */
  officialSegments: OfficialSegment[];
}

function stack<K extends string>(units: number, parts: readonly (readonly [K, number])[]) {
  let at = 0;
  return parts.map(([key, count]) => {
    const piece = { key, count, start: units > 0 ? at / units : 0, share: units > 0 ? count / units : 0 };
    at += count;
    return piece;
  });
}

/**
 * The official bar: exact counts and bounds laid end to end in tier order. It stops at the
 * first tier with no value and after a bound, since nothing fixes where later tiers begin.
 */
export function officialSegments(official: OfficialSummary | null, units: number): OfficialSegment[] {
  const out: OfficialSegment[] = [];
  if (!official || units <= 0) return out;
  let at = 0;
  for (const tier of TIERS) {
    const value = official.tiers[tier];
    if (value === null) break;
    out.push({ tier, count: value.n, start: at / units, share: value.n / units, open: value.kind === 'min' });
    at += value.n;
    if (value.kind === 'min') break;
  }
  return out;
}

export function provinceRows(d: Dataset): ProvinceYearRow[] {
  return coverage(d).map((c) => {
    const official = officialSummary(c.official);
    const segments = stack<SegmentKey>(c.units, [
      ['A', c.knownByTier.A],
      ['B', c.knownByTier.B],
      ['C', c.knownByTier.C],
      ['range', c.rangeOnly],
      ['unknown', c.unknown],
    ]);
    return {
      year: c.year,
      units: c.units,
      known: c.known,
      stated: c.stated,
      derived: c.derived,
      knownByTier: { ...c.knownByTier },
      rangeOnly: c.rangeOnly,
      unknown: c.unknown,
      official,
      segments,
      officialSegments: officialSegments(official, c.units),
    };
  });
}

export interface AreaRow extends KnownCounts {
  areaCode: string;
  nameZh: string;
  nameEn: string;
  /** Every unit of the area has a tier row this year. */
  complete: boolean;
  official: OfficialSummary | null;
}

/** 定州 and 辛集: directly administered, listed after the 11 cities as official notices do. */
const DIRECT_AREAS = ['130682', '130181'];

function areaOrder(code: string): number {
  const i = DIRECT_AREAS.indexOf(code);
  return i < 0 ? 0 : i + 1;
}

/** The 13 areas in a year: the 11 cities in code order, then 定州 and 辛集. */
export function prefectureRows(d: Dataset, year: number): AreaRow[] {
  return areaCoverage(d, year)
    .map((a) => ({
      areaCode: a.areaCode,
      nameZh: a.areaName,
      nameEn: AREA_NAMES_EN[a.areaCode] ?? a.areaName,
      units: a.units,
      known: a.known,
      stated: a.stated,
      derived: a.derived,
      knownByTier: { ...a.knownByTier },
      rangeOnly: a.rangeOnly,
      unknown: a.unknown,
      complete: a.complete,
      official: officialSummary(a.total),
    }))
    .sort((a, b) => areaOrder(a.areaCode) - areaOrder(b.areaCode) || compareCodes(a.areaCode, b.areaCode));
}

/** An area's name in the UI language ('石家庄' or 'Shijiazhuang'); the code if unknown. */
export function areaLabel(d: Pick<Dataset, 'units'>, areaCode: string, lang: Lang): string {
  if (lang === 'en' && Object.hasOwn(AREA_NAMES_EN, areaCode)) return AREA_NAMES_EN[areaCode] ?? areaCode;
  const unit = d.units.find((u) => u.prefectureCode === areaCode);
  if (!unit) return areaCode;
  return unit.prefectureZh.endsWith('市') ? unit.prefectureZh.slice(0, -1) : unit.prefectureZh;
}

/** Number of units of an area in a year (units.csv). */
export function areaUnitCount(d: Pick<Dataset, 'units'>, areaCode: string, year: number): number {
  return d.units.filter(
    (u) => u.prefectureCode === areaCode && u.validFrom <= year && (u.validTo === null || u.validTo >= year),
  ).length;
}

/**
 * "A 10 · B 11 · C 0", "A ≥ 4", "A 0 · B ≥ 1 · C ≥ 1": the tiers a row gives, in order, with
 * their bounds; an empty string when it gives none. Language-neutral (tier letters and numbers).
 */
export function formatOfficialCounts(official: OfficialSummary | null): string {
  if (!official) return '';
  return TIERS.flatMap((t) => {
    const v = official.tiers[t];
    if (v === null) return [];
    return [v.kind === 'exact' ? `${t} ${v.n}` : `${t} ≥ ${v.n}`];
  }).join(' · ');
}

/**
 * Known next to official, per tier: "A 50/66 · B 16/73 · C 0/28"; a lower bound reads "2/≥24", a
 * tier no source counts "6/?". So no known count stands without what it is out of.
 */
export function formatKnownOfOfficial(known: Record<Tier, number>, official: OfficialSummary | null): string {
  return TIERS.map((t) => {
    const v = official?.tiers[t] ?? null;
    const of = v === null ? '?' : v.kind === 'exact' ? String(v.n) : `≥${v.n}`;
    return `${t} ${known[t]}/${of}`;
  }).join(' · ');
}
