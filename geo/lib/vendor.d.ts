// Type declarations for build-time packages that ship none.

declare module 'mapshaper' {
  /** Runs mapshaper commands on in-memory files; resolves to the -o outputs by file name. */
  export function applyCommands(
    commands: string,
    input: Record<string, string | object>,
  ): Promise<Record<string, string | Buffer>>;
  const mapshaper: { applyCommands: typeof applyCommands };
  export default mapshaper;
}

declare module 'polylabel' {
  /** The pole of inaccessibility of a polygon's rings; `distance` is to its nearest edge. */
  export default function polylabel(polygon: number[][][], precision?: number): [number, number] & { distance: number };
}
