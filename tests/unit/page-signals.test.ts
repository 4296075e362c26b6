import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  extractPageProfiles,
  MAX_JSON_LD_CHARS,
  MAX_PAGE_LINKS,
  MAX_PAGE_PROFILES,
  profilesFromSignals,
  sanitisePageSignals,
} from '../../lib/detect/page-signals';
import { MAX_PAGE_URL_LENGTH } from '../../lib/detect/page-url';

const FIXTURES = join(process.cwd(), 'tests/fixtures/pages');
const SHARED_PAGES = join(process.cwd(), '../shared/pages');

/** Parses a saved page with the test environment's DOM (happy-dom), as the content script would see it. */
function profilesOf(html: string, url: string) {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  return extractPageProfiles(doc, url).map((p) => `${p.via} ${p.url}`);
}
const fixture = (name: string) => readFileSync(join(FIXTURES, name), 'utf8');

describe('extractPageProfiles', () => {
  it('reads a footer row of icon links and ignores share buttons and platform home pages', () => {
    expect(profilesOf(fixture('footer-icons.html'), 'https://www.example.nhs.uk/news')).toEqual([
      'link https://www.facebook.com/ExampleHospitalsNHS',
      'link https://x.com/ExampleNHS',
      'link https://www.instagram.com/examplehospitalsnhs',
      'link https://www.youtube.com/@ExampleHospitalsNHS',
    ]);
  });

  it('reads a "follow us" page, including rel="me", and skips personal and search links', () => {
    expect(profilesOf(fixture('follow-us.html'), 'https://www.example-ch.nhs.uk/follow-us')).toEqual([
      'rel-me https://mastodon.example/@ExampleCommunity',
      'link https://www.linkedin.com/company/example-community-health',
      'link https://www.tiktok.com/@examplecommunitynhs',
      'link https://bsky.app/profile/examplecommunity.bsky.social',
      'link https://www.threads.com/@examplecommunitynhs',
      'link https://www.youtube.com/channel/UCa1b2c3d4e5f6g7h8i9j0kL',
    ]);
  });

  it('reads JSON-LD sameAs (inside @graph) and the twitter:site tag, and survives broken JSON-LD', () => {
    expect(profilesOf(fixture('json-ld.html'), 'https://www.example-uh.nhs.uk/')).toEqual([
      'json-ld https://www.facebook.com/ExampleUHFT',
      'json-ld https://www.instagram.com/exampleuhft',
      'meta https://x.com/ExampleUHFT',
    ]);
  });

  it('reads a link that is only in the header, once, whatever its query string', () => {
    expect(profilesOf(fixture('header-only.html'), 'https://www.example-ambulance.nhs.uk/')).toEqual(['link https://x.com/ExampleAmbServ']);
  });

  it('finds nothing on a page without profile links', () => {
    expect(profilesOf(fixture('not-nhs.html'), 'https://www.example.org/')).toEqual([]);
  });

  it('takes a plain link to /@name on a host that is not a platform for nothing: only rel="me" names a Mastodon instance (issue 26)', () => {
    const page = `<a href="https://mastodon.example/@PlainLink">a</a><a href="https://social.example.org/@Another">b</a>
      <a rel="me" href="https://verified.example/@ExampleTrust">c</a>`;
    expect(profilesOf(page, 'https://www.example.nhs.uk/')).toEqual(['rel-me https://verified.example/@ExampleTrust']);
    expect(reported({ links: ['https://mastodon.example/@PlainLink'] })).toEqual([]);
  });

  it('takes no rel="me" link to a host in an NHS zone for a Mastodon account (issue 26)', () => {
    const page = ['x.nhs.uk', 'nhs.uk', 'trust.nhs.net', 'board.nhs.scot', 'org.nhs.wales', 'hscni.net', 'www.gov.uk', 'www.cqc.org.uk']
      .map((host) => `<a rel="me" href="https://${host}/@name">x</a>`)
      .join('');
    expect(profilesOf(`${page}<a rel="me" href="https://mastodon.example/@ExampleTrust">ok</a>`, 'https://www.example.nhs.uk/')).toEqual([
      'rel-me https://mastodon.example/@ExampleTrust',
    ]);
  });

  it('takes no rel="me" link to a host the caller names as not a platform’s (the index’s domains, issue 26)', () => {
    const signals = {
      relMe: ['https://social.example-trust.org.uk/@ExampleTrust', 'https://mastodon.example/@ExampleTrust'],
      links: [],
      jsonLd: [],
      twitterSite: [],
    };
    const notPlatformHost = (host: string) => host === 'example-trust.org.uk' || host.endsWith('.example-trust.org.uk');
    expect(profilesFromSignals(signals, 'https://www.example-trust.org.uk/', notPlatformHost).map((p) => p.url)).toEqual([
      'https://mastodon.example/@ExampleTrust',
    ]);
    expect(profilesFromSignals(signals, 'https://www.example-trust.org.uk/').map((p) => p.url)).toHaveLength(2);
  });

  it('takes no rel="me" link to an IP address or localhost for a Mastodon account (issue 17)', () => {
    const page = `<head><link rel="me" href="https://[::1]/@root"><link rel="me" href="http://10.0.0.1:3000/@nhs"></head>
      <body><a rel="me" href="http://192.168.1.10/@admin">a</a><a rel="me" href="http://localhost/@x">b</a>
      <a rel="me" href="/@self">c</a><a rel="me" href="https://mastodon.example/@ExampleTrust">d</a></body>`;
    expect(profilesOf(page, 'http://127.0.0.1/')).toEqual(['rel-me https://mastodon.example/@ExampleTrust']);
    expect(reported({ relMe: ['http://192.168.1.10/@admin', 'https://mastodon.example/@ExampleTrust'] }).map((p) => p.url)).toEqual([
      'https://mastodon.example/@ExampleTrust',
    ]);
  });

  it('reads twitter:site after the links, once, and not past the cap', () => {
    const page = (links: number, site: string) =>
      `<head><meta name="twitter:site" content="${site}"></head><body>${Array.from({ length: links }, (_, i) => `<a href="https://x.com/account${i}">x</a>`).join('')}</body>`;
    const url = 'https://www.example.nhs.uk/';
    expect(profilesOf(page(1, ' @ExampleNHS '), url)).toEqual(['link https://x.com/account0', 'meta https://x.com/ExampleNHS']);
    expect(profilesOf(page(1, '@account0'), url)).toEqual(['link https://x.com/account0']);
    expect(profilesOf(page(0, '@not a handle'), url)).toEqual([]);
    const full = profilesOf(page(MAX_PAGE_PROFILES, '@ExampleNHS'), url);
    expect(full).toHaveLength(MAX_PAGE_PROFILES);
    expect(full).not.toContain('meta https://x.com/ExampleNHS');
  });

  it('stops at a cap, so a page cannot flood the background', () => {
    const links = Array.from({ length: 200 }, (_, i) => `<a href="https://x.com/account${i}">x</a>`).join('');
    expect(profilesOf(`<body>${links}</body>`, 'https://www.example.nhs.uk/')).toHaveLength(MAX_PAGE_PROFILES);
  });

  describe.skipIf(!existsSync(SHARED_PAGES))('on real trust pages saved in 2017 (skipped where ../shared is absent)', () => {
    it('reads the Leeds Teaching Hospitals footer', () => {
      expect(profilesOf(readFileSync(join(SHARED_PAGES, 'www.leedsth.nhs.uk.html'), 'utf8'), 'http://www.leedsth.nhs.uk/')).toEqual([
        'link https://www.facebook.com/LeedsTHTrust',
        'link https://x.com/LTHTrust',
        'link https://www.linkedin.com/company/leeds-teaching-hospitals-nhs-trust',
      ]);
    });

    it('reads the Liverpool Community Health footer, and not the Twitter widget it loads', () => {
      const html = readFileSync(join(SHARED_PAGES, 'www.liverpoolcommunityhealth.nhs.uk.html'), 'utf8');
      expect(profilesOf(html, 'http://www.liverpoolcommunityhealth.nhs.uk/')).toEqual([
        'link https://www.facebook.com/NHSLiverpoolCH',
        'link https://x.com/nhsliverpoolch',
        'link https://www.flickr.com/photos/liverpoolcommunityhealth',
        'link https://www.youtube.com/user/NHSLCH',
      ]);
    });
  });
  if (!existsSync(SHARED_PAGES)) console.warn('notice: ../shared/pages is absent, so the saved real trust pages are skipped');
});

