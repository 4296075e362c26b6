import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { readablePatterns, underPagePatterns } from '../../lib/detect/pages';
import { makeIndex, makeOrganisation } from '../support/index-factory';

// WXT's storage finds the browser as it loads: the fake one is put in place first.
(globalThis as { chrome?: unknown }).chrome = fakeBrowser;
const { createLiveHosts, liveHostsItem } = await import('../../lib/browser/live-hosts');

/**
 * The hosts the extension reads pages on (the build's PAGE_MATCHES): the index's domains (here one
 * outside nhs.uk), CQC, the NHS website, and every nhs.uk site once the user allows it (issue 28).
 */
const INSTALL_TIME = underPagePatterns(
  readablePatterns(
    makeIndex([makeOrganisation({ domains: [{ host: 'example-trust.org.uk', source: 'test-source', checked: '2026-08-01' }] })]),
  ),
);

/** The browser's permissions: it says yes to every install-time host without asking, as browsers do. */
function permissions(userAllows: boolean) {
  const allowed = new Set<string>();
  const installTime = (origins: string[]) => origins.every((o) => INSTALL_TIME(new URL(o.replace(/\/\*$/, '')).hostname));
  return {
    request: vi.fn(async ({ origins }: { origins: string[] }) => {
      if (installTime(origins)) return true;
      if (userAllows) for (const o of origins) allowed.add(o);
      return userAllows;
    }),
    contains: vi.fn(async ({ origins }: { origins: string[] }) => installTime(origins) || origins.every((o) => allowed.has(o))),
  };
}

beforeEach(() => {
  fakeBrowser.reset();
});

describe('the hosts granted for live figures (issue 26)', () => {
  it('are not the hosts the browser allows from install: permissions.contains says yes to those, the list does not', async () => {
    const browserPermissions = permissions(true);
    const hosts = createLiveHosts(browserPermissions, INSTALL_TIME);
    for (const origin of [
      'https://social.example.nhs.uk',
      'https://social.example-trust.org.uk',
      'https://www.cqc.org.uk',
      'https://mastodon.nhs.net',
    ])
      expect(await hosts.has(origin)).toBe(false);
    expect(await browserPermissions.contains({ origins: ['https://social.example.nhs.uk/*'] })).toBe(true);
  });

  it('never asks for, nor remembers, an install-time host or an NHS zone, even though the browser would say yes', async () => {
    const browserPermissions = permissions(true);
    const hosts = createLiveHosts(browserPermissions, INSTALL_TIME);
    expect(await hosts.request('https://social.example.nhs.uk')).toBe(false);
    expect(await hosts.request('https://social.example-trust.org.uk')).toBe(false);
    expect(await hosts.request('https://mastodon.nhs.scot')).toBe(false);
    expect(browserPermissions.request).not.toHaveBeenCalled();
    expect(await liveHostsItem.getValue()).toEqual([]);
  });

  it('remembers a platform host once the user’s click obtains the browser’s leave, and only then', async () => {
    const refused = createLiveHosts(permissions(false), INSTALL_TIME);
    expect(await refused.request('https://mastodon.example')).toBe(false);
    expect(await refused.has('https://mastodon.example')).toBe(false);
    const hosts = createLiveHosts(permissions(true), INSTALL_TIME);
    expect(await hosts.request('https://mastodon.example')).toBe(true);
    expect(await hosts.has('https://mastodon.example')).toBe(true);
    expect(await liveHostsItem.getValue()).toEqual(['mastodon.example']);
  });

  it('forgets a host when the browser’s leave is removed, and every host on "Delete all my data"', async () => {
    const hosts = createLiveHosts(permissions(true), INSTALL_TIME);
    await hosts.request('https://mastodon.example');
    await hosts.request('https://public.api.bsky.app');
    await hosts.removed(['https://mastodon.example/*']);
    expect(await liveHostsItem.getValue()).toEqual(['public.api.bsky.app']);
    await hosts.clear();
    expect(await liveHostsItem.getValue()).toEqual([]);
    expect(await hosts.has('https://public.api.bsky.app')).toBe(false);
  });
});
