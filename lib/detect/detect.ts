/**
 * Recognises the organisation(s) a page belongs to, with the evidence for each.
 *
 * Rules, one per kind of page (the first that applies decides):
 * 1. a social profile (x.com/uclh): the organisations listing that account, else those whose own
 *    site was seen linking to it; other pages of social sites never match;
 * 2. a CQC provider or location page (cqc.org.uk/provider/RJ1, /location/RJ122): by code; CQC's
 *    other pages are its own site, found by host as in 5 (issue 20);
 * 3. an NHS website service page (nhs.uk/services/hospital/…/RJ122): by the site code in the URL;
 *    every other nhs.uk page is the NHS website's own, not an organisation's;
 * 4. a GOV.UK organisation page (www.gov.uk/government/organisations/nhs-england and every page
 *    under it): the body whose GOV.UK page it is, or whose predecessor's it was; GOV.UK's other
 *    pages are nobody's (issue 20);
 * 5. any other page: by host, the most specific listed domain first, so careers.uclh.nhs.uk is
 *    UCLH's; umbrella zones (nhs.uk, nhs.net…) are never an organisation's domain.
 * Old domains and codes of merged organisations resolve to the successor, with the predecessor
 * named in the evidence. A value shared by several organisations returns all of them.
 */
import { GOVUK_HOST, govukKey, govukOrganisationSlug, homepageKey } from '../index/keys';
import type { IndexLookups } from '../index/lookup';
import type { Organisation } from '../index/schema';
import { accountKey, isSocialPlatformHost, parseProfile, type SocialProfile } from '../social/profile-url';
import { hostnameOf, hostSuffixes } from './page-url';
import { CQC_HOSTS, NHS_WEBSITE_HOSTS } from './pages';
import type { Candidate, Confidence, Detection, Evidence } from './types';

/** Where an account was seen linked from an organisation's own site (recorded by the extension). */
export interface Sighting {
  organisation: Organisation;
  /** The host of the organisation's page that linked the account. */
  pageHost: string;
}

export type SightingsLookup = (accountKey: string) => Promise<readonly Sighting[]> | readonly Sighting[];

/** ODS organisation and site codes: three to nine capitals and digits (RJ1, G6V2S, RJ122). */
const CODE = /^[A-Z0-9]{3,9}$/;

/** Recognises the organisation(s) whose page `url` is. */
export async function detectPage(url: string, lookups: IndexLookups, sightings?: SightingsLookup): Promise<Detection> {
  const parsed = URL.canParse(url) ? new URL(url) : undefined;
  const host = parsed && hostnameOf(parsed);
  if (parsed === undefined || host === undefined) return { url, candidates: [] };
  const segments = parsed.pathname.split('/').filter(Boolean);
  let candidates: Candidate[];
  const profile = parseProfile(parsed);
  if (profile.ok) candidates = await bySocialProfile(profile.profile, host, lookups, sightings);
  else if (isSocialPlatformHost(host)) candidates = [];
  else if (CQC_HOSTS.has(host) && isCqcCodePage(segments)) candidates = await byCqcPage(segments, host, lookups);
  else if (NHS_WEBSITE_HOSTS.has(host)) candidates = await byNhsServicePage(segments, host, lookups);
  else if (host === GOVUK_HOST) candidates = await byGovukPage(parsed, host, lookups);
  else candidates = await byHost(host, lookups);
  return { url, candidates: candidates.sort((a, b) => a.organisation.id.localeCompare(b.organisation.id)) };
}

async function byHost(host: string, lookups: IndexLookups): Promise<Candidate[]> {
  for (const suffix of hostSuffixes(host)) {
    const found = lookups.byHost(suffix);
    // In-memory look-ups answer at once: awaiting them anyway would cost a turn of the event loop per suffix.
    const organisations = found instanceof Promise ? await found : found;
    if (organisations.length === 0) continue;
    // A current domain outranks the same host as a predecessor's former domain.
    const current = organisations.filter((org) => org.domains.some((d) => d.host === suffix));
    if (current.length > 0) return current.map((org) => candidate(org, { rule: 'domain', value: suffix, where: host }, 'high'));
    return organisations.flatMap((org) => {
      const predecessor = org.predecessors.find((p) => p.domains.some((d) => d.host === suffix));
      // An old domain may have been sold or reused since, so it is weaker evidence than a current one.
      return predecessor
        ? [candidate(org, { rule: 'domain', value: suffix, where: host, predecessor: describePredecessor(predecessor) }, 'medium')]
        : [];
    });
  }
  return [];
}

