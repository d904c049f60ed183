/**
 * Strict checks of imported layers read back from outside the running app: this browser's
 * storage (another version of the app, another tab, a user's edit) or a shared link (anyone's
 * text). Nothing read back is trusted: every field is checked for type and range, every fact
 * against the units of its year, and only known fields are copied. What fails is dropped —
 * a fact, or a whole layer — and reported as a problem code the UI words; the rest is kept.
 */
import { isValidIn } from '../domain/dataset/units';
import { IMPORT_LIMITS, isImportSourceId, type ImportFact, type ImportLayer } from '../domain/import/types';
import { isCalendarDate } from '../domain/calendar-date';
import { hasBidiControls, stripBidiControls } from '../domain/text-safety';
import { isYear } from '../domain/timeline';
import { TIERS, unitCountIn, type Tier, type Unit } from '../domain/types';

/** Most layers kept at once (IMPORT_LIMITS.maxLayers). */
export const MAX_LAYERS = IMPORT_LIMITS.maxLayers;
/** Longest source title, date and link kept. */
export const MAX_TITLE_CHARS = IMPORT_LIMITS.maxFieldChars;
export const MAX_URL_CHARS = 2000;

export type LayerDropReason = 'shape' | 'id' | 'title' | 'date' | 'url' | 'origin' | 'no-facts' | 'too-many';

export type CheckProblem =
  /** The whole input is not a list of layers. */
  | { code: 'not-layers' }
  /** Layers past MAX_LAYERS were dropped. */
  | { code: 'too-many-layers'; limit: number }
  /** One layer was dropped; `title` when it had a readable one. */
  | { code: 'layer-dropped'; title: string | null; reason: LayerDropReason }
  /** Some facts of a kept layer were dropped; `example` is one of them ("139999@2021"). */
  | { code: 'facts-dropped'; title: string; count: number; example: string };

