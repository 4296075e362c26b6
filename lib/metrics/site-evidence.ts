/**
 * What the index knows and what the organisation's own website links to, as one list (issue 19).
 *
 * `index build` treats a link from an organisation's own website as the strongest evidence there
 * is (official); the browser applies the same rule to what it sees. Rules (docs/adoption-levels.md):
 * - a profile the organisation's own current site links to is its official account, in use
 *   ("active"): a link is evidence that the account is the organisation's and in use, not of how
 *   often it posts;
 * - the index's reviewed facts stand: a site link never revives an official account the index
 *   says was closed or stopped posting, nor counts on a platform a dated check says the
 *   organisation left or stopped using (both facts are shown, with their dates); an unverified
 *   candidate the site links to becomes official and in use (its source's word was never counted);
 * - a link on a site shared by several organisations is not proof for any one of them: it is
 *   shown, marked, and never counted;
 * - a profile the index lists as another organisation's official account is not this one's
 *   (`withoutOthersAccounts`);
 * - a site that links nothing says nothing: "not yet known" never becomes "none" through it.
 * The level and the badge come from `adoptionOf`, unchanged, over `view`: the index's record with
 * the site's accounts added.
 */
import type { StoredSighting } from '../detect/stored-sighting';
import type { Account, Organisation, PlatformCheck } from '../index/schema';
import { PLATFORMS, type Platform } from '../social/platforms';
import { accountKey } from '../social/profile-url';
import { type Adoption, adoptionOf, explanationOf, officialAccountsOn, platformsInWords } from './adoption';

/** The source the view names for accounts known only from the organisation's own website. */
export const OWN_WEBSITE_SOURCE = 'its-own-website';

/** Why a site's link does not count towards the level. */
export type NotCounted = { reason: 'shared-site' } | { reason: 'index-says'; check: PlatformCheck };

/** One account, from the index, from the organisation's own website, or both. */
export interface AccountRow {
  key: string;
  platform: Platform;
  handle: string;
  url: string;
  /** The index's record, when it has one (its reviewed facts: source, date, state, figures). */
  index?: Account;
  /** Where this browser last saw the organisation's own site link it. */
  site?: StoredSighting;
  /** Set when the site's link does not count (a shared site, or a dated check the index holds). */
  notCounted?: NotCounted;
}

export interface SiteEvidence {
  /** The organisation's accounts: the index's official ones and those its own site links to. */
  rows: AccountRow[];
  /** The index's unverified candidates that its own site does not link to (never counted). */
  unverified: AccountRow[];
  /** The organisation as the level sees it: the index's record with the site's accounts added. */
  view: Organisation;
}

/** Where a level rests: the index's facts, the organisation's own website, or both. */
export type LevelBasis = 'index' | 'site' | 'index-and-site';

export interface SiteAdoption extends Adoption {
  basis: LevelBasis;
  /** "from its own website", "from the index and its own website", or '' (the index alone). */
  basisLabel: string;
}

/** The day part of a timestamp, the index's date format. */
const dayOf = (timestamp: string) => timestamp.slice(0, 10);

/**
 * Sightings without the profiles the index lists as another organisation's official account: a
 * trust's footer linking NHS England's X account does not make it the trust's. `officialOwners`
 * names the organisations listing a key as official.
 */
export function withoutOthersAccounts(
  sightings: readonly StoredSighting[],
  officialOwners: (key: string) => readonly string[],
): StoredSighting[] {
  return sightings.filter((s) => {
    const owners = officialOwners(s.accountKey);
    return owners.length === 0 || owners.includes(s.organisationId);
  });
}

/** `officialOwners` for `withoutOthersAccounts`, from organisations in memory (the dashboard's whole index). */
export function officialOwnersIn(organisations: readonly Organisation[]): (key: string) => readonly string[] {
  const owners = new Map<string, string[]>();
  for (const org of organisations)
    for (const account of org.accounts) {
      if (account.verification !== 'official') continue;
      const key = accountKey(account.platform, account.handle);
      owners.set(key, [...(owners.get(key) ?? []), org.id]);
    }
  return (key) => owners.get(key) ?? [];
}

/** The index's newest check saying the organisation left `platform` or stopped using it. */
function stoppedOn(org: Organisation, platform: Platform): PlatformCheck | undefined {
  return org.platformChecks
    .filter((c) => c.platform === platform && (c.result === 'closed' || c.result === 'dormant'))
    .sort((a, b) => b.checked.localeCompare(a.checked))[0];
}

