/**
 * What the import refuses or reads, and how it says so (issue 17, item 6): impossible source
 * dates, UTF-16 files, size limits in the unit that applies, bidirectional control characters.
 */
import { describe, expect, it } from 'vitest';
import { isSourceDate } from '../../src/data/import-check';

describe('isSourceDate', () => {
  it('takes a year, a month or a day that exists', () => {
    for (const ok of ['', '2019', '2023-12', '2023-12-22', '2024-02-29', '2023-01-31', '2023-04-30']) {
      expect(isSourceDate(ok), ok).toBe(true);
    }
  });

  it('refuses dates the calendar does not have', () => {
    for (const bad of ['2023-02-30', '2023-02-29', '2023-04-31', '2023-06-31', '2023-13', '2023-00', '2023-01-00']) {
      expect(isSourceDate(bad), bad).toBe(false);
    }
  });

  it('refuses years no source of these evaluations can have, and other forms', () => {
    for (const bad of ['0000', '1899-01-01', '9999-12-31', '2023/12/22', '20231222', ' 2023', '2023-1-2']) {
      expect(isSourceDate(bad), bad).toBe(false);
    }
  });
});