export interface CheckedLayers {
  layers: ImportLayer[];
  problems: CheckProblem[];
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const isTier = (value: unknown): value is Tier =>
  typeof value === 'string' && (TIERS as readonly string[]).includes(value);

/**
 * Control characters (C0, DEL, C1) and invisible format characters (zero-width space and
 * joiners, word joiner, byte-order mark): nothing a link needs, and each can hide or disguise
 * what a link shown as text says. Bidirectional controls are checked by hasBidiControls.
 */
const isHiddenChar = (ch: string): boolean => {
  const c = ch.charCodeAt(0);
  return c <= 0x1f || (c >= 0x7f && c <= 0x9f) || (c >= 0x200b && c <= 0x200d) || c === 0x2060 || c === 0xfeff;
};

/**
 * A source link that is safe to put in an href and to show as text: http or https only (never
 * javascript:, data: or a relative path), at most MAX_URL_CHARS, and without control, invisible
 * or bidirectional control characters (`https://example.com/\u202Egpj.exe` would be shown as
 * ending in "exe.jpg"). Returns the URL as given, or null.
 */
export function safeSourceUrl(text: string): string | null {
  const trimmed = text.trim();
  if (trimmed === '' || trimmed.length > MAX_URL_CHARS) return null;
  if (Array.from(trimmed).some(isHiddenChar) || hasBidiControls(trimmed)) return null;
  try {
    const url = new URL(trimmed);
    return url.protocol === 'http:' || url.protocol === 'https:' ? trimmed : null;
  } catch {
    return null;
  }
}

/** Earliest and latest year a source date may have: the evaluations began in 2019. */
const SOURCE_YEARS = { min: 2000, max: 2100 } as const;

/**
 * A source date as the dialog takes it: 2023, 2023-12 or 2023-12-22, or empty. The date must
 * exist in the calendar (2023-02-30 and 2023-04-31 do not; 2024-02-29 does).
 */
export function isSourceDate(text: string): boolean {
  return text === '' || isCalendarDate(text, { partial: true, years: SOURCE_YEARS });
}

/**
 * When a layer was applied, as Date.toISOString writes it (a plain date is taken too): the one
 * calendar check (domain/calendar-date.ts), not Date.parse, which takes "2023-02-30" and "1".
 */
export function isCreatedAt(text: string): boolean {
  return text.length <= 40 && isCalendarDate(text, { time: true });
}

/** Text quoted from the input in a problem (a fact's code or year): no control or bidi characters. */
const quoted = (text: string): string =>
  Array.from(stripBidiControls(text))
    .filter((ch) => !isHiddenChar(ch))
    .join('');

/** A fact, or why not: the code must name a unit in that year, the rank fit the year's units. */
function checkFact(value: unknown, units: readonly Unit[]): ImportFact | null {
  if (!isRecord(value)) return null;
  const { code, year, tier, rank, rankOf, raw } = value;
  if (typeof code !== 'string' || !/^\d{6}$/.test(code)) return null;
  if (!isYear(year) || !isTier(tier)) return null;
  if (!units.some((u) => u.code === code && isValidIn(u, year))) return null;
  const count = unitCountIn(year);
  const rankOk = rank === null || (typeof rank === 'number' && Number.isInteger(rank) && rank >= 1 && rank <= count);
  if (!rankOk || (rankOf !== null && rankOf !== count)) return null;
  if (typeof raw !== 'string' || raw.length > IMPORT_LIMITS.maxFieldChars) return null;
  // rank_of goes with a rank and is the year's unit count; nothing else is read from the input.
  return {
    code,
    year,
    tier,
    rank: rank === null ? null : Number(rank),
    rankOf: rank === null ? null : count,
    raw: stripBidiControls(raw),
  };
}

type LayerResult = { layer: ImportLayer; dropped: unknown[] } | { reason: LayerDropReason };

function checkLayer(value: unknown, units: readonly Unit[], origin: ImportLayer['origin']): LayerResult {
  if (!isRecord(value) || !isRecord(value.source) || !Array.isArray(value.facts)) return { reason: 'shape' };
  const { id, source, createdAt, facts } = value;
  if (typeof id !== 'string' || !isImportSourceId(id)) return { reason: 'id' };
  const { date } = source;
  // The link is checked without bidirectional controls, as the dialog checks it; a link with any
  // other control or invisible character is refused (safeSourceUrl).
  const url = typeof source.url === 'string' ? stripBidiControls(source.url) : null;
  // Bidirectional controls could make a title read backwards wherever it is shown (direction
  // spoofing): they are removed before the checks, so a title of nothing else is no title.
  const title = typeof source.title === 'string' ? stripBidiControls(source.title) : null;
  if (title === null || title.trim() === '' || title.length > MAX_TITLE_CHARS) return { reason: 'title' };
  if (typeof date !== 'string' || !isSourceDate(date)) return { reason: 'date' };
  if (url === null || (url !== '' && safeSourceUrl(url) !== url)) return { reason: 'url' };
  if (typeof createdAt !== 'string' || !isCreatedAt(createdAt)) return { reason: 'date' };
  // A layer from storage was kept by the user; one from a link never is until they say so.
  if (value.origin !== origin) return { reason: 'origin' };
  if (facts.length > IMPORT_LIMITS.maxEntries) return { reason: 'too-many' };
  const kept: ImportFact[] = [];
  const dropped: unknown[] = [];
  const seen = new Set<string>();
  for (const item of facts) {
    const fact = checkFact(item, units);
    const key = fact ? `${fact.code}@${fact.year}` : '';
    if (!fact || seen.has(key)) {
      dropped.push(item);
      continue;
    }
    seen.add(key);
    kept.push(fact);
  }
  if (kept.length === 0) return { reason: 'no-facts' };
  return { layer: { id, source: { title, date, url }, createdAt, facts: kept, origin }, dropped };
}

/** "139999@2021" for a dropped fact, as far as it can be read. */
function describeFact(value: unknown): string {
  if (!isRecord(value)) return typeof value;
  const part = (v: unknown) => (typeof v === 'string' || typeof v === 'number' ? quoted(String(v)).slice(0, 12) : '?');
  return `${part(value.code)}@${part(value.year)}`;
}

/**
 * The layers of `input` that pass, with the problems of the rest. Ids must be IMPn and unique
 * (a repeated id drops the later layer), every layer's origin must be `origin`.
 */
export function checkLayers(input: unknown, units: readonly Unit[], origin: ImportLayer['origin']): CheckedLayers {
  if (!Array.isArray(input)) return { layers: [], problems: [{ code: 'not-layers' }] };
  const problems: CheckProblem[] = [];
  const layers: ImportLayer[] = [];
  if (input.length > MAX_LAYERS) problems.push({ code: 'too-many-layers', limit: MAX_LAYERS });
  for (const value of input.slice(0, MAX_LAYERS)) {
    const result = checkLayer(value, units, origin);
    const title =
      isRecord(value) && isRecord(value.source) && typeof value.source.title === 'string'
        ? stripBidiControls(value.source.title).slice(0, MAX_TITLE_CHARS)
        : null;
    if ('reason' in result) {
      problems.push({ code: 'layer-dropped', title, reason: result.reason });
      continue;
    }
    if (layers.some((l) => l.id === result.layer.id)) {
      problems.push({ code: 'layer-dropped', title, reason: 'id' });
      continue;
    }
    layers.push(result.layer);
    const [first] = result.dropped;
    if (result.dropped.length > 0) {
      problems.push({
        code: 'facts-dropped',
        title: result.layer.source.title,
        count: result.dropped.length,
        example: describeFact(first),
      });
    }
  }
  return { layers, problems };
}
