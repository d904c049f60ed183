/**
 * Pasted results notices → import entries.
 */
import type { Tier } from '../types';
import type { ParsedInput } from './types';

export interface NoticeDefaults {
  year: number | null;
  tier: Tier | null;
  scoreOrdered: boolean;
}

export function parseNotice(text: string, defaults: NoticeDefaults): ParsedInput {
  void text;
  void defaults;
  throw new Error('parseNotice: not yet implemented');
}
