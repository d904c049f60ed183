/**
 * validateDataset on small synthetic fixtures (tests/fixtures/data): a valid base that passes,
 * and one case per rule that replaces a table of the base with a version breaking that rule.
 * Each case must be caught by its rule and by nothing unrelated.
 */
import { describe, expect, it } from 'vitest';
import { RULES, formatViolation, validateDataset, type RuleId } from '../../src/domain/dataset/index.ts';
import { fixtureTexts, mustParse } from './helpers.ts';

const rulesOf = (caseName?: string) =>
  [...new Set(validateDataset(mustParse(fixtureTexts(caseName))).map((v) => v.rule))].sort();

describe('validateDataset on fixtures', () => {
  it('passes the valid base fixture', () => {
    expect(validateDataset(mustParse(fixtureTexts())).map(formatViolation)).toEqual([]);
  });

  // case directory → the rules it must trigger (more than one only where one fact breaks two
  // rules by its nature).
  const cases: [string, RuleId[]][] = [
    ['unknown-code', ['tier-code']],
    ['code-not-valid-in-year', ['tier-code']], // 任县 in 2021
    ['unknown-source', ['source-unknown']],
    ['duplicate-source', ['source-duplicate']],
    ['duplicate-tier', ['tier-duplicate']],
    ['rank-pair', ['rank-pair']],
    ['rank-of', ['rank-of']],
    ['rank-out-of-range', ['rank-range']],
    ['duplicate-rank', ['rank-duplicate']],
    ['rank-order', ['rank-order']],
    ['rank-tier', ['rank-tier']],
    ['range-code', ['range-code']],
    ['range-years', ['range-years']],
    ['range-disagrees-at-end', ['range-to-tier']],
    ['range-disagrees-at-start', ['range-from-tier']],
    ['range-held', ['range-held']],
    ['total-scope', ['total-scope']],
    ['duplicate-total', ['total-duplicate']],
    ['total-units', ['total-units']],
    ['province-units', ['total-units']],
    ['count-and-min', ['total-count-and-min']],
    ['total-sum', ['total-sum']],
    ['total-exceeds-units', ['total-exceeds-units']],
    ['known-exceeds-total', ['known-exceeds-total']],
    // 定州 (one unit) is known B while its count says A = 1: complete but unequal, and A and B
    // cannot both fit in one unit.
    ['known-complete', ['bounds-infeasible', 'known-complete']],
    ['bounds-infeasible', ['bounds-infeasible']],
    ['area-sum', ['area-sum']],
    ['tier-changes', ['tier-changes']],
    ['indicator-code', ['indicator-code']],
  ];

  it.each(cases)('catches %s', (caseName, expected) => {
    expect(rulesOf(caseName)).toEqual([...expected].sort());
  });

  it('has a case for every rule except those about units.csv', () => {
    const covered = new Set(cases.flatMap(([, rules]) => rules));
    const missing = Object.keys(RULES).filter((r) => !covered.has(r as RuleId));
    expect(missing.sort()).toEqual(['unit-count', 'unit-duplicate']);
  });

  it('catches a units table with a unit missing or a code used twice in one year', () => {
    const texts = fixtureTexts();
    const lines = texts.units.split('\n');
    const zhaoxian = lines.findIndex((l) => l.startsWith('130133,')); // 赵县, used by no fixture row
    const without = lines.filter((_, i) => i !== zhaoxian).join('\n');
    expect(validateDataset(mustParse({ ...texts, units: without })).map((v) => v.rule)).toEqual(
      Array(5).fill('unit-count'),
    );
    const twice = [...lines.slice(0, zhaoxian + 1), lines[zhaoxian] ?? '', ...lines.slice(zhaoxian + 1)].join('\n');
    expect([...new Set(validateDataset(mustParse({ ...texts, units: twice })).map((v) => v.rule))].sort()).toEqual([
      'unit-count',
      'unit-duplicate',
    ]);
  });

  it('names the row and the unit in its messages', () => {
    const [v] = validateDataset(mustParse(fixtureTexts('code-not-valid-in-year')));
    expect(v && formatViolation(v)).toBe(
      '[tier-code] tiers.csv line 9: code 130526 names no unit in 2021 (it is 任县 2019–2020)',
    );
  });
});
