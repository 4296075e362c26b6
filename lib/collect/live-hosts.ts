/**
 * The hosts live figures may ask (issue 30: the settings offer each one's permission): Bluesky's
 * AppView, and each Mastodon server an account in the index or on an organisation's own site is on.
 */
import { BLUESKY_API, LIVE_PLATFORMS, type LiveAccount, liveOrigin } from './live-figures';

/** One host live figures may ask, and how it is named to people. */
export interface LiveHost {
  origin: string;
  name: string;
  /** How many of the accounts given are on it. */
  accounts: number;
}

/** Bluesky's host first (always), then the Mastodon servers of `accounts`, by name; each once. */
export function liveHostsOf(accounts: readonly { platform: string; handle: string }[]): LiveHost[] {
  const hosts = new Map<string, LiveHost>([[BLUESKY_API, { origin: BLUESKY_API, name: 'Bluesky', accounts: 0 }]]);
  for (const account of accounts) {
    if (!LIVE_PLATFORMS.includes(account.platform as LiveAccount['platform'])) continue;
    const where = liveOrigin(account as Pick<LiveAccount, 'platform' | 'handle'>);
    if (!where.ok) continue;
    const known = hosts.get(where.origin) ?? { origin: where.origin, name: where.name, accounts: 0 };
    known.accounts += 1;
    hosts.set(where.origin, known);
  }
  const [bluesky, ...mastodon] = [...hosts.values()];
  return [...(bluesky ? [bluesky] : []), ...mastodon.sort((a, b) => a.name.localeCompare(b.name))];
}
