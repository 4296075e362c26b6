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
