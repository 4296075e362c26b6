import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { badgeFor } from '../../lib/browser/badge';
import type { StoredSighting } from '../../lib/detect/stored-sighting';
import type { Account, Organisation, PlatformCheck } from '../../lib/index/schema';
import { validateIndex } from '../../lib/index/validate';
import { adoptionOf } from '../../lib/metrics/adoption';
import {
  adoptionWithSite,
  levelInWords,
  OWN_WEBSITE_SOURCE,
  officialOwnersIn,
  siteEvidence,
  withoutOthersAccounts,
} from '../../lib/metrics/site-evidence';
import { PLATFORMS } from '../../lib/social/platforms';
import { accountKey, parseProfileUrl } from '../../lib/social/profile-url';
import { makeAccount, makeIndex, makeOrganisation } from '../support/index-factory';

const SEEN = '2026-11-28T10:00:00.000Z';

/** A sighting of the profile at `url` on RRV's own site, as recordSightings stores it. */
function sighting(url: string, changes: Partial<StoredSighting> = {}): StoredSighting {
  const parsed = parseProfileUrl(url);
  if (!parsed.ok) throw new Error(`not a profile: ${url}`);
  const { platform, handle } = parsed.profile;
  return {
    organisationId: 'RRV',
    accountKey: accountKey(platform, handle),
    platform,
    handle,
    url: parsed.profile.url,
    pageUrl: 'https://www.uclh.nhs.uk/',
    via: 'link',
    sharedWith: [],
    firstSeen: SEEN,
    lastSeen: SEEN,
    ...changes,
  };
}

const SEVEN = [
  'https://www.facebook.com/ExampleUniHospitals',
  'https://x.com/ExampleUniHosp',
  'https://www.instagram.com/exampleunihospitals',
  'https://www.youtube.com/@ExampleUniHospitals',
  'https://www.linkedin.com/company/example-university-hospitals',
  'https://www.tiktok.com/@exampleunihospitals',
  'https://bsky.app/profile/exampleunihospitals.bsky.social',
].map((url) => sighting(url));

const check = (platform: PlatformCheck['platform'], result: PlatformCheck['result'], checked: string): PlatformCheck => ({
  platform,
  result,
  source: 'test-source',
  checked,
});

