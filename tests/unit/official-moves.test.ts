/**
 * Official mover counts (src/domain/official-moves.ts): only what a source states, only for a
 * base year that is the year before, with its sources; and how many of those movers the known
 * data accounts for, without counting a unit twice.
 */
import { describe, expect, it } from 'vitest';
import { knownMovers, moveCoverage, officialMoves, type OfficialMove } from '../../src/domain/official-moves';
import { transitionMatrix, transitions } from '../../src/domain/transitions';
import type { Dataset } from '../../src/domain/types';
import { indexStates, statesForYear } from '../../src/domain/unit-state';
import { realDataset } from '../fixtures/builders';
import { transitionsDataset } from '../fixtures/transitions-dataset';

function cellsOf(dataset: Dataset, baseYear: number, year: number, area: string | null = null) {
  const index = indexStates(dataset);
  const moves = transitions(
    dataset.units,
    { year: baseYear, states: statesForYear(index, dataset.units, baseYear) },
    { year, states: statesForYear(index, dataset.units, year) },
  );
  const inArea = [...moves].filter(
    ([code]) => area === null || dataset.units.find((u) => u.code === code)?.prefectureCode === area,
  );
  return transitionMatrix(new Map(inArea));
}

/** A statement as "kind from>to…: count [sources]" for compact assertions. */
const describeMove = (m: OfficialMove) =>
  `${m.kind} ${m.moves.map((x) => `${x.from}>${x.to}`).join(',')}: ${m.count} [${m.sourceIds.join(';')}] ${m.origin}`;

const synthetic = transitionsDataset();
const real = realDataset();

describe('official mover counts (synthetic)', () => {
  it('reads tier-move indicators, "units_down" and tier_changes, in a fixed order, with sources', () => {
    expect(officialMoves(synthetic, 2020, 2021, 'province').map(describeMove)).toEqual([
      'flow B>A: 4 [T002] units_b_to_a',
      'flow C>B: 5 [T002;T003] units_c_to_b',
      'up C>A,B>A,C>B: 7 [T003] tier_changes',
      'down A>B,B>C,A>C: 2 [T002] units_down',
    ]);
  });

  it('leaves out counts that are not tier moves (rank rises, "leapt") and unit-level rows', () => {
    const origins = officialMoves(synthetic, 2020, 2021, 'province').map((m) => m.origin);
    expect(origins).not.toContain('units_rank_up');
    expect(origins).not.toContain('units_advanced');
  });

  it('gives nothing unless the base year is the year before: sources compare consecutive evaluations', () => {
    expect(officialMoves(synthetic, 2019, 2021, 'province')).toEqual([]);
    expect(officialMoves(synthetic, 2021, 2021, 'province')).toEqual([]);
  });

  it('gives nothing for a year no source counts, and ignores a totals row without tier_changes', () => {
    expect(officialMoves(synthetic, 2021, 2022, 'province')).toEqual([]);
    expect(officialMoves(synthetic, 2022, 2023, 'province')).toEqual([]);
  });

  it("reads an area's own counts, not the province's, and keeps a stated zero", () => {
    expect(officialMoves(synthetic, 2020, 2021, '990200').map(describeMove)).toEqual([
      'flow B>A: 1 [T002] units_b_to_a',
      'up C>A,B>A,C>B: 1 [T003] tier_changes',
    ]);
    expect(officialMoves(synthetic, 2020, 2021, '990100').map(describeMove)).toEqual([
      'flow B>C: 0 [T002] units_b_to_c',
    ]);
    expect(officialMoves(synthetic, 2020, 2021, '999999')).toEqual([]);
  });

  it('counts the known movers each statement covers', () => {
    const cells = cellsOf(synthetic, 2020, 2021);
    const known = officialMoves(synthetic, 2020, 2021, 'province').map((m) => [m.origin, knownMovers(m, cells)]);
    // B>A: 丙县, 午县; C>B: 壬区, 丑区; rises: those and 乙县 (C>A); falls: 丁县 (A>B), 戊县 (A>C).
    expect(known).toEqual([
      ['units_b_to_a', 2],
      ['units_c_to_b', 2],
      ['tier_changes', 5],
      ['units_down', 2],
    ]);
  });

  it('adds up coverage without counting a move twice: "7 rose" overlaps "4 B→A", so it is left out', () => {
    const cells = cellsOf(synthetic, 2020, 2021);
    const coverage = moveCoverage(officialMoves(synthetic, 2020, 2021, 'province'), cells);
    expect(coverage?.used.map((m) => m.origin)).toEqual(['units_b_to_a', 'units_c_to_b', 'units_down']);
    expect(coverage).toMatchObject({ official: 4 + 5 + 2, known: 2 + 2 + 2 });
  });

  it('uses an aggregate when nothing more precise overlaps it', () => {
    const cells = cellsOf(synthetic, 2020, 2021);
    const onlyRises = officialMoves(synthetic, 2020, 2021, 'province').filter((m) => m.kind === 'up');
    expect(moveCoverage(onlyRises, cells)).toMatchObject({ official: 7, known: 5 });
  });

  it('has no coverage without a statement', () => {
    expect(moveCoverage([], cellsOf(synthetic, 2020, 2021))).toBeNull();
  });
});

