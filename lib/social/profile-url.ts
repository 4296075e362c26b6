/**
 * Social profile URLs: which platform, which handle, and the one canonical URL for it.
 *
 * The same rules serve the index build, the validator, the content script (links on a page) and
 * the maintainers' discovery command, so "is this an account?" has one answer everywhere. Kept
 * free of dependencies because it ships in the content script.
 */
import type { Platform } from '../index/schema';

export interface SocialProfile {
  platform: Platform;
  /** As written by the platform's own URLs (X `NHSEngland`, YouTube `@nhs` or `channel/UC…`). */
  handle: string;
  /** The one URL the index stores for this account. */
  url: string;
}

export type ProfileParse = { ok: true; profile: SocialProfile } | { ok: false; reason: string };

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
  'watch embed results feed playlist shorts live redirect account premium about gaming music kids t hashtag channel c user'.split(' '),
);

const fail = (reason: string): ProfileParse => ({ ok: false, reason });
const ok = (platform: Platform, handle: string, url: string): ProfileParse => ({ ok: true, profile: { platform, handle, url } });

/** Hosts of each platform, without `www.`/`m.`/`mobile.` (stripped before lookup). */
const PLATFORM_HOSTS: Record<string, Platform> = {
  'x.com': 'x',
  'twitter.com': 'x',
  'facebook.com': 'facebook',
  'fb.com': 'facebook',
  'instagram.com': 'instagram',
  'youtube.com': 'youtube',
  'linkedin.com': 'linkedin',
  'uk.linkedin.com': 'linkedin',
  'tiktok.com': 'tiktok',
  'bsky.app': 'bluesky',
  'threads.net': 'threads',
  'threads.com': 'threads',
  'flickr.com': 'flickr',
};

/**
 * Reads `raw` as a link to a social profile. `mastodonHosts` lists the instances the index knows;
 * a `/@user` path on any other host is not assumed to be Mastodon.
 */
export function parseProfileUrl(raw: string, mastodonHosts: ReadonlySet<string> = new Set()): ProfileParse {
  if (!URL.canParse(raw)) return fail('is not a URL');
  const url = new URL(raw);
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return fail(`uses ${url.protocol} rather than http(s)`);
  if (url.username || url.password) return fail('hides its real host behind a user name');
  const host = url.hostname.replace(/\.$/, '').replace(/^(?:www|m|mobile)\./, '');
  const segments = url.pathname.split('/').filter(Boolean).map(safeDecode);
  const first = segments[0] ?? '';
  const platform = PLATFORM_HOSTS[host];
  if (platform === undefined) {
    if (mastodonHosts.has(host)) return mastodonProfile(host, segments);
    return fail(`${host} is not a known social platform`);
  }
  if (first === '') return fail(`is the ${platform} home page, not an account`);
  switch (platform) {
    case 'x': {
      if (X_RESERVED.has(first.toLowerCase())) return fail(`/${first} is an X page, not an account`);
      const handle = first.replace(/^@/, '');
      if (!/^[A-Za-z0-9_]{1,15}$/.test(handle)) return fail('is not an X handle (1–15 letters, digits or _)');
      return ok('x', handle, `https://x.com/${handle}`);
    }
    case 'facebook': {
      if (FACEBOOK_RESERVED.has(first.toLowerCase())) return fail(`/${first} is a Facebook page or share button, not an account`);
      if (first === 'profile.php') {
        const id = url.searchParams.get('id') ?? '';
        if (!/^\d{5,20}$/.test(id)) return fail('is a Facebook profile link without a numeric id');
        return ok('facebook', `profile.php?id=${id}`, `https://www.facebook.com/profile.php?id=${id}`);
      }
      if (first === 'pages') {
        const id = segments.find((s) => /^\d{5,20}$/.test(s));
        if (id === undefined) return fail('is an old Facebook pages link without a numeric id');
        return ok('facebook', id, `https://www.facebook.com/${id}`);
      }
      if (!/^[A-Za-z0-9.-]{2,50}$/.test(first)) return fail('is not a Facebook page name');
      return ok('facebook', first, `https://www.facebook.com/${first}`);
    }
    case 'instagram': {
      if (INSTAGRAM_RESERVED.has(first.toLowerCase())) return fail(`/${first} is an Instagram page, not an account`);
      if (!/^[A-Za-z0-9._]{1,30}$/.test(first)) return fail('is not an Instagram user name');
      return ok('instagram', first, `https://www.instagram.com/${first}`);
    }
    case 'youtube':
      return youtubeProfile(segments);
    case 'linkedin': {
      const slug = segments[1] ?? '';
      if (first === 'in') return fail('is a personal LinkedIn profile, not an organisation');
      if (first !== 'company' && first !== 'school' && first !== 'showcase')
        return fail(`/${first} on LinkedIn is not an organisation page`);
      if (!/^[A-Za-z0-9_%.-]{2,100}$/.test(slug)) return fail('is not a LinkedIn organisation name');
      return ok('linkedin', `${first}/${slug}`, `https://www.linkedin.com/${first}/${slug}`);
    }
    case 'tiktok': {
      const user = first.startsWith('@') ? first.slice(1) : '';
      if (!/^[A-Za-z0-9._]{2,24}$/.test(user)) return fail('is not a TikTok account (tiktok.com/@name)');
      return ok('tiktok', `@${user}`, `https://www.tiktok.com/@${user}`);
    }
    case 'bluesky': {
      const actor = (segments[1] ?? '').toLowerCase();
      if (first !== 'profile' || segments.length !== 2) return fail('is not a Bluesky profile (bsky.app/profile/name)');
      if (!/^(?:did:plc:[a-z2-7]{24}|(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63})$/.test(actor)) {
        return fail('is not a Bluesky handle or DID');
      }
      return ok('bluesky', actor, `https://bsky.app/profile/${actor}`);
    }
    case 'threads': {
      const user = first.startsWith('@') ? first.slice(1) : '';
      if (!/^[A-Za-z0-9._]{1,30}$/.test(user)) return fail('is not a Threads account (threads.com/@name)');
      return ok('threads', `@${user}`, `https://www.threads.com/@${user}`);
    }
    case 'flickr': {
      const user = segments[1] ?? '';
      if ((first !== 'photos' && first !== 'people') || !/^[A-Za-z0-9@._-]{2,60}$/.test(user)) {
        return fail('is not a Flickr account (flickr.com/photos/name)');
      }
      return ok('flickr', user, `https://www.flickr.com/photos/${user}`);
    }
    default:
      return fail(`${host} is not a known social platform`);
  }
}

