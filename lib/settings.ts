import * as v from 'valibot';
import { HOST_PATTERN } from './index/schema';
import { isHostWithin, normaliseHost } from './net/hosts';
import { PLATFORMS } from './social/platforms';

export const REFRESH_SCHEDULES = { daily: 1440, weekly: 10080, monthly: 43200, never: 0 } as const;
export type RefreshSchedule = keyof typeof REFRESH_SCHEDULES;

const HttpsOrEmpty = v.pipe(
  v.string(),
  v.check((s) => s === '' || (URL.canParse(s) && new URL(s).protocol === 'https:'), 'must be empty or an https:// address'),
);

/**
 * The user's settings (stored by lib/browser/settings.ts, changed on the options page). The one
 * definition: the type is read from it, and an imported settings file is checked against it.
 */
export const SettingsSchema = v.object({
  /** Show the toolbar badge on recognised pages. */
  showBadge: v.boolean(),
  /** Show a small label on the organisation's own pages (off unless the user turns it on). */
  showInPageFlag: v.boolean(),
  /** The platforms that count towards the adoption level. */
  countedPlatforms: v.array(v.picklist(PLATFORMS)),
  /** The popup warns when the index is older than this many days. */
  staleAfterDays: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(3650)),
  /** How often the index is refreshed from its published copy. */
  refreshSchedule: v.picklist(Object.keys(REFRESH_SCHEDULES) as RefreshSchedule[]),
  /** Where the published copy is (a folder URL); empty: the one fixed at build time, if any. */
  indexSource: HttpsOrEmpty,
  /** Sites (host names, as `siteKey` writes them) where the extension does nothing: no lookup, no badge, no flag. */
  disabledSites: v.pipe(
    v.array(v.pipe(v.string(), v.regex(HOST_PATTERN, 'must be a host name such as example.nhs.uk'))),
    v.maxLength(1000),
  ),
  /** Show the user's own pending corrections in the popup, marked as not yet reviewed. */
  showOwnSuggestions: v.boolean(),
  /** On an organisation's own social profile, read the follower count the page shows (off by default). */
  recordObservedFollowers: v.boolean(),
  /** The project's repository, for prefilled issues; empty: the one fixed at build time, if any. */
  repositoryUrl: HttpsOrEmpty,
  /** Keep a local log of the organisations' pages visited, for researchers (off by default). */
  researchLog: v.boolean(),
  /**
   * Ask Bluesky's and Mastodon's public APIs for an account's live figures when the popup shows it,
   * without a click, from hosts the user already allowed (off by default; issue 19).
   */
  liveFiguresAutomatic: v.boolean(),
});
export type Settings = v.InferOutput<typeof SettingsSchema>;

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
  liveFiguresAutomatic: false,
};

/** The settings' storage version; each step up has a migration below. */
export const SETTINGS_VERSION = 3;

/**
 * Migrations from each stored version to the next, run once by the storage item when an older
 * version is found. Version 2 added per-site disabling, corrections and the research log: a user's
 * earlier choices are kept and the new fields start at their defaults (the opt-ins stay off).
 * Version 3 added live figures' automatic setting (issue 19), off: a request to a platform only on a click.
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
  3: (old) => ({ ...old, liveFiguresAutomatic: false }),
};

/**
 * Whether a host is a zone many owners' sites sit under (nhs.uk, gov.uk, co.uk): host-rules'
 * `isSharedZone`, passed in by the callers that may ship the Public Suffix List (the background,
 * the options page), so that this module, which every page imports, does not.
 */
export type IsZone = (host: string) => boolean;

/**
 * The site the per-site switch names for `hostname`: normalised (lower case, no trailing dot), without `www.`. A switch covers
 * the site and every host under it, so it never names a zone that many organisations' sites sit
 * under (issue 17): on www.nhs.uk it is `www.nhs.uk`, never `nhs.uk`, and a zone itself (nhs.uk,
 * gov.uk, co.uk) has no site to switch off: undefined.
 */
export function siteKey(hostname: string, isZone: IsZone): string | undefined {
  const host = normaliseHost(hostname, { keepWww: true });
  const bare = normaliseHost(hostname);
  if (!isZone(bare)) return bare;
  return isZone(host) ? undefined : host;
}

/** The site "Don't run on this site" switches off for the page at `url`, as a field a tab's result carries (none for a zone). */
export function switchableSiteOf(url: string, isZone: IsZone): { site?: string } {
  const site = URL.canParse(url) ? siteKey(new URL(url).hostname, isZone) : undefined;
  return site === undefined ? {} : { site };
}

/** The switched-off sites that can be honoured: a zone (such as nhs.uk) stored by an earlier version, or imported, is dropped. */
export function switchableSites(sites: unknown, isZone: IsZone): string[] {
  return Array.isArray(sites) ? sites.filter((site): site is string => typeof site === 'string' && !isZone(site)) : [];
}

/** The switched-off site that covers this host (the host itself or a parent, such as uclh.nhs.uk for www.uclh.nhs.uk), if any. */
export function disabledSiteFor(settings: Pick<Settings, 'disabledSites'>, hostname: string, isZone: IsZone): string | undefined {
  const host = normaliseHost(hostname, { keepWww: true });
  // A zone is never honoured, however it was stored: it would switch off every organisation under it (issue 17).
  return settings.disabledSites.find((site) => isHostWithin(host, site) && !isZone(site));
}

/** Whether the user switched the extension off on this host (or on a parent site). */
export function isSiteDisabled(settings: Pick<Settings, 'disabledSites'>, hostname: string, isZone: IsZone): boolean {
  return disabledSiteFor(settings, hostname, isZone) !== undefined;
}

/** The switched-off sites with `site` switched off (or back on), each listed once. */
export function withSiteDisabled(sites: readonly string[], site: string, disabled: boolean): string[] {
  const others = sites.filter((s) => s !== site);
  return disabled ? [...others, site] : others;
}
