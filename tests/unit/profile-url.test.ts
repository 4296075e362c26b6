import { describe, expect, it } from 'vitest';
import { accountUrlProblem, explainRejection } from '../../lib/social/profile-rejections';
import { parseHandle, parseProfileUrl } from '../../lib/social/profile-url';

describe('parseProfileUrl', () => {
  it.each([
    ['https://twitter.com/LTHTrust', 'x', 'LTHTrust', 'https://x.com/LTHTrust'],
    ['http://www.twitter.com/NHSEngland/', 'x', 'NHSEngland', 'https://x.com/NHSEngland'],
    ['https://x.com/@uclh?lang=en', 'x', 'uclh', 'https://x.com/uclh'],
    ['https://mobile.twitter.com/GreatOrmondSt', 'x', 'GreatOrmondSt', 'https://x.com/GreatOrmondSt'],
    ['https://www.facebook.com/LeedsTHTrust', 'facebook', 'LeedsTHTrust', 'https://www.facebook.com/LeedsTHTrust'],
    [
      'https://m.facebook.com/profile.php?id=100064512345678',
      'facebook',
      'profile.php?id=100064512345678',
      'https://www.facebook.com/profile.php?id=100064512345678',
    ],
    ['https://www.facebook.com/pages/Some-Trust/123456789012', 'facebook', '123456789012', 'https://www.facebook.com/123456789012'],
    ['https://instagram.com/uclh/', 'instagram', 'uclh', 'https://www.instagram.com/uclh'],
    ['https://www.youtube.com/@NHSEngland', 'youtube', '@NHSEngland', 'https://www.youtube.com/@NHSEngland'],
    [
      'https://www.youtube.com/channel/UC1234567890abcdefghijkl',
      'youtube',
      'channel/UC1234567890abcdefghijkl',
      'https://www.youtube.com/channel/UC1234567890abcdefghijkl',
    ],
    ['https://www.youtube.com/user/NHSLCH', 'youtube', 'user/NHSLCH', 'https://www.youtube.com/user/NHSLCH'],
    ['http://www.youtube.com/thenhsengland', 'youtube', 'c/thenhsengland', 'https://www.youtube.com/c/thenhsengland'],
    [
      'https://www.linkedin.com/company/leeds-teaching-hospitals-nhs-trust/',
      'linkedin',
      'company/leeds-teaching-hospitals-nhs-trust',
      'https://www.linkedin.com/company/leeds-teaching-hospitals-nhs-trust',
    ],
    ['https://uk.linkedin.com/company/nhsengland', 'linkedin', 'company/nhsengland', 'https://www.linkedin.com/company/nhsengland'],
    ['https://www.tiktok.com/@nhsengland', 'tiktok', '@nhsengland', 'https://www.tiktok.com/@nhsengland'],
    [
      'https://bsky.app/profile/NHSEngland.bsky.social',
      'bluesky',
      'nhsengland.bsky.social',
      'https://bsky.app/profile/nhsengland.bsky.social',
    ],
    ['https://www.threads.net/@nhsengland', 'threads', '@nhsengland', 'https://www.threads.com/@nhsengland'],
    [
      'https://www.flickr.com/photos/liverpoolcommunityhealth/',
      'flickr',
      'liverpoolcommunityhealth',
      'https://www.flickr.com/photos/liverpoolcommunityhealth',
    ],
  ])('reads %s as %s %s', (url, platform, handle, canonical) => {
    expect(parseProfileUrl(url)).toEqual({ ok: true, profile: { platform, handle, url: canonical } });
  });

  it('reads a Mastodon account only on an instance it is told about', () => {
    expect(parseProfileUrl('https://mastodon.social/@nhs', new Set(['mastodon.social']))).toEqual({
      ok: true,
      profile: { platform: 'mastodon', handle: '@nhs@mastodon.social', url: 'https://mastodon.social/@nhs' },
    });
    expect(parseProfileUrl('https://evil.example/@nhs').ok).toBe(false);
  });

  it.each([
    'http://127.0.0.1/@nhs',
    'http://192.168.1.10:3000/@nhs',
    'https://[::1]/@nhs',
    'https://[fd00::1]/@nhs',
    'http://2130706433/@nhs',
    'http://localhost/@nhs',
  ])('does not take %s for a Mastodon account, even when told it is an instance (issue 17)', (url) => {
    expect(parseProfileUrl(url, new Set([new URL(url).hostname]))).toEqual({ ok: false, rejection: 'unknown-platform' });
    expect(accountUrlProblem('mastodon', url)).toBe('is not on a known social platform');
  });

  it('still reads an instance whose name has digits', () => {
    expect(parseProfileUrl('https://mstdn.1.example/@nhs', new Set(['mstdn.1.example']))).toMatchObject({ ok: true });
    expect(parseProfileUrl('https://10.example/@nhs', new Set(['10.example']))).toMatchObject({ ok: true });
  });

  it.each([
    ['https://twitter.com/intent/tweet?url=x', /page or share button/],
    ['https://twitter.com/share', /page or share button/],
    ['https://x.com/home', /page or share button/],
    ['https://x.com/explore', /page or share button/],
    ['https://x.com/search?q=nhs', /page or share button/],
    ['https://x.com/settings', /page or share button/],
    ['https://x.com/', /home page/],
    ['https://www.facebook.com/sharer.php?u=x', /page or share button/],
    ['https://www.facebook.com/sharer/sharer.php?u=x', /page or share button/],
    ['https://www.linkedin.com/shareArticle?url=x', /LinkedIn page or share button/],
    ['https://www.linkedin.com/in/some-person', /personal/],
    ['https://www.instagram.com/p/Cabc123/', /Instagram page/],
    ['https://www.youtube.com/watch?v=abc', /YouTube page/],
    ['javascript:alert(1)', /http\(s\)/],
    ['data:text/html,hi', /http\(s\)/],
    ['https://x.com@evil.example/NHSEngland', /user name/],
    ['https://user:pass@x.com/NHSEngland', /user name/],
    ['https://x.com.evil.example/NHSEngland', /not on a known social platform/],
    ['https://xn--twtter-3ya.com/NHSEngland', /not on a known social platform/],
    ['https://x.com/NHS%D0%95ngland', /not a valid X \(Twitter\) account name/],
    ['https://x.com/this_handle_is_far_too_long', /not a valid X \(Twitter\) account name/],
    ['not a url', /not a URL/],
  ])('refuses %s with a reason', (url, reason) => {
    const result = parseProfileUrl(url);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(explainRejection(result)).toMatch(reason);
  });
});

