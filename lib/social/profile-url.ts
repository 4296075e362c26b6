/**
 * Social profile URLs: which platform, which handle, and the one canonical URL for it.
 *
 * The same rules serve the index build, the validator, the background (links on a page) and
 * the maintainers' discovery command, so "is this an account?" has one answer everywhere. Kept
 * free of dependencies: it is the lowest module of all.
 */
import type { Platform } from './platforms';

export interface SocialProfile {
  platform: Platform;
  /** As written by the platform's own URLs (X `NHSEngland`, YouTube `@nhs` or `channel/UC…`). */
  handle: string;
  /** The one URL the index stores for this account. */
  url: string;
}

/**
 * Why a URL is not an account, as a short code: the service worker ships this module, so the
 * sentences people read live in profile-rejections.ts, outside its bundle (and outside its imports:
 * that module reads this one, never the other way round).
 */
export type ProfileRejection =
  | 'not-a-url'
  | 'not-http'
  | 'user-info'
  | 'unknown-platform'
  | 'platform-home'
  | 'platform-page'
  | 'personal-profile'
  | 'bad-handle'
  | 'needs-url'
  | 'other-platform';

export type ProfileParse =
  | { ok: true; profile: SocialProfile }
  | { ok: false; rejection: ProfileRejection; platform?: Platform | undefined };

const X_RESERVED = new Set(
  'home explore search settings i intent share hashtag login logout signup messages notifications tos privacy compose about jobs download account help who_to_follow lists topics'.split(
    ' ',
  ),
);
const FACEBOOK_RESERVED = new Set(
  'sharer sharer.php share share.php dialog plugins login login.php home.php help policies privacy watch events groups marketplace gaming photo.php story.php permalink.php people hashtag search settings'.split(
    ' ',
  ),
);
const INSTAGRAM_RESERVED = new Set('p reel reels explore accounts stories direct about developer legal tv web'.split(' '));
const YOUTUBE_RESERVED = new Set(
  // channel/, c/ and user/ are read before this list is consulted.
  'watch embed results feed playlist shorts live redirect account premium about gaming music kids t hashtag'.split(' '),
);

// Repeated prefixes are named once: this module ships in the service worker, where bytes count.
const FACEBOOK = 'https://www.facebook.com/';
const YOUTUBE = 'https://www.youtube.com/';

const fail = (rejection: ProfileRejection, platform?: Platform): ProfileParse => ({ ok: false, rejection, platform });
const ok = (platform: Platform, handle: string, url: string): ProfileParse => ({ ok: true, profile: { platform, handle, url } });

/** Hosts of each platform, without `www.`, `m.`, `mobile.` or `uk.` (stripped before lookup). */
const PLATFORM_HOSTS: Record<string, Platform> = {
  'x.com': 'x',
  'twitter.com': 'x',
  'facebook.com': 'facebook',
  'fb.com': 'facebook',
  'instagram.com': 'instagram',
  'youtube.com': 'youtube',
  'linkedin.com': 'linkedin',
  'tiktok.com': 'tiktok',
  'bsky.app': 'bluesky',
  'threads.net': 'threads',
  'threads.com': 'threads',
  'flickr.com': 'flickr',
};

/**
 * The platforms' hosts (as PLATFORM_HOSTS names them): the page reader picks the links that may
 * be profiles with attribute selectors built from this list (issue 22), so there is one list of hosts.
 */
export const PROFILE_HOSTS: readonly string[] = Object.keys(PLATFORM_HOSTS);

// www., m., mobile. and LinkedIn's country subdomains (uk.linkedin.com) are the same site.
const hostKey = (hostname: string) => hostname.replace(/\.$/, '').replace(/^(?:www|m|mobile|uk)\./, '');

/**
 * NHS and government zones (issue 26): every NHS organisation's site, the NHS umbrella zones and
 * the hosts the extension may read from install (nhs.uk, CQC, GOV.UK) sit under them, so no host
 * under them is a social platform's, whatever a link on a page says. Without this, a `rel="me"`
 * link to `https://<anything>.nhs.uk/@name` made a Mastodon account whose live figures the
 * browser would fetch without asking. The index's own domains outside these zones are refused by
 * the callers that know the index (`profilesFromSignals`' host rule, the validator).
 */
const NOT_PLATFORM_ZONES = ['nhs.uk', 'nhs.net', 'nhs.scot', 'nhs.wales', 'hscni.net', 'gov.uk', 'gov.scot', 'gov.wales', 'cqc.org.uk'];

