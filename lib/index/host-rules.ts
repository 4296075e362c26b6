/**
 * Which host names may belong to one organisation: the one rule the index's validator, the build,
 * corrections and the per-site switch all apply (issue 17). A host shared by many owners must
 * never be an organisation's domain, or every page under it would match whoever claimed it.
 *
 * Three kinds are refused: public suffixes, from the Public Suffix List as the maintained `tldts`
 * library ships it (gov.uk, nhs.uk, co.uk, github.io, blogspot.com…); the NHS's own umbrella
 * zones, which the list does not name (nhs.net, icb.nhs.uk, nhs.wales…); and general platforms,
 * whose sites hold anyone's pages (google.com, the social platforms, www.gov.uk).
 *
 * Not for pages: the list is large, and only the background and the CLI need it.
 */
import { parse } from 'tldts';
import * as v from 'valibot';
import { isHostWithin } from '../net/hosts';
import { isSocialPlatformHost } from '../social/profile-url';
import { HostName } from './schema';

/** NHS zones shared by many organisations that the Public Suffix List does not list as suffixes. */
const NHS_UMBRELLA_ZONES = new Set([
  'nhs.net',
  'scot.nhs.uk',
  'wales.nhs.uk',
  'nhs.wales',
  'nhs.scot',
  'hscni.net',
  'icb.nhs.uk',
  'ics.nhs.uk',
  'gov.scot',
  'gov.wales',
]);

/**
 * Sites that host pages of anyone: the host itself and every host under it are refused. GOV.UK's
 * organisation pages belong to their bodies by path (an organisation's `homepage`), never by host.
 */
const GENERAL_PLATFORMS = [
  'www.gov.uk',
  'www.nhs.uk',
  'google.com',
  'goo.gl',
  'microsoft.com',
  'live.com',
  'apple.com',
  'amazon.com',
  'amazonaws.com',
  'cloudfront.net',
  'wikipedia.org',
  'wordpress.com',
  'wix.com',
  'squarespace.com',
  'linktr.ee',
  'bit.ly',
  'mastodon.social',
];

/**
 * Why `host` is a zone that many owners' sites sit under (a public suffix or an NHS umbrella zone),
 * or undefined. The per-site switch refuses these: switching one off would switch off every site
 * under it (issue 17). A general platform is one site, so it is not a zone.
 */
export function sharedZoneProblem(host: string): string | undefined {
  if (!host.includes('.')) return 'is not a full host name';
  if (NHS_UMBRELLA_ZONES.has(host)) return 'is an NHS zone shared by many organisations, not one organisation’s own';
  const parsed = parse(host, { allowPrivateDomains: true });
  if (parsed.isIp) return 'is an IP address, not a host name';
  if (parsed.publicSuffix === host || parsed.domain === null)
    return 'is a public suffix (on the Public Suffix List), shared by many organisations';
  return undefined;
}

/** True when `host` is a zone many owners' sites sit under (the per-site switch never names one). */
export function isSharedZone(host: string): boolean {
  return sharedZoneProblem(host) !== undefined;
}

/** Why `host` (lower-case, already shaped like a host name) cannot be one organisation's, or undefined. */
export function sharedHostProblem(host: string): string | undefined {
  const zone = sharedZoneProblem(host);
  if (zone !== undefined) return zone;
  const platform = GENERAL_PLATFORMS.find((general) => isHostWithin(host, general));
  if (platform !== undefined || isSocialPlatformHost(host))
    return `is a general platform (${platform ?? host}) that holds anyone’s pages, not one organisation’s own`;
  return undefined;
}

/** True when `host` is shared by many organisations rather than one organisation's own. */
export function isSharedHost(host: string): boolean {
  return sharedHostProblem(host) !== undefined;
}

/** The one host rule for a domain of an organisation: every domain in the index, and every domain a correction proposes. */
export const OwnHost = v.pipe(
  HostName,
  v.rawCheck(({ dataset, addIssue }) => {
    const problem = dataset.typed ? sharedHostProblem(dataset.value) : undefined;
    if (problem !== undefined) addIssue({ message: problem });
  }),
);