describe('parseHandle', () => {
  it.each([
    ['x', '@NNUH', 'https://x.com/NNUH'],
    ['x', 'https://twitter.com/LTHTrust', 'https://x.com/LTHTrust'],
    ['instagram', 'uclh', 'https://www.instagram.com/uclh'],
    ['tiktok', '@nhs', 'https://www.tiktok.com/@nhs'],
    ['bluesky', 'nhs.bsky.social', 'https://bsky.app/profile/nhs.bsky.social'],
  ] as const)('builds the %s profile of %s', (platform, handle, url) => {
    const result = parseHandle(platform, handle);
    expect(result.ok && result.profile.url).toBe(url);
  });

  it('refuses a link to another platform', () => {
    expect(parseHandle('x', 'https://www.facebook.com/uclh')).toEqual({ ok: false, rejection: 'other-platform', platform: 'facebook' });
  });
});

describe('accountUrlProblem', () => {
  it('accepts only the canonical URL', () => {
    expect(accountUrlProblem('x', 'https://x.com/uclh')).toBeUndefined();
    expect(accountUrlProblem('x', 'https://twitter.com/uclh')).toMatch(/canonical/);
    expect(accountUrlProblem('mastodon', 'https://mastodon.social/@nhs')).toBeUndefined();
  });
});
