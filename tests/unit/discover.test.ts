// @vitest-environment node
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, deflateSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { htmlSignals } from '../../lib/detect/html-signals';
import { type DiscoveryDeps, discoverOrganisation } from '../../lib/discover/discover-organisation';
import { ALLOW_ALL } from '../../lib/discover/robots';
import { makeIndex, makeOrganisation } from '../support/index-factory';
import { html, type Route, type RouteServer, redirect, startRouteServer, text } from '../support/route-server';
import { type NslRun, runNsl } from '../support/run-nsl';

/**
 * `accounts discover` against saved pages on loopback, real host names mapped with --connect-to:
 * several site builders, robots.txt, redirects, a 10 MB page, a slow server and a redirect loop.
 */
const fixture = (name: string) => readFileSync(join(process.cwd(), 'tests/fixtures/pages', name), 'utf8');
const page = (name: string) => html(fixture(name));
/** A page sent with a Content-Encoding (whether or not it was asked for, as some servers do). */
const encoded =
  (encoding: string, body: Buffer): Route =>
  (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html', 'content-encoding': encoding }).end(body);
  };
const SHARED_LEEDS = join(process.cwd(), '../shared/pages/www.leedsth.nhs.uk.html');
let server: RouteServer;
const tmp = mkdtempSync(join(tmpdir(), 'nsl-discover-'));