/** The union of the index's accounts and those `org`'s own site links to (`sightings`, any organisation's: filtered here). */
export function siteEvidence(org: Organisation, sightings: readonly StoredSighting[]): SiteEvidence {
  const seen = new Map(sightings.filter((s) => s.organisationId === org.id).map((s) => [s.accountKey, s]));
  const rows: AccountRow[] = [];
  const unverified: AccountRow[] = [];
  const accounts: Account[] = [];
  const countable = (s: StoredSighting, platform: Platform): NotCounted | undefined => {
    if (s.sharedWith.length > 0) return { reason: 'shared-site' };
    const check = stoppedOn(org, platform);
    return check ? { reason: 'index-says', check } : undefined;
  };

  for (const account of org.accounts) {
    const key = accountKey(account.platform, account.handle);
    const site = seen.get(key);
    seen.delete(key);
    const row: AccountRow = { key, platform: account.platform, handle: account.handle, url: account.url, index: account };
    if (site) row.site = site;
    const notCounted = site && countable(site, account.platform);
    if (notCounted) row.notCounted = notCounted;
    const counting = notCounted === undefined ? site : undefined;
    if (account.verification === 'official') {
      rows.push(row);
      // A link seen since the index checked it is a newer fact of use, unless the index says the account closed or went quiet.
      const open = account.state !== 'closed' && account.state !== 'dormant';
      accounts.push(
        counting && open && dayOf(counting.lastSeen) > account.checked ? { ...account, checked: dayOf(counting.lastSeen) } : account,
      );
    } else if (counting) {
      // An unverified candidate its own site links to is official, as `index build` would make it,
      // and in use: the unverified source's word on its state was never counted, and is not now.
      rows.push(row);
      accounts.push({
        ...account,
        verification: 'official',
        state: 'active',
        source: OWN_WEBSITE_SOURCE,
        checked: dayOf(counting.lastSeen),
      });
    } else {
      unverified.push(row);
    }
  }

  for (const site of seen.values()) {
    const row: AccountRow = { key: site.accountKey, platform: site.platform, handle: site.handle, url: site.url, site };
    const notCounted = countable(site, site.platform);
    if (notCounted) row.notCounted = notCounted;
    else
      accounts.push({
        platform: site.platform,
        handle: site.handle,
        url: site.url,
        verification: 'official',
        state: 'active',
        source: OWN_WEBSITE_SOURCE,
        checked: dayOf(site.lastSeen),
      });
    rows.push(row);
  }

  // Platform order, as everywhere else; within a platform the index's accounts first (stable sort).
  rows.sort((a, b) => PLATFORMS.indexOf(a.platform) - PLATFORMS.indexOf(b.platform));
  return { rows, unverified, view: { ...org, accounts } };
}

/**
 * The adoption level over the index and the organisation's own site, with what it rests on: the
 * platforms active only thanks to the site's links make the basis "site" (all of them) or
 * "index-and-site" (some).
 */
export function adoptionWithSite(org: Organisation, evidence: SiteEvidence, counted?: readonly Platform[]): SiteAdoption {
  const withSite = adoptionOf(evidence.view, counted);
  const indexOnly = adoptionOf(org, counted);
  const fromSite = withSite.activePlatforms.filter((p) => !indexOnly.activePlatforms.includes(p));
  const basis: LevelBasis =
    fromSite.length === 0 ? 'index' : fromSite.length === withSite.activePlatforms.length ? 'site' : 'index-and-site';
  const basisLabel = basis === 'site' ? 'from its own website' : basis === 'index-and-site' ? 'from the index and its own website' : '';
  // A link says the account is its own, not how often it posts: never "active" for those (issue 30).
  const fromIndex = withSite.activePlatforms.filter((p) => !fromSite.includes(p));
  const linked = `${fromSite.length === 1 ? 'an account' : 'accounts'} on ${platformsInWords(fromSite)}, linked from its own website; activity not measured`;
  const explanation =
    basis === 'index'
      ? withSite.explanation
      : explanationOf(
          withSite.level,
          basis === 'site' ? `Has ${linked}` : `${officialAccountsOn(fromIndex)} in the index, and ${linked}`,
          withSite.dormantPlatforms,
          withSite.closedPlatforms,
          withSite.style,
        );
  return { ...withSite, explanation, basis, basisLabel };
}

/** The level in words with its basis: "Several platforms, from its own website". */
export function levelInWords(adoption: Pick<SiteAdoption, 'label' | 'basisLabel'>): string {
  return adoption.basisLabel ? `${adoption.label}, ${adoption.basisLabel}` : adoption.label;
}
