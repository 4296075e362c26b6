/**
 * The words for where each account comes from (issue 19): one short line under the account, and
 * the full facts behind it, each with its source and date. Plain text only: nothing here is ever
 * rendered as HTML.
 */
import type { StoredSighting } from '../detect/stored-sighting';
import { formatFactDate } from '../format';
import type { Account, IndexSource, PlatformCheck } from '../index/schema';
import type { AccountRow } from '../metrics/site-evidence';
import { PLATFORM_LABELS } from '../social/platform-labels';

const VIA_WORDS: Record<StoredSighting['via'], string> = {
  link: 'a link on the page',
  'rel-me': 'a rel="me" link (how profiles verify a website)',
  'json-ld': 'the page’s structured data (JSON-LD sameAs)',
  meta: 'the page’s twitter:site tag',
};

const CHECK_WORDS: Record<PlatformCheck['result'], string> = {
  'no-account': 'no account found',
  closed: 'account closed or suspended',
  dormant: 'stopped posting',
  'account-unnamed': 'has an account (name not recorded)',
};

/** What a platform check found, in words: "account closed or suspended". */
export function checkWords(check: PlatformCheck): string {
  return CHECK_WORDS[check.result];
}

const hostOf = (url: string) => (URL.canParse(url) ? new URL(url).hostname : url);
const dayOf = (timestamp: string) => formatFactDate(timestamp.slice(0, 10));

/** The source's name as the index gives it, else its id. */
export function sourceName(id: string, sources: readonly IndexSource[]): string {
  return sources.find((s) => s.id === id)?.name ?? id;
}

/** "From its own website, seen 28 Nov 2026 on www.nuh.nhs.uk". */
export function siteLine(site: StoredSighting): string {
  const shared = site.sharedWith.length > 0 ? 'a site it shares' : 'its own website';
  return `From ${shared}, seen ${dayOf(site.lastSeen)} on ${hostOf(site.pageUrl)}`;
}

/**
 * "From its own website, seen 28 Nov 2026": the line under an account (the host is in its details);
 * on a shared site it says at once that the link does not count.
 */
function siteShort(site: StoredSighting): string {
  if (site.sharedWith.length > 0) return `Shared site, seen ${dayOf(site.lastSeen)}: not counted`;
  return `From its own website, seen ${dayOf(site.lastSeen)}`;
}

/** The one line shown under an account: where it comes from, and when. */
export function provenanceLine(row: AccountRow, sources: readonly IndexSource[]): string {
  const { index, site, notCounted } = row;
  if (index && site) {
    if (index.verification === 'unverified') return `${siteShort(site)} (unverified in the index)`;
    if (index.state === 'closed' || index.state === 'dormant')
      return `Index: ${index.state} (${formatFactDate(index.checked)}); its own website still links it (${dayOf(site.lastSeen)})`;
    if (notCounted?.reason === 'index-says')
      return `Index: ${checkWords(notCounted.check)} (${formatFactDate(notCounted.check.checked)}); its own website still links it (${dayOf(site.lastSeen)})`;
    if (notCounted?.reason === 'shared-site') return `In the index; also linked from a site it shares (${dayOf(site.lastSeen)})`;
    return `In the index and on its own website, seen ${dayOf(site.lastSeen)}`;
  }
  if (site) {
    if (notCounted?.reason === 'index-says')
      return `From its own website (${dayOf(site.lastSeen)}); the index says ${PLATFORM_LABELS[row.platform]}: ${checkWords(notCounted.check)} (${formatFactDate(notCounted.check.checked)})`;
    return siteShort(site);
  }
  return index ? `Source: ${sourceName(index.source, sources)}, ${formatFactDate(index.checked)}` : '';
}

/** The index's fact about an account in full: "In the index: Curated accounts, checked 1 Aug 2026 (closed)". */
export function indexFact(account: Account, sources: readonly IndexSource[]): string {
  const state = account.state === 'closed' || account.state === 'dormant' ? `; the source says it is ${account.state}` : '';
  const candidate = account.verification === 'unverified' ? ' as an unverified candidate' : '';
  return `In the index${candidate}: ${sourceName(account.source, sources)}, checked ${formatFactDate(account.checked)}${state}.`;
}

/** The site's fact in full: which page, how, when first and last seen, and where it is kept. */
export function siteFact(site: StoredSighting): string {
  const first = site.firstSeen.slice(0, 10) === site.lastSeen.slice(0, 10) ? '' : ` (first seen ${dayOf(site.firstSeen)})`;
  return `${site.pageUrl} links it by ${VIA_WORDS[site.via]}${first}. Seen by this browser and kept on this device only.`;
}

/** Why a site's link does not count towards the level, in words. */
export function notCountedFact(row: AccountRow): string {
  const notCounted = row.notCounted;
  if (notCounted === undefined) return '';
  if (notCounted.reason === 'shared-site')
    return `This site is shared with ${row.site?.sharedWith.join(', ')}, so the account may be theirs: it does not count towards the level.`;
  return `Not counted towards the level: a dated source says ${PLATFORM_LABELS[row.platform]}: ${checkWords(notCounted.check)} (${formatFactDate(notCounted.check.checked)}), and a link does not show it is in use again.`;
}

/** A handle as people read it: LinkedIn's "company/nhs-england" is "nhs-england" (issue 30); the link keeps the full address. */
export function handleLabel(platform: AccountRow['platform'], handle: string): string {
  return platform === 'linkedin' ? handle.replace(/^company\//, '') : handle;
}

/**
 * The one provenance line every row shares, when they all share it (issue 30): seven accounts
 * linked from the same site on the same day say so once ("All 7 linked from www.uclh.nhs.uk,
 * seen 4 Dec 2026") rather than seven times; so do accounts from one source checked on one day.
 * Undefined when the rows differ, or there is only one.
 */
export function sharedProvenance(rows: readonly AccountRow[], sources: readonly IndexSource[]): string | undefined {
  if (rows.length < 2) return undefined;
  const sites = rows.map((r) => (r.site && !r.index && !r.notCounted && r.site.sharedWith.length === 0 ? r.site : undefined));
  if (sites.every((s) => s !== undefined)) {
    const hosts = new Set(sites.map((s) => hostOf(s.pageUrl)));
    const days = new Set(sites.map((s) => s.lastSeen.slice(0, 10)));
    const [host] = hosts;
    const [day] = days;
    if (hosts.size === 1 && days.size === 1 && host !== undefined && day !== undefined)
      return `All ${rows.length} linked from ${host}, seen ${formatFactDate(day)}`;
    return undefined;
  }
  const indexed = rows.map((r) => (r.index && !r.site ? r.index : undefined));
  if (indexed.every((a) => a !== undefined)) {
    const keys = new Set(indexed.map((a) => `${a.source} ${a.checked}`));
    const [first] = indexed;
    if (keys.size === 1 && first !== undefined)
      return `All ${rows.length} from ${sourceName(first.source, sources)}, checked ${formatFactDate(first.checked)}`;
  }
  return undefined;
}
