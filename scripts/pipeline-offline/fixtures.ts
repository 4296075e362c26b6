/**
 * What the offline pipeline's loopback servers answer (issue 21): the project's own small pages
 * for a dozen organisations' sites, under their real host names (from the index), and Bluesky's
 * and Mastodon's APIs as their documentation shows them (tests/support/live-apis.ts). The accounts
 * are test data: handles ending in "nsl-test" or test instances, never a real organisation's claim.
 */
import {
  BLUESKY_HOST,
  blueskyAnswers,
  blueskyProfilePath,
  type FakeAnswers,
  jsonAnswer,
  MASTODON_HOST,
  mastodonAnswers,
} from '../../tests/support/live-apis';

export interface FixtureSite {
  ods: string;
  /** Profiles the home page's footer links to. */
  links: string[];
  /** Profiles a "Contact us" page links to, which the home page links (read as a likely page). */
  contactLinks?: string[];
  /** The site answers every request with this server error: it cannot be read. */
  broken?: number;
}

const bsky = (handle: string) => `https://bsky.app/profile/${handle}`;

/** Twelve organisations' sites: each kind of finding at least once, and one site that cannot be read. */
export const FIXTURE_SITES: readonly FixtureSite[] = [
  {
    ods: 'RJ1',
    links: [
      'https://www.facebook.com/GuysandStThomasNHS',
      'https://x.com/GSTTnhsNslTest',
      'https://www.linkedin.com/company/gstt-nsl-test',
      bsky('gstt-nsl-test.bsky.social'),
    ],
  },
  { ods: 'RRV', links: ['https://www.instagram.com/uclh', 'https://x.com/UCLHNslTest', bsky('uclh-nsl-test.bsky.social')] },
  { ods: 'RJZ', links: ['https://www.facebook.com/KingsCollegeHospital', `https://${MASTODON_HOST}/@kchnsltest`] },
  { ods: 'RR8', links: ['https://www.facebook.com/LeedsTHTrust'] },
  { ods: 'RX1', links: [] },
  { ods: 'RTH', links: [], contactLinks: ['https://x.com/OUHNslTest', 'https://www.youtube.com/@OUHNslTest'] },
  { ods: 'RGT', links: ['https://x.com/CUHNslTest', bsky('cuh-nsl-test.bsky.social')] },
  { ods: 'RYJ', links: ['https://www.facebook.com/imperialnhs', bsky('imperial-nsl-test.bsky.social')] },
  { ods: 'R0A', links: ['https://www.instagram.com/mftnsltest', 'https://www.tiktok.com/@mftnsltest'] },
  { ods: 'RHM', links: ['https://www.youtube.com/@UHSNslTest', 'https://www.linkedin.com/company/uhs-nsl-test'] },
  { ods: 'RBS', links: [], broken: 503 },
  { ods: '7A1', links: ['https://x.com/BCUHBNslTest', 'https://www.facebook.com/BCUHBNslTest'] },
  { ods: 'QWE', links: ['https://www.linkedin.com/company/swl-icb-nsl-test'] },
];

/** A site's home page, or its contact page: a header, an article with share buttons (never accounts) and a footer. */
export function sitePage(name: string, links: readonly string[], linksContactPage: boolean): string {
  const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');
  const icons = links.map((href) => `      <a href="${escapeHtml(href)}" rel="me" aria-label="Follow us">Follow us</a>`);
  return `<!doctype html>
<html lang="en-GB">
  <head><meta charset="utf-8"><title>${escapeHtml(name)}</title></head>
  <body>
    <!-- Written for the offline pipeline (issue 21): not a copy of the organisation's site. -->
    <header><nav><a href="/">Home</a>${linksContactPage ? ' <a href="/contact-us">Contact us</a>' : ''}</nav></header>
    <main>
      <h1>${escapeHtml(name)}</h1>
      <p><a href="https://twitter.com/intent/tweet?text=News">Share on X</a>
      <a href="https://www.facebook.com/sharer/sharer.php?u=https%3A%2F%2Fexample.org">Share on Facebook</a></p>
    </main>
    <footer>
${icons.join('\n')}
    </footer>
  </body>
</html>
`;
}

/**
 * The APIs' answers, dated from `now`: every Bluesky and Mastodon account the sites link has
 * figures, except Cambridge's (the account is deactivated: closed) and Imperial's (the API fails:
 * the last figures are kept).
 */
export function apiAnswers(now: Date): FakeAnswers {
  return {
    ...blueskyAnswers('gstt-nsl-test.bsky.social', now, 5120),
    ...blueskyAnswers('uclh-nsl-test.bsky.social', now, 3400, 120),
    [blueskyProfilePath('cuh-nsl-test.bsky.social')]: jsonAnswer(400, { error: 'AccountDeactivated', message: 'Account is deactivated' }),
    [blueskyProfilePath('imperial-nsl-test.bsky.social')]: jsonAnswer(502, { error: 'BadGateway' }),
    ...mastodonAnswers('kchnsltest', now, 640),
  };
}

/** Every host name the servers answer for: the sites', and the APIs'. */
export const API_HOSTS = [BLUESKY_HOST, MASTODON_HOST] as const;
