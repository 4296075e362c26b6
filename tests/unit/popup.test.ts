import { afterEach, describe, expect, it } from 'vitest';
import type { TabResult } from '../../lib/browser/messaging';
import { isSharedZone } from '../../lib/index/host-rules';
import type { Organisation } from '../../lib/index/schema';
import { DEFAULT_SETTINGS, switchableSiteOf } from '../../lib/settings';
import { FIRST_PAINT_MARK } from '../../lib/ui/nsl-popup';
import { makeAccount, makeOrganisation } from '../support/index-factory';
import { fakePage, mockClient } from '../support/mock-client';

const INDEX = {
  version: 3,
  generatedAt: '2026-11-25T00:00:00.000Z',
  sources: [{ id: 'test-source', name: 'Test source', url: 'https://example.org/', licence: 'OGL-3.0', date: '2026' }],
};

function recognised(...organisations: Organisation[]): TabResult {
  return {
    state: 'recognised',
    detection: {
      url: 'https://www.uclh.nhs.uk/',
      candidates: organisations.map((organisation) => ({
        organisation,
        evidence: { rule: 'domain', value: 'uclh.nhs.uk' },
        confidence: 'high',
      })),
    },
    sightings: [],
    context: [],
    ownCorrections: [],
    index: INDEX,
  };
}

/** A client whose background answers `load` for the tab the popup's address names. */
const clientFor = (load: () => Promise<TabResult>) =>
  mockClient({
    readSettings: async () => DEFAULT_SETTINGS,
    saveSettings: async () => undefined,
    getTabResult: load,
    repositoryUrl: async () => 'https://github.com/nhs-social-lens/nhs-social-lens',
  });

/** Mounts a popup on tab 1, its result `load`, and waits until it has rendered the answer. */
async function mount(load: () => Promise<TabResult>) {
  const popup = document.createElement('nsl-popup');
  document.body.append(popup);
  void popup.start(clientFor(load), fakePage('?tab=1').page);
  for (let i = 0; i < 20 && popup.view.state === 'loading'; i++) await new Promise((r) => setTimeout(r, 5));
  await popup.updateComplete;
  const card = popup.shadowRoot?.querySelector('nsl-org-card');
  await card?.updateComplete;
  const list = card?.shadowRoot?.querySelector('nsl-account-list');
  await list?.updateComplete;
  return { popup, root: popup.shadowRoot!, card: card?.shadowRoot ?? undefined, list: list?.shadowRoot ?? undefined };
}

afterEach(() => {
  document.body.replaceChildren();
});

