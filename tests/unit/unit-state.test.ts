import { describe, expect, it } from 'vitest';
import {
  countStates,
  indexStates,
  stateKey,
  statesForYear,
  tiersAllowedByRange,
  unitState,
  unitsIn,
} from '../../src/domain/unit-state';
import { syntheticDataset } from '../fixtures/synthetic-dataset';

const dataset = syntheticDataset();
const index = indexStates(dataset);

describe('unit states', () => {
  it('takes a tier row as known, keeping its basis', () => {
    const state = unitState(index, '990102', 2019);
    expect(state.kind).toBe('known');
    expect(stateKey(state)).toBe('C-derived');
    expect(stateKey(unitState(index, '990101', 2019))).toBe('A');
  });

  it('bounds years strictly inside a range statement by the tiers between its ends', () => {
    const state = unitState(index, '990102', 2021);
    expect(state).toMatchObject({ kind: 'range', tiers: ['B', 'C'] });
    expect(stateKey(state)).toBe('range:BC');
  });

  it('does not use a range at its end years (the tier rows say those)', () => {
    expect(unitState(index, '990102', 2023).kind).toBe('known');
  });

  it('reads a "held A" statement as a single possible tier, still a range, not a stated tier', () => {
    expect(stateKey(unitState(index, '990101', 2021))).toBe('range:A');
  });

  it('ignores a range that names only one end: it bounds nothing', () => {
    const oneEnded = dataset.ranges.find((r) => r.code === '990103');
    expect(oneEnded && tiersAllowedByRange(oneEnded)).toBeNull();
    expect(unitState(index, '990103', 2021)).toEqual({ kind: 'unknown' });
  });

  it('never fills a gap: no fact and no range is unknown', () => {
    expect(unitState(index, '990101', 2020)).toMatchObject({ kind: 'range' });
    expect(unitState(index, '990105', 2020)).toEqual({ kind: 'unknown' });
  });

  it('follows the unit vintage: a reused code is one unit per span of years', () => {
    expect(unitsIn(dataset.units, 2020).map((u) => u.nameZh)).toEqual(['甲区', '乙县', '丙县', '丁县', '戊县']);
    expect(unitsIn(dataset.units, 2021).map((u) => u.nameZh)).toEqual(['甲区', '乙县', '丙县', '丁区']);
    expect(statesForYear(index, dataset.units, 2021).size).toBe(4);
  });

  it('counts states for the legend', () => {
    const counts = countStates(statesForYear(index, dataset.units, 2023));
    expect(counts).toEqual({
      stated: { A: 1, B: 1, C: 0 },
      derived: { A: 0, B: 0, C: 0 },
      range: 0,
      unknown: 2,
      total: 4,
    });
    const counts2021 = countStates(statesForYear(index, dataset.units, 2021));
    expect(counts2021.range).toBe(2);
    expect(counts2021.stated.B).toBe(1);
    expect(counts2021.unknown).toBe(1);
  });
});
