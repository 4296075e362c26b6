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