describe('nsl-popup', () => {
  it('shows the organisation, its code, website, evidence and accounts', async () => {
    const org = makeOrganisation({
      accounts: [makeAccount()],
    });
    const { card, list } = await mount(async () => recognised(org));
    expect(card?.querySelector('[data-testid="org-name"]')?.textContent).toBe('University College London Hospitals NHS Foundation Trust');
    expect(card?.querySelector('[data-testid="org-ods"]')?.textContent).toBe('RRV');
    expect(card?.querySelector('[data-testid="evidence"]')?.textContent).toBe('Matched by domain uclh.nhs.uk.');
    const link = list?.querySelector('a');
    expect(link?.getAttribute('href')).toBe('https://x.com/uclh');
    expect(link?.getAttribute('target')).toBe('_blank');
    expect(link?.getAttribute('rel')).toBe('noopener noreferrer');
    expect(list?.textContent).toContain('Source: Test source, 1 Aug 2026');
  });

  it('says "not yet known", never "none", when the index has no accounts', async () => {
    const { list } = await mount(async () => recognised(makeOrganisation()));
    expect(list?.querySelector('[data-testid="accounts-unknown"]')?.textContent).toContain('Not yet known');
    expect(list?.querySelector('[data-testid="accounts"]')).toBeNull();
    expect(list?.textContent).not.toMatch(/^\s*none\s*$/im);
  });

  it('shows profiles the site links to that the index lacks, and what sources say of other platforms', async () => {
    const org = makeOrganisation({
      accounts: [makeAccount()],
      platformChecks: [{ platform: 'facebook', result: 'closed', source: 'test-source', checked: '2024-08' }],
    });
    const seen = (handle: string, sharedWith: string[] = []) => ({
      organisationId: 'RRV',
      accountKey: `x:${handle.toLowerCase()}`,
      platform: 'x' as const,
      handle,
      url: `https://x.com/${handle}`,
      pageUrl: 'https://www.uclh.nhs.uk/contact',
      via: 'link' as const,
      sharedWith,
      firstSeen: '2026-11-25T09:00:00.000Z',
      lastSeen: '2026-11-25T09:00:00.000Z',
    });
    const { card, list } = await mount(async () => ({ ...recognised(org), sightings: [seen('uclh'), seen('UCLHCharity', ['RJ1'])] }));
    // Issue 19: one list; the index's account says both facts, the site's own is a row of its own.
    const rows = list?.querySelectorAll('[data-testid="accounts"] > li') ?? [];
    expect([...rows].map((li) => li.querySelector('.line a')?.getAttribute('href'))).toEqual([
      'https://x.com/uclh',
      'https://x.com/UCLHCharity',
    ]);
    expect(rows[0]?.querySelector('[data-testid="provenance"]')?.textContent).toBe('In the index and on its own website, seen 25 Nov 2026');
    expect(rows[0]?.textContent).toContain('From its own website, seen 25 Nov 2026 on www.uclh.nhs.uk');
    expect(rows[1]?.querySelector('[data-testid="provenance"]')?.textContent).toBe('Shared site, seen 25 Nov 2026: not counted');
    expect(rows[1]?.textContent).toContain('shared with RJ1, so the account may be theirs');
    // The shared site's link never counts: the level rests on the index alone.
    expect(card?.querySelector('[data-testid="adoption-level"]')?.textContent).toBe('One platform known');
    expect(card?.querySelector('[data-testid="adoption-basis"]')?.textContent).toBe(', from the index');
    expect(list?.querySelector('[data-testid="platform-checks"]')?.textContent).toMatch(/Facebook\s+account closed or suspended/);
  });

  it('explains the badge and links the method behind "Why?" (issue 30)', async () => {
    const { card } = await mount(async () => recognised(makeOrganisation()));
    const why = card?.querySelector('details.why');
    expect(why?.querySelector('[data-testid="method-link"]')?.getAttribute('href')).toBe(
      'https://github.com/nhs-social-lens/nhs-social-lens/blob/HEAD/docs/adoption-levels.md',
    );
    const legend = why?.querySelector('nsl-badge-legend');
    await legend?.updateComplete;
    const items = [...(legend?.shadowRoot?.querySelectorAll('li') ?? [])].map((li) => li.textContent?.replace(/\s+/g, ' ').trim());
    expect(items).toContain('? Badge “?”: Not yet known: not every platform checked (grey)');
    expect(items).toContain('0 Badge “0”: None found: every platform checked (purple)');
  });

  it('says in plain English that a page is not recognised', async () => {
    const { root } = await mount(async () => ({ state: 'not-recognised' }));
    expect(root.querySelector('[data-state="not-recognised"]')?.textContent).toContain('This page is not one NHS Social Lens recognises');
  });

  it('lets the user pick between organisations sharing a site, and go back', async () => {
    const { popup, root } = await mount(async () => recognised(makeOrganisation(), makeOrganisation({ id: 'RJ1', name: 'Second Trust' })));
    const buttons = root.querySelectorAll<HTMLButtonElement>('button.choice');
    expect(buttons).toHaveLength(2);
    buttons[1]?.click();
    await popup.updateComplete;
    const card = root.querySelector('nsl-org-card');
    await card?.updateComplete;
    expect(card?.shadowRoot?.querySelector('[data-testid="org-ods"]')?.textContent).toBe('RJ1');
    root.querySelector<HTMLButtonElement>('button.back')?.click();
    await popup.updateComplete;
    expect(root.querySelectorAll('button.choice')).toHaveLength(2);
  });

  it('shows an error state when the lookup fails', async () => {
    const { root } = await mount(async () => {
      throw new Error('the background did not answer');
    });
    expect(root.querySelector('[data-state="error"]')?.textContent).toContain('the background did not answer');
  });

  it('shows nothing while loading a fast answer, so the popup never flashes', async () => {
    const popup = document.createElement('nsl-popup');
    document.body.append(popup);
    void popup.start(
      clientFor(() => new Promise(() => undefined)),
      fakePage('?tab=1').page,
    );
    await popup.updateComplete;
    expect(popup.shadowRoot?.querySelector('main')?.textContent?.trim()).toBe('');
  });

  it('renders names and URLs from the index as text, never as HTML', async () => {
    const hostile = makeOrganisation({
      name: '<img src=x onerror="globalThis.pwned=1">',
      accounts: [
        // The validator refuses these; the popup must stay safe even if one got through.
        makeAccount({ handle: '<b>bold</b>', url: 'javascript:globalThis.pwned=2', checked: '2026' }),
      ],
    });
    const { card, list } = await mount(async () => recognised(hostile));
    expect(card?.querySelector('img')).toBeNull();
    expect(card?.querySelector('[data-testid="org-name"]')?.textContent).toBe('<img src=x onerror="globalThis.pwned=1">');
    expect(list?.querySelector('b')).toBeNull();
    expect(list?.querySelector('a')).toBeNull();
    expect(list?.querySelector('li span:not(.platform):not(.fact)')?.textContent).toBe('<b>bold</b>');
    expect((globalThis as { pwned?: number }).pwned).toBeUndefined();
  });
});