/** What the background makes of a page's report (issue 22): checked, then the rules applied. */
function reported(raw: unknown) {
  return profilesFromSignals(sanitisePageSignals(raw), 'https://www.uclh.nhs.uk/');
}

describe('sanitisePageSignals', () => {
  it('re-parses what a page sent and drops anything that is not a profile', () => {
    const sent = {
      links: ['https://twitter.com/uclh', 'javascript:alert(1)', 'https://x.com/intent/tweet', 42, null, { url: 'https://x.com/forged' }],
      relMe: 'https://x.com/not-a-list',
      jsonLd: ['{"sameAs": "https://x.com/uclh"}', '{ not json'],
      twitterSite: [{ toString: () => '@forged' }],
      platform: 'facebook',
    };
    expect(reported(sent)).toEqual([{ platform: 'x', handle: 'uclh', url: 'https://x.com/uclh', via: 'link' }]);
  });

  it('accepts only an object of lists of text', () => {
    const none = { relMe: [], links: [], jsonLd: [], twitterSite: [] };
    for (const raw of [undefined, null, 'https://x.com/uclh', ['https://x.com/uclh'], { links: 'https://x.com/uclh' }])
      expect(sanitisePageSignals(raw)).toEqual(none);
  });

  it('reads at most MAX_PAGE_PROFILES of what was sent (issue 17)', () => {
    const kept = reported({ links: Array.from({ length: MAX_PAGE_PROFILES + 20 }, (_, i) => `https://x.com/account${i}`) });
    expect(kept).toHaveLength(MAX_PAGE_PROFILES);
    expect(kept.at(-1)?.handle).toBe(`account${MAX_PAGE_PROFILES - 1}`);
  });

  it('reads at most MAX_PAGE_LINKS links, however many a page sends (issue 17)', () => {
    const junk = Array.from({ length: MAX_PAGE_LINKS }, () => 'https://x.com/intent/tweet');
    expect(reported({ links: [...junk, 'https://x.com/uclh'] })).toEqual([]);
    expect(reported({ links: [...junk.slice(1), 'https://x.com/uclh'] })).toHaveLength(1);
  });

  it('does not even parse a link longer than any profile address, nor an over-long JSON-LD block (issue 17)', () => {
    const long = `https://x.com/uclh?ref=${'a'.repeat(MAX_PAGE_URL_LENGTH)}`;
    expect(reported({ links: [long] })).toEqual([]);
    expect(reported({ links: ['https://x.com/uclh?ref=a'] })).toHaveLength(1);
    const block = (url: string, padding: number) => JSON.stringify({ sameAs: url, padding: 'p'.repeat(padding) });
    expect(reported({ jsonLd: [block('https://x.com/uclh', MAX_JSON_LD_CHARS)] })).toEqual([]);
    expect(reported({ jsonLd: [block('https://x.com/uclh', 10)] })).toHaveLength(1);
    expect(reported({ twitterSite: [`@${'u'.repeat(200)}`] })).toEqual([]);
    expect(reported({ twitterSite: ['@uclh'] })).toHaveLength(1);
  });
});
