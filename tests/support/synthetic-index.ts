import type { Account, NhsIndex, Organisation } from '../../lib/index/schema';
import type { Platform } from '../../lib/social/platforms';
import { PLATFORMS } from '../../lib/social/platforms';
import { loadBundledIndex } from './bundled-index';

const REGIONS = ['London', 'Midlands', 'North West', 'North East and Yorkshire', 'South East', 'South West', 'East of England'];
const SOURCE = 'synthetic-test-data';

/** The organisation a formula-injection test looks for: its name would run as a spreadsheet formula. */
export const FORMULA_ORGANISATION = { id: 'ZEVIL', name: `=HYPERLINK("https://evil.example","Formula Test Trust")` };

/** A fixed pseudo-random number in [0, 1) for organisation `i` and purpose `salt` (the same every run). */
function chance(i: number, salt: number): number {
  let h = Math.imul(i + 1, 2654435761) ^ Math.imul(salt + 7, 40503);
  h = Math.imul(h ^ (h >>> 15), 2246822507);
  h = Math.imul(h ^ (h >>> 13), 3266489909);
  return ((h ^ (h >>> 16)) >>> 0) / 4294967296;
}

function account(platform: Platform, i: number, followers?: number): Account {
  const urls: Partial<Record<Platform, [string, string]>> = {
    x: [`org${i}`, `https://x.com/org${i}`],
    facebook: [`org${i}`, `https://www.facebook.com/org${i}`],
    youtube: [`@org${i}`, `https://www.youtube.com/@org${i}`],
    bluesky: [`org${i}.bsky.social`, `https://bsky.app/profile/org${i}.bsky.social`],
    instagram: [`org${i}`, `https://www.instagram.com/org${i}`],
  };
  const [handle, url] = urls[platform] ?? [`org${i}`, `https://x.com/org${i}`];
  return {
    platform,
    handle,
    url,
    verification: 'official',
    state: 'active',
    source: SOURCE,
    checked: '2026-10-01',
    ...(followers !== undefined ? { metrics: { measuredAt: '2026-10-01', source: SOURCE, followers } } : {}),
  };
}

/**
 * A synthetic index of `count` organisations (test data, not real) with a spread a dashboard can
 * show: every kind, region and adoption level, measured and unmeasured followers, and one
 * organisation whose name is a spreadsheet formula.
 */
export function syntheticIndex(count: number): NhsIndex {
  const base = loadBundledIndex();
  const organisations: Organisation[] = Array.from({ length: count }, (_, i) => {
    const kind = i % 37 === 0 ? 'national-body' : i % 20 === 0 ? 'icb' : 'trust';
    const region = kind === 'national-body' ? 'national' : i % 53 === 0 ? 'unknown' : (REGIONS[i % REGIONS.length] ?? 'London');
    const r = chance(i, 1);
    const accounts: Account[] = [];
    let platformChecks: Organisation['platformChecks'] = [];
    if (r < 0.05) {
      platformChecks = PLATFORMS.map((platform) => ({ platform, result: 'no-account', source: SOURCE, checked: '2026-10-01' }));
    } else if (r >= 0.45) {
      const measured = chance(i, 2) < 0.5;
      accounts.push(account('x', i, measured ? Math.floor(10 ** (2 + chance(i, 3) * 3.5)) : undefined));
      if (chance(i, 4) < 0.5) accounts.push(account('facebook', i));
      if (chance(i, 5) < 0.2) accounts.push(account('youtube', i, Math.floor(10 ** (1 + chance(i, 6) * 3))));
      if (chance(i, 7) < 0.1) accounts.push(account('bluesky', i, Math.floor(10 ** (1 + chance(i, 8) * 3))));
    }
    const formula = i === 0;
    return {
      id: formula ? FORMULA_ORGANISATION.id : `Z${String(i).padStart(5, '0')}`,
      name: formula ? FORMULA_ORGANISATION.name : `Synthetic ${kind === 'icb' ? 'ICB' : kind === 'trust' ? 'Trust' : 'Body'} ${i}`,
      kind,
      ...(kind === 'trust' ? { trustType: 'unknown' as const } : {}),
      region,
      country: 'England',
      domains: [{ host: `org${i}.nhs.uk`, source: SOURCE, checked: '2026-10-01' }],
      predecessors: [],
      accounts,
      platformChecks,
      source: SOURCE,
    };
  });
  return {
    ...base,
    sources: [
      ...base.sources,
      { id: SOURCE, name: 'Synthetic organisations for the browser tests (not real)', licence: 'test data', date: '2026-10-01' },
    ],
    organisations,
  };
}
