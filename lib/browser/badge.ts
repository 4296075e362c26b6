// The colours live beside the legend that explains them (issue 30).
import { LEVEL_COLOURS } from '../metrics/badge-legend';
import { adoptionWithSite, levelInWords, siteEvidence } from '../metrics/site-evidence';
import { DEFAULT_SETTINGS, type Settings } from '../settings';
import { PLATFORMS, type Platform } from '../social/platforms';
import type { TabResult } from './messaging';

/** The part of `action` the badge needs. */
export interface BadgeAction {
  setBadgeText(details: { tabId: number; text: string }): Promise<void>;
  setBadgeBackgroundColor(details: { tabId: number; color: string }): Promise<void>;
  setTitle(details: { tabId: number; title: string }): Promise<void>;
}

const DEFAULT_TITLE = 'NHS Social Lens';

/**
 * What the toolbar badge says for a result: the number of platforms the organisation is active on
 * ("?" when not yet known; "0" only when every platform was checked), a colour for its adoption
 * level, and a tooltip naming it. Counted over the index and the profiles its own site links to
 * (issue 19), as the popup counts them.
 */
export function badgeFor(result: TabResult, counted: readonly Platform[] = PLATFORMS): { text: string; colour: string; title: string } {
  const blank = { text: '', colour: LEVEL_COLOURS.unknown, title: DEFAULT_TITLE };
  if (result.state !== 'recognised') return blank;
  const { candidates } = result.detection;
  const [first] = candidates;
  if (first === undefined) return blank;
  if (candidates.length > 1) {
    return {
      text: `${candidates.length}?`,
      colour: LEVEL_COLOURS.unknown,
      title: `NHS Social Lens: ${candidates.length} organisations share this site`,
    };
  }
  const org = first.organisation;
  const adoption = adoptionWithSite(org, siteEvidence(org, result.sightings), counted);
  const text = adoption.level === 'unknown' ? '?' : String(adoption.activePlatforms.length);
  return { text, colour: LEVEL_COLOURS[adoption.level], title: `NHS Social Lens: ${org.name} (${levelInWords(adoption)})` };
}

/** Shows the badge for `result` on a tab (or leaves it empty when the user turned the badge off). */
export async function showBadge(
  action: BadgeAction,
  tabId: number,
  result: TabResult,
  settings: Pick<Settings, 'showBadge' | 'countedPlatforms'> = DEFAULT_SETTINGS,
): Promise<void> {
  const badge = badgeFor(result, settings.countedPlatforms);
  try {
    await Promise.all([
      action.setBadgeText({ tabId, text: settings.showBadge ? badge.text : '' }),
      action.setBadgeBackgroundColor({ tabId, color: badge.colour }),
      action.setTitle({ tabId, title: badge.title }),
    ]);
  } catch {
    // The browser refuses badges for tabs that no longer exist; there is nothing left to show.
  }
}
