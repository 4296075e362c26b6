/**
 * Retry-After, read by one rule for the command line's polite client and the browser's live
 * figures (issue 27; RFC 9110 §10.2.3): delay-seconds, or an HTTP date, which names a day or a
 * month in letters. Anything else ("soon", "-5", "1.5", a bare year) is not read at all.
 */

/**
 * How long `header` says to wait from `now`, in milliseconds, from 0 (a date in the past) to at
 * most `maxMs`; undefined when there is no header or it says nonsense. A list of values (Node's
 * headers) is read by its first.
 */
export function retryAfterDelay(header: string | readonly string[] | null | undefined, now: Date, maxMs: number): number | undefined {
  const text = (typeof header === 'string' ? header : header?.[0])?.trim();
  if (text === undefined || text === '') return undefined;
  const at = /^\d+$/.test(text) ? now.getTime() + Number(text) * 1000 : /[a-z]{3}/i.test(text) ? Date.parse(text) : Number.NaN;
  if (Number.isNaN(at)) return undefined;
  return Math.min(Math.max(at - now.getTime(), 0), maxMs);
}
