/** The words for facts of a layer that were not applied: one fact is singular, in both languages. */
import { describe, expect, it } from 'vitest';
import { describeImportProblem } from '../../src/app/import-notices';

const dropped = (count: number) => ({ code: 'facts-dropped' as const, title: 'Notice', count, example: '139999@2019' });

describe('describeImportProblem, facts dropped', () => {
  it('says "1 fact … was" for one, and names it rather than giving an example', () => {
    expect(describeImportProblem('en', dropped(1), 'link')).toBe(
      'Imported data in the link: 1 fact of “Notice” was not applied (139999@2019): unknown unit, year, tier or rank.',
    );
    expect(describeImportProblem('zh', dropped(1), 'storage')).toBe(
      '此浏览器中保存的导入数据：“Notice”中有 1 条事实未应用（139999@2019）：单位、年份、类别或名次不正确。',
    );
  });

  it('says "N facts … were" with an example for more than one', () => {
    expect(describeImportProblem('en', dropped(12), 'storage')).toBe(
      'Imported data saved in this browser: 12 facts of “Notice” were not applied (e.g. 139999@2019): unknown unit, year, tier or rank.',
    );
    expect(describeImportProblem('zh', dropped(2), 'link')).toBe(
      '链接中的导入数据：“Notice”中有 2 条事实未应用（如 139999@2019）：单位、年份、类别或名次不正确。',
    );
  });
});
