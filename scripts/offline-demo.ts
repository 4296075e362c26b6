/**
 * `npm run demo:offline`: runs the maintainers' commands against loopback servers, with no web
 * access, to show what they write. The discovery server serves the project's sample pages (and
 * the real 2017 trust pages in ../shared/pages where present) under real host names; the API
 * server answers like the Bluesky, Mastodon and YouTube documentation shows.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeIndex, makeOrganisation } from '../tests/support/index-factory';
import { html, json, startRouteServer } from '../tests/support/route-server';

const page = (path: string) => html(readFileSync(path, 'utf8'));
const fixture = (name: string) => page(join('tests/fixtures/pages', name));
const shared = (name: string) =>
  existsSync(join('../shared/pages', name)) ? page(join('../shared/pages', name)) : fixture('footer-icons.html');
const server = await startRouteServer({
  'www.leedsth.nhs.uk /': shared('www.leedsth.nhs.uk.html'),
  'www.liverpoolcommunityhealth.nhs.uk /': shared('www.liverpoolcommunityhealth.nhs.uk.html'),
  'www.kch.nhs.uk /': fixture('footer-icons.html'),
  'public.api.bsky.app /xrpc/app.bsky.actor.getProfile?actor=example-trust.bsky.social': json(200, {
    did: 'did:plc:exampleexampleexampleexam',
    handle: 'example-trust.bsky.social',
    followersCount: 2048,
    postsCount: 311,
  }),
  'public.api.bsky.app /xrpc/app.bsky.feed.getAuthorFeed?actor=example-trust.bsky.social&limit=100&filter=posts_with_replies': json(200, {
    feed: [
      {
        post: {
          uri: 'at://did:plc:exampleexampleexampleexam/app.bsky.feed.post/1',
          record: { createdAt: '2026-11-20T09:00:00Z' },
          likeCount: 12,
          repostCount: 3,
          replyCount: 2,
        },
      },
      {
        post: {
          uri: 'at://did:plc:exampleexampleexampleexam/app.bsky.feed.post/2',
          record: { createdAt: '2026-11-18T09:00:00Z', reply: { parent: { uri: 'at://did:plc:someone/app.bsky.feed.post/9' } } },
          likeCount: 1,
          repostCount: 0,
          replyCount: 1,
        },
      },
    ],
  }),
  'public.api.bsky.app /xrpc/app.bsky.actor.getProfile?actor=closed-example.bsky.social': json(400, {
    error: 'AccountDeactivated',
    message: 'Account is deactivated',
  }),
});
const dir = mkdtempSync(join(tmpdir(), 'nsl-demo-'));
// The servers run in this process, so the command runs beside it rather than blocking it.
const nsl = (args: string[]) =>
  new Promise<void>((resolve) => {
    console.log(`\n$ nsl ${args.join(' ')}`);
    const child = spawn(process.execPath, ['bin/nsl.js', ...args, '--connect-to', `127.0.0.1:${server.port}`, '--delay-ms', '20'], {
      stdio: 'inherit',
    });
    child.on('close', () => resolve());
  });
await nsl([
  'accounts',
  'discover',
  '--ods',
  'RR8',
  '--url',
  'http://www.leedsth.nhs.uk/',
  '--state',
  join(dir, 'a.json'),
  '--max-pages',
  '1',
]);
await nsl([
  'accounts',
  'discover',
  '--ods',
  'RW4',
  '--url',
  'http://www.liverpoolcommunityhealth.nhs.uk/',
  '--state',
  join(dir, 'b.json'),
  '--max-pages',
  '1',
]);
await nsl(['accounts', 'discover', '--ods', 'RJZ', '--url', 'http://www.kch.nhs.uk/', '--state', join(dir, 'c.json'), '--max-pages', '1']);
const index = join(dir, 'index.json');
const bluesky = (id: string, handle: string) =>
  makeOrganisation({
    id,
    name: `Example ${id}`,
    domains: [],
    accounts: [
      {
        platform: 'bluesky',
        handle,
        url: `https://bsky.app/profile/${handle}`,
        verification: 'official',
        state: 'active',
        source: 'test-source',
        checked: '2026-11-01',
      },
    ],
  });
writeFileSync(
  index,
  JSON.stringify(makeIndex([bluesky('RRV', 'example-trust.bsky.social'), bluesky('RJ1', 'closed-example.bsky.social')])),
);
await nsl([
  'metrics',
  'collect',
  '--platform',
  'bluesky',
  '--index',
  index,
  '--state',
  join(dir, 'm.json'),
  '--bluesky-api',
  'http://public.api.bsky.app',
  '--date',
  '2026-11-25',
]);
await server.close();
