/**
 * Names in results notices and CSV files → units of data/units.csv, for one evaluation year.
 */
import type { Unit } from '../types';
import type { Resolution } from './types';

export interface ResolveContext {
  /** An area code the input puts the name under (a "石家庄市：" heading, a CSV city column). */
  areaHint?: string | null;
  /** Areas of the other names already resolved in the same list. */
  listAreas?: readonly string[];
}

export type NameResolver = (raw: string, year: number, context?: ResolveContext) => Resolution;

export function createNameResolver(units: readonly Unit[]): NameResolver {
  void units;
  throw new Error('createNameResolver: not yet implemented');
}
