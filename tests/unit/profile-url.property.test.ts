import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PLATFORMS, type Platform } from '../../lib/social/platforms';
import { accountUrlProblem } from '../../lib/social/profile-rejections';
import { parseHandle, parseProfile, parseProfileUrl, type SocialProfile } from '../../lib/social/profile-url';

/**
 * Property tests for the one answer to "is this an account?" (issue 17): random and mutated input
 * never makes it throw, and whatever it accepts is canonical — its URL parses back to the same
 * account, and the index validator accepts that URL.
 */
const RUNS = { numRuns: 400 };

/** Real accounts' URLs as written on NHS pages, the seeds that mutations start from. */
const REAL = [
  'https://twitter.com/NHSEngland',
  'https://x.com/@uclh',
  'https://www.facebook.com/NHSEngland/',
  'https://m.facebook.com/profile.php?id=100064512345678',
  'https://www.facebook.com/pages/Example-Trust/123456789012',
  'https://www.instagram.com/nhsengland/?hl=en',
  'https://www.youtube.com/@NHSEngland',
  'https://www.youtube.com/channel/UCa1b2c3d4e5f6g7h8i9j0kL',
  'https://www.youtube.com/user/NHSLCH',
  'https://www.youtube.com/c/NHSEngland',
  'https://www.youtube.com/NHSChoices',
  'https://uk.linkedin.com/company/nhs-england',
  'https://www.linkedin.com/school/example-university/',
  'https://www.tiktok.com/@nhsengland',
  'https://bsky.app/profile/nhsengland.bsky.social',
  'https://bsky.app/profile/did:plc:abcdefghijklmnopqrstuvwx',
  'https://www.threads.net/@nhsengland',
  'https://www.flickr.com/photos/liverpoolcommunityhealth/',
  'https://www.flickr.com/people/123456@N07',
  'https://mastodon.social/@nhs',
  'https://mastodon.nhs.example/@ExampleTrust',
];
const HOSTS = [
  'x.com',
  'twitter.com',
  'www.facebook.com',
  'fb.com',
  'www.instagram.com',
  'www.youtube.com',
  'm.youtube.com',
  'uk.linkedin.com',
  'www.tiktok.com',
  'bsky.app',
  'www.threads.com',
  'www.flickr.com',
  'mastodon.social',
  '127.0.0.1',
  '[::1]',
  'localhost',
];

/** A path segment: handle-like text, a known keyword, or anything at all (percent-encoded or not). */
const segment = fc.oneof(
  fc.stringMatching(/^[A-Za-z0-9._@%-]{0,32}$/),
  fc.constantFrom(
    '@',
    'channel',
    'c',
    'user',
    'company',
    'in',
    'profile',
    'photos',
    'pages',
    'profile.php',
    'share',
    '..',
    '%',
    '%E0%A4%A',
  ),
  fc.string({ unit: 'binary', maxLength: 12 }),
);
const builtUrl = fc
  .tuple(
    fc.constantFrom('https', 'http', 'ftp', 'javascript'),
    fc.constantFrom(...HOSTS),
    fc.array(segment, { maxLength: 4 }),
    fc.boolean(),
  )
  .map(([scheme, host, path, slash]) => `${scheme}://${host}/${path.join('/')}${slash ? '/' : ''}`);

/** One small edit of a real URL: a character inserted, removed or replaced, a case change, a suffix. */
const mutated = fc
  .tuple(
    fc.constantFrom(...REAL),
    fc.nat(),
    fc.constantFrom('insert', 'delete', 'replace', 'upper', 'lower', 'append', 'userinfo', 'percent', 'percent25'),
    fc.string({ unit: 'binary', minLength: 1, maxLength: 4 }),
  )
  .map(([url, at, edit, text]) => {
    const i = at % (url.length + 1);
    switch (edit) {
      case 'insert':
        return url.slice(0, i) + text + url.slice(i);
      case 'delete':
        return url.slice(0, i) + url.slice(i + 1);
      case 'replace':
        return url.slice(0, i) + text + url.slice(i + text.length);
      case 'upper':
        return url.toUpperCase();
      case 'lower':
        return url.toLowerCase();
      case 'append':
        return `${url}${text}`;
      case 'percent': {
        const char = url.slice(i, i + 1);
        return (
          url.slice(0, i) +
          encodeURIComponent(char).replace(/^[^%]/, (c) => `%${c.charCodeAt(0).toString(16).padStart(2, '0')}`) +
          url.slice(i + 1)
        );
      }
      case 'percent25':
        return `${url.slice(0, i)}%25${url.slice(i)}`;
      default:
        return url.replace('://', `://${text}@`);
    }
  });
