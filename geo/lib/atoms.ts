/**
 * "Atoms": the smallest pieces both unit vintages are made of. Every drawn unit of 2019 is one
 * atom, except a unit that was split between several later units, which is cut into one atom
 * per successor. Each atom carries its unit in 2019 and in 2021, so a dissolve by either code
 * gives that year's units from one shared set of borders.
 */
import { bboxClip } from '@turf/turf';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import { isValidIn } from '../../src/domain/dataset/units.ts';
import type { Unit, UnitCode } from '../../src/domain/types.ts';

type Polygonal = Polygon | MultiPolygon;

export interface AtomProps {
  code_2019: UnitCode;
  code_2021: UnitCode;
  /** Area (prefecture-level city, or 定州/辛集 themselves) of the 2021 unit. */
  area: string;
}

/**
 * How to cut a unit that was split. Town boundaries are not available offline, so the cut is a
 * meridian chosen to match the published areas (geo/README.md); both successors' boundaries are
 * marked approximate in data/units.csv.
 */
export interface MeridianSplit {
  code: UnitCode;
  /** Longitude of the cut, in the output datum (WGS84). */
  longitude: number;
  west: UnitCode;
  east: UnitCode;
}

/** 邢台县 (130521), abolished in June 2020: its eastern towns went to 襄都区, the rest to 信都区. */
export const XINGTAI_SPLIT: MeridianSplit = { code: '130521', longitude: 114.494, west: '130503', east: '130502' };

/** The 2021 units that continue a 2019 unit: itself if its code lives on, else its successors. */
export function successorsOf(code: UnitCode, units: readonly Unit[], year = 2021): UnitCode[] {
  const later = units.filter((u) => isValidIn(u, year));
  if (later.some((u) => u.code === code)) return [code];
  return later.filter((u) => u.predecessorCodes.includes(code)).map((u) => u.code);
}

function clip(feature: Feature<Polygonal>, box: [number, number, number, number]): Feature<Polygonal> | null {
  const piece = bboxClip(feature, box);
  const coords = piece.geometry.coordinates as number[][][] | number[][][][];
  return coords.length > 0 ? (piece as Feature<Polygonal>) : null;
}

export function buildAtoms(
  drawn: readonly Feature<Polygonal>[],
  codes2019: readonly UnitCode[],
  units: readonly Unit[],
  splits: readonly MeridianSplit[] = [XINGTAI_SPLIT],
): { atoms: Feature<Polygonal, AtomProps>[]; errors: string[] } {
  const errors: string[] = [];
  const atoms: Feature<Polygonal, AtomProps>[] = [];
  const areaOf = (code: UnitCode) => units.find((u) => u.code === code && isValidIn(u, 2021))?.prefectureCode ?? '';
  drawn.forEach((feature, i) => {
    const code = codes2019[i] ?? '';
    const successors = successorsOf(code, units);
    const atom = (geometry: Polygonal, code2021: UnitCode): Feature<Polygonal, AtomProps> => ({
      type: 'Feature',
      properties: { code_2019: code, code_2021: code2021, area: areaOf(code2021) },
      geometry,
    });
    if (successors.length === 1) {
      atoms.push(atom(feature.geometry, successors[0] ?? ''));
      return;
    }
    const split = splits.find((s) => s.code === code);
    if (!split || successors.length !== 2 || !successors.includes(split.west) || !successors.includes(split.east)) {
      errors.push(`unit ${code} has successors [${successors.join(', ')}] in 2021 and no matching split rule`);
      return;
    }
    const west = clip(feature, [-180, -90, split.longitude, 90]);
    const east = clip(feature, [split.longitude, -90, 180, 90]);
    if (!west || !east) {
      errors.push(`the meridian ${split.longitude} does not cut unit ${code}`);
      return;
    }
    atoms.push(atom(west.geometry, split.west), atom(east.geometry, split.east));
  });
  return { atoms, errors };
}
