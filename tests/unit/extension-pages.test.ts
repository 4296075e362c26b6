/**
 * Every extension page starts one way (issue 18): `mountPage(tag, client)`; each page's element
 * reads its address from the window it is given and reaches the extension through the client.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { PageClient } from '../../lib/browser/client';
import type { TabResult } from '../../lib/browser/messaging';
import { DEFAULT_SETTINGS, type Settings } from '../../lib/settings';
import { correctionsPageTag } from '../../lib/ui/corrections-page';
import { mountPage } from '../../lib/ui/mount-page';
import { requestedTab } from '../../lib/ui/nsl-popup';
import '../../lib/ui/nsl-dashboard';
import '../../lib/ui/nsl-my-corrections';
import '../../lib/ui/nsl-research-log';
import { makeOrganisation } from '../support/index-factory';
import { fakePage, mockClient } from '../support/mock-client';

const NOW = new Date('2026-11-25T10:00:00Z');
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

afterEach(() => {
  document.body.replaceChildren();
});

describe('mountPage', () => {
  const client = mockClient({
    listCorrections: async () => ({ corrections: [] }),
    repositoryUrl: async () => '',
  });

  it('starts the element the page’s HTML holds, with the client and the window', async () => {
    const inHtml = document.createElement('nsl-my-corrections');
    document.body.append(document.createElement('p'), inHtml);
    const { page } = fakePage('/corrections.html?saved=c-1');
    expect(mountPage('nsl-my-corrections', client, page)).toBe(inHtml);
    await settle();
    await inHtml.updateComplete;
    expect(page.document.title).toBe('NHS Social Lens: my corrections');
    expect(inHtml.shadowRoot?.querySelector('[data-testid="message"]')?.textContent).toBe(
      'Your suggestion was saved in this browser. It is ready to send: choose how below.',
    );
  });

  it('puts the element first in the body when the HTML has none', () => {
    document.body.append(document.createElement('p'));
    const mounted = mountPage('nsl-my-corrections', client, fakePage('/corrections.html').page);
    expect(document.body.firstElementChild).toBe(mounted);
  });
});

describe('correctionsPageTag', () => {
  it.each([
    ['?org=RR8&kind=missing-account', 'nsl-correction-form'],
    ['?id=c-1', 'nsl-correction-form'],
    ['?new=1', 'nsl-correction-form'],
    ['?saved=c-1', 'nsl-my-corrections'],
    ['', 'nsl-my-corrections'],
  ])('%s shows %s', (search, tag) => {
    expect(correctionsPageTag(search)).toBe(tag);
  });
});

describe('the popup’s tab', () => {
  it.each([
    ['?tab=7', { tabId: 7 }],
    ['?tab=7&url=https%3A%2F%2Fx.com%2Fuclh', { tabId: 7, url: 'https://x.com/uclh' }],
    ['?tab=none', undefined],
    ['', undefined],
  ])('%s names %o', (search, tab) => {
    expect(requestedTab(search)).toEqual(tab);
  });

  /** A popup over stored settings; `asked` lists the tabs whose result it asked for. */
  async function popupOn(address: string, overrides: Partial<PageClient> = {}, initial: Settings = DEFAULT_SETTINGS) {
    const state = { settings: initial, asked: [] as unknown[], observed: [] as number[] };
    const popup = document.createElement('nsl-popup');
    document.body.append(popup);
    await popup.start(
      mockClient({
        readSettings: async () => state.settings,
        saveSettings: async (settings) => {
          state.settings = settings;
        },
        activeTab: async () => ({ tabId: 4, url: 'https://www.uclh.nhs.uk/' }),
        getTabResult: async (tab) => {
          state.asked.push(tab);
          return {
            state: 'recognised',
            detection: {
              url: 'https://www.uclh.nhs.uk/',
              candidates: [{ organisation: makeOrganisation(), evidence: { rule: 'domain', value: 'uclh.nhs.uk' }, confidence: 'high' }],
            },
            site: 'uclh.nhs.uk',
            sightings: [],
            context: [],
            ownCorrections: [],
            index: { version: 1, generatedAt: '2026-11-20T00:00:00.000Z', sources: [] },
          } satisfies TabResult;
        },
        observeFollowers: async (tabId) => {
          state.observed.push(tabId);
          return undefined;
        },
        repositoryUrl: async () => '',
        ...overrides,
      }),
      fakePage(address).page,
    );
    await popup.updateComplete;
    return { popup, state };
  }

  it('shows the tab its address names, else the active tab', async () => {
    expect((await popupOn('?tab=7')).state.asked).toEqual([{ tabId: 7 }]);
    expect((await popupOn('')).state.asked).toEqual([{ tabId: 4, url: 'https://www.uclh.nhs.uk/' }]);
  });

  it('takes the focus to the new answer’s heading after “Don’t run on this site” (issue 30)', async () => {
    const { popup } = await popupOn('?tab=7');
    popup.shadowRoot?.querySelector<HTMLButtonElement>('[data-testid="site-off"]')?.click();
    for (let i = 0; i < 20 && popup.shadowRoot?.activeElement === null; i++) await settle();
    const card = popup.shadowRoot?.querySelector('nsl-org-card');
    expect(card?.shadowRoot?.activeElement?.getAttribute('data-testid')).toBe('org-name');
  });

  it('says the page is not recognised when there is no tab to show', async () => {
    const { popup, state } = await popupOn('', { activeTab: async () => undefined });
    expect(state.asked).toEqual([]);
    expect(popup.shadowRoot?.querySelector('[data-state="not-recognised"]')).not.toBeNull();
  });

  it('reads the count in the tab only when the user turned observed counts on', async () => {
    expect((await popupOn('?tab=7')).state.observed).toEqual([]);
    expect((await popupOn('?tab=7', {}, { ...DEFAULT_SETTINGS, recordObservedFollowers: true })).state.observed).toEqual([7]);
  });

  it('“Don’t run on this site” saves the site over the stored settings and shows the tab again', async () => {
    const { popup, state } = await popupOn('?tab=7', {}, { ...DEFAULT_SETTINGS, disabledSites: ['example.nhs.uk'] });
    popup.shadowRoot?.querySelector<HTMLButtonElement>('[data-testid="site-off"]')?.click();
    await settle();
    await settle();
    expect(state.settings.disabledSites).toEqual(['example.nhs.uk', 'uclh.nhs.uk']);
    expect(state.asked).toEqual([{ tabId: 7 }, { tabId: 7 }]);
  });

  it('shows the error when the settings cannot be saved', async () => {
    const { popup } = await popupOn('?tab=7', {
      saveSettings: async () => {
        throw new Error('storage is full');
      },
    });
    popup.shadowRoot?.querySelector<HTMLButtonElement>('[data-testid="site-off"]')?.click();
    await settle();
    await popup.updateComplete;
    expect(popup.shadowRoot?.querySelector('[data-state="error"]')?.textContent).toContain('storage is full');
  });
});

