import { afterEach, describe, expect, it } from 'vitest';
import type { SeenByYouView } from '../../lib/browser/messaging';
import { seenByYou } from '../../lib/dashboard/seen-by-you';
import type { StoredSighting } from '../../lib/detect/stored-sighting';
import { DEFAULT_SETTINGS } from '../../lib/settings';
import '../../lib/ui/nsl-dashboard';
import '../../lib/ui/nsl-seen-by-you';
import { makeOrganisation } from '../support/index-factory';
import { fakePage, mockClient } from '../support/mock-client';

afterEach(() => {
  document.body.innerHTML = '';
});

const HOSTILE_NAME = '<img src=x onerror=alert(1)> =1+1 Trust';
const ORG = makeOrganisation({ name: HOSTILE_NAME });
const sighting = (handle: string, url: string, at: string): StoredSighting => ({
  organisationId: 'RRV',
  accountKey: `x:${handle.toLowerCase()}`,
  platform: 'x',
  handle,
  url,
  pageUrl: 'https://www.uclh.nhs.uk/',
  via: 'link',
  sharedWith: [],
  firstSeen: at,
  lastSeen: at,
});

async function mount(layer = seenByYou([ORG], { sightings: [], siteReads: [], live: [], points: [] }), problem = '') {
  const element = document.createElement('nsl-seen-by-you');
  element.layer = layer;
  element.problem = problem;
  document.body.append(element);
  await element.updateComplete;
  return { element, root: element.shadowRoot as ShadowRoot };
}

describe('nsl-seen-by-you', () => {
  it('says plainly that nothing was seen yet, and how to build the layer', async () => {
    const { root } = await mount();
    expect(root.querySelector('[data-testid="seen-empty"]')?.textContent?.replace(/\s+/g, ' ')).toMatch(
      /^ ?Nothing seen yet\. This layer builds from your own visits: open NHS organisations' own websites/,
    );
    expect(root.querySelector('button')).toBeNull();
  });

  it('says when the records could not be loaded', async () => {
    const { root } = await mount(undefined, 'the background did not answer');
    expect(root.querySelector('[role="alert"]')?.textContent).toBe(
      'Your own observations could not be loaded: the background did not answer',
    );
  });

  it('shows page text as text, links only http(s) addresses, and downloads CSV and JSON lines', async () => {
    const layer = seenByYou([ORG], {
      sightings: [
        sighting('uclh', 'https://x.com/uclh', '2026-11-20T09:00:00.000Z'),
        sighting('evil', 'javascript:alert(1)', '2026-11-22T09:00:00.000Z'),
      ],
      siteReads: [],
      live: [],
      points: [],
    });
    const { element, root } = await mount(layer);
    expect(root.querySelector('img')).toBeNull();
    expect(root.querySelector('tbody th')?.textContent).toBe(HOSTILE_NAME);
    expect([...root.querySelectorAll('[data-testid="seen-account"] a')].map((a) => a.getAttribute('href'))).toEqual(['https://x.com/uclh']);
    expect(root.querySelector('[data-testid="seen-dates"]')?.textContent).toBe('20 Nov 2026 to 22 Nov 2026');
    expect(root.querySelector('[data-testid="seen-followers"]')?.textContent?.trim()).toBe('Not measured');
    const files: [string, string, string][] = [];
    element.download = (name, text, type) => void files.push([name, text, type]);
    root.querySelector<HTMLButtonElement>('[data-testid="seen-csv"]')?.click();
    root.querySelector<HTMLButtonElement>('[data-testid="seen-jsonl"]')?.click();
    expect(files.map(([name, , type]) => [name, type])).toEqual([
      ['nhs-social-lens-seen-by-you.csv', 'text/csv'],
      ['nhs-social-lens-seen-by-you.jsonl', 'application/x-ndjson'],
    ]);
    expect(files[0]?.[1]).toContain(`\r\nRRV,${HOSTILE_NAME},adoption-level,`);
    expect(files[1]?.[1].split('\n').filter(Boolean)).toHaveLength(3);
  });
});

describe('the dashboard with the layer', () => {
  const view: SeenByYouView = { siteReads: [], live: [], points: [] };
  const start = async (getSeenByYou: () => Promise<SeenByYouView>, sightings: StoredSighting[]) => {
    const dashboard = document.createElement('nsl-dashboard');
    document.body.append(dashboard);
    await dashboard.start(
      mockClient({
        readSettings: async () => DEFAULT_SETTINGS,
        getOrganisations: async () => ({
          organisations: [ORG, makeOrganisation({ id: 'RX1', name: 'Other' })],
          sightings,
          index: { version: 1, generatedAt: '2026-11-25T00:00:00.000Z', sources: [] },
        }),
        getSeenByYou,
      }),
      fakePage('').page,
    );
    for (let i = 0; i < 20 && dashboard.seenRecords === undefined && dashboard.seenProblem === ''; i++)
      await new Promise((r) => setTimeout(r, 5));
    await dashboard.updateComplete;
    return dashboard.shadowRoot as ShadowRoot;
  };

  it('adds a "Seen by you" row to then and now and a second series to the charts', async () => {
    const root = await start(async () => view, [sighting('uclh', 'https://x.com/uclh', '2026-11-20T09:00:00.000Z')]);
    const thenAndNow = root.querySelector('nsl-then-and-now');
    await thenAndNow?.updateComplete;
    expect(thenAndNow?.shadowRoot?.querySelector('[data-testid="seen-today"]')?.textContent?.replace(/\s+/g, ' ')).toContain(
      'Your own visits, 20 Nov 2026: the index and what their own websites link to 1 organisation whose own websites you visited',
    );
    const levels = root.querySelector('nsl-bar-chart');
    expect(levels?.chart?.groups.map((g) => g.label)).toEqual(['The index (2 organisations)', 'Seen by you (1 organisation, 20 Nov 2026)']);
  });

  it('keeps the index’s views when the records cannot be read', async () => {
    const root = await start(() => Promise.reject(new Error('the background did not answer')), []);
    expect(root.querySelectorAll('nsl-bar-chart')).toHaveLength(6);
    const seen = root.querySelector('nsl-seen-by-you');
    await seen?.updateComplete;
    expect(seen?.shadowRoot?.querySelector('[role="alert"]')?.textContent).toContain('the background did not answer');
  });
});
