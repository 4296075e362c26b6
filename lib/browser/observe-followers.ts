/**
 * Observed figures (opt-in): when the popup is opened on an organisation's own social profile,
 * the follower count that page shows is read once, in that tab only (activeTab), and kept as a
 * draft correction "observed by you on <date>". Nothing is read unless the user turned it on, and
 * when the rules no longer match the page nothing is recorded.
 */

import type { StoredCorrection } from '../corrections/stored-correction';
import { observeFollowers, rulesFor } from '../observe/observed-followers';
import type { readFollowerTexts } from '../observe/read-follower-text';
import type { Settings } from '../settings';
import { parseProfileUrl } from '../social/profile-url';
import type { Request, TabResult } from './messaging';

export interface ObserveDeps {
  /** Runs the page-side reader in the tab and returns what it found (scripting.executeScript). */
  readInTab(tabId: number, rules: Parameters<typeof readFollowerTexts>[0]): Promise<unknown>;
  record(observed: Request<'ui-bg-record-observed-followers'>): Promise<{ record?: StoredCorrection }>;
}

export async function observeFollowersInTab(
  tabId: number,
  result: TabResult,
  settings: Pick<Settings, 'recordObservedFollowers'>,
  deps: ObserveDeps,
): Promise<StoredCorrection | undefined> {
  if (!settings.recordObservedFollowers || result.state !== 'recognised') return undefined;
  const [only, ...others] = result.detection.candidates;
  // Only the organisation's own profile, recognised from the index: never a page merely linked from a site.
  if (only === undefined || others.length > 0 || only.evidence.rule !== 'social-profile') return undefined;
  // Recognised as a profile already, so its host is a Mastodon instance if the address has that shape.
  const parsed = parseProfileUrl(result.detection.url, new Set([new URL(result.detection.url).hostname]));
  if (!parsed.ok) return undefined;
  const rules = rulesFor(parsed.profile.platform);
  if (rules.length === 0) return undefined;
  let texts: unknown;
  try {
    texts = await deps.readInTab(tabId, [...rules]);
  } catch {
    return undefined; // the page could not be read (a browser page, a closed tab): nothing to record
  }
  const observed = observeFollowers(parsed.profile.platform, Array.isArray(texts) ? texts.slice(0, 10) : []);
  if (observed === undefined) return undefined;
  const { record } = await deps.record({
    organisationId: only.organisation.id,
    platform: parsed.profile.platform,
    handle: parsed.profile.handle,
    pageUrl: result.detection.url,
    followers: observed.followers,
    approximate: observed.approximate,
  });
  return record;
}
