import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PROFILE_LINK } from '../../lib/detect/page-links';
import { parseProfileUrl } from '../../lib/social/profile-url';
import { profileHref } from '../support/profile-hrefs';

/**
 * The pattern the page tests each link's address with (issue 22). What `readPage` reports, read in
 * Chromium's own DOM, is tested in tests/e2e/page-read.test.ts: it reads through XPath, which the
 * unit tests' DOM does not have.
 */
describe('PROFILE_LINK', () => {
  it('never drops a link that is a profile on a platform’s host (the pattern is a superset)', () => {
    fc.assert(
      fc.property(profileHref, (raw) => {
        const base = 'https://www.uclh.nhs.uk/';
        const parsed = URL.canParse(raw, base) ? parseProfileUrl(new URL(raw, base).href) : undefined;
        if (parsed?.ok) expect(PROFILE_LINK.test(raw)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });
});
