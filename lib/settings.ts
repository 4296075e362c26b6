import { PLATFORMS, type Platform } from './index/schema';

/** The user's settings (stored by lib/browser/settings.ts, changed on the options page). */
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
  /** Sites (host names) where the extension does nothing: no lookup, no badge, no flag. */
  disabledSites: string[];
  /** Show the user's own pending corrections in the popup, marked as not yet reviewed. */
  showOwnSuggestions: boolean;
  /** On an organisation's own social profile, read the follower count the page shows (off by default). */
  recordObservedFollowers: boolean;
  /** The project's repository, for prefilled issues; empty: the one fixed at build time, if any. */
  repositoryUrl: string;
  /** Keep a local log of the organisations' pages visited, for researchers (off by default). */
  researchLog: boolean;
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
  disabledSites: [],
  showOwnSuggestions: true,
  recordObservedFollowers: false,
  repositoryUrl: '',
  researchLog: false,
};

/** The settings' storage version; each step up has a migration below. */
export const SETTINGS_VERSION = 2;

/**
 * Migrations from each stored version to the next, run once by the storage item when an older
 * version is found. Version 2 added per-site disabling, corrections and the research log: a user's
 * earlier choices are kept and the new fields start at their defaults (the opt-ins stay off).
 */
export const SETTINGS_MIGRATIONS: Record<number, (old: Record<string, unknown>) => Record<string, unknown>> = {
  2: (old) => ({
    ...old,
    disabledSites: [],
    showOwnSuggestions: true,
    recordObservedFollowers: false,
    repositoryUrl: '',
    researchLog: false,
  }),
};

/** A host name as the per-site switch stores it: lower case, without `www.`. */
export function siteKey(hostname: string): string {
  return hostname.toLowerCase().replace(/^www\./, '');
}

/** Whether the user switched the extension off on this host (or on a parent host, such as nhs.uk). */
export function isSiteDisabled(settings: Pick<Settings, 'disabledSites'>, hostname: string): boolean {
  const host = siteKey(hostname);
  return settings.disabledSites.some((site) => host === site || host.endsWith(`.${site}`));
}
