/**
 * Invariants of the built geometry (geo/out/hebei.topo.json), the file the browser loads:
 * unit counts per vintage, codes known to data/units.csv, no gaps or overlaps between
 * neighbours, label points inside their units, and the estimated Xingtai split.
 */
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { area, booleanPointInPolygon, point, pointToPolygonDistance } from '@turf/turf';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { feature, merge } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { describe, expect, it } from 'vitest';
import { parseUnits } from '../../src/domain/dataset/parse';
import { isValidIn } from '../../src/domain/dataset/units';
import { geometryFromTopology } from '../../src/domain/geometry';
import type { Unit } from '../../src/domain/types';

type Polygonal = Polygon | MultiPolygon;
const text = readFileSync('geo/out/hebei.topo.json', 'utf8');
const topology = JSON.parse(text) as Topology;
const parsedUnits = parseUnits(readFileSync('data/units.csv', 'utf8'));
if (!parsedUnits.ok) throw new Error('data/units.csv does not parse');
const units: Unit[] = parsedUnits.rows;

const KM2 = 1e6;
/** Largest total gap or overlap area allowed between the units of one vintage. */
const TOLERANCE_KM2 = 0.01;

const object = (name: string) => topology.objects[name] as GeometryCollection<{ code: string }>;
const features = (name: string) =>
  (feature(topology, object(name)) as unknown as FeatureCollection<Polygonal, { code: string }>).features;

/** Interior rings of a (multi)polygon: in a dissolved layer these are gaps between units. */
function holes(geometry: Polygonal): number[] {
  const parts = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  return parts.flatMap((rings) => rings.slice(1).map((ring) => area({ type: 'Polygon', coordinates: [ring] }) / KM2));
}

/** How many times each arc is used by the rings of a layer (arc i and its reverse ~i alike). */
function arcUse(name: string): Map<number, number> {
  const uses = new Map<number, number>();
  const visit = (arcs: unknown): void => {
    if (typeof arcs === 'number') {
      const i = arcs < 0 ? ~arcs : arcs;
      uses.set(i, (uses.get(i) ?? 0) + 1);
    } else if (Array.isArray(arcs)) arcs.forEach(visit);
  };
  for (const g of object(name).geometries) visit((g as { arcs?: unknown }).arcs);
  return uses;
}

describe.each([
  [2019, 168],
  [2021, 167],
])('units of the %i vintage', (vintage, count) => {
  const layer = features(`units_${vintage}`);
  const byCode = new Map(layer.map((f) => [f.properties.code, f]));

  it(`has ${count} units with unique codes`, () => {
    expect(layer).toHaveLength(count);
    expect(byCode.size).toBe(count);
  });

  it('has exactly the units that data/units.csv lists for that year', () => {
    const expected = units.filter((u) => isValidIn(u, vintage)).map((u) => u.code);
    expect([...byCode.keys()].sort()).toEqual(expected.sort());
  });

  it('shares every border: no arc is used by more than two units', () => {
    const overused = [...arcUse(`units_${vintage}`)].filter(([, n]) => n > 2);
    expect(overused).toEqual([]);
  });

  it(`has no gaps or overlaps between neighbours beyond ${TOLERANCE_KM2} km²`, () => {
    const union = merge(topology, object(`units_${vintage}`).geometries as never) as MultiPolygon;
    const gaps = holes(union);
    expect(gaps.reduce((a, b) => a + b, 0)).toBeLessThan(TOLERANCE_KM2);
    const sum = layer.reduce((s, f) => s + area(f), 0) / KM2;
    const unionArea = area({ type: 'Feature', properties: {}, geometry: union }) / KM2;
    expect(Math.abs(sum - unionArea)).toBeLessThan(TOLERANCE_KM2);
    // Hebei is about 188,000 km² (186,557 km² main part and the 北三县 exclave, per the study).
    expect(unionArea).toBeGreaterThan(185_000);
    expect(unionArea).toBeLessThan(191_000);
  });

  it('has one label point per unit, inside it and at least 1 km from its edge', () => {
    const labels = geometryFromTopology(topology).labels[vintage === 2019 ? 2019 : 2021];
    expect(labels.size).toBe(count);
    for (const [code, position] of labels) {
      const unit = byCode.get(code) as Feature<Polygonal>;
      expect(unit, code).toBeDefined();
      expect(booleanPointInPolygon(point(position), unit), code).toBe(true);
      const distanceKm = Math.abs(pointToPolygonDistance(point(position), unit, { units: 'kilometers' }));
      expect(distanceKm, code).toBeGreaterThan(1);
    }
  });
});

describe('the 2020 Xingtai change', () => {
  const area2019 = (code: string) =>
    area(features('units_2019').find((f) => f.properties.code === code) as Feature) / KM2;
  const area2021 = (code: string) =>
    area(features('units_2021').find((f) => f.properties.code === code) as Feature) / KM2;

  it('draws 襄都区 close to its published 223 km² (an estimate: the split line is approximate)', () => {
    expect(area2021('130502')).toBeGreaterThan(223 * 0.95);
    expect(area2021('130502')).toBeLessThan(223 * 1.05);
  });

  it('gives 信都区 and 襄都区 together exactly the old 桥西区, 桥东区 and 邢台县', () => {
    const before = area2019('130502') + area2019('130503') + area2019('130521');
    expect(area2021('130502') + area2021('130503')).toBeCloseTo(before, 1);
  });

  it('keeps renamed units on the same territory (任县 → 任泽区, 南和县 → 南和区)', () => {
    expect(area2021('130505')).toBeCloseTo(area2019('130526'), 3);
    expect(area2021('130506')).toBeCloseTo(area2019('130527'), 3);
  });

  it('marks both new districts approximate in data/units.csv', () => {
    for (const code of ['130502', '130503']) {
      expect(units.find((u) => u.code === code && isValidIn(u, 2021))?.boundaryNote).toMatch(/approximate/);
    }
  });
});

describe('areas, province and context', () => {
  it('has the 13 areas of data/units.csv (11 cities, 定州, 辛集)', () => {
    const codes = features('areas')
      .map((f) => f.properties.code)
      .sort();
    expect(codes).toEqual([...new Set(units.map((u) => u.prefectureCode))].sort());
    expect(codes).toHaveLength(13);
  });

  it('has a province outline without holes', () => {
    for (const f of features('province')) expect(holes(f.geometry)).toEqual([]);
  });

  it('has grey context for Beijing, Tianjin and the five neighbouring provinces', () => {
    const names = (
      feature(
        topology,
        topology.objects.context as GeometryCollection<{ name: string }>,
      ) as unknown as FeatureCollection<Polygonal, { name: string }>
    ).features.map((f) => f.properties.name);
    expect(names.sort()).toEqual(['内蒙古自治区', '北京市', '天津市', '山东省', '山西省', '河南省', '辽宁省'].sort());
  });

  it('fits within the geometry budget: ≤ 70 KB gzip for both vintages, outlines, context and labels', () => {
    expect(gzipSync(text).length).toBeLessThanOrEqual(70 * 1024);
  });
});
