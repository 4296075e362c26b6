import { describe, expect, it } from 'vitest';
import { recordLiveAnswer } from '../../../lib/browser/live-figures-store';
import type { SiteRead } from '../../../lib/browser/site-reader';
import { seenByYou } from '../../../lib/dashboard/seen-by-you';
import { seenFacts } from '../../../lib/dashboard/seen-export';
import type { PageProfile } from '../../../lib/detect/page-signals';
import { DEFAULT_SETTINGS } from '../../../lib/settings';
import { makeIndex } from '../../support/index-factory';
import { FROM_PAGE, NOW, service, useFreshDatabase, visitPage } from './support';

useFreshDatabase();

const HOME = 'https://www.uclh.nhs.uk/';
const PROFILES: PageProfile[] = [
  { platform: 'x', handle: 'uclh', url: 'https://x.com/uclh', via: 'link' },
  { platform: 'bluesky', handle: 'uclh.bsky.social', url: 'https://bsky.app/profile/uclh.bsky.social', via: 'link' },
];

describe('ui-bg-get-seen-by-you (issue 19 part 6)', () => {
  it('hands the dashboard what this browser kept: a deep page’s home-page read, its links and the live figures', async () => {
    let now = NOW;
    const readSite = async (host: string): Promise<SiteRead> => ({
      requested: [`https://${host}/`],
      pages: [{ url: `https://${host}/`, profiles: PROFILES }],
      outcome: 'found',
    });
    const { svc } = service(makeIndex(), DEFAULT_SETTINGS, { readSite, now: () => now });
    expect(await svc.handlers['ui-bg-get-seen-by-you']({}, FROM_PAGE)).toEqual({ siteReads: [], live: [], points: [] });

    await visitPage(svc, 3, `${HOME}news/a-story`);
    await svc.handlers['ui-bg-get-tab-result']({ tabId: 3 }, FROM_PAGE); // waits for the read under way
    now = new Date(NOW.getTime() + 2 * 86_400_000);
    const account = { platform: 'bluesky' as const, handle: 'uclh.bsky.social', url: 'https://bsky.app/profile/uclh.bsky.social' };
    await recordLiveAnswer(await svc.database(), account, {
      at: now.toISOString(),
      source: 'Bluesky',
      outcome: 'measured',
      figures: { followers: 1234, style: 'unknown' },
    });

    const view = await svc.handlers['ui-bg-get-seen-by-you']({}, FROM_PAGE);
    expect(view.siteReads.map((r) => [r.organisationId, r.pages, r.outcome])).toEqual([['RRV', [HOME], 'found']]);
    expect(view.live.map((l) => [l.key, l.good?.figures.followers])).toEqual([['bluesky:uclh.bsky.social', 1234]]);
    expect(view.points).toEqual([{ key: 'bluesky:uclh.bsky.social', day: now.toISOString().slice(0, 10), followers: 1234 }]);

    const { organisations, sightings } = await svc.handlers['ui-bg-get-organisations']({}, FROM_PAGE);
    const layer = seenByYou(organisations, { ...view, sightings });
    expect(layer.organisations.map((o) => [o.id, o.firstSeen, o.lastSeen, o.liveFollowers])).toEqual([
      ['RRV', NOW.toISOString(), now.toISOString(), 1234],
    ]);
    // Every link rests on the home page the background read, not on the news page the user was on.
    expect(
      seenFacts(layer)
        .filter((f) => f.fact === 'site-links-account')
        .map((f) => [f.handle, f.pageUrl, f.observedAt]),
    ).toEqual([
      ['uclh', HOME, NOW.toISOString()],
      ['uclh.bsky.social', HOME, NOW.toISOString()],
    ]);
  });

  it('answers nothing once the user deleted their data', async () => {
    const { svc } = service();
    const account = { platform: 'bluesky' as const, handle: 'a.bsky.social', url: 'https://bsky.app/profile/a.bsky.social' };
    await recordLiveAnswer(await svc.database(), account, {
      at: NOW.toISOString(),
      source: 'Bluesky',
      outcome: 'measured',
      figures: { followers: 5, style: 'unknown' },
    });
    await svc.handlers['ui-bg-delete-all-data']({}, FROM_PAGE);
    expect(await svc.handlers['ui-bg-get-seen-by-you']({}, FROM_PAGE)).toEqual({ siteReads: [], live: [], points: [] });
  });
});
