/**
 * Core domain types, their constants and a few lookups on them (vintageOf, unitCountIn,
 * compareCodes, officialTotal). Pure: no React, no MapLibre, no DOM.
 * Units are keyed by their 6-digit administrative code; a code can name different units in
 * different years (130502 is 桥东区 up to 2020 and 襄都区 from 2021), so a unit is a code
 * plus a span of evaluation years.
 */

export const TIERS = ['A', 'B', 'C'] as const;
export type Tier = (typeof TIERS)[number];

/** Evaluation years the explorer covers. An evaluation is named by its year. */
export const YEARS = [2019, 2020, 2021, 2022, 2023] as const;
export type Year = (typeof YEARS)[number];
export const FIRST_YEAR: Year = 2019;
export const LAST_YEAR: Year = 2023;

/** The two unit vintages: 168 units in the 2019–2020 evaluations, 167 from 2021. */
export type Vintage = 2019 | 2021;
export function vintageOf(year: number): Vintage {
  return year <= 2020 ? 2019 : 2021;
}
export function unitCountIn(year: number): number {
  return year <= 2020 ? 168 : 167;
}

export type UnitCode = string;

/**
 * The order of unit and area codes. They are ASCII digits, so they are compared as strings, not
 * with localeCompare: its first call loads the ICU collator, ~15–20 ms of a cold load on this
 * machine (CPU profiles, docs/performance.md).
 */
export const compareCodes = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
export type Basis = 'stated' | 'derived';
export type Confidence = 'high' | 'medium' | 'low';

export interface Unit {
  code: UnitCode;
  nameZh: string;
  nameEn: string;
  /** The area the unit belongs to: one of 11 prefecture-level cities, or 定州/辛集 themselves. */
  prefectureCode: string;
  prefectureZh: string;
  validFrom: number;
  /** Last evaluation year the unit existed in; null while it still exists. */
  validTo: number | null;
  predecessorCodes: UnitCode[];
  boundaryNote: string;
  /** The boundary note in Chinese (data/units.csv boundary_note_zh); empty exactly when boundaryNote is. */
  boundaryNoteZh: string;
}

export interface Source {
  sourceId: string;
  title: string;
  publisher: string;
  date: string;
  url: string;
  language: string;
  note: string;
  /** The note in Chinese (the note_zh column); empty exactly when note is. */
  noteZh: string;
}

/** A unit's tier in one evaluation, as stated by a source or derived from stated facts. */
export interface TierFact {
  code: UnitCode;
  year: number;
  tier: Tier;
  rank: number | null;
  rankOf: number | null;
  basis: Basis;
  confidence: Confidence;
  sourceIds: string[];
  note: string;
  /** The note in Chinese (the note_zh column); empty exactly when note is. */
  noteZh: string;
  /** Set on facts the user imported in this browser (or received in a link), never on data/ rows. */
  imported?: boolean;
}

/**
 * A statement about a move between tiers: from `fromTier` after `yearFrom` to `toTier` no
 * later than `yearTo` (see data/README.md). Either tier may be unknown (null).
 */
export interface TierRange {
  code: UnitCode;
  fromTier: Tier | null;
  toTier: Tier | null;
  yearFrom: number;
  yearTo: number;
  sourceIds: string[];
  note: string;
  /** The note in Chinese (the note_zh column). */
  noteZh: string;
}

/** Official counts for a year and a scope: the province, or an area (prefecture code). */
export interface Total {
  year: number;
  scope: 'province' | string;
  units: number | null;
  counts: Record<Tier, number | null>;
  minimums: Record<Tier, number | null>;
  avgScore: number | null;
  tierChanges: number | null;
  basis: Basis;
  confidence: Confidence;
  sourceIds: string[];
  note: string;
  /** The note in Chinese (the note_zh column). */
  noteZh: string;
}

/** Another figure: rewards, rank changes, counts of movers, enterprise counts. */
export interface Indicator {
  /** 'province', an area (prefecture code) or a unit. */
  scope: 'province' | 'prefecture' | 'unit';
  /** Empty for the province. */
  code: string;
  year: number;
  indicator: string;
  value: number;
  unit: string;
  sourceIds: string[];
  note: string;
  /** The note in Chinese (the note_zh column). */
  noteZh: string;
}

export interface Dataset {
  units: Unit[];
  sources: Source[];
  tiers: TierFact[];
  ranges: TierRange[];
  totals: Total[];
  indicators: Indicator[];
}

/**
 * The official counts of a scope (the province, or an area's prefecture code) in a year: the
 * first totals row for them, or null without one.
 */
export function officialTotal(totals: readonly Total[], year: number, scope: string = 'province'): Total | null {
  return totals.find((t) => t.year === year && t.scope === scope) ?? null;
}