beforeAll(async () => {
  server = await startRouteServer({
    'www.footer.example.nhs.uk /': page('footer-icons.html'),
    'www.follow.example.nhs.uk /': page('home-with-follow-link.html'),
    'www.follow.example.nhs.uk /follow-us': page('follow-us.html'),
    'www.follow.example.nhs.uk /about-us': page('not-nhs.html'),
    // Issue 27: "social care" is no page of accounts; "Contact us" is, after a "Follow us".
    'www.care.example.nhs.uk /': html(
      '<a href="/social-care">Adult social care</a><a href="/services/social-work">Social work</a><a href="/contact-us">Contact us</a><a href="/news">News</a>',
    ),
    'www.care.example.nhs.uk /contact-us': html('<a href="https://x.com/CareNHS">X</a>'),
    'www.care.example.nhs.uk /social-care': html('<a href="https://x.com/NotThisOne">X</a>'),
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
    // Issue 17: redirects to special addresses and other schemes, robots.txt on every hop, encodings.
    'www.metadata.example.nhs.uk /': redirect('http://169.254.169.254/latest/meta-data/'),
    'www.intranet.example.nhs.uk /': redirect('http://10.1.2.3:8080/admin'),
    'www.six.example.nhs.uk /': redirect('http://[::1]/'),
    'www.mapped.example.nhs.uk /': redirect('http://[::ffff:127.0.0.1]/'),
    'www.ftp.example.nhs.uk /': redirect('ftp://www.ftp.example.nhs.uk/'),
    'www.file.example.nhs.uk /': redirect('file:///etc/passwd'),
    '169.254.169.254 *': page('footer-icons.html'),
    '10.1.2.3 *': page('footer-icons.html'),
    '[::1] *': page('footer-icons.html'),
    'www.hop.example.nhs.uk /': redirect('/private/social'),
    'www.hop.example.nhs.uk /robots.txt': text(200, 'User-agent: *\nDisallow: /private\n'),
    'www.hop.example.nhs.uk /private/social': page('footer-icons.html'),
    'www.crosshop.example.nhs.uk /': redirect('http://news.crosshop.example.nhs.uk/social'),
    'news.crosshop.example.nhs.uk /robots.txt': text(200, 'User-agent: NHSSocialLens\nDisallow: /social\n'),
    'news.crosshop.example.nhs.uk /social': page('footer-icons.html'),
    'www.gzip.example.nhs.uk /': encoded('gzip', gzipSync(fixture('footer-icons.html'))),
    'www.deflate.example.nhs.uk /': encoded('deflate', deflateSync(fixture('footer-icons.html'))),
    'www.br.example.nhs.uk /': encoded('br', brotliCompressSync(fixture('footer-icons.html'))),
    'www.zstd.example.nhs.uk /': encoded('zstd', Buffer.from(fixture('footer-icons.html'))),
    'www.bomb.example.nhs.uk /': encoded('gzip', gzipSync(Buffer.alloc(50_000_000))),
    'www.badgzip.example.nhs.uk /': encoded('gzip', Buffer.from('this is not gzip')),
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

  it('reads the home page and one "contact" page it links, never a "social care" page (the extension’s rule, issue 27)', async () => {
    const r = await discover('RW4', 'http://www.care.example.nhs.uk/');
    expect(accounts(r)).toEqual(['x CareNHS']);
    const visited = server.requests.filter((q) => q.target.startsWith('www.care.example.nhs.uk') && !q.target.endsWith('robots.txt'));
    expect(visited.map((q) => q.target)).toEqual(['www.care.example.nhs.uk /', 'www.care.example.nhs.uk /contact-us']);
    expect(r.stderr).toMatch(/discovered 1 accounts on 2 pages of 1 organisations/);
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

  it.each([
    ['www.metadata.example.nhs.uk', 'redirected to http://169.254.169.254/latest/meta-data/: a private or special address'],
    ['www.intranet.example.nhs.uk', 'redirected to http://10.1.2.3:8080/admin: a private or special address'],
    ['www.six.example.nhs.uk', 'redirected to http://[::1]/: a private or special address'],
    ['www.mapped.example.nhs.uk', 'redirected to http://[::ffff:7f00:1]/: a private or special address'],
    ['www.ftp.example.nhs.uk', 'redirected to ftp://www.ftp.example.nhs.uk/: not an http(s) address'],
    ['www.file.example.nhs.uk', 'redirected to file:///etc/passwd: not an http(s) address'],
  ])('does not follow %s to where it redirects: %s', async (host, reason) => {
    const before = server.requests.length;
    const r = await discover('RJ7', `http://${host}/`);
    expect(r.code).toBe(0);
    expect(errors(r)).toEqual([reason]);
    expect(noLinks(r)).toEqual([]);
    expect(server.requests.slice(before).map((q) => q.target)).toEqual([`${host} /robots.txt`, `${host} /`]);
  });

  it('checks robots.txt for every hop of a redirect, on the hop’s own host', async () => {
    const same = await discover('RJ7', 'http://www.hop.example.nhs.uk/');
    expect(errors(same)).toEqual(['redirected to http://www.hop.example.nhs.uk/private/social, which robots.txt disallows']);
    expect(accounts(same)).toEqual([]);
    const index = join(tmp, 'crosshop.json');
    writeFileSync(
      index,
      JSON.stringify(
        makeIndex([
          makeOrganisation({ id: 'RXH', domains: [{ host: 'crosshop.example.nhs.uk', source: 'test-source', checked: '2026-08-01' }] }),
        ]),
      ),
    );
    const cross = await discover('RXH', 'http://www.crosshop.example.nhs.uk/', ['--index', index]);
    expect(errors(cross)).toEqual(['redirected to http://news.crosshop.example.nhs.uk/social, which robots.txt disallows']);
    expect(accounts(cross)).toEqual([]);
    const targets = server.requests.map((q) => q.target);
    expect(targets).toContain('news.crosshop.example.nhs.uk /robots.txt');
    expect(targets).not.toContain('news.crosshop.example.nhs.uk /social');
    expect(targets).not.toContain('www.hop.example.nhs.uk /private/social');
  });

  it.each(['gzip', 'deflate', 'br'])('reads a page sent compressed with %s', async (encoding) => {
    const r = await discover('RJZ', `http://www.${encoding}.example.nhs.uk/`);
    expect(errors(r)).toEqual([]);
    expect(accounts(r)).toHaveLength(4);
  });

  it.each([
    ['www.zstd.example.nhs.uk', /^sent in an encoding this tool cannot read \(zstd\)$/],
    ['www.bomb.example.nhs.uk', /^larger than 2000000 bytes once decompressed$/],
    ['www.badgzip.example.nhs.uk', /^could not be decompressed \(gzip: /],
  ])('counts %s as not read, never as "no link"', async (host, reason) => {
    const r = await discover('RJZ', `http://${host}/`);
    expect(r.code).toBe(0);
    expect(errors(r)).toEqual([expect.stringMatching(reason)]);
    expect(noLinks(r)).toEqual([]);
    expect(accounts(r)).toEqual([]);
  });

  it('records an organisation whose site fails as done, so a resumed run goes past it', async () => {
    const state = join(tmp, 'resume-after-failure.json');
    const args = ['accounts', 'discover', '--ods', 'RJ7', '--url', 'http://www.ftp.example.nhs.uk/', '--state', state, '--delay-ms', '5'];
    const first = await run(args);
    expect(first.code).toBe(0);
    expect(errors(first)).toEqual(['redirected to ftp://www.ftp.example.nhs.uk/: not an http(s) address']);
    expect(JSON.parse(readFileSync(state, 'utf8')).done).toHaveProperty('RJ7');
    const again = await run(args);
    expect(again.code).toBe(0);
    expect(again.lines).toEqual([]);
    expect(again.stderr).toMatch(/resuming: 1 organisations already done/);
  });

  it.each([
    [['--ods', 'RJ1', '--url', 'http://[bad/'], /^nsl: --url must be an http\(s\) address, not "http:\/\/\[bad\/"\n$/],
    [['--ods', 'RJ1', '--url', 'https://'], /^nsl: --url must be an http\(s\) address/],
    [['--ods', 'RJ1', '--date', '2026-02-30'], /^nsl: --date must be a real date written YYYY-MM-DD, not "2026-02-30"\n$/],
    [['--ods', 'RJ1', '--date', '25/11/2026'], /^nsl: --date must be a real date/],
    [['--ods', 'RJ1', '--max-pages', 'all'], /^nsl: --max-pages must be a whole number/],
    // Issue 27: the home page and one page it links, as the extension reads a site.
    [['--ods', 'RJ1', '--max-pages', '6'], /^nsl: --max-pages is at most 2: the home page and one "social media"/],
    [['--ods', 'RJ1', '--index', join(process.cwd(), 'package.json')], /^nsl: .*package\.json: invalid index/],
  ])('refuses %j with one line and exit 1, not an internal error', async (extra, message) => {
    const r = await runNsl(['accounts', 'discover', '--state', join(tmp, 'never.json'), ...extra]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(message);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });
});

describe('discoverOrganisation', () => {
  const HOME = '<a href="https://x.com/ExampleNHS">X</a><a href="/contact">Contact us</a>';
  const deps = (overrides: Partial<DiscoveryDeps>): DiscoveryDeps => ({
    fetchPage: async (url) => ({ ok: true, url, contentType: 'text/html', body: url.endsWith('/contact') ? 'broken' : HOME }),
    robotsFor: async () => ALLOW_ALL,
    today: '2026-11-25',
    maxPages: 3,
    ...overrides,
  });

  it('turns a page whose parsing throws into an error line, and goes on with the next page', async () => {
    const result = await discoverOrganisation(
      'RJ7',
      [],
      'https://www.example.nhs.uk/',
      deps({
        readHtml: (text) => {
          if (text === 'broken') throw new TypeError('cannot read the markup');
          return htmlSignals(text);
        },
      }),
    );
    expect(result.findings.filter((f) => f.type === 'error')).toEqual([
      {
        type: 'error',
        ods: 'RJ7',
        url: 'https://www.example.nhs.uk/contact',
        reason: 'could not be read (cannot read the markup)',
        checked: '2026-11-25',
      },
    ]);
    expect(result.findings.filter((f) => f.type === 'account').map((f) => f.url)).toEqual(['https://x.com/ExampleNHS']);
    // The page that failed is not among the pages checked: its "no link" would be a guess.
    expect(result.findings.find((f) => f.type === 'no-link')).toMatchObject({ pagesChecked: ['https://www.example.nhs.uk/'] });
  });

  it('turns a fetch that throws, or a start address that is not one, into an error line', async () => {
    const thrown = await discoverOrganisation(
      'RJ7',
      [],
      'https://www.example.nhs.uk/',
      deps({ fetchPage: () => Promise.reject(new Error('socket hang up')) }),
    );
    expect(thrown.findings).toEqual([expect.objectContaining({ type: 'error', reason: 'could not be read (socket hang up)' })]);
    const invalid = await discoverOrganisation('RJ7', [], 'https://exa mple.nhs.uk/', deps({}));
    expect(invalid.findings).toEqual([
      expect.objectContaining({ type: 'error', url: 'https://exa mple.nhs.uk/', reason: 'not a valid address' }),
    ]);
  });
});
