import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { LiveAccount, LiveFiguresState, MeasuredAnswer } from '../../lib/collect/live-figures';
import { formatFactTime } from '../../lib/format';
import { DEFAULT_SETTINGS } from '../../lib/settings';
import { accountKey } from '../../lib/social/profile-url';
import type { LiveFiguresClient } from '../../lib/ui/nsl-live-figures';
import '../../lib/ui/nsl-live-figures';
import '../../lib/ui/nsl-account-list';
import { makeAccount } from '../support/index-factory';
import { mockClient } from '../support/mock-client';

const NOW = new Date('2026-11-28T14:02:00Z');
const HOUR = 3_600_000;
const BSKY: LiveAccount = { platform: 'bluesky', handle: 'uclh.bsky.social', url: 'https://bsky.app/profile/uclh.bsky.social' };
const GOOD: MeasuredAnswer = {
  at: new Date(NOW.getTime() - 30 * HOUR).toISOString(),
  source: 'Bluesky',
  outcome: 'measured',
  figures: { followers: 1234, posts30d: 12, replyShare30d: 0.25, lastPostAt: '2026-11-27', dormant: false, style: 'conversational' },
};

const settle = async (element: HTMLElement & { updateComplete: Promise<boolean> }) => {
  for (let i = 0; i < 5; i++) {
    await new Promise((resolve) => setTimeout(resolve, 0));
    await element.updateComplete;
  }
};

/** The element for BSKY with `client`, mounted, with the clock at NOW and times in UTC. */
async function mount(client: LiveFiguresClient) {
  const element = document.createElement('nsl-live-figures');
  element.account = BSKY;
  element.client = client;
  element.clock = () => NOW;
  element.timeZone = 'UTC';
  document.body.append(element);
  await settle(element);
  const root = element.shadowRoot as ShadowRoot;
  return { element, root, text: (id: string) => root.querySelector(`[data-testid="${id}"]`)?.textContent?.replace(/\s+/g, ' ').trim() };
}

/** A client whose background keeps `stored` and answers a fetch with `fetched`; `allowed` is the browser's leave. */
function client({
  stored = { points: [] },
  fetched = stored,
  allowed = true,
  granted = false,
  automatic = false,
}: {
  stored?: LiveFiguresState;
  fetched?: LiveFiguresState;
  allowed?: boolean;
  granted?: boolean;
  automatic?: boolean;
}) {
  const getLiveFigures = vi.fn(async ({ fetch }: { fetch: boolean }) => (fetch ? fetched : stored));
  const requestHost = vi.fn(async () => allowed);
  const hasHost = vi.fn(async () => granted);
  return {
    getLiveFigures,
    requestHost,
    hasHost,
    client: mockClient({
      getLiveFigures,
      // Live figures have their own list of granted hosts (issue 26).
      requestLiveHost: requestHost,
      hasLiveHost: hasHost,
      readSettings: async () => ({ ...DEFAULT_SETTINGS, liveFiguresAutomatic: automatic }),
    }),
  };
}

afterEach(() => {
  document.body.replaceChildren();
});

