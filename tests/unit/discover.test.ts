// @vitest-environment node
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { html, type RouteServer, redirect, startRouteServer, text } from '../support/route-server';
import { type NslRun, runNsl } from '../support/run-nsl';

/**
 * `accounts discover` against saved pages on loopback, real host names mapped with --connect-to:
 * several site builders, robots.txt, redirects, a 10 MB page, a slow server and a redirect loop.
 */
const page = (name: string) => html(readFileSync(join(process.cwd(), 'tests/fixtures/pages', name), 'utf8'));
const SHARED_LEEDS = join(process.cwd(), '../shared/pages/www.leedsth.nhs.uk.html');
let server: RouteServer;
const tmp = mkdtempSync(join(tmpdir(), 'nsl-discover-'));

beforeAll(async () => {
  server = await startRouteServer({
    'www.footer.example.nhs.uk /': page('footer-icons.html'),
    'www.follow.example.nhs.uk /': page('home-with-follow-link.html'),
    'www.follow.example.nhs.uk /follow-us': page('follow-us.html'),
    'www.follow.example.nhs.uk /about-us': page('not-nhs.html'),
    'www.jsonld.example.nhs.uk /': page('json-ld.html'),
    'www.header.example.nhs.uk /': page('header-only.html'),
    'www.group.example.nhs.uk /': page('group-site.html'),
    'www.leeds.example.nhs.uk /': existsSync(SHARED_LEEDS) ? html(readFileSync(SHARED_LEEDS, 'utf8')) : page('footer-icons.html'),
    'www.blocked.example.nhs.uk /robots.txt': text(200, 'User-agent: *\nDisallow: /\n'),
    'www.blocked.example.nhs.uk /': page('footer-icons.html'),
    'www.moved.example.nhs.uk /': redirect('http://www.someone-else.example/'),
    'www.someone-else.example /': page('footer-icons.html'),
    'www.huge.example.nhs.uk /': (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      const chunk = `<p>${'x'.repeat(1_000_000)}</p>`;
      for (let i = 0; i < 10; i++) res.write(chunk);
      res.end('<a href="https://x.com/TooFarDown">x</a>');
    },
    'www.slow.example.nhs.uk /': (_req, res) => {
      setTimeout(() => res.writeHead(200, { 'content-type': 'text/html' }).end('<a href="https://x.com/TooSlow">x</a>'), 3000);
    },
    'www.loop.example.nhs.uk /': redirect('http://www.loop.example.nhs.uk/a'),
    'www.loop.example.nhs.uk /a': redirect('http://www.loop.example.nhs.uk/'),
  });
});
afterAll(async () => server?.close());

type Result = NslRun;

/** Runs the real command (as `npx nsl` does) without blocking the loopback server in this process. */
function discover(ods: string, url: string, extra: string[] = []): Promise<Result> {
  const state = join(tmp, `${ods}-${Math.random().toString(36).slice(2)}.json`);
  return run([
    'accounts',
    'discover',
    '--ods',
    ods,
    '--url',
    url,
    '--state',
    state,
    '--delay-ms',
    '5',
    '--timeout-ms',
    '800',
    '--date',
    '2026-11-25',
    ...extra,
  ]);
}

function run(args: string[]): Promise<Result> {
  return runNsl([...args, '--connect-to', `127.0.0.1:${server.port}`]);
}

const accounts = (r: Result) => r.lines.filter((l) => l.type === 'account').map((l) => `${l.platform} ${l.handle}`);
const noLinks = (r: Result) => r.lines.filter((l) => l.type === 'no-link').map((l) => l.platform);
const errors = (r: Result) => r.lines.filter((l) => l.type === 'error').map((l) => String(l.reason));

