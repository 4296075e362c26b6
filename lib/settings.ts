import { PLATFORMS, type Platform } from './index/schema';

/** The user's settings (stored by lib/browser/settings.ts; the options page is issue 12). */
export interface Settings {
  /** Show the toolbar badge on recognised pages. */
  showBadge: boolean;
  /** Show a small label on the organisation's own pages (off unless the user turns it on). */
  showInPageFlag: boolean;
  /** The platforms that count towards the adoption level. */
  countedPlatforms: Platform[];
  /** The popup warns when the index is older than this many days. */
  staleAfterDays: number;
}

export const DEFAULT_SETTINGS: Settings = {
  showBadge: true,
  showInPageFlag: false,
  countedPlatforms: [...PLATFORMS],
  staleAfterDays: 180,
};
