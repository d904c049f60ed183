/**
 * The MapLibre map's probe (src/map/gl/e2e-probe.ts) over a fake map: it reads the
 * feature-state flags and label points the browser tests cannot find in the DOM.
 */
import { describe, expect, it } from 'vitest';
import type { MapGeometry } from '../../src/domain/geometry';
import { createE2eProbe } from '../../src/map/gl/e2e-probe';
import { createAppStore } from '../../src/store/store';
import { emptyGeometry } from '../fixtures/empty-geometry';
import { connectFakeMap } from '../fixtures/fake-map';
import { syntheticDataset } from '../fixtures/synthetic-dataset';

function probed() {
  const store = createAppStore({ year: 2023 });
  const { map, connection } = connectFakeMap(store);
  const geometry: MapGeometry = {
    ...emptyGeometry(),
    labels: { 2019: new Map([['990104', [114, 38]]]), 2021: new Map([['990101', [114.5, 37.5]]]) },
  };
  store.getState().dataLoaded(syntheticDataset(), geometry);
  return { store, map, probe: createE2eProbe(map, connection) };
}

describe('e2e probe', () => {
  it('lists the drawn units whose flag is set', () => {
    const { store, probe } = probed();
    expect(probe.unitsFlagged('selected')).toEqual([]);
    store.getState().select('990102');
    store.getState().setHighlight('A');
    expect(probe.unitsFlagged('selected')).toEqual(['990102']);
    expect(probe.unitsFlagged('unlit')).toEqual(['990102', '990103', '990104']);
    expect(probe.unitsFlagged('flow')).toEqual([]);
  });

  it("gives a unit's label point on screen in a year's boundary vintage, or null", () => {
    const { probe } = probed();
    // The fake projects 100 px per degree from 113°E, 43°N.
    expect(probe.labelPointOnScreen('990101', 2023)).toEqual({ x: 150, y: 550 });
    expect(probe.labelPointOnScreen('990104', 2020)).toEqual({ x: 100, y: 500 });
    expect(probe.labelPointOnScreen('990104', 2023)).toBeNull();
  });
});