describe('accounts discover', () => {
  it('reads a footer row of icons, skips share buttons, and records the platforms with no link', async () => {
    const r = await discover('RJZ', 'http://www.footer.example.nhs.uk/');
    expect(r.code).toBe(0);
    expect(accounts(r)).toEqual([
      'facebook ExampleHospitalsNHS',
      'x ExampleNHS',
      'instagram examplehospitalsnhs',
      'youtube @ExampleHospitalsNHS',
    ]);
    expect(r.lines.find((l) => l.type === 'account')).toMatchObject({
      ods: 'RJZ',
      foundOn: 'http://www.footer.example.nhs.uk/',
      via: 'link',
      checked: '2026-11-25',
    });
    expect(noLinks(r)).toEqual(['linkedin', 'tiktok', 'bluesky', 'threads', 'mastodon', 'flickr']);
    expect(r.stderr).toMatch(/discovered 4 accounts on 1 pages of 1 organisations/);
  });

  it('follows the home page to a "follow us" page, but not to PDFs or other sites', async () => {
    const s = await discover('RW4', 'http://www.follow.example.nhs.uk/');
    expect(accounts(s)).toEqual([
      'mastodon @ExampleCommunity@mastodon.example',
      'linkedin company/example-community-health',
      'tiktok @examplecommunitynhs',
      'bluesky examplecommunity.bsky.social',
      'threads @examplecommunitynhs',
      'youtube channel/UCa1b2c3d4e5f6g7h8i9j0kL',
    ]);
    const visited = server.requests.filter((q) => q.target.startsWith('www.follow.example.nhs.uk')).map((q) => q.target);
    expect(visited).toContain('www.follow.example.nhs.uk /follow-us');
    expect(visited.some((t) => t.includes('.pdf'))).toBe(false);
    expect(server.requests.some((q) => q.target.startsWith('www.example.org'))).toBe(false);
  });

  it('reads JSON-LD sameAs and the twitter:site tag', async () => {
    expect(accounts(await discover('RJ1', 'http://www.jsonld.example.nhs.uk/'))).toEqual([
      'facebook ExampleUHFT',
      'instagram exampleuhft',
      'x ExampleUHFT',
    ]);
  });

  it('reads a link that is only in the header', async () => {
    expect(accounts(await discover('RRU', 'http://www.header.example.nhs.uk/'))).toEqual(['x ExampleAmbServ']);
  });

  it('reads a group site’s accounts for the organisation asked about', async () => {
    const r = await discover('RJL', 'http://www.group.example.nhs.uk/');
    expect(accounts(r)).toEqual(['facebook ExampleGroupNHS', 'linkedin company/example-hospitals-group']);
    expect(new Set(r.lines.map((l) => l.ods))).toEqual(new Set(['RJL']));
  });

  it('reads a real trust home page saved in 2017 (or a fixture where ../shared is absent)', async () => {
    const r = await discover('RR8', 'http://www.leeds.example.nhs.uk/');
    expect(accounts(r).length).toBeGreaterThanOrEqual(3);
  });

  it('respects robots.txt: reads nothing, and claims no "no link"', async () => {
    const r = await discover('RJ2', 'http://www.blocked.example.nhs.uk/');
    expect(errors(r)).toEqual(['robots.txt disallows this page']);
    expect(noLinks(r)).toEqual([]);
    expect(server.requests.filter((q) => q.target === 'www.blocked.example.nhs.uk /')).toEqual([]);
  });

  it('does not read a page that redirects to another site', async () => {
    const r = await discover('RJ7', 'http://www.moved.example.nhs.uk/');
    expect(errors(r)).toEqual(['redirected to another site (www.someone-else.example)']);
    expect(accounts(r)).toEqual([]);
  });

  it('stops reading a 10 MB page at the size cap', async () => {
    const r = await discover('RJ6', 'http://www.huge.example.nhs.uk/');
    expect(errors(r)).toEqual(['larger than 2000000 bytes']);
  });

  it('gives up on a slow server after the timeout, with retries', async () => {
    const r = await discover('RTH', 'http://www.slow.example.nhs.uk/');
    expect(errors(r)[0]).toMatch(/no answer within 800 ms \(after 3 tries\)/);
  }, 20_000);

  it('catches a redirect loop', async () => {
    const r = await discover('RGT', 'http://www.loop.example.nhs.uk/');
    expect(errors(r)[0]).toMatch(/redirect loop/);
  });

  it('sends an honest User-Agent and waits between requests to one host', async () => {
    const own = server.requests.filter((q) => q.target.startsWith('www.follow.example.nhs.uk'));
    expect(own.every((q) => q.userAgent.startsWith('NHSSocialLens/'))).toBe(true);
    const gaps = own.slice(1).map((q, i) => q.at - (own[i]?.at ?? 0));
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(4);
  });

  it('resumes: a second run with the same state file continues where the first stopped', async () => {
    const state = join(tmp, 'resume.json');
    const args = [
      'accounts',
      'discover',
      '--ods',
      'RJZ',
      '--url',
      'http://www.footer.example.nhs.uk/',
      '--state',
      state,
      '--delay-ms',
      '5',
    ];
    expect(accounts(await run(args))).toHaveLength(4);
    const again = await run(args);
    expect(again.lines).toEqual([]);
    expect(again.stderr).toMatch(/resuming: 1 organisations already done/);
  });

  it.each([
    [['--url', 'http://x.nhs.uk/'], /--url needs exactly one --ods/],
    [['--ods', 'NOPE'], /no organisation with code NOPE/],
    [['--ods', 'RJ1', '--url', 'ftp://x/'], /must be an http\(s\) address/],
    [['--delay-ms', 'soon'], /--delay-ms must be a whole number/],
  ])('refuses bad input %j with one line', async (extra, message) => {
    const r = await run(['accounts', 'discover', ...extra]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(message);
  });
});
