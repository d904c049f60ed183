/**
 * SYNTHETIC BENCHMARK INPUT — NOT DATA. Seeded random tiers for the all-China scale scenario
 * (issue 6), written in the data/ formats only so the unchanged app can load them. Nothing here
 * is a real tier, rank or count; these files live in bench/scale/ (gitignored) and must never be
 * copied to data/ or shown as facts. The one source row says so too, in every tier's source.
 *
 * The mix is chosen to load the app at least as hard as Hebei's real data per unit: most units
 * have a tier each year (stated or derived), some are bounded only by a range statement, the
 * rest are unknown; totals exist for the country and for every area, so summaries have work.
 */
import { pinyin } from 'pinyin-pro';
import { exportDataset, type DatasetFiles } from '../../src/domain/export-csv.ts';
import {
  YEARS,
  type Dataset,
  type Tier,
  type TierFact,
  type TierRange,
  type Total,
  type Unit,
} from '../../src/domain/types.ts';
import type { ChinaCounty } from './china-sources.ts';

export const SEED = 20240601;
const SOURCE = 'D900';
const NOTE = 'Synthetic benchmark input (seeded random), not a real tier.';
const NOTE_ZH = '基准测试的合成输入（随机种子生成），并非真实分类。';

/** mulberry32: a small seeded generator, so the same seed always gives the same files. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SUFFIXES: [string, string][] = [
  ['自治县', 'Autonomous County'],
  ['自治旗', 'Autonomous Banner'],
  ['林区', 'Forestry District'],
  ['特区', 'Special District'],
  ['区', 'District'],
  ['县', 'County'],
  ['市', 'City'],
  ['旗', 'Banner'],
];

/** An English name in the style of data/units.csv ("Jingxiu District"), from pinyin. */
export function englishName(nameZh: string): string {
  const [suffixZh, suffixEn] = SUFFIXES.find(([zh]) => nameZh.endsWith(zh) && nameZh.length > zh.length) ?? ['', ''];
  const stem = nameZh.slice(0, nameZh.length - suffixZh.length);
  const syllables = pinyin(stem, { toneType: 'none', type: 'array', nonZh: 'consecutive' });
  const word = syllables.join('').replace(/ü/g, 'u');
  return `${word.charAt(0).toUpperCase()}${word.slice(1)}${suffixEn ? ` ${suffixEn}` : ''}`;
}

function pick<T>(random: () => number, weighted: readonly [T, number][]): T {
  let r = random() * weighted.reduce((sum, [, w]) => sum + w, 0);
  for (const [value, w] of weighted) {
    r -= w;
    if (r < 0) return value;
  }
  return weighted[weighted.length - 1]?.[0] as T;
}

const up = (t: Tier): Tier => (t === 'C' ? 'B' : 'A');
const down = (t: Tier): Tier => (t === 'A' ? 'B' : 'C');

export function syntheticDataset(counties: readonly ChinaCounty[], seed = SEED): Dataset {
  const random = seededRandom(seed);
  const units: Unit[] = counties.map((c) => ({
    code: c.code,
    nameZh: c.name,
    nameEn: englishName(c.name),
    prefectureCode: c.areaCode,
    prefectureZh: c.areaName,
    validFrom: 2019,
    validTo: null,
    predecessorCodes: [],
    boundaryNote: c.syntheticCode ? 'Synthetic code (benchmark input): the package gives this unit no id.' : '',
    boundaryNoteZh: c.syntheticCode ? '合成代码（基准测试输入）：数据包未给此单位代码。' : '',
  }));

  // A "true" tier per unit and year (a random walk), then what a source would have said of it.
  const tiers: TierFact[] = [];
  const ranges: TierRange[] = [];
  const truth = new Map<string, Map<number, Tier>>();
  for (const unit of units) {
    let tier = pick<Tier>(random, [
      ['A', 10],
      ['B', 30],
      ['C', 60],
    ]);
    const byYear = new Map<number, Tier>();
    for (const year of YEARS) {
      const r = random();
      if (year > 2019) tier = r < 0.12 ? up(tier) : r > 0.95 ? down(tier) : tier;
      byYear.set(year, tier);
      const told = pick(random, [
        ['stated', 60],
        ['derived', 15],
        ['unknown', 25],
      ] as const);
      if (told === 'unknown') continue;
      tiers.push({
        code: unit.code,
        year,
        tier,
        rank: null,
        rankOf: null,
        basis: told,
        confidence: told === 'stated' ? 'high' : 'medium',
        sourceIds: [SOURCE],
        note: NOTE,
        noteZh: NOTE_ZH,
      });
    }
    truth.set(unit.code, byYear);
    // Some units get a range over the whole period, which bounds the years no row states.
    if (random() < 0.05) {
      ranges.push({
        code: unit.code,
        fromTier: byYear.get(2019) ?? null,
        toTier: byYear.get(2023) ?? null,
        yearFrom: 2018,
        yearTo: 2023,
        sourceIds: [SOURCE],
        note: NOTE,
        noteZh: NOTE_ZH,
      });
    }
  }

  const count = (codes: readonly string[], year: number) => {
    const counts: Record<Tier, number> = { A: 0, B: 0, C: 0 };
    for (const code of codes) {
      const t = truth.get(code)?.get(year);
      if (t) counts[t] += 1;
    }
    return counts;
  };
  const total = (year: number, scope: string, codes: readonly string[]): Total => ({
    year,
    scope,
    units: codes.length,
    counts: count(codes, year),
    minimums: { A: null, B: null, C: null },
    avgScore: null,
    tierChanges: null,
    basis: 'stated',
    confidence: 'high',
    sourceIds: [SOURCE],
    note: NOTE,
    noteZh: NOTE_ZH,
  });
  const byArea = new Map<string, string[]>();
  for (const u of units) byArea.set(u.prefectureCode, [...(byArea.get(u.prefectureCode) ?? []), u.code]);
  const totals: Total[] = YEARS.flatMap((year) => [
    total(
      year,
      'province',
      units.map((u) => u.code),
    ),
    ...[...byArea].map(([area, codes]) => total(year, area, codes)),
  ]);

  return {
    units,
    sources: [
      {
        sourceId: SOURCE,
        title: 'Synthetic benchmark input: seeded random tiers for all of China (not real data)',
        publisher: '',
        date: '',
        url: '',
        language: 'en',
        note:
          'Document without a web address. Generated by scripts/scale/synthetic-data.ts for the scale ' +
          'benchmark (npm run bench); no tier, count or code in these files is real.',
        noteZh: '无网址的文件。由脚本 synthetic-data.ts 为规模基准测试生成；这些文件中的分类、数量和代码均非真实。',
      },
    ],
    tiers,
    ranges,
    totals,
    indicators: [],
  };
}

/** The dataset as the six files of data/, in their formats (the app's own serializer). */
export function syntheticFiles(counties: readonly ChinaCounty[], seed = SEED): DatasetFiles {
  return exportDataset(syntheticDataset(counties, seed));
}
