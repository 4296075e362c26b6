import { describe, expect, it } from 'vitest';
import { readSite, type SiteRead } from '../../../lib/browser/site-reader';
import type { PageProfile } from '../../../lib/detect/page-signals';
import { DEFAULT_SETTINGS } from '../../../lib/settings';
import { makeAccount, makeIndex, makeOrganisation } from '../../support/index-factory';
import { FROM_PAGE, NOW, service, useFreshDatabase, visitPage } from './support';

useFreshDatabase();

const SEVEN: PageProfile[] = [
  ['x', 'uclh', 'https://x.com/uclh'],
  ['facebook', 'uclh', 'https://www.facebook.com/uclh'],
  ['instagram', 'uclh', 'https://www.instagram.com/uclh'],
  ['youtube', '@uclh', 'https://www.youtube.com/@uclh'],
  ['linkedin', 'company/uclh', 'https://www.linkedin.com/company/uclh'],
  ['tiktok', '@uclh', 'https://www.tiktok.com/@uclh'],
  ['bluesky', 'uclh.bsky.social', 'https://bsky.app/profile/uclh.bsky.social'],
].map(([platform, handle, url]) => ({ platform, handle, url, via: 'link' }) as PageProfile);

/** A site reader standing in for the network: records the hosts it was asked to read. */
function fakeReader(profiles: PageProfile[] = SEVEN, outcome: SiteRead['outcome'] = 'found') {
  const hosts: string[] = [];
  const readSite = async (host: string): Promise<SiteRead> => {
    hosts.push(host);
    const home = `https://${host}/`;
    return { requested: [home], pages: [{ url: home, profiles }], outcome };
  };
  return { readSite, hosts };
}

/** The service with a site reader and a clock the test moves. */
function withReader(reader = fakeReader(), index = makeIndex(), settings = DEFAULT_SETTINGS) {
  let now = NOW;
  const { svc, badges } = service(index, settings, { readSite: reader.readSite, now: () => now });
  const visit = (tabId: number, url: string, profiles: PageProfile[] = []) => visitPage(svc, tabId, url, profiles);
  const popup = (tabId: number) => svc.handlers['ui-bg-get-tab-result']({ tabId }, FROM_PAGE);
  return { svc, badges, visit, popup, hosts: reader.hosts, later: (days: number) => (now = new Date(NOW.getTime() + days * 86_400_000)) };
}