describe('siteEvidence', () => {
  it('adds the accounts its own site links to, as official and in use, dated when seen', () => {
    const org = makeOrganisation();
    const { rows, view } = siteEvidence(org, SEVEN);
    expect(rows.map((r) => r.platform)).toEqual(['x', 'facebook', 'instagram', 'youtube', 'linkedin', 'tiktok', 'bluesky']);
    expect(rows.every((r) => r.site !== undefined && r.index === undefined && r.notCounted === undefined)).toBe(true);
    expect(view.accounts).toHaveLength(7);
    expect(view.accounts[0]).toMatchObject({
      verification: 'official',
      state: 'active',
      source: OWN_WEBSITE_SOURCE,
      checked: '2026-11-28',
    });
    const adoption = adoptionWithSite(org, siteEvidence(org, SEVEN));
    expect(adoption).toMatchObject({ level: 'several-platforms', basis: 'site', basisLabel: 'from its own website' });
    expect(levelInWords(adoption)).toBe('Several platforms, from its own website');
    // What a link shows, and no more: accounts, not activity (issue 30).
    expect(adoption.explanation).toBe(
      'Has accounts on X (Twitter), Facebook, Instagram, YouTube, LinkedIn, TikTok and Bluesky, linked from its own website; activity not measured.',
    );
    expect(adoption.explanation).not.toMatch(/active/i);
  });

  it('keeps "not yet known" when neither the index nor the site gives anything, never "none"', () => {
    const org = makeOrganisation();
    const adoption = adoptionWithSite(org, siteEvidence(org, []));
    expect(adoption).toMatchObject({ level: 'unknown', basis: 'index', basisLabel: '', label: 'Not yet known' });
  });

  it('shows an account in the index and on the site as one row with both facts, and rests the level on both', () => {
    const org = makeOrganisation({ accounts: [makeAccount({ checked: '2025-01-10' })] });
    const evidence = siteEvidence(org, [sighting('https://twitter.com/UCLH'), sighting('https://www.facebook.com/uclh')]);
    expect(evidence.rows.map((r) => [r.key, r.index?.source, r.site?.pageUrl])).toEqual([
      ['x:uclh', 'test-source', 'https://www.uclh.nhs.uk/'],
      ['facebook:uclh', undefined, 'https://www.uclh.nhs.uk/'],
    ]);
    // The site's later sighting dates the index's account's use; its source stays the index's.
    expect(evidence.view.accounts[0]).toMatchObject({ source: 'test-source', checked: '2026-11-28' });
    expect(adoptionWithSite(org, evidence)).toMatchObject({
      level: 'several-platforms',
      basis: 'index-and-site',
      explanation:
        'Has an official account on X (Twitter) in the index, and an account on Facebook, linked from its own website; activity not measured.',
    });
  });

  it('makes an unverified candidate its own site links to official, and leaves the others unverified', () => {
    const candidate = (handle: string): Account =>
      makeAccount({ handle, url: `https://x.com/${handle}`, verification: 'unverified', state: 'unknown' });
    const org = makeOrganisation({ accounts: [candidate('uclhnews'), candidate('uclhjobs')] });
    const evidence = siteEvidence(org, [sighting('https://x.com/UCLHnews')]);
    expect(evidence.rows.map((r) => r.key)).toEqual(['x:uclhnews']);
    expect(evidence.unverified.map((r) => r.key)).toEqual(['x:uclhjobs']);
    expect(evidence.view.accounts.map((a) => [a.handle, a.verification, a.state, a.source])).toEqual([
      ['uclhnews', 'official', 'active', OWN_WEBSITE_SOURCE],
    ]);
  });

  it('never revives an account the index says closed: both facts shown, the level unmoved', () => {
    const org = makeOrganisation({ accounts: [makeAccount({ state: 'closed', checked: '2025-03-01' })] });
    const evidence = siteEvidence(org, [sighting('https://x.com/uclh')]);
    expect(evidence.rows[0]).toMatchObject({ index: { state: 'closed' }, site: { lastSeen: SEEN } });
    expect(evidence.view.accounts[0]).toMatchObject({ state: 'closed', checked: '2025-03-01' });
    expect(adoptionWithSite(org, evidence)).toMatchObject({ level: 'unknown', closedPlatforms: ['x'], basis: 'index' });
  });

  it('does not count a link on a platform a dated check says the organisation left, whatever the dates', () => {
    const org = makeOrganisation({ platformChecks: [check('x', 'closed', '2024-05')] });
    const evidence = siteEvidence(org, [sighting('https://x.com/uclh')]);
    expect(evidence.rows[0]?.notCounted).toEqual({ reason: 'index-says', check: check('x', 'closed', '2024-05') });
    expect(evidence.view.accounts).toEqual([]);
    expect(adoptionWithSite(org, evidence).activePlatforms).toEqual([]);
  });

  it('outweighs an older "no account found" with a newer link', () => {
    const org = makeOrganisation({ platformChecks: [check('facebook', 'no-account', '2020')] });
    expect(adoptionOf(org).activePlatforms).toEqual([]);
    expect(adoptionWithSite(org, siteEvidence(org, [sighting('https://www.facebook.com/uclh')])).activePlatforms).toEqual(['facebook']);
  });

  it('shows a link on a site shared with another organisation but never counts it', () => {
    const org = makeOrganisation();
    const evidence = siteEvidence(org, [sighting('https://www.facebook.com/GroupNHS', { sharedWith: ['RJ1'] })]);
    expect(evidence.rows[0]?.notCounted).toEqual({ reason: 'shared-site' });
    expect(adoptionWithSite(org, evidence)).toMatchObject({ level: 'unknown', basis: 'index' });
  });

  it('reads only this organisation’s sightings', () => {
    const evidence = siteEvidence(makeOrganisation(), [sighting('https://x.com/other', { organisationId: 'RJ1' })]);
    expect(evidence.rows).toEqual([]);
  });
});

describe('withoutOthersAccounts', () => {
  const england = makeOrganisation({
    id: 'X24',
    name: 'NHS England',
    accounts: [makeAccount({ handle: 'NHSEngland', url: 'https://x.com/NHSEngland' })],
  });
  const owners = officialOwnersIn([england, makeOrganisation({ accounts: [makeAccount()] })]);

  it('drops a profile the index lists as another organisation’s official account', () => {
    const kept = withoutOthersAccounts(
      [sighting('https://x.com/NHSEngland'), sighting('https://x.com/uclh'), sighting('https://x.com/new')],
      owners,
    );
    expect(kept.map((s) => s.accountKey)).toEqual(['x:uclh', 'x:new']);
  });

  it('keeps it for the organisation that lists it, and where another lists it only as unverified', () => {
    const shared = officialOwnersIn([
      england,
      makeOrganisation({ accounts: [makeAccount({ handle: 'NHSEngland', url: 'https://x.com/NHSEngland' })] }),
    ]);
    expect(withoutOthersAccounts([sighting('https://x.com/NHSEngland')], shared)).toHaveLength(1);
    const unverified = officialOwnersIn([
      makeOrganisation({ id: 'RJ1', accounts: [makeAccount({ handle: 'new', url: 'https://x.com/new', verification: 'unverified' })] }),
    ]);
    expect(withoutOthersAccounts([sighting('https://x.com/new')], unverified)).toHaveLength(1);
  });
});