describe('nsl-live-figures', () => {
  it('offers "Get live figures" and asks nothing of the platform until clicked', async () => {
    const c = client({});
    const { root } = await mount(c.client);
    expect(root.querySelector('[data-testid="live-get"]')?.getAttribute('aria-label')).toBe(
      'Get live figures for Bluesky uclh.bsky.social',
    );
    expect(c.getLiveFigures.mock.calls).toEqual([[{ account: BSKY, fetch: false }]]);
    expect(c.requestHost).not.toHaveBeenCalled();
  });

  it('on the click, asks the browser’s leave for the API host, then shows the figures with their source and time', async () => {
    const fresh: MeasuredAnswer = { ...GOOD, at: NOW.toISOString() };
    const c = client({ fetched: { last: fresh, good: fresh, points: [{ day: '2026-11-28', followers: 1234 }] } });
    const { element, root, text } = await mount(c.client);
    root.querySelector<HTMLButtonElement>('[data-testid="live-get"]')?.click();
    await settle(element);
    expect(c.requestHost.mock.calls).toEqual([['https://public.api.bsky.app']]);
    expect(c.getLiveFigures.mock.calls.at(-1)).toEqual([{ account: BSKY, fetch: true }]);
    expect(text('live-values')).toBe('1,234 followers · 12 posts in 30 days · 25% replies · last post 27 Nov 2026');
    expect(text('live-style')).toBe('Conversational: replies to people often.');
    expect(text('live-source')).toBe("live from Bluesky's public API, 28 Nov 2026 14:02");
    // Kept a day: no button until then.
    expect(root.querySelector('[data-testid="live-get"]')).toBeNull();
    expect(text('live-kept')).toBe(`Kept on this device for a day: ask again after ${formatFactTime('2026-11-29T14:02:00Z', 'UTC')}.`);
  });

  it('when the user refuses the host, says so and asks the background for nothing', async () => {
    const c = client({ allowed: false });
    const { element, root, text } = await mount(c.client);
    root.querySelector<HTMLButtonElement>('[data-testid="live-get"]')?.click();
    await settle(element);
    expect(text('live-problem')).toBe('Not fetched: you did not allow NHS Social Lens to reach public.api.bsky.app, so nothing was sent.');
    expect(c.getLiveFigures.mock.calls).toEqual([[{ account: BSKY, fetch: false }]]);
    expect(root.querySelector<HTMLButtonElement>('[data-testid="live-get"]')?.disabled).toBe(false);
  });

  it('while the browser’s question is open, says it asks leave for that one host, and the button stays usable (issue 30)', async () => {
    const c = client({});
    let answer: (allowed: boolean) => void = () => undefined;
    c.requestHost.mockImplementation(
      () =>
        new Promise<boolean>((resolve) => {
          answer = resolve;
        }),
    );
    const { element, root, text } = await mount(c.client);
    root.querySelector<HTMLButtonElement>('[data-testid="live-get"]')?.click();
    await settle(element);
    expect(text('live-asking-leave')).toBe(
      'Your browser is asking whether NHS Social Lens may reach public.api.bsky.app, for Bluesky’s public figures (that one host only). Answer its question to go on; nothing is sent before you allow it.',
    );
    expect(text('live-busy')).toBeUndefined();
    expect(root.querySelector<HTMLButtonElement>('[data-testid="live-get"]')?.disabled).toBe(false);
    answer(false);
    await settle(element);
    expect(text('live-asking-leave')).toBeUndefined();
    expect(text('live-problem')).toContain('you did not allow NHS Social Lens to reach public.api.bsky.app');
  });

  it('says when the browser could not ask, and how to allow the host instead', async () => {
    const c = client({});
    c.requestHost.mockRejectedValue(new Error('A request is already pending'));
    const { element, root, text } = await mount(c.client);
    root.querySelector<HTMLButtonElement>('[data-testid="live-get"]')?.click();
    await settle(element);
    expect(text('live-problem')).toContain('allow it in Settings');
    expect(root.querySelector<HTMLButtonElement>('[data-testid="live-get"]')?.disabled).toBe(false);
  });

  it('after a failure, says why in words and keeps the last figures with their date', async () => {
    const c = client({
      stored: { good: GOOD, last: GOOD, points: [] },
      fetched: {
        good: GOOD,
        last: { at: NOW.toISOString(), source: 'Bluesky', outcome: 'failed', problem: { kind: 'server', status: 503 } },
        points: [],
      },
    });
    const { element, root, text } = await mount(c.client);
    expect(text('live-source')).toBe("live from Bluesky's public API, 27 Nov 2026 08:02");
    root.querySelector<HTMLButtonElement>('[data-testid="live-get"]')?.click();
    await settle(element);
    expect(text('live-problem')).toBe('Bluesky had a problem on its side (HTTP 503). Try again later.');
    // When it was tried, beside why it failed (issue 30).
    expect(text('live-tried')).toBe(`Tried ${formatFactTime(NOW.toISOString(), 'UTC')}.`);
    expect(text('live-values')).toBe('1,234 followers · 12 posts in 30 days · 25% replies · last post 27 Nov 2026');
    expect(text('live-source')).toBe("Last figures, live from Bluesky's public API, 27 Nov 2026 08:02");
    expect(root.querySelector('[data-testid="live-get"]')).not.toBeNull();
  });

  it('after a 429, says when to try again and offers no button until then', async () => {
    const wait = {
      at: NOW.toISOString(),
      source: 'Bluesky',
      outcome: 'failed' as const,
      problem: { kind: 'rate-limited' as const, retryAt: new Date(NOW.getTime() + 300_000).toISOString() },
    };
    const { root, text } = await mount(client({ stored: { last: wait, points: [] } }).client);
    expect(text('live-problem')).toBe('Bluesky asked us to wait; try again in 5 minutes.');
    expect(root.querySelector('[data-testid="live-get"]')).toBeNull();
  });

  it('draws the user’s own daily points as "Followers on your visits"', async () => {
    const points = [
      { day: '2026-11-26', followers: 1200 },
      { day: '2026-11-27', followers: 1234 },
    ];
    const { root } = await mount(client({ stored: { good: GOOD, last: GOOD, points } }).client);
    const line = root.querySelector('nsl-sparkline');
    await line?.updateComplete;
    expect(line?.shadowRoot?.querySelector('summary')?.textContent?.trim()).toBe('Followers on your visits');
    expect(line?.shadowRoot?.querySelector('svg')?.getAttribute('aria-label')).toBe(
      'Followers on your visits: 26 Nov 2026: 1,200; 27 Nov 2026: 1,234',
    );
  });

  it('with the automatic setting, fetches without a click from a host already allowed, and never prompts', async () => {
    const c = client({
      automatic: true,
      granted: true,
      fetched: { last: { ...GOOD, at: NOW.toISOString() }, good: { ...GOOD, at: NOW.toISOString() }, points: [] },
    });
    const { text } = await mount(c.client);
    expect(c.hasHost.mock.calls).toEqual([['https://public.api.bsky.app']]);
    expect(c.getLiveFigures.mock.calls).toEqual([[{ account: BSKY, fetch: false }], [{ account: BSKY, fetch: true }]]);
    expect(c.requestHost).not.toHaveBeenCalled();
    expect(text('live-source')).toBe("live from Bluesky's public API, 28 Nov 2026 14:02");
  });

  it.each([
    ['the host is not allowed yet', { automatic: true, granted: false }],
    ['the setting is off', { automatic: false, granted: true }],
    [
      'an answer under a day old is kept',
      { automatic: true, granted: true, stored: { last: { ...GOOD, at: NOW.toISOString() }, points: [] } },
    ],
  ])('does not fetch by itself when %s', async (_case, options) => {
    const c = client(options);
    await mount(c.client);
    expect(c.getLiveFigures.mock.calls.filter(([request]) => request.fetch)).toEqual([]);
    expect(c.requestHost).not.toHaveBeenCalled();
  });
});

