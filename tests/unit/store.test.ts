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

  it("keeps a notice's details and actions, gives each notice its own id, and dismisses one or all", () => {
    const store = createAppStore();
    const run = () => store.getState().notify('info', 'ran');
    const details = ['Ignored year=1999', 'Ignored mode=x'];
    store.getState().notify('warning', 'Two parts were ignored', { details, actions: [{ label: 'Do it', run }] });
    store.getState().notify('info', 'plain');
    const [first, second] = store.getState().notices;
    expect(first).toMatchObject({ kind: 'warning', text: 'Two parts were ignored', details });
    expect(second).toEqual({ id: expect.any(Number) as number, kind: 'info', text: 'plain' });
    expect(first?.id).not.toBe(second?.id);
    // An action runs what it was given; the notice stays unless the action dismisses it.
    first?.actions?.[0]?.run();
    expect(store.getState().notices.map((n) => n.text)).toEqual(['Two parts were ignored', 'plain', 'ran']);
    if (first) store.getState().dismissNotice(first.id);
    expect(store.getState().notices.map((n) => n.text)).toEqual(['plain', 'ran']);
    store.getState().dismissAllNotices();
    expect(store.getState().notices).toEqual([]);
  });
});
