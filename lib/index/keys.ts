import { normaliseHost } from '../net/hosts';
import { accountKey } from '../social/profile-url';
import type { Organisation } from './schema';

/** GOV.UK's one host: its organisation pages belong to their bodies by path, never by host (issue 20). */
export const GOVUK_HOST = 'www.gov.uk';

/** `/government/organisations/<slug>` and any page under it; the slug as GOV.UK writes it (lower case). */
const GOVUK_ORGANISATION_PATH = /^\/government\/organisations\/([a-z0-9-]{2,120})(?:\/|$)/;

/**
 * The slug of the GOV.UK organisation page `url` is, or a page under it
 * (`https://www.gov.uk/government/organisations/nhs-england/about` -> `nhs-england`); undefined for
 * any other address: GOV.UK's other pages, `/government/organisations` itself, look-alike paths
 * (`/government/organisations-fake/…`) and every other host, `gov.uk` without `www.` included.
 */
export function govukOrganisationSlug(url: URL): string | undefined {
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return undefined;
  if (normaliseHost(url.hostname, { keepWww: true }) !== GOVUK_HOST || url.username !== '' || url.password !== '') return undefined;
  return GOVUK_ORGANISATION_PATH.exec(url.pathname)?.[1];
}

/** The code key a GOV.UK organisation page is looked up by: `govuk:<slug>`, the shape of a national body's id. */
export function govukKey(slug: string): string {
  return `govuk:${slug}`;
}

/** The code key of an organisation's GOV.UK home page, when its `homepage` is one. */
export function homepageKey(org: Pick<Organisation, 'homepage'>): string | undefined {
  if (org.homepage === undefined || !URL.canParse(org.homepage)) return undefined;
  const slug = govukOrganisationSlug(new URL(org.homepage));
  return slug === undefined ? undefined : govukKey(slug);
}

/**
 * Every key an organisation can be found by: its hosts and its predecessors', its code, its GOV.UK
 * page's key (`govuk:nhs-england` for NHS England, whose code is X24) and its predecessors' codes,
 * and its accounts. Stored with each organisation in IndexedDB and used for the command line's
 * in-memory tables, so both look-ups give the same answers.
 */
export function organisationKeys(org: Organisation): { hosts: string[]; codes: string[]; accounts: string[] } {
  const hosts = new Set(org.domains.map((d) => d.host));
  const codes = new Set([org.id]);
  const govuk = homepageKey(org);
  if (govuk !== undefined) codes.add(govuk);
  for (const predecessor of org.predecessors) {
    codes.add(predecessor.id);
    for (const d of predecessor.domains) hosts.add(d.host);
  }
  const accounts = new Set(org.accounts.map((a) => accountKey(a.platform, a.handle)));
  return { hosts: [...hosts], codes: [...codes], accounts: [...accounts] };
}