/** True when `hostname` is one of the NHS and government zones above, or under one: never a social platform's host. */
export function isNhsZoneHost(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/\.$/, '');
  return NOT_PLATFORM_ZONES.some((zone) => host === zone || host.endsWith(`.${zone}`));
}

/** True for the hosts of the social platforms this module knows (x.com, www.facebook.com…). */
export function isSocialPlatformHost(hostname: string): boolean {
  return PLATFORM_HOSTS[hostKey(hostname)] !== undefined;
}

/**
 * Reads `raw` as a link to a social profile. `mastodonHosts` lists the instances the index knows;
 * a `/@user` path on any other host is not assumed to be Mastodon.
 */
export function parseProfileUrl(raw: string, mastodonHosts: ReadonlySet<string> = new Set()): ProfileParse {
  return URL.canParse(raw) ? parseProfile(new URL(raw), mastodonHosts) : fail('not-a-url');
}

/** The same, for an address already parsed (detection parses each page's address once). */
export function parseProfile(url: URL, mastodonHosts: ReadonlySet<string> = new Set()): ProfileParse {
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return fail('not-http');
  if (url.username || url.password) return fail('user-info');
  const host = hostKey(url.hostname);
  const segments = url.pathname.split('/').filter(Boolean).map(safeDecode);
  const first = segments[0] ?? '';
  const platform = PLATFORM_HOSTS[host];
  if (platform === undefined) {
    // An instance has a name: a dot and more than digits, so not an IP address ([::1], 10.0.0.1)
    // nor `localhost`, whatever rel="me" says (issue 17), nor a host in an NHS zone (issue 26).
    if (mastodonHosts.has(host) && /\..*[^\d.]|[^\d.].*\./.test(host) && !isNhsZoneHost(host)) return mastodonProfile(host, segments);
    return fail('unknown-platform');
  }
  const parsed = first === '' ? fail('platform-home') : onPlatform(platform, first, segments, url);
  // The platform is known here, so rejections name it once rather than at every return.
  if (!parsed.ok) parsed.platform = platform;
  return parsed;
}

/** The rules of each platform for a path on its own host. */
function onPlatform(platform: Platform, first: string, segments: string[], url: URL): ProfileParse {
  switch (platform) {
    case 'x': {
      if (X_RESERVED.has(first.toLowerCase())) return fail('platform-page');
      const handle = first.replace(/^@/, '');
      if (!/^[A-Za-z0-9_]{1,15}$/.test(handle)) return fail('bad-handle');
      return ok('x', handle, `https://x.com/${handle}`);
    }
    case 'facebook': {
      if (FACEBOOK_RESERVED.has(first.toLowerCase())) return fail('platform-page');
      if (first === 'profile.php') {
        const id = url.searchParams.get('id') ?? '';
        if (!/^\d{5,20}$/.test(id)) return fail('bad-handle');
        return ok('facebook', `profile.php?id=${id}`, `${FACEBOOK}profile.php?id=${id}`);
      }
      if (first === 'pages') {
        const id = segments.find((s) => /^\d{5,20}$/.test(s));
        if (id === undefined) return fail('bad-handle');
        return ok('facebook', id, `${FACEBOOK}${id}`);
      }
      if (!/^[A-Za-z0-9.-]{2,50}$/.test(first)) return fail('bad-handle');
      return ok('facebook', first, `${FACEBOOK}${first}`);
    }
    case 'instagram': {
      if (INSTAGRAM_RESERVED.has(first.toLowerCase())) return fail('platform-page');
      if (!/^[A-Za-z0-9._]{1,30}$/.test(first)) return fail('bad-handle');
      return ok('instagram', first, `https://www.instagram.com/${first}`);
    }
    case 'youtube':
      return youtubeProfile(segments);
    case 'linkedin': {
      const slug = segments[1] ?? '';
      if (first === 'in') return fail('personal-profile');
      if (first !== 'company' && first !== 'school' && first !== 'showcase') return fail('platform-page');
      // The slug is read decoded, so a `%` left in it would decode again on the next read (issue 17).
      if (!/^[A-Za-z0-9_.-]{2,100}$/.test(slug)) return fail('bad-handle');
      return ok('linkedin', `${first}/${slug}`, `https://www.linkedin.com/${first}/${slug}`);
    }
    case 'tiktok': {
      const user = first.startsWith('@') ? first.slice(1) : '';
      if (!/^[A-Za-z0-9._]{2,24}$/.test(user)) return fail('bad-handle');
      return ok('tiktok', `@${user}`, `https://www.tiktok.com/@${user}`);
    }
    case 'bluesky': {
      const actor = (segments[1] ?? '').toLowerCase();
      if (first !== 'profile' || segments.length !== 2) return fail('platform-page');
      if (!/^(?:did:plc:[a-z2-7]{24}|(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63})$/.test(actor)) {
        return fail('bad-handle');
      }
      return ok('bluesky', actor, `https://bsky.app/profile/${actor}`);
    }
    case 'threads': {
      const user = first.startsWith('@') ? first.slice(1) : '';
      if (!/^[A-Za-z0-9._]{1,30}$/.test(user)) return fail('bad-handle');
      return ok('threads', `@${user}`, `https://www.threads.com/@${user}`);
    }
    case 'flickr': {
      const user = segments[1] ?? '';
      if ((first !== 'photos' && first !== 'people') || !/^[A-Za-z0-9@._-]{2,60}$/.test(user)) {
        return fail('bad-handle');
      }
      return ok('flickr', user, `https://www.flickr.com/photos/${user}`);
    }
    default:
      return fail('unknown-platform');
  }
}

