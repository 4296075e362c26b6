/**
 * Host names, at the bottom of the layers (issue 27): every folder may import these two rules,
 * so none keeps its own copy of them.
 */

/**
 * The one host-name normaliser (issue 18): trimmed, lower-case, without the trailing dot of a fully
 * qualified name (`uclh.nhs.uk.` is `uclh.nhs.uk`) and, unless `keepWww`, without a leading `www.`.
 * The index build, corrections and the per-site switch treat a site and its `www.` host as one
 * site; detection keeps `www.`, so its evidence says exactly where it read a page.
 *
 * Not for social platforms' hosts: profile-url.ts also strips `m.`, `mobile.` and `uk.` there,
 * which are the same platform site but never the same organisation's site.
 */
export function normaliseHost(raw: string, { keepWww = false }: { keepWww?: boolean } = {}): string {
  const host = raw.trim().toLowerCase().replace(/\.+$/, '');
  return keepWww ? host : host.replace(/^www\./, '');
}

/** True when `host` is `domain` or a host under it (`www.nuh.nhs.uk` is within `nuh.nhs.uk`; `evilnuh.nhs.uk` is not). */
export function isHostWithin(host: string, domain: string): boolean {
  return host === domain || host.endsWith(`.${domain}`);
}
