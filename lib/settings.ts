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
  /** How often the index is refreshed from its published copy. */
  refreshSchedule: RefreshSchedule;
  /** Where the published copy is (a folder URL); empty: the one fixed at build time, if any. */
  indexSource: string;
}

export const REFRESH_SCHEDULES = { daily: 1440, weekly: 10080, monthly: 43200, never: 0 } as const;
export type RefreshSchedule = keyof typeof REFRESH_SCHEDULES;

export const DEFAULT_SETTINGS: Settings = {
  showBadge: true,
  showInPageFlag: false,
  countedPlatforms: [...PLATFORMS],
  staleAfterDays: 180,
  refreshSchedule: 'weekly',
  indexSource: '',
};
