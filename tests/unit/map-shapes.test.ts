/**
 * The 2D map's shapes (src/map/canvas/shapes.ts) are built from the topology's arcs, not from
 * GeoJSON: every ring they trace must be the ring topojson-client's GeoJSON has, projected
 * (the same points in the same order), for every unit of both vintages, the areas, the
 * province and the context. Path2D is a browser class: a stand-in records what is traced.
 */
import { readFileSync } from 'node:fs';
import type { Position } from 'geojson';
import type { Topology } from 'topojson-specification';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { geometryFromTopology } from '../../src/domain/geometry';
import { mercatorX, mercatorY, TILE_SIZE } from '../../src/map/framing';
import { shapesOf, type Shape } from '../../src/map/canvas/shapes';
import { RecordingPath } from '../fixtures/fake-canvas';

const g = globalThis as { Path2D?: unknown };
const saved = g.Path2D;
beforeAll(() => {
  g.Path2D = RecordingPath;
});
afterAll(() => {
  g.Path2D = saved;
});

const topology = JSON.parse(readFileSync('geo/out/hebei.topo.json', 'utf8')) as Topology;
const project = ([lng = 0, lat = 0]: Position): [number, number] => [
  mercatorX(lng) * TILE_SIZE,
  mercatorY(lat) * TILE_SIZE,
];

/** A GeoJSON polygon's rings, projected; a multipolygon's, one polygon after another. */
function ringsOf(geometry: { type: string; coordinates: unknown }): [number, number][][] {
  const polygons = (geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates) as Position[][][];
  return polygons.flatMap((rings) => rings.map((ring) => ring.map(project)));
}

function expectSame(shape: Shape | undefined, rings: [number, number][][]) {
  if (!shape) throw new Error('no shape');
  const traced = (shape.path as unknown as RecordingPath).rings;
  expect(traced.length).toBe(rings.length);
  traced.forEach((ring, i) => {
    const want = rings[i] ?? [];
    expect(ring.length).toBe(want.length);
    ring.forEach(([x, y], j) => {
      expect(x).toBeCloseTo(want[j]?.[0] ?? NaN, 9);
      expect(y).toBeCloseTo(want[j]?.[1] ?? NaN, 9);
    });
  });
  const xs = rings.flat().map(([x]) => x);
  const ys = rings.flat().map(([, y]) => y);
  expect(shape.box).toEqual([Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)]);
}

describe('shapes from the arcs', () => {
  it('trace the same rings as the GeoJSON, for every polygon of the map', () => {
    const geometry = geometryFromTopology(topology);
    const shapes = shapesOf(geometry, []);
    for (const f of geometry.units.features) {
      expectSame(shapes.units[f.properties.vintage].get(f.properties.code), ringsOf(f.geometry));
    }
    expect(shapes.units[2019].size).toBe(168);
    expect(shapes.units[2021].size).toBe(167);
    geometry.areas.features.forEach((f, i) => expectSame(shapes.areas[i], ringsOf(f.geometry)));
    geometry.province.features.forEach((f, i) => expectSame(shapes.province[i], ringsOf(f.geometry)));
    geometry.context.features.forEach((f, i) => expectSame(shapes.context[i], ringsOf(f.geometry)));
  });

  it('converts nothing to GeoJSON for the first paint', () => {
    const geometry = geometryFromTopology(topology);
    let converted = 0;
    const watched = new Proxy(geometry, {
      get(target, key, receiver) {
        if (['units', 'areas', 'province', 'context', 'labels', 'neighbours'].includes(String(key))) converted += 1;
        return Reflect.get(target, key, receiver);
      },
    });
    shapesOf(watched, []);
    expect(converted).toBe(0);
  });
});
