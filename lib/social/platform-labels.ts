import type { Platform } from './platforms';

/** How each platform is named to people. */
export const PLATFORM_LABELS: Record<Platform, string> = {
  x: 'X (Twitter)',
  facebook: 'Facebook',
  instagram: 'Instagram',
  youtube: 'YouTube',
  linkedin: 'LinkedIn',
  tiktok: 'TikTok',
  bluesky: 'Bluesky',
  threads: 'Threads',
  mastodon: 'Mastodon',
  flickr: 'Flickr',
};

/**
 * `word` with "a" or "an" before it, by how it is said: "an X (Twitter) link", "an Instagram page",
 * "a Facebook page" (issue 30: "a X" read wrong). A vowel letter, or X said "ex", takes "an".
 */
export function withArticle(word: string): string {
  return `${/^([aeiou]|x\b)/i.test(word) ? 'an' : 'a'} ${word}`;
}

/** One organisation's profile address on each platform, as the correction form's errors show how to write it (issue 30). */
export const PLATFORM_EXAMPLE_ADDRESSES: Record<Platform, string> = {
  x: 'https://x.com/UCLH',
  facebook: 'https://www.facebook.com/NHSEngland',
  instagram: 'https://www.instagram.com/nhsengland/',
  youtube: 'https://www.youtube.com/@NHSEngland',
  linkedin: 'https://www.linkedin.com/company/nhs-england/',
  tiktok: 'https://www.tiktok.com/@nhsengland',
  bluesky: 'https://bsky.app/profile/nhsengland.bsky.social',
  threads: 'https://www.threads.net/@nhsengland',
  mastodon: 'https://mastodon.example/@nhs',
  flickr: 'https://www.flickr.com/photos/nhsengland/',
};

/** How to write an account's handle or address on each platform: the hint beside the correction form's field. */
export const PLATFORM_HANDLE_HINTS: Record<Platform, string> = {
  x: 'For example @nhsengland or https://x.com/nhsengland',
  facebook: 'For example https://www.facebook.com/NHSEngland',
  instagram: 'For example @nhsengland or https://www.instagram.com/nhsengland/',
  youtube: 'The channel’s address, such as https://www.youtube.com/@NHSEngland',
  linkedin: 'A company page, such as https://www.linkedin.com/company/nhs-england/',
  tiktok: 'For example @nhsengland',
  bluesky: 'For example nhsengland.bsky.social',
  threads: 'For example @nhsengland',
  mastodon: 'The profile’s address, such as https://mastodon.example/@nhs',
  flickr: 'For example https://www.flickr.com/photos/nhsengland/',
};