const anyInput = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 80 }),
  fc.webUrl({ withQueryParameters: true, withFragments: true }),
  builtUrl,
  mutated,
);
/** The Mastodon instances the caller says it knows: sometimes the input's own host (as for rel="me"). */
const instancesFor = (raw: string, own: boolean) => new Set(own && URL.canParse(raw) ? [new URL(raw).hostname] : []);
const platform = fc.constantFrom(...PLATFORMS);

/** The account `profile` names, read again from its own canonical URL, as the index validator does. */
function reparsed(profile: SocialProfile) {
  return parseProfileUrl(profile.url, profile.platform === 'mastodon' ? new Set([new URL(profile.url).hostname]) : undefined);
}

describe('profile URL rules, on random and mutated input', () => {
  it('never throw', () => {
    fc.assert(
      fc.property(anyInput, fc.boolean(), platform, (raw, own, chosen: Platform) => {
        parseProfileUrl(raw, instancesFor(raw, own));
        if (URL.canParse(raw)) parseProfile(new URL(raw), instancesFor(raw, own));
        parseHandle(chosen, raw);
        accountUrlProblem(chosen, raw);
      }),
      RUNS,
    );
  });

  it('accept only what re-parses from its canonical URL to the same account, which the validator accepts', () => {
    fc.assert(
      fc.property(anyInput, fc.boolean(), (raw, own) => {
        const parsed = parseProfileUrl(raw, instancesFor(raw, own));
        if (!parsed.ok) return;
        expect(reparsed(parsed.profile)).toEqual({ ok: true, profile: parsed.profile });
        expect(accountUrlProblem(parsed.profile.platform, parsed.profile.url)).toBeUndefined();
      }),
      // Found by this property (issue 17): a LinkedIn slug with an escaped % decoded differently the second time.
      { ...RUNS, examples: [['https://www.linkedin.com/company/%2541bc', false]] },
    );
  });

  it('never place a Mastodon account at an IP address or a host without a dot, whatever the page says', () => {
    fc.assert(
      fc.property(anyInput, (raw) => {
        const parsed = parseProfileUrl(raw, instancesFor(raw, true));
        if (!parsed.ok || parsed.profile.platform !== 'mastodon') return;
        const host = new URL(parsed.profile.url).hostname;
        expect(host).toContain('.');
        expect(host).not.toMatch(/^\[|^[\d.]+$/);
      }),
      { ...RUNS, examples: [['http://127.0.0.1/@nhs'], ['https://[::1]/@nhs'], ['http://localhost/@nhs']] },
    );
  });

  it('build from a typed handle only accounts of the platform chosen, in canonical form', () => {
    const handle = fc.oneof(fc.stringMatching(/^@?[A-Za-z0-9._-]{0,32}$/), fc.string({ unit: 'binary', maxLength: 30 }), mutated);
    fc.assert(
      fc.property(platform, handle, (chosen, typed) => {
        const parsed = parseHandle(chosen, typed);
        if (!parsed.ok) return;
        expect(parsed.profile.platform).toBe(chosen);
        expect(reparsed(parsed.profile)).toEqual({ ok: true, profile: parsed.profile });
        expect(accountUrlProblem(chosen, parsed.profile.url)).toBeUndefined();
      }),
      RUNS,
    );
  });

  it('find every seed an account, and so test what they claim to', () => {
    for (const url of REAL) expect(parseProfileUrl(url, instancesFor(url, true)).ok, url).toBe(true);
  });
});
