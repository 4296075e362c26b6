/**
 * Which page addresses can belong to an organisation at all, and the host names to look up.
 * Everything here is a pure function of the URL text, so look-alikes are tested as tables.
 */

const IPV4 = /^\d{1,3}(?:\.\d{1,3}){3}$/;

/** The host name of an http(s) page, lower-case without a trailing dot; undefined for anything else. */
export function hostnameOf(url: URL): string | undefined {
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return undefined;
  const host = url.hostname.replace(/\.+$/, '');
  // IP addresses and bracketed IPv6 literals are never an organisation's own site.
  if (host === '' || IPV4.test(host) || host.startsWith('[')) return undefined;
  return host;
}

/**
 * The host and each parent domain, most specific first: `a.b.nhs.uk` -> `a.b.nhs.uk`, `b.nhs.uk`,
 * `nhs.uk`. Single labels are left out because no organisation owns a top-level domain.
 */
export function hostSuffixes(host: string): string[] {
  const labels = host.split('.');
  const out: string[] = [];
  for (let i = 0; i < labels.length - 1; i++) out.push(labels.slice(i).join('.'));
  return out;
}