describe('official mover counts (real data)', () => {
  it('2021, province: 13 B→A, 17 C→B, 1 B→C (P004, P008) and 30 rises', () => {
    expect(officialMoves(real, 2020, 2021, 'province').map(describeMove)).toEqual([
      'flow B>A: 13 [P004;P008] units_b_to_a',
      'flow C>B: 17 [P004;P008] units_c_to_b',
      'flow B>C: 1 [P004;P008] units_b_to_c',
      'up C>A,B>A,C>B: 30 [P004;P008;P009;P006;P021;P024] tier_changes',
    ]);
  });

  it('2021, province: the known data accounts for 6 of the 31 stated movers', () => {
    const cells = cellsOf(real, 2020, 2021);
    const moves = officialMoves(real, 2020, 2021, 'province');
    expect(moves.map((m) => knownMovers(m, cells))).toEqual([3, 3, 0, 6]);
    expect(moveCoverage(moves, cells)).toMatchObject({ official: 31, known: 6 });
  });

  it('2021, 衡水: 3 B→A and 2 C→B, all known', () => {
    const cells = cellsOf(real, 2020, 2021, '131100');
    const moves = officialMoves(real, 2020, 2021, '131100');
    expect(moves.map(describeMove)).toEqual([
      'flow B>A: 3 [P006] units_b_to_a',
      'flow C>B: 2 [P006] units_c_to_b',
      'up C>A,B>A,C>B: 5 [P006;P009] tier_changes',
    ]);
    expect(moveCoverage(moves, cells)).toMatchObject({ official: 5, known: 5 });
  });

  it('2020: 邯郸 and 廊坊 state their moves; the province does not', () => {
    expect(officialMoves(real, 2019, 2020, 'province')).toEqual([]);
    expect(officialMoves(real, 2019, 2020, '130400').map(describeMove)).toEqual([
      'flow B>A: 1 [P010] units_b_to_a',
      'flow C>B: 4 [P010] units_c_to_b',
      'up C>A,B>A,C>B: 5 [P010] tier_changes',
    ]);
    expect(officialMoves(real, 2019, 2020, '131000').map((m) => `${m.origin} ${m.count}`)).toEqual([
      'units_b_to_a 0',
      'units_c_to_b 3',
      'tier_changes 3',
      'units_down 0',
    ]);
  });

  it('2023: 42 rises in the province; 石家庄 states six C→B, all known', () => {
    expect(officialMoves(real, 2022, 2023, 'province').map(describeMove)).toEqual([
      'up C>A,B>A,C>B: 42 [P001;P007;P011] tier_changes',
    ]);
    const moves = officialMoves(real, 2022, 2023, '130100');
    expect(moves.map(describeMove)).toEqual(['flow C>B: 6 [P017] units_c_to_b']);
    expect(moveCoverage(moves, cellsOf(real, 2022, 2023, '130100'))).toMatchObject({ official: 6, known: 6 });
  });

  it('2022: no source counts the moves', () => {
    expect(officialMoves(real, 2021, 2022, 'province')).toEqual([]);
  });

  it('never finds more known movers than a source states, for any year and scope', () => {
    const scopes = ['province', ...new Set(real.units.map((u) => u.prefectureCode))];
    for (const year of [2020, 2021, 2022, 2023]) {
      for (const scope of scopes) {
        const cells = cellsOf(real, year - 1, year, scope === 'province' ? null : scope);
        for (const move of officialMoves(real, year - 1, year, scope)) {
          expect(knownMovers(move, cells), `${year} ${scope} ${move.origin}`).toBeLessThanOrEqual(move.count);
        }
      }
    }
  });
});