describe('badgeFor, over the index and its own site', () => {
  const result = (org: Organisation, sightings: StoredSighting[]) =>
    badgeFor({
      state: 'recognised',
      detection: {
        url: 'https://www.uclh.nhs.uk/',
        candidates: [{ organisation: org, evidence: { rule: 'domain', value: 'uclh.nhs.uk' }, confidence: 'high' }],
      },
      sightings,
      context: [],
      ownCorrections: [],
      index: { version: 1, generatedAt: '2026-11-25T00:00:00Z', sources: [] },
    });

  it('shows 7, green, "Several platforms, from its own website" for a footer of seven platforms', () => {
    expect(result(makeOrganisation(), SEVEN)).toEqual({
      text: '7',
      colour: '#007f3b',
      title: 'NHS Social Lens: University College London Hospitals NHS Foundation Trust (Several platforms, from its own website)',
    });
  });

  it('stays "?" when neither the index nor the site gives anything', () => {
    expect(result(makeOrganisation(), []).text).toBe('?');
  });
});

describe('site evidence, property', () => {
  const PROFILE_URLS = [
    'https://x.com/uclh',
    'https://x.com/UCLHnews',
    'https://www.facebook.com/uclh',
    'https://www.instagram.com/uclh',
    'https://www.youtube.com/@uclh',
    'https://www.linkedin.com/company/uclh',
    'https://bsky.app/profile/uclh.bsky.social',
    'https://www.tiktok.com/@uclh',
    'https://www.flickr.com/photos/uclh',
  ].filter((url) => parseProfileUrl(url).ok);
  const day = fc.date({ min: new Date('2010-01-01'), max: new Date('2030-12-31'), noInvalidDate: true }).map((d) => d.toISOString());
  const account = fc.record({
    url: fc.constantFrom(...PROFILE_URLS),
    verification: fc.constantFrom('official', 'unverified'),
    state: fc.constantFrom('active', 'closed', 'dormant', 'unknown'),
    checked: day.map((d) => d.slice(0, 10)),
  });
  const sightingArb = fc.record({ url: fc.constantFrom(...PROFILE_URLS), shared: fc.boolean(), seen: day });
  const checkArb = fc.record({
    platform: fc.constantFrom(...PLATFORMS),
    result: fc.constantFrom('no-account', 'closed', 'dormant', 'account-unnamed'),
    checked: day.map((d) => d.slice(0, 10)),
  });

  it('never crashes, its view re-validates, and the site only ever adds: never "none", never a platform lost', () => {
    fc.assert(
      fc.property(
        fc.array(account, { maxLength: 6 }),
        fc.array(sightingArb, { maxLength: 10 }),
        fc.array(checkArb, { maxLength: 4 }),
        (accounts, seen, checks) => {
          const unique = [...new Map(accounts.map((a) => [a.url, a])).values()];
          const org = makeOrganisation({
            accounts: unique.map((a) => {
              const parsed = parseProfileUrl(a.url);
              if (!parsed.ok) throw new Error('fixture');
              return makeAccount({
                ...parsed.profile,
                verification: a.verification as Account['verification'],
                state: a.state as Account['state'],
                checked: a.checked,
              });
            }),
            platformChecks: checks.map((c) => ({ ...c, source: 'test-source' }) as PlatformCheck),
          });
          const sightings = [...new Map(seen.map((s) => [s.url, s])).values()].map((s) =>
            sighting(s.url, { sharedWith: s.shared ? ['RJ1'] : [], firstSeen: s.seen, lastSeen: s.seen }),
          );
          const evidence = siteEvidence(org, sightings);
          const index = makeIndex([evidence.view]);
          index.sources.push({ id: OWN_WEBSITE_SOURCE, name: 'Its own website', licence: 'n/a', date: '2026' });
          expect(validateIndex(index).ok).toBe(true);
          expect(new Set(evidence.rows.map((r) => r.key)).size).toBe(evidence.rows.length);
          const before = adoptionOf(org);
          const after = adoptionWithSite(org, evidence);
          if (after.level === 'none') expect(before.level).toBe('none');
          for (const platform of before.activePlatforms) expect(after.activePlatforms).toContain(platform);
        },
      ),
      { numRuns: 300 },
    );
  });
});
