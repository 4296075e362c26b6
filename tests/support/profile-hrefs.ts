/**
 * Link addresses as pages write them, for property tests of what a page reports (issue 22): used by
 * tests/unit/page-links.test.ts and tests/e2e/page-read.test.ts.
 */
import fc from 'fast-check';
import { PROFILE_HOSTS } from '../../lib/social/profile-url';

// Addresses built from parts as pages write them: any case, relative forms, ports, trailing dots,
// backslashes, share links and other sites. (A host hidden behind percent-escapes or tabs is not
// among them: a site that obfuscates its own link is not claiming it.)
const host = fc.oneof(
  fc.constantFrom(...PROFILE_HOSTS).chain((h) => fc.constantFrom(h, `www.${h}`, `m.${h}`, `uk.${h}`, h.toUpperCase(), `${h}.`)),
  fc.constantFrom('www.example.nhs.uk', 'fox.com', 'mastodon.example', 'example.org', '127.0.0.1', 'xcom'),
);
const path = fc.constantFrom(
  '/uclh',
  '/@uclh',
  '/company/uclh-nhs',
  '/profile/uclh.bsky.social',
  '/intent/tweet',
  '/',
  '',
  '\\uclh',
  '/photos/uclh',
);
export const profileHref = fc.oneof(
  fc
    .tuple(
      fc.constantFrom('https://', 'http://', '//', 'HTTPS://'),
      host,
      fc.constantFrom('', ':443'),
      path,
      fc.constantFrom('', '?ref=a', '#top'),
    )
    .map((parts) => parts.join('')),
  fc.constantFrom('/about', 'mailto:a@example.nhs.uk', 'javascript:void(0)', '#main', ''),
);
