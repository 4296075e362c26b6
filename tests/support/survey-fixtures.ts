import type { Organisation } from '../../lib/index/schema';
import type { Route } from './route-server';

/**
 * Generated sites for the survey's browser tests (issue 29): organisation `i` lives on
 * `survey-NN.nhs.uk`, and its site is one of six kinds in turn, each with what the survey's
 * results table must say of it.
 */
export const KINDS = ['two-accounts', 'follow-us-page', 'links-none', 'robots-disallow', 'server-error', 'redirect'] as const;
export type Kind = (typeof KINDS)[number];
export const pad = (i: number) => String(i).padStart(2, '0');
export const hostOf = (i: number) => `survey-${pad(i)}.nhs.uk`;
export const kindOf = (i: number): Kind => KINDS[i % KINDS.length] as Kind;
export const html = (body: string) => `<!doctype html><html lang="en"><head><title>Site</title></head><body>${body}</body></html>`;

/** What each row of the results table must say, from what its site links. */
export function expectedOutcome(i: number): string {
  switch (kindOf(i)) {
    case 'two-accounts':
      return `X (Twitter): Survey${pad(i)} linked from / Facebook: survey${pad(i)} linked from /`;
    case 'follow-us-page':
      return `Bluesky: survey${pad(i)}.bsky.social linked from /follow-us`;
    case 'links-none':
      return 'Read, links no account (its home page)';
    case 'robots-disallow':
      return 'Not read: robots.txt disallows the home page';
    case 'server-error':
      return 'Not read: server error (HTTP 503)';
    case 'redirect':
      return 'Not read: redirected (the survey follows no redirect)';
  }
}

export const answer =
  (status: number, body: string, headers: Record<string, string> = {}): Route =>
  (_request, response) => {
    response.writeHead(status, { 'content-type': 'text/html; charset=utf-8', ...headers }).end(body);
  };

export function routesFor(i: number): Record<string, Route> {
  const host = hostOf(i);
  const routes: Record<string, Route> = { [`${host} /robots.txt`]: answer(404, '') };
  switch (kindOf(i)) {
    case 'two-accounts':
      routes[`${host} /`] = answer(
        200,
        html(
          `<footer><a href="https://x.com/Survey${pad(i)}">X</a> <a href="https://www.facebook.com/survey${pad(i)}">Facebook</a></footer>`,
        ),
      );
      break;
    case 'follow-us-page':
      routes[`${host} /`] = answer(200, html('<a href="/adult-social-care">Social care</a> <a href="/follow-us">Follow us</a>'));
      routes[`${host} /follow-us`] = answer(200, html(`<a href="https://bsky.app/profile/survey${pad(i)}.bsky.social">Bluesky</a>`));
      break;
    case 'links-none':
      routes[`${host} /`] = answer(200, html('<a href="/news">News</a>'));
      break;
    case 'robots-disallow':
      routes[`${host} /robots.txt`] = (_request, response) =>
        void response.writeHead(200, { 'content-type': 'text/plain' }).end('User-agent: *\nDisallow: /\n');
      break;
    case 'server-error':
      routes[`${host} /`] = answer(503, 'busy');
      break;
    case 'redirect':
      routes[`${host} /`] = answer(301, '', { location: 'https://elsewhere.example/' });
      break;
  }
  return routes;
}

export const organisation = (i: number): Organisation => ({
  id: `SV${pad(i)}`,
  name: `Survey Test Trust ${pad(i)}`,
  kind: 'trust',
  region: 'London',
  country: 'England',
  domains: [{ host: hostOf(i), source: 'test-source', checked: '2026-08-01' }],
  predecessors: [],
  accounts: [],
  platformChecks: [],
  source: 'test-source',
});
export const noWebsite = (id: string, name: string): Organisation => ({ ...organisation(0), id, name, domains: [] });
