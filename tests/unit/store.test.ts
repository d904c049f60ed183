import { describe, expect, it } from 'vitest';
import { selectProvinceTotal, selectYearCounts, selectYearStates } from '../../src/store/selectors';
import { createAppStore } from '../../src/store/store';
import { emptyGeometry } from '../fixtures/empty-geometry';
import { syntheticDataset } from '../fixtures/synthetic-dataset';

describe('store', () => {
  it('starts loading, on 2023, in the language it is given', () => {
    const store = createAppStore({ lang: 'zh' });
    expect(store.getState().data.status).toBe('loading');
    expect(store.getState().year).toBe(2023);
    expect(store.getState().lang).toBe('zh');
  });

  it('accepts only evaluation years', () => {
    const store = createAppStore();
    store.getState().setYear(2020);
    expect(store.getState().year).toBe(2020);
    store.getState().setYear(2018);
    store.getState().setYear(2024);
    store.getState().setYear(Number.NaN);
    expect(store.getState().year).toBe(2020);
  });

  it('keeps loaded data when a later load fails, and reports a first failure', () => {
    const failed = createAppStore();
    failed.getState().dataFailed('network down');
    expect(failed.getState().data).toEqual({ status: 'error', message: 'network down' });

    const loaded = createAppStore();
    loaded.getState().dataLoaded(syntheticDataset(), emptyGeometry());
    loaded.getState().dataFailed('bad file');
    expect(loaded.getState().data.status).toBe('ready');
  });

  it('selects the same states object for the same data and year, and new ones for a new year', () => {
    const store = createAppStore();
    expect(selectYearStates(store.getState())).toBeNull();
    store.getState().dataLoaded(syntheticDataset(), emptyGeometry());
    const a = selectYearStates(store.getState());
    expect(selectYearStates(store.getState())).toBe(a);
    store.getState().setYear(2021);
    const b = selectYearStates(store.getState());
    expect(b).not.toBe(a);
    expect(b?.size).toBe(4);
    expect(selectYearCounts(store.getState())?.range).toBe(2);
    expect(selectProvinceTotal(store.getState())).toBeNull();
  });

  it('notifies a selector subscriber only when its slice changes', () => {
    const store = createAppStore();
    const years: number[] = [];
    store.subscribe(
      (s) => s.year,
      (year) => years.push(year),
    );
    store.getState().setYear(2021);
    store.getState().setYear(2021);
    store.getState().setLang('zh');
    store.getState().setYear(2019);
    expect(years).toEqual([2021, 2019]);
  });
});