describe('the dashboard’s address', () => {
  it('follows the hash, and writes the table’s view into it without a history entry', async () => {
    const dashboard = document.createElement('nsl-dashboard');
    document.body.append(dashboard);
    const fake = fakePage('#overview');
    await dashboard.start(
      mockClient({
        readSettings: async () => ({ ...DEFAULT_SETTINGS, countedPlatforms: ['x'] }),
        getOrganisations: async () => ({
          organisations: [makeOrganisation()],
          sightings: [],
          index: { version: 1, generatedAt: '2026-11-25T00:00:00.000Z', sources: [] },
        }),
      }),
      fake.page,
    );
    expect(dashboard.route).toBe('#overview');
    expect(dashboard.countedPlatforms).toEqual(['x']);
    fake.page.location.hash = '#table';
    fake.fire('hashchange');
    await dashboard.updateComplete;
    const table = dashboard.shadowRoot?.querySelector('nsl-org-table');
    expect(table).not.toBeNull();
    table?.dispatchEvent(new CustomEvent('nsl-query-change', { detail: { ...table.query, kind: 'icb' }, bubbles: true, composed: true }));
    expect(fake.replaced).toEqual(['#table?kind=icb']);
    expect(dashboard.route).toBe('#table?kind=icb');
  });

  it('says the organisations could not be loaded when the background does not answer', async () => {
    const dashboard = document.createElement('nsl-dashboard');
    document.body.append(dashboard);
    await dashboard.start(
      mockClient({
        readSettings: async () => DEFAULT_SETTINGS,
        getOrganisations: () => Promise.reject(new Error('the background did not answer')),
      }),
      fakePage('').page,
    );
    await dashboard.updateComplete;
    expect(dashboard.shadowRoot?.querySelector('[role="alert"]')?.textContent).toBe(
      'The organisations could not be loaded: the background did not answer',
    );
  });
});

describe('the research log', () => {
  it('exports the visits as a dated CSV file and clears them', async () => {
    const log = document.createElement('nsl-research-log');
    document.body.append(log);
    const files: [string, string][] = [];
    let cleared = 0;
    log.download = (name, text) => void files.push([name, text]);
    log.now = () => NOW;
    await log.start(
      mockClient({
        getResearchLog: async () => ({
          visits: [{ at: '2026-11-24T09:00:00.000Z', url: 'https://www.uclh.nhs.uk/', organisationId: 'RRV', organisationName: 'UCLH' }],
        }),
        clearResearchLog: async () => {
          cleared++;
          return { cleared: true };
        },
        readSettings: async () => ({ ...DEFAULT_SETTINGS, researchLog: true }),
      }),
    );
    await log.updateComplete;
    expect(log.shadowRoot?.textContent).toContain('The log is on.');
    log.shadowRoot?.querySelector<HTMLButtonElement>('[data-testid="export-log"]')?.click();
    expect(files.map(([name]) => name)).toEqual(['nhs-social-lens-research-log-2026-11-25.csv']);
    expect(files[0]?.[1]).toContain('https://www.uclh.nhs.uk/');
    log.shadowRoot?.querySelector<HTMLButtonElement>('[data-testid="clear-log"]')?.click();
    await log.updateComplete;
    log.shadowRoot?.querySelector<HTMLButtonElement>('[data-testid="confirm-clear"]')?.click();
    await settle();
    await log.updateComplete;
    expect(cleared).toBe(1);
    expect(log.shadowRoot?.querySelector('[data-testid="empty"]')).not.toBeNull();
  });
});