/** A CQC page about a provider or a location: it names the organisation, so CQC's own site does not match it. */
function isCqcCodePage([kind]: string[]): boolean {
  return kind === 'provider' || kind === 'location';
}

async function byCqcPage(segments: string[], host: string, lookups: IndexLookups): Promise<Candidate[]> {
  const [, id = ''] = segments;
  if (!CODE.test(id.toUpperCase())) return [];
  return byCode(id.toUpperCase(), host, lookups);
}

/**
 * A GOV.UK organisation page, by its slug's key (`govuk:nhs-england`): the body whose id or home
 * page it is, or the successor of a closed body whose page it was (Public Health England's page
 * leads to the bodies it split into). Exact keys only, never a prefix.
 */
async function byGovukPage(url: URL, host: string, lookups: IndexLookups): Promise<Candidate[]> {
  const slug = govukOrganisationSlug(url);
  if (slug === undefined) return [];
  const key = govukKey(slug);
  const found = await lookups.byCode(key);
  return found.map((org) => {
    const own = org.id === key || homepageKey(org) === key;
    const predecessor = own ? undefined : org.predecessors.find((p) => p.id === key);
    const value = `/government/organisations/${slug}`;
    const evidence: Evidence = {
      rule: 'govuk-page',
      value,
      where: host,
      ...(predecessor ? { predecessor: describePredecessor(predecessor) } : {}),
    };
    return candidate(org, evidence, predecessor ? 'medium' : 'high');
  });
}

async function byNhsServicePage(segments: string[], host: string, lookups: IndexLookups): Promise<Candidate[]> {
  // /services/<kind of service>/<name>/<ODS code>[/…]
  const [first, , , code = ''] = segments;
  if (first !== 'services' || !CODE.test(code.toUpperCase())) return [];
  return byCode(code.toUpperCase(), host, lookups);
}

/**
 * An organisation code matches exactly; a site code matches the organisation whose code it
 * extends (ODS site codes add two characters: RJ122 is a site of RJ1), longest code first.
 */
async function byCode(code: string, where: string, lookups: IndexLookups): Promise<Candidate[]> {
  const exact = await lookups.byCode(code);
  if (exact.length > 0) return exact.map((org) => codeCandidate(org, code, 'organisation-code', code, where));
  for (let length = Math.min(code.length - 1, 6); length >= 3; length--) {
    const parent = code.slice(0, length);
    const organisations = await lookups.byCode(parent);
    if (organisations.length > 0) return organisations.map((org) => codeCandidate(org, parent, 'site-code', code, where));
  }
  return [];
}

function codeCandidate(
  org: Organisation,
  matchedCode: string,
  rule: 'organisation-code' | 'site-code',
  value: string,
  where: string,
): Candidate {
  const predecessor = org.id === matchedCode ? undefined : org.predecessors.find((p) => p.id === matchedCode);
  const evidence: Evidence = { rule, value, where, ...(predecessor ? { predecessor: describePredecessor(predecessor) } : {}) };
  return candidate(org, evidence, predecessor ? 'medium' : 'high');
}

async function bySocialProfile(
  profile: SocialProfile,
  host: string,
  lookups: IndexLookups,
  sightings?: SightingsLookup,
): Promise<Candidate[]> {
  const key = accountKey(profile.platform, profile.handle);
  const listed = await lookups.byAccount(key);
  if (listed.length > 0) {
    return listed.map((org) => {
      const account = org.accounts.find((a) => accountKey(a.platform, a.handle) === key);
      // An unverified candidate account is weak evidence that this profile is the organisation's.
      return candidate(
        org,
        { rule: 'social-profile', value: profile.handle, where: host, platform: profile.platform },
        account?.verification === 'official' ? 'high' : 'low',
      );
    });
  }
  const seen = sightings ? await sightings(key) : [];
  const byOrganisation = new Map(seen.map((s) => [s.organisation.id, s]));
  return [...byOrganisation.values()].map((s) =>
    candidate(s.organisation, { rule: 'linked-from-site', value: s.pageHost, where: host, platform: profile.platform }, 'medium'),
  );
}

function describePredecessor(p: Organisation['predecessors'][number]): NonNullable<Evidence['predecessor']> {
  return { id: p.id, ...(p.name === undefined ? {} : { name: p.name }), ...(p.until === undefined ? {} : { until: p.until }) };
}

function candidate(organisation: Organisation, evidence: Evidence, confidence: Confidence): Candidate {
  return { organisation, evidence, confidence };
}
