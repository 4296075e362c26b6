/**
 * What the correction form says when an account's handle or address cannot be read (issue 30): what
 * was typed, and how to put it right, with an address of the right shape ("Enter the account's
 * profile address, like https://x.com/UCLH; a share link points to a post").
 */
import { PLATFORM_EXAMPLE_ADDRESSES, PLATFORM_LABELS, withArticle } from '../social/platform-labels';
import type { Platform } from '../social/platforms';
import type { ProfileRejection } from '../social/profile-url';

/** The form's error for a handle `chosen`'s rules refused; `platform` is the one the address is on when it is another. */
export function handleProblem(chosen: Platform, rejection: ProfileRejection, platform: Platform = chosen): string {
  const name = PLATFORM_LABELS[chosen];
  const example = PLATFORM_EXAMPLE_ADDRESSES[chosen];
  const enter = `Enter the account’s profile address, like ${example}`;
  switch (rejection) {
    case 'platform-page':
      return `${enter}: this is ${withArticle(name)} page, post or share link, not an account (a share link points to a post).`;
    case 'platform-home':
      return `${enter}: this is ${name}’s home page, not an account.`;
    case 'personal-profile':
      return `${enter}: this is a person’s ${name} profile; the organisation’s own page is the one to suggest.`;
    case 'needs-url':
      return `${enter}: on ${name} a name alone does not say which account.`;
    case 'other-platform':
      return `This is ${withArticle(PLATFORM_LABELS[platform])} address: choose ${PLATFORM_LABELS[platform]} as the platform, or ${enter.charAt(0).toLowerCase()}${enter.slice(1)}.`;
    case 'not-a-url':
    case 'not-http':
    case 'user-info':
    case 'unknown-platform':
      return `${enter} (starting https://).`;
    case 'bad-handle':
      return `${enter}, or its handle as ${name} shows it: this is not ${withArticle(name)} account name.`;
  }
}