describe('reading the organisation’s own site when a page links nothing (issue 19)', () => {
  it('reads the home page of the host the user is on, records its profiles, and updates the tab’s badge and result', async () => {
    const { svc, badges, visit, popup, hosts } = withReader();
    await expect(visit(3, 'https://www.uclh.nhs.uk/news/a-story')).resolves.toEqual({ recognised: true });
    const result = await popup(3); // waits for the read under way for this tab
    expect(hosts).toEqual(['www.uclh.nhs.uk']);
    expect(result.state === 'recognised' && result.sightings.map((s) => [s.accountKey, s.pageUrl]).sort()).toEqual(
      SEVEN.map((p) => [`${p.platform}:${p.handle.toLowerCase()}`, 'https://www.uclh.nhs.uk/']).sort(),
    );
    expect(badges.get(3)).toMatchObject({ text: '7', title: expect.stringContaining('(Several platforms, from its own website)') });
    const db = await svc.database();
    expect(await db.get('siteReads', 'RRV')).toEqual({
      organisationId: 'RRV',
      readAt: NOW.toISOString(),
      host: 'www.uclh.nhs.uk',
      pages: ['https://www.uclh.nhs.uk/'],
      outcome: 'found',
      profilesFound: 7,
    });
    db.close();
  });

  it('reads a site at most once a week, whatever came of it', async () => {
    const { svc, visit, popup, hosts, later } = withReader(fakeReader([], 'none'));
    await visit(3, 'https://www.uclh.nhs.uk/news/a-story');
    await popup(3);
    later(6);
    await visit(3, 'https://www.uclh.nhs.uk/news/another');
    await popup(3);
    expect(hosts).toHaveLength(1);
    later(7);
    await visit(3, 'https://www.uclh.nhs.uk/news/a-third');
    await popup(3);
    expect(hosts).toHaveLength(2);
    expect((await svc.database()).close()).toBeUndefined();
  });

  it('reads nothing when the page links profiles itself, or the site was seen linking some within the week', async () => {
    const { svc, visit, popup, hosts, later } = withReader();
    await visit(3, 'https://www.uclh.nhs.uk/', SEVEN.slice(0, 2));
    await popup(3);
    later(3);
    await visit(3, 'https://www.uclh.nhs.uk/news/a-story');
    await popup(3);
    expect(hosts).toEqual([]);
    (await svc.database()).close();
  });

  it('reads nothing off the organisation’s own current site: a former domain, an NHS website page, a switched-off site', async () => {
    const merged = makeOrganisation({
      predecessors: [{ id: 'RXX', domains: [{ host: 'old-trust.nhs.uk', source: 'test-source', checked: '2026' }], source: 'test-source' }],
    });
    const reader = fakeReader();
    const { svc, visit, popup, hosts } = withReader(reader, makeIndex([merged]), {
      ...DEFAULT_SETTINGS,
      disabledSites: ['careers.uclh.nhs.uk'],
    });
    for (const [tab, url] of [
      [4, 'https://www.old-trust.nhs.uk/news'],
      [5, 'https://www.nhs.uk/services/hospital/uch/RRV03'],
      [6, 'https://careers.uclh.nhs.uk/jobs'],
    ] as const) {
      await visit(tab, url);
      await popup(tab);
    }
    expect(hosts).toEqual([]);
    (await svc.database()).close();
  });

  it('leaves the tab as it was when the read fails, and records the failure for the week', async () => {
    const failing = {
      hosts: [] as string[],
      readSite: async (host: string): Promise<SiteRead> => {
        failing.hosts.push(host);
        throw new Error('network down');
      },
    };
    const { svc, badges, visit, popup, later } = withReader(failing);
    await visit(3, 'https://www.uclh.nhs.uk/news/a-story');
    await expect(popup(3)).resolves.toMatchObject({ state: 'recognised', sightings: [] });
    expect(badges.get(3)?.text).toBe('?');
    later(1);
    await visit(3, 'https://www.uclh.nhs.uk/news/a-story');
    await popup(3);
    expect(failing.hosts).toHaveLength(1);
    const db = await svc.database();
    expect(await db.get('siteReads', 'RRV')).toMatchObject({ outcome: 'failed', reason: 'not finished' });
    db.close();
  });

  it('never changes a tab that has moved on to another page meanwhile', async () => {
    let release: () => void = () => undefined;
    const slow = {
      hosts: [] as string[],
      readSite: async (host: string): Promise<SiteRead> => {
        await new Promise<void>((resolve) => (release = resolve));
        return { requested: [`https://${host}/`], pages: [{ url: `https://${host}/`, profiles: SEVEN }], outcome: 'found' };
      },
    };
    const { svc, badges, visit, popup } = withReader(slow);
    await visit(3, 'https://www.uclh.nhs.uk/news/a-story');
    await visit(3, 'https://www.uclh.nhs.uk/', SEVEN.slice(0, 1));
    release();
    await popup(3);
    expect(badges.get(3)?.text).toBe('1');
    (await svc.database()).close();
  });

  it('sets aside a profile the index lists as another organisation’s: NHS England’s X is not the trust’s', async () => {
    const england = makeOrganisation({
      id: 'X24',
      name: 'NHS England',
      domains: [],
      accounts: [makeAccount({ handle: 'NHSEngland', url: 'https://x.com/NHSEngland' })],
    });
    const nhsEngland: PageProfile = { platform: 'x', handle: 'NHSEngland', url: 'https://x.com/NHSEngland', via: 'link' };
    const { svc, badges, visit, popup } = withReader(
      fakeReader([nhsEngland, ...SEVEN.slice(1, 3)]),
      makeIndex([makeOrganisation(), england]),
    );
    await visit(3, 'https://www.uclh.nhs.uk/news/a-story');
    const result = await popup(3);
    expect(result.state === 'recognised' && result.sightings.map((s) => s.accountKey)).toEqual(['facebook:uclh', 'instagram:uclh']);
    expect(badges.get(3)?.text).toBe('2');
    (await svc.database()).close();
  });

  it('empties the site reads with "Delete all my data"', async () => {
    const { svc, visit, popup } = withReader();
    await visit(3, 'https://www.uclh.nhs.uk/news/a-story');
    await popup(3);
    await svc.handlers['ui-bg-delete-all-data']({}, FROM_PAGE);
    const db = await svc.database();
    expect(await db.count('siteReads')).toBe(0);
    db.close();
  });
});

describe('one site read in flight per organisation (issue 26)', () => {
  it('reads the home page once when ten tabs of one organisation load together, and every tab shows what it found', async () => {
    const requests: string[] = [];
    const footer = SEVEN.map((p) => `<a href="${p.url}">${p.platform}</a>`).join('');
    const fetchCounting: typeof fetch = async (input) => {
      requests.push(String(input));
      // The network takes its time, as at the browser's start.
      await new Promise((resolve) => setTimeout(resolve, 20));
      return new Response(`<html><body><footer>${footer}</footer></body></html>`, {
        headers: { 'content-type': 'text/html; charset=utf-8' },
      });
    };
    const reader = {
      readSite: (host: string) => readSite({ fetch: fetchCounting, timeoutMs: 5000, maxBytes: 100_000 }, host),
      hosts: [],
    };
    const { svc, badges, visit, popup } = withReader(reader);
    const tabs = Array.from({ length: 10 }, (_, i) => i + 1);
    await Promise.all(tabs.map((tab) => visit(tab, `https://www.uclh.nhs.uk/news/story-${tab}`)));
    await Promise.all(tabs.map((tab) => popup(tab)));
    expect(requests).toEqual(['https://www.uclh.nhs.uk/']);
    expect(tabs.map((tab) => badges.get(tab)?.text)).toEqual(tabs.map(() => '7'));
    (await svc.database()).close();
  });
});
