/**
 * The one strict check of a date that enters the app from outside (a source date typed in the
 * import dialog, a layer's dates read back from storage or a shared `#imp=` link). Date.parse is
 * no such check: it takes "2023-02-30" (as March 2), "Feb 30 2023" and "1". A date here is ISO
 * 8601 text in one of the forms below, and the day must exist in the calendar (2023-02-30,
 * 2023-04-31 and 2023-02-29 do not; 2024-02-29 does).
 */

export interface CalendarDateOptions {
  /** Also take a year ("2023") or a month ("2023-12") alone. */
  partial?: boolean;
  /**
   * Also take a date with a time, as Date.toISOString writes it: "2023-12-22T08:30",
   * "2023-12-22T08:30:05", "…:05.123", each with an optional "Z" or "+08:00".
   */
  time?: boolean;
  /** The years taken, inclusive; by default 1000–9999 (no year 0000). */
  years?: { min: number; max: number };
}

const DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/u;
const TIME = /^(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(?:Z|[+-](\d{2}):(\d{2}))?$/u;

/** Whether the day exists: day 0 of the next month is the last day of this one. */
const dayExists = (year: number, month: number, day: number): boolean =>
  month >= 1 && month <= 12 && day >= 1 && day <= new Date(Date.UTC(year, month, 0)).getUTCDate();

/**
 * Whether `text` is a date the calendar has, in ISO form: "2023-12-22"; with `partial` also
 * "2023" and "2023-12"; with `time` also a date-time. Nothing else: no other separators, no
 * spaces, no one-digit months or days, no out-of-range hours, minutes or offsets.
 */
export function isCalendarDate(text: string, options: CalendarDateOptions = {}): boolean {
  const { partial = false, time = false, years = { min: 1000, max: 9999 } } = options;
  const cut = time ? text.indexOf('T') : -1;
  const datePart = cut === -1 ? text : text.slice(0, cut);
  const m = DATE.exec(datePart);
  if (!m) return false;
  const [, y = '', mo, d] = m;
  if (d === undefined && (!partial || cut !== -1)) return false;
  const year = Number(y);
  if (year < years.min || year > years.max) return false;
  if (!dayExists(year, mo === undefined ? 1 : Number(mo), d === undefined ? 1 : Number(d))) return false;
  if (cut === -1) return true;
  const t = TIME.exec(text.slice(cut + 1));
  if (!t) return false;
  const [, hh = '', mm = '', ss = '0', oh = '0', om = '0'] = t;
  return Number(hh) <= 23 && Number(mm) <= 59 && Number(ss) <= 59 && Number(oh) <= 23 && Number(om) <= 59;
}
