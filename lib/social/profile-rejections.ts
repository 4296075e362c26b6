/**
 * What people read when a link is not an account: the sentence for each rejection, and whether an
 * index's account address is canonical. Kept apart from profile-url.ts, which the service worker
 * ships: this module reads that one, never the other way round (issue 18).
 */

import { PLATFORM_LABELS, withArticle } from './platform-labels';
import type { Platform } from './platforms';
import { mastodonHostsOf, type ProfileRejection, parseProfileUrl } from './profile-url';

/** The sentence for a rejected profile URL, completing "<the value> …". */
export function explainRejection({ rejection, platform }: { rejection: ProfileRejection; platform?: Platform }): string {
  const name = platform ? PLATFORM_LABELS[platform] : 'social';
  switch (rejection) {
    case 'not-a-url':
      return 'is not a URL';
    case 'not-http':
      return 'must be an http(s) link';
    case 'user-info':
      return 'hides its real host behind a user name';
    case 'unknown-platform':
      return 'is not on a known social platform';
    case 'platform-home':
      return `is the ${name} home page, not an account`;
    case 'platform-page':
      return `is ${withArticle(name)} page or share button, not an account`;
    case 'personal-profile':
      return `is a personal ${name} profile, not an organisation's`;
    case 'bad-handle':
      return `is not a valid ${name} account name`;
    case 'needs-url':
      return `needs the full ${name} profile URL`;
    case 'other-platform':
      return `is ${withArticle(name)} link, not the platform chosen`;
  }
}

/** Why `url` cannot be stored as a `platform` account, or undefined when it is canonical. */
export function accountUrlProblem(platform: Platform, url: string): string | undefined {
  const parsed = parseProfileUrl(url, mastodonHostsOf(platform, url));
  if (!parsed.ok) return explainRejection(parsed);
  if (parsed.profile.platform !== platform) return `is ${withArticle(parsed.profile.platform)} URL, not ${platform}`;
  if (parsed.profile.url !== url) return `is not the canonical URL (expected ${parsed.profile.url})`;
  return undefined;
}
