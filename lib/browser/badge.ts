import type { TabResult } from './messaging';

/** The part of `action` the badge needs. */
export interface BadgeAction {
  setBadgeText(details: { tabId: number; text: string }): Promise<void>;
  setBadgeBackgroundColor(details: { tabId: number; color: string }): Promise<void>;
  setTitle(details: { tabId: number; title: string }): Promise<void>;
}

/** NHS blue, the colour of a recognised organisation. */
const RECOGNISED_COLOUR = '#005eb8';
const DEFAULT_TITLE = 'NHS Social Lens';

/** What the toolbar badge says for a result: text, colour and the tooltip naming the organisation. */
export function badgeFor(result: TabResult): { text: string; title: string } {
  if (result.state !== 'recognised') return { text: '', title: DEFAULT_TITLE };
  const { candidates } = result.detection;
  const [first] = candidates;
  if (first === undefined) return { text: '', title: DEFAULT_TITLE };
  if (candidates.length > 1) {
    return { text: `${candidates.length}?`, title: `NHS Social Lens: ${candidates.length} organisations share this site` };
  }
  const platforms = new Set(first.organisation.accounts.filter((a) => a.verification === 'official').map((a) => a.platform));
  // A tick, not "0": no known account means "not yet known", which is not the same as none.
  return { text: platforms.size > 0 ? String(platforms.size) : '✓', title: `NHS Social Lens: ${first.organisation.name}` };
}

/** Shows the badge for `result` on a tab; a tab that has closed meanwhile is not an error. */
export async function showBadge(action: BadgeAction, tabId: number, result: TabResult): Promise<void> {
  const { text, title } = badgeFor(result);
  try {
    await Promise.all([
      action.setBadgeText({ tabId, text }),
      action.setBadgeBackgroundColor({ tabId, color: RECOGNISED_COLOUR }),
      action.setTitle({ tabId, title }),
    ]);
  } catch {
    // The browser refuses badges for tabs that no longer exist; there is nothing left to show.
  }
}
