import { afterEach, describe, expect, it } from 'vitest';
import type { StoredSighting } from '../../lib/detect/stored-sighting';
import type { Organisation } from '../../lib/index/schema';
import { accountKey, parseProfileUrl } from '../../lib/social/profile-url';
import '../../lib/ui/nsl-org-card';
import { makeAccount, makeOrganisation } from '../support/index-factory';

const SEEN = '2026-11-28T10:00:00.000Z';
const SOURCES = [{ id: 'test-source', name: 'Test source', url: 'https://example.org/', licence: 'OGL-3.0', date: '2026' }];

function sighting(url: string, changes: Partial<StoredSighting> = {}): StoredSighting {
  const parsed = parseProfileUrl(url);
  if (!parsed.ok) throw new Error(url);
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
  'https://www.facebook.com/uclh',
  'https://x.com/uclh',
  'https://www.instagram.com/uclh',
  'https://www.youtube.com/@uclh',
  'https://www.linkedin.com/company/uclh',
  'https://www.tiktok.com/@uclh',
  'https://bsky.app/profile/uclh.bsky.social',
].map((url) => sighting(url));

/** The popup's organisation card for `org` with `sightings`, rendered; its shadow roots. */
async function card(org: Organisation, sightings: StoredSighting[]) {
  const element = document.createElement('nsl-org-card');
  element.candidate = { organisation: org, evidence: { rule: 'domain', value: 'uclh.nhs.uk' }, confidence: 'high' };
  element.sightings = sightings;
  element.sources = SOURCES;
  element.now = new Date(SEEN);
  element.pageUrl = 'https://www.uclh.nhs.uk/news/a-story';
  document.body.append(element);
  await element.updateComplete;
  const list = element.shadowRoot?.querySelector('nsl-account-list');
  await list?.updateComplete;
  const root = element.shadowRoot;
  const listRoot = list?.shadowRoot;
  if (!root || !listRoot) throw new Error('not rendered');
  const rows = [...listRoot.querySelectorAll('[data-testid="accounts"] > li')];
  const text = (selector: string) => root.querySelector(selector)?.textContent?.replace(/\s+/g, ' ').trim();
  return {
    root,
    list: listRoot,
    rows,
    text,
    provenance: rows.map((r) => r.querySelector('[data-testid="provenance"]')?.textContent?.trim()),
  };
}

afterEach(() => document.body.replaceChildren());

