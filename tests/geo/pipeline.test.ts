/**
 * The geometry pipeline: the committed geo/out/hebei.topo.json is exactly what `npm run
 * geo:build` makes, and its pure steps (code join, atoms) handle the cases they exist for.
 */
import { readFileSync } from 'node:fs';
import type { Feature, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { PACKAGE, buildTopology, optionsFrom, serializeTopology, type BuildProvenance } from '../../geo/build';
import { buildAtoms, successorsOf, XINGTAI_SPLIT } from '../../geo/lib/atoms';
import { joinDrawnUnits } from '../../geo/lib/join';
import { parseUnits } from '../../src/domain/dataset/parse';
import { isValidIn } from '../../src/domain/dataset/units';
import type { Unit } from '../../src/domain/types';

const parsed = parseUnits(readFileSync('data/units.csv', 'utf8'));
if (!parsed.ok) throw new Error('data/units.csv does not parse');
const units: Unit[] = parsed.rows;
const units2019 = units.filter((u) => isValidIn(u, 2019));
const prefectureOf = (code: string) => `${code.slice(0, 4)}00`;
/** Every 2019 unit as a boundary file would name it. */
const drawnAll = () => units2019.map((u) => ({ name: u.nameZh, prefecture_code: prefectureOf(u.code) }));

describe('committed geometry', () => {
  it('is what the pipeline builds today (run `npm run geo:build` after changing geo/ or data/units.csv)', async () => {
    const committed = readFileSync('geo/out/hebei.topo.json', 'utf8');
    const { provenance } = JSON.parse(committed) as { provenance: BuildProvenance };
    // Rebuilt from the boundaries the file records: the package, or a boundary file in the repository.
    const built = serializeTopology(await buildTopology(optionsFrom(provenance)));
    expect(built === committed).toBe(true);
  }, 60_000);

  it('is ASCII, non-ASCII names escaped, so a browser decodes it into a one-byte string', () => {
    const committed = readFileSync('geo/out/hebei.topo.json');
    expect(committed.every((byte) => byte < 0x80)).toBe(true);
    const topology = JSON.parse(committed.toString('utf8')) as {
      objects: { context: { geometries: { properties?: { name?: string } }[] } };
    };
    // The escapes read back as the names themselves.
    expect(topology.objects.context.geometries.map((g) => g.properties?.name)).toContain('河南省');
  });

  it('serialises any text to ASCII that parses back to the same value', () => {
    const topology = { type: 'Topology', objects: {}, arcs: [], note: '河北 ✓ \u2028 é 𝄞' };
    const text = serializeTopology(topology as never);
    expect([...text].every((c) => c.charCodeAt(0) < 0x80)).toBe(true);
    expect(JSON.parse(text)).toEqual(topology);
  });

  it('records the boundaries and datum it was built from', () => {
    const { provenance } = JSON.parse(readFileSync('geo/out/hebei.topo.json', 'utf8')) as {
      provenance: BuildProvenance;
    };
    expect(provenance).toEqual({ counties: PACKAGE, context: PACKAGE, datum: 'gcj02' });
  });
});

describe('joining drawn units to codes', () => {
  it('joins every 2019 unit by prefecture and name', () => {
    const result = joinDrawnUnits(drawnAll(), units, []);
    expect(result.errors).toEqual([]);
    expect(result.codes).toEqual(units2019.map((u) => u.code));
  });

  it('tells same-named districts apart by prefecture (桥西区 in 石家庄, 邢台 and 张家口)', () => {
    const drawn = ['130100', '130500', '130700'].map((p) => ({ name: '桥西区', prefecture_code: p }));
    expect(joinDrawnUnits(drawn, units, []).codes).toEqual(['130104', '130503', '130703']);
  });

  it('finds 辛集 and 定州 in the files of 石家庄 and 保定, although they are areas of their own', () => {
    const drawn = [
      { name: '辛集市', prefecture_code: '130100' },
      { name: '定州市', prefecture_code: '130600' },
    ];
    expect(joinDrawnUnits(drawn, units, []).codes).toEqual(['130181', '130682']);
  });

  it('uses aliases for names as drawn before a renaming (平泉县 → 平泉市)', () => {
    const drawn = [{ name: '平泉县', prefecture_code: '130800' }];
    expect(joinDrawnUnits(drawn, units, []).codes).toEqual(['']);
    const alias = { prefectureCode: '130800', nameDrawn: '平泉县', code: '130881' };
    expect(joinDrawnUnits(drawn, units, [alias]).codes).toEqual(['130881']);
  });

  it('reports unknown names, units drawn twice and units not drawn, never guessing', () => {
    const drawn = drawnAll();
    drawn[0] = { name: '不存在区', prefecture_code: '130100' };
    drawn.push({ ...(drawn[5] as { name: string; prefecture_code: string }) });
    const { errors } = joinDrawnUnits(drawn, units, []);
    expect(errors.some((e) => e.includes('不存在区') && e.includes('matches no unit'))).toBe(true);
    expect(errors.some((e) => e.includes('are both unit'))).toBe(true);
    expect(errors.some((e) => e.includes(`unit ${units2019[0]?.code}`) && e.includes('is not drawn'))).toBe(true);
  });
});

describe('atoms of the two vintages', () => {
  const square = (west: number, east: number): Feature<Polygon> => ({
    type: 'Feature',
    properties: {},
    geometry: {
      type: 'Polygon',
      coordinates: [
        [
          [west, 37],
          [east, 37],
          [east, 37.2],
          [west, 37.2],
          [west, 37],
        ],
      ],
    },
  });

  it('follows codes across the 2020 change', () => {
    expect(successorsOf('130526', units)).toEqual(['130505']); // 任县 → 任泽区
    expect(successorsOf('130502', units)).toEqual(['130502']); // 桥东区 → 襄都区, code kept
    expect(successorsOf('130521', units).sort()).toEqual(['130502', '130503']); // 邢台县, split
    expect(successorsOf('130110', units)).toEqual(['130110']);
  });

  it('cuts 邢台县 at the split meridian into a western (信都区) and an eastern (襄都区) atom', () => {
    const { atoms, errors } = buildAtoms([square(114.3, 114.6)], ['130521'], units);
    expect(errors).toEqual([]);
    expect(atoms.map((a) => a.properties)).toEqual([
      { code_2019: '130521', code_2021: '130503', area: '130500' },
      { code_2019: '130521', code_2021: '130502', area: '130500' },
    ]);
    const xs = (i: number) => {
      const geometry = atoms[i]?.geometry;
      const rings = geometry?.type === 'Polygon' ? geometry.coordinates : (geometry?.coordinates.flat() ?? []);
      return rings.flat().map((p) => p[0] ?? NaN);
    };
    expect(Math.max(...xs(0))).toBe(XINGTAI_SPLIT.longitude);
    expect(Math.min(...xs(1))).toBe(XINGTAI_SPLIT.longitude);
  });

  it('refuses a split unit without a rule, or a cut that misses it', () => {
    expect(buildAtoms([square(114.3, 114.6)], ['130521'], units, []).errors[0]).toMatch(/no matching split rule/);
    expect(buildAtoms([square(114.6, 114.7)], ['130521'], units).errors[0]).toMatch(/does not cut/);
  });
});