function youtubeProfile(segments: string[]): ProfileParse {
  const [first = '', second = ''] = segments;
  if (first.startsWith('@')) {
    if (!/^@[A-Za-z0-9._-]{3,30}$/.test(first)) return fail('is not a YouTube handle');
    return ok('youtube', first, `https://www.youtube.com/${first}`);
  }
  if (first === 'channel') {
    if (!/^UC[A-Za-z0-9_-]{22}$/.test(second)) return fail('is not a YouTube channel id');
    return ok('youtube', `channel/${second}`, `https://www.youtube.com/channel/${second}`);
  }
  if (first === 'c' || first === 'user') {
    if (!/^[A-Za-z0-9._-]{1,100}$/.test(second)) return fail('is not a YouTube channel name');
    return ok('youtube', `${first}/${second}`, `https://www.youtube.com/${first}/${second}`);
  }
  if (YOUTUBE_RESERVED.has(first.toLowerCase())) return fail(`/${first} is a YouTube page, not a channel`);
  // A bare youtube.com/Name is YouTube's short form of the custom URL youtube.com/c/Name.
  if (segments.length === 1 && /^[A-Za-z0-9._-]{1,100}$/.test(first))
    return ok('youtube', `c/${first}`, `https://www.youtube.com/c/${first}`);
  return fail('is not a YouTube channel');
}

function mastodonProfile(host: string, segments: string[]): ProfileParse {
  const user = segments[0]?.startsWith('@') ? segments[0].slice(1) : '';
  if (segments.length !== 1 || !/^[A-Za-z0-9_]{1,30}$/.test(user)) return fail(`is not a Mastodon account on ${host}`);
  return ok('mastodon', `@${user}@${host}`, `https://${host}/@${user}`);
}

/** Builds the profile of `handle` on `platform` (as typed by a person or given by a source: "@NNUH"). */
export function parseHandle(platform: Platform, handle: string): ProfileParse {
  const trimmed = handle.trim();
  if (/^https?:\/\//i.test(trimmed)) {
    const parsed = parseProfileUrl(trimmed, mastodonHostsOf(platform, trimmed));
    if (parsed.ok && parsed.profile.platform !== platform) return fail(`is a ${parsed.profile.platform} link, not ${platform}`);
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
      return fail(`needs a full ${platform} URL`);
  }
}

/** Why `url` cannot be stored as a `platform` account, or undefined when it is canonical. */
export function accountUrlProblem(platform: Platform, url: string): string | undefined {
  const parsed = parseProfileUrl(url, mastodonHostsOf(platform, url));
  if (!parsed.ok) return parsed.reason;
  if (parsed.profile.platform !== platform) return `is a ${parsed.profile.platform} URL, not ${platform}`;
  if (parsed.profile.url !== url) return `is not the canonical URL (expected ${parsed.profile.url})`;
  return undefined;
}

/** A Mastodon account may live on any instance, so a URL already labelled Mastodon names its own. */
function mastodonHostsOf(platform: Platform, url: string): Set<string> {
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
