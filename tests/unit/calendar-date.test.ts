/**
 * The one strict date check (src/domain/calendar-date.ts) and where it is used: the dialog's
 * source date (isSourceDate) and every date a layer read back from storage or a link carries
 * (issue 17, item 6: impossible dates refused; Date.parse took 2023-02-30, "Feb 30 2023" and "1").
 */
import { describe, expect, it } from 'vitest';
import { checkLayers, isCreatedAt, isSourceDate } from '../../src/data/import-check';
import { isCalendarDate } from '../../src/domain/calendar-date';
import type { ImportLayer } from '../../src/domain/import/types';
import { checkApply } from '../../src/features/import/import-state';
import { syntheticDataset } from '../fixtures/synthetic-dataset';

const IMPOSSIBLE = ['2023-02-30', '2023-13-01', '0000-00-00', '1', 'Feb 30 2023', '2023-02-29', '2023-04-31'];

describe('isCalendarDate', () => {
  it('refuses dates the calendar does not have, and text that only Date.parse takes', () => {
    for (const bad of IMPOSSIBLE) {
      expect(isCalendarDate(bad), bad).toBe(false);
      expect(isCalendarDate(bad, { partial: true, time: true }), bad).toBe(false);
    }
    // What Date.parse made of them, for the record.
    expect(Number.isFinite(Date.parse('2023-02-30'))).toBe(true);
    expect(Number.isFinite(Date.parse('1'))).toBe(true);
  });

  it('takes days that exist, leap days of leap years only', () => {
    for (const ok of ['2024-02-29', '2000-02-29', '2023-12-31', '2023-01-01', '2023-04-30']) {
      expect(isCalendarDate(ok), ok).toBe(true);
    }
    for (const bad of ['1900-02-29', '2100-02-29', '2023-00-10', '2023-01-00', '2023-01-32']) {
      expect(isCalendarDate(bad), bad).toBe(false);
    }
  });

  it('takes a year or a month alone only when asked', () => {
    expect(isCalendarDate('2023')).toBe(false);
    expect(isCalendarDate('2023-12')).toBe(false);
    expect(isCalendarDate('2023', { partial: true })).toBe(true);
    expect(isCalendarDate('2023-12', { partial: true })).toBe(true);
    expect(isCalendarDate('2023-13', { partial: true })).toBe(false);
    expect(isCalendarDate('2023-00', { partial: true })).toBe(false);
  });

  it('takes a date-time only when asked, with hours, minutes, seconds and offsets in range', () => {
    const iso = new Date('2026-11-25T08:30:00.000Z').toISOString();
    expect(isCalendarDate(iso)).toBe(false);
    for (const ok of [iso, '2024-02-29T23:59:59Z', '2023-12-22T08:30', '2023-12-22T08:30:05+08:00', '2023-12-22']) {
      expect(isCalendarDate(ok, { time: true }), ok).toBe(true);
    }
    for (const bad of [
      '2023-02-30T00:00:00.000Z',
      '2023-12-22T24:00:00Z',
      '2023-12-22T08:60Z',
      '2023-12-22T08:30:61Z',
      '2023-12-22T08:30+25:00',
      '2023-12-22T',
      '2023-12T08:30',
      '2023-12-22 08:30',
      '2023-12-22T8:30',
    ]) {
      expect(isCalendarDate(bad, { time: true }), bad).toBe(false);
    }
  });

  it('keeps to the years given', () => {
    expect(isCalendarDate('0999-01-01')).toBe(false);
    expect(isCalendarDate('1999', { partial: true, years: { min: 2000, max: 2100 } })).toBe(false);
    expect(isCalendarDate('2100-12-31', { years: { min: 2000, max: 2100 } })).toBe(true);
  });
});

describe('every date that enters goes through it', () => {
  it('the dialog’s source date', () => {
    for (const bad of IMPOSSIBLE) expect(isSourceDate(bad), bad).toBe(false);
    expect(isSourceDate('2024-02-29')).toBe(true);
    const source = { title: 'T', date: '2023-02-30', url: '' };
    expect(checkApply(source, true, 1, 0)).toMatchObject({ kind: 'invalid', first: 'date' });
    expect(checkApply({ ...source, date: '2024-02-29' }, true, 1, 0).kind).toBe('ok');
  });

  it('a layer’s source date and the time it was applied, from a link or storage', () => {
    const units = syntheticDataset().units;
    const layer = (date: string, createdAt: string): ImportLayer => ({
      id: 'IMP1',
      source: { title: 'T', date, url: '' },
      createdAt,
      facts: [{ code: '990103', year: 2019, tier: 'B', rank: null, rankOf: null, raw: '丙县' }],
      origin: 'link',
    });
    const good = '2026-11-25T00:00:00.000Z';
    expect(checkLayers([layer('2024-02-29', good)], units, 'link').layers).toHaveLength(1);
    expect(checkLayers([layer('', '2024-02-29')], units, 'link').layers).toHaveLength(1);
    for (const bad of IMPOSSIBLE) {
      for (const value of [layer(bad, good), layer('', bad)]) {
        const out = checkLayers([value], units, 'link');
        expect(out.layers, bad).toEqual([]);
        expect(out.problems, bad).toEqual([{ code: 'layer-dropped', title: 'T', reason: 'date' }]);
      }
      expect(isCreatedAt(bad), bad).toBe(false);
    }
    expect(isCreatedAt(`${good}${' '.repeat(40)}`)).toBe(false);
  });
});
