/** Small helpers on TopoJSON objects that mapshaper's output lacks. */
import type { GeometryCollection, Point, Topology } from 'topojson-specification';

/** Adds a layer of points to a quantized topology (point positions are quantized, not delta-coded). */
export function addPointLayer(
  topology: Topology,
  name: string,
  points: readonly { position: [number, number]; properties: Record<string, string> }[],
): void {
  const transform = topology.transform;
  const quantize = ([x, y]: [number, number]): [number, number] =>
    transform
      ? [
          Math.round((x - transform.translate[0]) / transform.scale[0]),
          Math.round((y - transform.translate[1]) / transform.scale[1]),
        ]
      : [x, y];
  const geometries: Point<Record<string, string>>[] = points.map((p) => ({
    type: 'Point',
    coordinates: quantize(p.position),
    properties: p.properties,
  }));
  const layer: GeometryCollection<Record<string, string>> = { type: 'GeometryCollection', geometries };
  topology.objects[name] = layer;
}
