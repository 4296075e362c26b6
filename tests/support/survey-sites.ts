/**
 * Fake websites for survey tests (issue 29): a `fetch` that answers each host's robots.txt and
 * pages from a table, records every request with the fake clock's time, and never touches the network.
 */

export interface FakePage {
  status?: number;
  body?: string;
  type?: string;
  /** Where a 3xx points. */
  location?: string;
  /** Throws (a connection that fails). */
  fail?: boolean;
}

/** `https://host/path` → page. An address not in the table answers 404. */
export type FakeSites = Record<string, FakePage>;

export function fakeSiteFetch(sites: FakeSites, clock: () => number = () => 0) {
  const requests: { url: string; at: number; credentials?: RequestCredentials; redirect?: RequestRedirect }[] = [];
  const fetchFn: typeof fetch = async (input, init) => {
    const url = String(input instanceof Request ? input.url : input);
    requests.push({
      url,
      at: clock(),
      ...(init?.credentials ? { credentials: init.credentials } : {}),
      ...(init?.redirect ? { redirect: init.redirect } : {}),
    });
    const page = sites[url];
    if (page?.fail) throw new TypeError('Failed to fetch');
    if (page === undefined) return new Response('not here', { status: 404, headers: { 'content-type': 'text/html' } });
    const headers: Record<string, string> = { 'content-type': page.type ?? 'text/html; charset=utf-8' };
    if (page.location) headers.location = page.location;
    return new Response(page.body ?? '', { status: page.status ?? 200, headers });
  };
  return { fetch: fetchFn, requests };
}

/** A home page that links `hrefs` (profiles or pages), with their words. */
export const homeLinking = (...links: [href: string, text: string][]) =>
  `<!doctype html><html><body><nav>${links.map(([h, t]) => `<a href="${h}">${t}</a>`).join(' ')}</nav></body></html>`;

/** A fake clock whose sleep moves time on at once: politeness is checked, not waited for. */
export function fakeClock(start = 0) {
  let t = start;
  return {
    now: () => t,
    sleep: async (ms: number) => {
      t += ms;
    },
  };
}