describe('nsl-account-list with live figures', () => {
  it('gives each Bluesky and Mastodon row live figures in the popup, and no other row, and none on the dashboard', async () => {
    const accounts = [
      makeAccount(),
      makeAccount({ platform: 'bluesky', handle: 'uclh.bsky.social', url: 'https://bsky.app/profile/uclh.bsky.social' }),
      makeAccount({ platform: 'mastodon', handle: '@uclh@mastodon.social', url: 'https://mastodon.social/@uclh' }),
      makeAccount({ platform: 'bluesky', handle: 'old.bsky.social', url: 'https://bsky.app/profile/old.bsky.social', state: 'closed' }),
    ];
    const list = document.createElement('nsl-account-list');
    // One row per account, as the popup builds them from the index (site-evidence.ts).
    list.rows = accounts.map((index) => ({
      key: accountKey(index.platform, index.handle),
      platform: index.platform,
      handle: index.handle,
      url: index.url,
      index,
    }));
    list.live = client({}).client;
    document.body.append(list);
    await list.updateComplete;
    const live = [...(list.shadowRoot?.querySelectorAll('nsl-live-figures') ?? [])];
    expect(live.map((e) => e.account?.handle)).toEqual(['uclh.bsky.social', '@uclh@mastodon.social']);
    list.live = undefined;
    await list.updateComplete;
    expect(list.shadowRoot?.querySelectorAll('nsl-live-figures')).toHaveLength(0);
  });
});

describe('the pages’ client: the browser’s leave for a platform host', () => {
  it('asks for and checks exactly the API’s origin', async () => {
    (globalThis as { chrome?: unknown }).chrome = fakeBrowser;
    // The build's constants, which WXT defines at build time.
    for (const name of ['__NSL_INDEX_PUBLIC_KEY__', '__NSL_INDEX_SOURCE__', '__NSL_REPOSITORY_URL__']) vi.stubGlobal(name, '');
    vi.stubGlobal('__NSL_BUNDLED_INDEX_VERSION__', 1);
    vi.stubGlobal('__NSL_REFRESH_TIMEOUT_MS__', 1000);
    vi.stubGlobal('__NSL_PAGE_MATCHES__', []);
    const { createPageClient } = await import('../../lib/browser/page-client');
    const request = vi.fn(async () => false);
    const contains = vi.fn(async () => true);
    const browser = { ...fakeBrowser, permissions: { ...fakeBrowser.permissions, request, contains } };
    const pages = createPageClient(browser as unknown as Parameters<typeof createPageClient>[0]);
    await expect(pages.requestHost('https://public.api.bsky.app')).resolves.toBe(false);
    await expect(pages.hasHost('https://social.nhs-lens.example')).resolves.toBe(true);
    expect(request.mock.calls).toEqual([[{ origins: ['https://public.api.bsky.app/*'] }]]);
    expect(contains.mock.calls).toEqual([[{ origins: ['https://social.nhs-lens.example/*'] }]]);
  });
});
