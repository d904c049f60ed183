/**
 * Times the app's own per-year computations (pure functions of src/domain and src/map, in
 * Node, no browser or GPU) on Hebei's data and on the all-China scale input (SYNTHETIC tiers,
 * benchmark input only), to show which of them grow faster than the number of units.
 *
 *   npx tsx scripts/scale/domain-timings.ts        # after bench/scale/ is built (npm run bench)
 *
 * Each figure is the median of several runs of what one year step (2023 → 2022) or one load
 * computes; "×" is China's time over Hebei's. Linear work grows like the units (×17);
 * work that grows like their square shows ×100 and more.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Topology } from 'topojson-specification';
import { parseDataset } from '../../src/domain/dataset/parse.ts';
import type { TableName } from '../../src/domain/dataset/fields.ts';
import { TABLE_NAMES } from '../../src/domain/dataset/fields.ts';
import { geometryFromTopology } from '../../src/domain/geometry.ts';
import { changeDrawStates, tierDrawStates } from '../../src/domain/map-keys.ts';
import { prefectureRows } from '../../src/domain/summary-rows.ts';
import { transitions } from '../../src/domain/transitions.ts';
import type { Dataset } from '../../src/domain/types.ts';
import { indexStates, statesForYear } from '../../src/domain/unit-state.ts';
import { yearChange } from '../../src/domain/year-change.ts';
import { labelFeatures } from '../../src/map/label-features.ts';
import { SCALE_DIR } from './build-china.ts';

function load(dir: string, topologyPath: string): { dataset: Dataset; topology: Topology } {
  const texts = Object.fromEntries(TABLE_NAMES.map((t) => [t, readFileSync(join(dir, `${t}.csv`), 'utf8')]));
  const parsed = parseDataset(texts as Record<TableName, string>);
  if (!parsed.ok) throw new Error(`${dir}: ${parsed.errors.length} parse errors`);
  return { dataset: parsed.dataset, topology: JSON.parse(readFileSync(topologyPath, 'utf8')) as Topology };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
function time(run: () => unknown, runs = 5): number {
  const ms: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const start = performance.now();
    run();
    ms.push(performance.now() - start);
  }
  return median(ms);
}

function timings({ dataset, topology }: { dataset: Dataset; topology: Topology }): Record<string, number> {
  const index = indexStates(dataset);
  const units = dataset.units;
  const s2023 = statesForYear(index, units, 2023);
  const s2022 = statesForYear(index, units, 2022);
  const geometry = geometryFromTopology(topology);
  return {
    'statesForYear (one year)': time(() => statesForYear(index, units, 2022)),
    tierDrawStates: time(() => tierDrawStates(s2022)),
    'changeDrawStates (2022 → 2023)': time(() =>
      changeDrawStates(units, { year: 2022, states: s2022 }, { year: 2023, states: s2023 }),
    ),
    'yearChange (2022 → 2023)': time(() =>
      yearChange(transitions(units, { year: 2022, states: s2022 }, { year: 2023, states: s2023 })),
    ),
    'transitions (2022 → 2023)': time(() =>
      transitions(units, { year: 2022, states: s2022 }, { year: 2023, states: s2023 }),
    ),
    'prefectureRows (one year)': time(() => prefectureRows(dataset, 2022)),
    'labelFeatures (load)': time(() => labelFeatures(geometry, units), 3),
    'geometryFromTopology (load)': time(() => geometryFromTopology(topology), 3),
  };
}

const hebei = timings(load('data', 'geo/out/hebei.topo.json'));
const china = timings(load(SCALE_DIR, join(SCALE_DIR, 'china.topo.json')));
console.log(`${''.padEnd(32)} ${'Hebei ms'.padStart(9)} ${'China ms'.padStart(9)} ${'×'.padStart(7)}`);
for (const [name, h] of Object.entries(hebei)) {
  const c = china[name] ?? NaN;
  console.log(
    `${name.padEnd(32)} ${h.toFixed(2).padStart(9)} ${c.toFixed(1).padStart(9)} ${(c / h).toFixed(0).padStart(7)}`,
  );
}