describe('nsl-popup “Don’t run on this site”', () => {
  /**
   * The popup (as the extension runs it), showing a recognised page at `url`, with the site the
   * background names for it (the popup ships no suffix list).
   */
  async function popupFor(result: TabResult) {
    const popup = document.createElement('nsl-popup');
    document.body.append(popup);
    void popup.start(
      clientFor(async () => result),
      fakePage('?tab=1').page,
    );
    for (let i = 0; i < 20 && popup.view.state === 'loading'; i++) await new Promise((r) => setTimeout(r, 5));
    await popup.updateComplete;
    return popup;
  }
  async function offeredOn(url: string): Promise<string | undefined> {
    const result = recognised(makeOrganisation()) as Extract<TabResult, { state: 'recognised' }>;
    const popup = await popupFor({ ...result, detection: { ...result.detection, url }, ...switchableSiteOf(url, isSharedZone) });
    return popup.shadowRoot?.querySelector('[data-testid="site-off"]')?.textContent ?? undefined;
  }

  it('offers a search of the index on a page it does not recognise, never to switch off a site it never reads (issue 30)', async () => {
    const url = 'https://www.example-charity.org.uk/about';
    const popup = await popupFor({ state: 'not-recognised', url, ...switchableSiteOf(url, isSharedZone) });
    expect(popup.shadowRoot?.querySelector('[data-testid="site-off"]')).toBeNull();
    const search = popup.shadowRoot?.querySelector('[data-testid="search-index"]');
    expect(search?.textContent).toBe('Search the index for example-charity.org.uk');
    expect(search?.getAttribute('href')).toBe('/dashboard.html#table?q=example-charity.org.uk');
  });

  it.each([
    ['https://www.uclh.nhs.uk/contact', 'Don’t run on this site (uclh.nhs.uk)'],
    // Issue 17: never nhs.uk, which would switch the extension off on every trust.
    ['https://www.nhs.uk/conditions/flu/', 'Don’t run on this site (www.nhs.uk)'],
    ['https://www.gov.uk/government/organisations/dhsc', 'Don’t run on this site (www.gov.uk)'],
    ['https://nhs.uk/', undefined],
    ['https://co.uk/', undefined],
  ])('on %s offers %s', async (url, offered) => {
    expect(await offeredOn(url)).toBe(offered);
  });
});

describe('nsl-popup’s first answer (issue 22)', () => {
  it('asks for the tab’s result without waiting for the settings, and marks the frame that first draws it', async () => {
    const calls: string[] = [];
    let settingsRead: (value: typeof DEFAULT_SETTINGS) => void = () => undefined;
    const client = mockClient({
      readSettings: () => {
        calls.push('settings asked');
        return new Promise((resolve) => {
          settingsRead = resolve;
        });
      },
      saveSettings: async () => undefined,
      repositoryUrl: async () => '',
      getTabResult: async () => {
        calls.push('result asked');
        return recognised(makeOrganisation());
      },
    });
    performance.clearMarks(FIRST_PAINT_MARK);
    const popup = document.createElement('nsl-popup');
    document.body.append(popup);
    void popup.start(client, fakePage('?tab=1').page);
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(calls).toEqual(['settings asked', 'result asked']);
    settingsRead(DEFAULT_SETTINGS);
    for (let i = 0; i < 40 && performance.getEntriesByName(FIRST_PAINT_MARK).length === 0; i++) await new Promise((r) => setTimeout(r, 10));
    expect(popup.view.state).toBe('ready');
    expect(performance.getEntriesByName(FIRST_PAINT_MARK)).toHaveLength(1);
  });
});

describe('nsl-popup on an nhs.uk page it cannot read', () => {
  it.each([
    ['https://www.new-trust.nhs.uk/', false, true],
    ['https://www.uclh.nhs.uk/', true, false],
    ['https://example.org/', false, false],
  ])('on %s (readable: %s) offers the nhs.uk grant: %s (issue 28)', async (url, readable, offered) => {
    const requested: string[] = [];
    const client = mockClient({
      readSettings: async () => DEFAULT_SETTINGS,
      saveSettings: async () => undefined,
      getTabResult: async () => ({ state: 'not-recognised' }),
      repositoryUrl: async () => '',
      hasHost: async (origin) => readable && origin !== '*://*.nhs.uk',
      requestHost: async (origin) => {
        requested.push(origin);
        return true;
      },
    });
    const popup = document.createElement('nsl-popup');
    document.body.append(popup);
    await popup.start(client, fakePage(`?tab=1&url=${encodeURIComponent(url)}`).page);
    await popup.updateComplete;
    const offer = popup.shadowRoot?.querySelector('nsl-nhs-offer');
    for (let i = 0; i < 5; i++) {
      await new Promise((r) => setTimeout(r, 0));
      await offer?.updateComplete;
    }
    const button = offer?.shadowRoot?.querySelector<HTMLButtonElement>('[data-testid="allow-nhs-sites"]');
    expect(button !== null && button !== undefined).toBe(offered);
    button?.click();
    await new Promise((r) => setTimeout(r, 0));
    expect(requested).toEqual(offered ? ['*://*.nhs.uk'] : []);
  });
});
