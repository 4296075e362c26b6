import { afterEach, describe, expect, it, vi } from 'vitest';
import { BLUESKY_API } from '../../lib/collect/live-figures';
import { liveHostsOf } from '../../lib/collect/live-hosts';
import '../../lib/ui/options/nsl-platform-permissions';
import { makeAccount, makeOrganisation } from '../support/index-factory';
import { mockClient } from '../support/mock-client';

afterEach(() => {
  document.body.replaceChildren();
});

const settle = async (element: HTMLElement & { updateComplete: Promise<boolean> }) => {
  for (let i = 0; i < 5; i++) {
    await new Promise((resolve) => setTimeout(resolve, 0));
    await element.updateComplete;
  }
};

describe('liveHostsOf (issue 30)', () => {
  it('lists Bluesky’s host first, always, then each Mastodon server once, never a local name', () => {
    expect(
      liveHostsOf([
        { platform: 'mastodon', handle: '@nhs@mastodon.example' },
        { platform: 'mastodon', handle: '@trust@Mastodon.Example' },
        { platform: 'mastodon', handle: '@a@aus.social' },
        { platform: 'mastodon', handle: '@b@intranet.local' },
        { platform: 'bluesky', handle: 'uclh.bsky.social' },
        { platform: 'x', handle: 'UCLH' },
      ]),
    ).toEqual([
      { origin: BLUESKY_API, name: 'Bluesky', accounts: 1 },
      { origin: 'https://aus.social', name: 'aus.social', accounts: 1 },
      { origin: 'https://mastodon.example', name: 'mastodon.example', accounts: 2 },
    ]);
    expect(liveHostsOf([]).map((h) => h.origin)).toEqual([BLUESKY_API]);
  });
});

describe('nsl-platform-permissions (issue 30)', () => {
  it('shows each host’s leave, asks it with the same request as "Get live figures", and takes it back', async () => {
    const granted = new Set<string>(['https://mastodon.example']);
    const requestHost = vi.fn(async (origin: string) => {
      granted.add(origin);
      return true;
    });
    const removeHost = vi.fn(async (origin: string) => granted.delete(origin));
    const client = mockClient({
      getOrganisations: async () => ({
        organisations: [
          makeOrganisation({
            accounts: [makeAccount({ platform: 'mastodon', handle: '@nhs@mastodon.example', url: 'https://mastodon.example/@nhs' })],
          }),
        ],
        sightings: [],
        index: { version: 1, generatedAt: '2026-11-25T00:00:00Z', sources: [] },
      }),
      hasHost: async (origin) => granted.has(origin),
      requestHost,
      removeHost,
    });
    const element = document.createElement('nsl-platform-permissions');
    element.client = client;
    document.body.append(element);
    await settle(element);
    const root = element.shadowRoot as ShadowRoot;
    const row = (host: string) => root.querySelector(`[data-host="${host}"]`);
    expect(row('public.api.bsky.app')?.textContent).toContain('not allowed');
    expect(row('mastodon.example')?.textContent).toMatch(/\(1 account\)\s+— allowed/);
    row('public.api.bsky.app')?.querySelector('button')?.click();
    await settle(element);
    expect(requestHost.mock.calls).toEqual([[BLUESKY_API]]);
    expect(row('public.api.bsky.app')?.querySelector('button')?.textContent?.trim()).toBe('Take back');
    row('mastodon.example')?.querySelector('button')?.click();
    await settle(element);
    expect(removeHost.mock.calls).toEqual([['https://mastodon.example']]);
    expect(row('mastodon.example')?.textContent).toContain('not allowed');
    expect(root.querySelector('[data-testid="platform-message"]')?.textContent).toBe('No longer allowed: mastodon.example.');
  });
});
