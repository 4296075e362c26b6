import { describe, expect, it } from 'vitest';
import { retryAfterDelay } from '../../lib/net/retry-after';

const NOW = new Date('2026-11-28T14:02:00Z');
const DAY = 86_400_000;

/** One Retry-After rule for the command line's polite client and the browser's live figures (issue 27). */
describe('retryAfterDelay', () => {
  it.each([
    ['300', 300_000],
    [' 0 ', 0],
    ['Sat, 28 Nov 2026 14:12:00 GMT', 600_000],
    // The obsolete date forms HTTP still accepts.
    ['Saturday, 28-Nov-26 14:12:00 GMT', 600_000],
    // A date in the past is now; a wait over the most is read as the most.
    ['Sat, 28 Nov 2026 10:00:00 GMT', 0],
    ['99999999', DAY],
    ['soon', undefined],
    ['-5', undefined],
    ['1.5', undefined],
    // Words that are no date, and an ISO date, which is no HTTP date though Date.parse would read it.
    ['in 5 minutes', undefined],
    ['2026-11-28T14:12:00Z', undefined],
    ['', undefined],
    [null, undefined],
    [undefined, undefined],
  ])('reads %j as %s ms', (header, expected) => {
    expect(retryAfterDelay(header, NOW, DAY)).toBe(expected);
  });

  it('reads the first of a list of values, as Node gives a repeated header', () => {
    expect(retryAfterDelay(['5', '60'], NOW, DAY)).toBe(5000);
  });

  it('holds the wait to the caller’s most', () => {
    expect(retryAfterDelay('120', NOW, 60_000)).toBe(60_000);
    expect(retryAfterDelay('Sat, 28 Nov 2026 15:00:00 GMT', NOW, 60_000)).toBe(60_000);
  });
});