describe('the popup’s organisation card, from the index and its own website (issue 19)', () => {
  it('leads with the level from its own website and one row per account, each saying where it comes from', async () => {
    const { rows, text, provenance, root, list } = await card(makeOrganisation(), SEVEN);
    expect(text('[data-testid="adoption-level"]')).toBe('Several platforms');
    expect(text('[data-testid="adoption-basis"]')).toBe(', from its own website');
    expect(text('h2:not(#adoption-heading)')).toBe('Social media accounts (7)');
    expect(rows.map((r) => r.querySelector('.line a')?.getAttribute('href'))).toEqual([
      'https://x.com/uclh',
      'https://www.facebook.com/uclh',
      'https://www.instagram.com/uclh',
      'https://www.youtube.com/@uclh',
      'https://www.linkedin.com/company/uclh',
      'https://www.tiktok.com/@uclh',
      'https://bsky.app/profile/uclh.bsky.social',
    ]);
    // Issue 30: seven rows from one page on one day say so once, not seven times.
    expect(provenance.every((p) => p === undefined)).toBe(true);
    expect(list.querySelector('[data-testid="shared-provenance"]')?.textContent).toBe(
      'All 7 linked from www.uclh.nhs.uk, seen 28 Nov 2026',
    );
    // Whose the level is: with what this browser saw, and the index's own beside it.
    expect(text('[data-testid="index-only-level"]')).toBe('Seen by you. The index alone: Not yet known');
    // LinkedIn without its "company/" prefix; the link keeps the full address.
    expect(rows[4]?.querySelector('.line a')?.textContent).toBe('uclh');
    // The details behind each row: where, how, kept where; figures not measured; "Suggest adding".
    const details = rows[0]?.querySelector('details');
    expect(details?.querySelector('summary')?.textContent?.trim()).toBe('Where X (Twitter) uclh comes from');
    expect(details?.textContent).toContain(
      'From its own website, seen 28 Nov 2026 on www.uclh.nhs.uk: https://www.uclh.nhs.uk/ links it by a link on the page',
    );
    expect(details?.textContent).toContain('Followers and activity: not measured');
    expect(details?.querySelector('[data-testid="suggest-adding"]')?.getAttribute('aria-label')).toBe(
      'Suggest adding X (Twitter) uclh to the index',
    );
    // The explanation waits behind "Why?".
    expect(root.querySelector('details.why [data-testid="adoption-explanation"]')?.textContent).toContain(
      'linked from its own website; activity not measured',
    );
  });

  it('says "Not yet known" only when neither the index nor its own website gives anything', async () => {
    const { list, text } = await card(makeOrganisation(), []);
    expect(text('[data-testid="adoption-level"]')).toBe('Not yet known');
    expect(text('[data-testid="adoption-basis"]')).toBe(', from the index');
    expect(text('[data-testid="index-only-level"]')).toBeUndefined();
    expect(list.querySelector('[data-testid="accounts-unknown"]')?.textContent).toContain('Not yet known');
  });

  it('shows both facts, with their dates, where the index says an account closed and the site still links it', async () => {
    const org = makeOrganisation({ accounts: [makeAccount({ state: 'closed', checked: '2025-03-01' })] });
    const { rows, provenance, text } = await card(org, [sighting('https://x.com/uclh')]);
    expect(provenance).toEqual(['Index: closed (1 Mar 2025); its own website still links it (28 Nov 2026)']);
    expect(rows[0]?.querySelector('.state')?.textContent).toBe('(closed)');
    expect(rows[0]?.textContent).toContain('In the index: Test source, checked 1 Mar 2025; the source says it is closed.');
    expect(text('[data-testid="adoption-level"]')).toBe('Not yet known');
  });

  it('does not count a link on a platform a dated check says it left, and says why', async () => {
    const org = makeOrganisation({ platformChecks: [{ platform: 'x', result: 'closed', source: 'test-source', checked: '2024-05' }] });
    const { rows, provenance, text } = await card(org, [sighting('https://x.com/uclh')]);
    expect(provenance).toEqual(['From its own website (28 Nov 2026); the index says X (Twitter): account closed or suspended (May 2024)']);
    expect(rows[0]?.textContent).toContain('Not counted towards the level');
    expect(text('[data-testid="adoption-level"]')).toBe('Not yet known');
  });

  it('keeps the index’s source and date beside figures, and puts the index’s accounts with the site’s', async () => {
    const measured = makeAccount({ metrics: { measuredAt: '2026-11-20', source: 'test-source', followers: 45210, posts30d: 62 } });
    const { rows, provenance, text } = await card(makeOrganisation({ accounts: [measured] }), [sighting('https://www.facebook.com/uclh')]);
    expect(provenance).toEqual(['Source: Test source, 1 Aug 2026', 'From its own website, seen 28 Nov 2026']);
    expect(rows[0]?.querySelector('[data-testid="metrics"]')?.textContent).toMatch(/62 posts in 30 days/);
    expect(text('[data-testid="engagement"]')).toMatch(/across 1 measured account \(1 not measured\)/);
    expect(text('[data-testid="adoption-basis"]')).toBe(', from the index and its own website');
  });

  it('renders what a site linked as text, never as HTML or a script address', async () => {
    const hostile = {
      ...sighting('https://x.com/uclh'),
      handle: '<img src=x onerror="globalThis.pwned=1">',
      url: 'javascript:globalThis.pwned=2',
    };
    const { rows } = await card(makeOrganisation(), [hostile]);
    expect(rows[0]?.querySelector('img')).toBeNull();
    expect(rows[0]?.querySelector('.line a')).toBeNull();
    expect(rows[0]?.querySelector('.line span:not(.platform)')?.textContent).toBe('<img src=x onerror="globalThis.pwned=1">');
    expect((globalThis as { pwned?: number }).pwned).toBeUndefined();
  });
});