function youtubeProfile(segments: string[]): ProfileParse {
  const [first = '', second = ''] = segments;
  if (first.startsWith('@')) {
    if (!/^@[A-Za-z0-9._-]{3,30}$/.test(first)) return fail('bad-handle');
    return ok('youtube', first, `${YOUTUBE}${first}`);
  }
  if (first === 'channel') {
    if (!/^UC[A-Za-z0-9_-]{22}$/.test(second)) return fail('bad-handle');
    return ok('youtube', `channel/${second}`, `${YOUTUBE}channel/${second}`);
  }
  if (first === 'c' || first === 'user') {
    if (!/^[A-Za-z0-9._-]{1,100}$/.test(second)) return fail('bad-handle');
    return ok('youtube', `${first}/${second}`, `${YOUTUBE}${first}/${second}`);
  }
  if (YOUTUBE_RESERVED.has(first.toLowerCase())) return fail('platform-page');
  // A bare youtube.com/Name is YouTube's short form of the custom URL youtube.com/c/Name.
  if (segments.length === 1 && /^[A-Za-z0-9._-]{1,100}$/.test(first)) return ok('youtube', `c/${first}`, `${YOUTUBE}c/${first}`);
  return fail('bad-handle');
}

function mastodonProfile(host: string, segments: string[]): ProfileParse {
  const user = segments[0]?.startsWith('@') ? segments[0].slice(1) : '';
  if (segments.length !== 1 || !/^[A-Za-z0-9_]{1,30}$/.test(user)) return fail('bad-handle', 'mastodon');
  return ok('mastodon', `@${user}@${host}`, `https://${host}/@${user}`);
}

/**
 * The key an account is looked up by. Handles are case-insensitive on every platform except in
 * YouTube channel ids, which are kept as written.
 */
export function accountKey(platform: Platform, handle: string): string {
  return `${platform}:${platform === 'youtube' && handle.startsWith('channel/') ? handle : handle.toLowerCase()}`;
}

/** Builds the profile of `handle` on `platform` (as typed by a person or given by a source: "@NNUH"). */
export function parseHandle(platform: Platform, handle: string): ProfileParse {
  const trimmed = handle.trim();
  if (/^https?:\/\//i.test(trimmed)) {
    const parsed = parseProfileUrl(trimmed, mastodonHostsOf(platform, trimmed));
    if (parsed.ok && parsed.profile.platform !== platform)
      return { ok: false, rejection: 'other-platform', platform: parsed.profile.platform };
    return parsed;
  }
  const bare = trimmed.replace(/^@/, '');
  switch (platform) {
    case 'x':
      return parseProfileUrl(`https://x.com/${bare}`);
    case 'instagram':
    case 'facebook':
      return parseProfileUrl(`https://www.${platform}.com/${bare}`);
    case 'tiktok':
    case 'threads':
      return parseProfileUrl(`https://www.${platform === 'tiktok' ? 'tiktok' : 'threads'}.com/@${bare}`);
    case 'bluesky':
      return parseProfileUrl(`https://bsky.app/profile/${bare}`);
    default:
      return fail('needs-url', platform);
  }
}

/** A Mastodon account may live on any instance, so a URL already labelled Mastodon names its own. */
export function mastodonHostsOf(platform: Platform, url: string): Set<string> {
  if (platform !== 'mastodon' || !URL.canParse(url)) return new Set();
  return new Set([new URL(url).hostname]);
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
