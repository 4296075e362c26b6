import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../../lib/settings';
import { makeAccount, makeIndex, makeOrganisation } from '../../support/index-factory';
import { FROM_PAGE, NOW, service, useFreshDatabase, visitPage } from './support';

useFreshDatabase();

describe('tab result handlers', () => {
  const GROUP = [
    makeOrganisation({ id: 'RJL', name: 'First Group Trust', domains: [{ host: 'group.nhs.uk', source: 'test-source', checked: '2026' }] }),
    makeOrganisation({
      id: 'RWA',
      name: 'Second Group Trust',
      domains: [{ host: 'group.nhs.uk', source: 'test-source', checked: '2026' }],
    }),
  ];

  it('recognises a page, remembers it for the tab and sets the badge', async () => {
    const { svc, badges } = service();
    await expect(visitPage(svc, 3, 'https://www.uclh.nhs.uk/')).resolves.toEqual({
      recognised: true,
    });
    expect(badges.get(3)).toMatchObject({
      text: '?',
      title: 'NHS Social Lens: University College London Hospitals NHS Foundation Trust (Not yet known)',
    });
    const result = await svc.handlers['ui-bg-get-tab-result']({ tabId: 3 }, { id: 'ext', url: 'chrome-extension://ext/popup.html' });
    expect(result.state === 'recognised' && result.detection.candidates[0]?.organisation.id).toBe('RRV');
    (await svc.database()).close();
  });

  it('answers for the tab’s current address when the tab has moved on since its page reported', async () => {
    const { svc, badges } = service();
    await visitPage(svc, 3, 'https://www.uclh.nhs.uk/');
    const later = await svc.handlers['ui-bg-get-tab-result']({ tabId: 3, url: 'https://www.example.org/' }, { id: 'ext' });
    expect(later).toEqual({ state: 'not-recognised', url: 'https://www.example.org/', site: 'example.org' });
    expect(badges.get(3)?.text).toBe('');
    (await svc.database()).close();
  });

  it('forgets a tab’s result when the tab closes', async () => {
    const { svc, session } = service();
    await visitPage(svc, 3, 'https://www.uclh.nhs.uk/');
    await svc.tabClosed(3);
    expect(session.data.size).toBe(0);
    (await svc.database()).close();
  });

  it('records the profiles an organisation’s own site links to, and shows them with the result', async () => {
    const { svc } = service();
    const profiles = [
      { platform: 'x', handle: 'uclh', url: 'https://x.com/uclh', via: 'link' },
      { platform: 'x', handle: 'forged', url: 'https://evil.example/forged', via: 'link' },
    ];
    await visitPage(svc, 5, 'https://www.uclh.nhs.uk/contact', profiles);
    const result = await svc.handlers['ui-bg-get-tab-result']({ tabId: 5 }, { id: 'ext' });
    expect(result.state === 'recognised' && result.sightings).toEqual([
      expect.objectContaining({
        organisationId: 'RRV',
        accountKey: 'x:uclh',
        pageUrl: 'https://www.uclh.nhs.uk/contact',
        sharedWith: [],
        firstSeen: NOW.toISOString(),
      }),
    ]);
    // The profile is now enough to recognise the organisation on the platform itself.
    const onX = await svc.handlers['ui-bg-get-tab-result']({ tabId: 6, url: 'https://x.com/UCLH' }, { id: 'ext' });
    expect(onX.state === 'recognised' && onX.detection.candidates[0]?.evidence).toMatchObject({
      rule: 'linked-from-site',
      value: 'www.uclh.nhs.uk',
    });
    (await svc.database()).close();
  });

  it('attributes a link on a shared group site to every organisation sharing it, saying so', async () => {
    const { svc } = service(makeIndex(GROUP));
    const profiles = [
      { platform: 'facebook' as const, handle: 'GroupNHS', url: 'https://www.facebook.com/GroupNHS', via: 'link' as const },
    ];
    await visitPage(svc, 7, 'https://www.group.nhs.uk/', profiles);
    const result = await svc.handlers['ui-bg-get-tab-result']({ tabId: 7 }, { id: 'ext' });
    expect(result.state === 'recognised' && result.sightings.map((s) => [s.organisationId, s.sharedWith])).toEqual([
      ['RJL', ['RWA']],
      ['RWA', ['RJL']],
    ]);
    (await svc.database()).close();
  });

  it('does not record links on pages that are not the organisation’s own (an nhs.uk service page)', async () => {
    const { svc } = service();
    const profiles = [{ platform: 'x' as const, handle: 'NHSuk', url: 'https://x.com/NHSuk', via: 'link' as const }];
    await visitPage(svc, 8, 'https://www.nhs.uk/services/hospital/uch/RRV03', profiles);
    const result = await svc.handlers['ui-bg-get-tab-result']({ tabId: 8 }, { id: 'ext' });
    expect(result.state).toBe('recognised');
    expect(result.state === 'recognised' && result.sightings).toEqual([]);
    (await svc.database()).close();
  });

  it('recognises a plain http page by its address but records nothing from it and reads no site (issue 26)', async () => {
    const reads: string[] = [];
    const { svc, badges } = service(makeIndex(), DEFAULT_SETTINGS, {
      readSite: async (host) => {
        reads.push(host);
        return { requested: [], pages: [], outcome: 'none' };
      },
    });
    const profiles = [{ url: 'https://x.com/planted', via: 'link' }];
    await expect(visitPage(svc, 9, 'http://www.uclh.nhs.uk/contact', profiles)).resolves.toEqual({ recognised: true });
    expect(badges.get(9)?.text).toBe('?');
    const result = await svc.handlers['ui-bg-get-tab-result']({ tabId: 9 }, { id: 'ext' });
    expect(result.state === 'recognised' && result.sightings).toEqual([]);
    await visitPage(svc, 10, 'http://www.uclh.nhs.uk/news');
    expect(await (await svc.database()).count('sightings')).toBe(0);
    expect(reads).toEqual([]);
    // The same page over https is evidence.
    await visitPage(svc, 11, 'https://www.uclh.nhs.uk/contact', profiles);
    expect(await (await svc.database()).count('sightings')).toBe(1);
    (await svc.database()).close();
  });

  it('takes no rel="me" link to an index domain or an install-time host for a Mastodon account (issue 26)', async () => {
    const index = makeIndex([
      makeOrganisation({
        domains: [
          { host: 'uclh.nhs.uk', source: 'test-source', checked: '2026' },
          { host: 'uclh-charity.org.uk', source: 'test-source', checked: '2026' },
        ],
      }),
    ]);
    const { svc } = service(index, DEFAULT_SETTINGS, { pagePatterns: ['*://*.nhs.uk/*', '*://*.installed.example/*'] });
    await visitPage(svc, 12, 'https://www.uclh.nhs.uk/', [
      { url: 'https://social.uclh.nhs.uk/@uclh', via: 'rel-me' },
      { url: 'https://social.uclh-charity.org.uk/@uclh', via: 'rel-me' },
      { url: 'https://social.installed.example/@uclh', via: 'rel-me' },
      { url: 'https://mastodon.example/@uclh', via: 'rel-me' },
    ]);
    const result = await svc.handlers['ui-bg-get-tab-result']({ tabId: 12 }, { id: 'ext' });
    expect(result.state === 'recognised' && result.sightings.map((s) => s.url)).toEqual(['https://mastodon.example/@uclh']);
    (await svc.database()).close();
  });

  it('looks up a page without a content script when the popup passes its address', async () => {
    const { svc, badges } = service(
      makeIndex([
        makeOrganisation({
          accounts: [makeAccount({ checked: '2026' })],
        }),
      ]),
    );
    const result = await svc.handlers['ui-bg-get-tab-result']({ tabId: 9, url: 'https://x.com/uclh' }, { id: 'ext' });
    expect(result.state === 'recognised' && result.detection.candidates[0]?.evidence.rule).toBe('social-profile');
    expect(badges.get(9)?.text).toBe('1');
    (await svc.database()).close();
  });

  it('answers "not recognised" for a page no organisation owns', async () => {
    const { svc, badges } = service();
    await expect(visitPage(svc, 4, 'https://www.nhs.uk/conditions/')).resolves.toEqual({
      recognised: false,
    });
    expect(badges.get(4)?.text).toBe('');
    (await svc.database()).close();
  });

  // Issue 17: the popup shows the site the background names; the background never names a zone.
  it.each([
    ['https://www.nhs.uk/conditions/', 'www.nhs.uk'],
    ['https://www.uclh.nhs.uk/contact', 'uclh.nhs.uk'],
    ['https://nhs.uk/', undefined],
    ['https://co.uk/', undefined],
  ])('names the site the popup may switch off on %s as %s, never a zone', async (url, site) => {
    const { svc } = service();
    const result = await svc.handlers['ui-bg-get-tab-result']({ tabId: 6, url }, { id: 'ext' });
    expect(result.state === 'disabled' ? 'disabled' : result.site).toBe(site);
    (await svc.database()).close();
  });

  it('does nothing on a site the user switched off: no lookup, no badge, no sightings, no log', async () => {
    const { svc, badges } = service(makeIndex([makeOrganisation()]), {
      ...DEFAULT_SETTINGS,
      disabledSites: ['uclh.nhs.uk'],
      researchLog: true,
    });
    const profiles = [{ platform: 'x' as const, handle: 'uclh', url: 'https://x.com/uclh', via: 'link' as const }];
    await expect(visitPage(svc, 4, 'https://www.uclh.nhs.uk/', profiles)).resolves.toEqual({
      recognised: false,
    });
    expect(badges.get(4)?.text).toBe('');
    await expect(svc.handlers['ui-bg-get-tab-result']({ tabId: 4 }, FROM_PAGE)).resolves.toMatchObject({
      state: 'disabled',
      site: 'uclh.nhs.uk',
    });
    const db = await svc.database();
    expect(await db.count('sightings')).toBe(0);
    expect(await db.count('visits')).toBe(0);
    db.close();
  });
});
