/**
 * npm run data:check [-- <data dir>]
 *
 * Loads data/*.csv with the same parsers the app uses, validates the dataset, and prints the
 * coverage per evaluation year, the coverage per area for 2023, and every problem found.
 * Exit status 1 on any parse error or violation.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { TIERS, type Tier, type Total } from '../src/domain/types.ts';
import {
  TABLE_NAMES,
  areaCoverage,
  coverage,
  fileOf,
  formatOfficial,
  formatParseError,
  formatViolation,
  parseDataset,
  validateDataset,
  type AreaCoverage,
  type DatasetTexts,
  type YearCoverage,
} from '../src/domain/dataset/index.ts';

const AREA_YEAR = 2023;

const dir = process.argv[2] ?? resolve(fileURLToPath(new URL('.', import.meta.url)), '..', 'data');

function readTexts(): DatasetTexts {
  const entries = TABLE_NAMES.map((t) => [t, readFileSync(join(dir, fileOf(t)), 'utf8')] as const);
  return Object.fromEntries(entries) as DatasetTexts;
}

/** Terminal width of text: CJK characters take two columns, so names line up. */
function width(text: string): number {
  let w = 0;
  for (const ch of text)
    w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u.test(ch)
      ? 2
      : 1;
  return w;
}

function pad(text: string, to: number, left: boolean): string {
  const fill = ' '.repeat(Math.max(0, to - width(text)));
  return left ? text + fill : fill + text;
}

/** Right-aligned columns under a header; the first column left-aligned. */
function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(width(h), ...rows.map((r) => width(r[i] ?? ''))));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => pad(c, widths[i] ?? 0, i === 0))
      .join('  ')
      .trimEnd();
  return [line(header), ...rows.map(line)].join('\n');
}

function yearRow(c: YearCoverage): string[] {
  const official = formatOfficial(c.official) + (c.official?.basis === 'derived' ? ' (derived)' : '');
  return [
    String(c.year),
    String(c.units),
    official,
    String(c.known),
    String(c.stated),
    String(c.derived),
    TIERS.map((t) => c.knownByTier[t]).join('/'),
    `${c.byConfidence.high}/${c.byConfidence.medium}/${c.byConfidence.low}`,
    String(c.rangeOnly),
    String(c.unknown),
  ];
}

function areaRow(c: AreaCoverage): string[] {
  const cell = (total: Total, t: Tier): string => {
    const exact = total.counts[t];
    const min = total.minimums[t];
    return exact !== null ? String(exact) : min !== null ? `≥${min}` : '?';
  };
  const { total } = c;
  const totals = total ? TIERS.map((t) => cell(total, t)).join('/') : '–';
  return [
    `${c.areaName} ${c.areaCode}`,
    String(c.units),
    totals,
    String(c.known),
    String(c.stated),
    String(c.derived),
    TIERS.map((t) => c.knownByTier[t]).join('/'),
    String(c.rangeOnly),
    String(c.unknown),
    c.complete ? 'yes' : '',
  ];
}

const parsed = parseDataset(readTexts());
if (!parsed.ok) {
  for (const e of parsed.errors) console.error(`PARSE ERROR ${formatParseError(e)}`);
  console.error(`${parsed.errors.length} parse error(s) in ${dir}.`);
  process.exit(1);
}
const d = parsed.dataset;

console.log('Coverage per evaluation year (units with a tier row in tiers.csv)');
console.log(
  table(
    [
      'year',
      'units',
      'official A/B/C',
      'known',
      'stated',
      'derived',
      'known A/B/C',
      'high/med/low',
      'range only',
      'unknown',
    ],
    coverage(d).map(yearRow),
  ),
);
console.log(`\nCoverage per area, ${AREA_YEAR} (totals: exact count, ≥ minimum, ? not known; – no totals row)`);
console.log(
  table(
    ['area', 'units', 'totals A/B/C', 'known', 'stated', 'derived', 'known A/B/C', 'range only', 'unknown', 'complete'],
    areaCoverage(d, AREA_YEAR).map(areaRow),
  ),
);
console.log(
  `\nRows: units ${d.units.length}, sources ${d.sources.length}, tiers ${d.tiers.length}, ` +
    `tier_ranges ${d.ranges.length}, totals ${d.totals.length}, indicators ${d.indicators.length}`,
);

const violations = validateDataset(d);
if (violations.length > 0) {
  console.error('');
  for (const v of violations) console.error(`VIOLATION ${formatViolation(v)}`);
  console.error(`${violations.length} violation(s).`);
  process.exit(1);
}
console.log('All checks OK.');
