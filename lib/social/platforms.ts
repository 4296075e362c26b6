/**
 * The social platforms NHS Social Lens knows, in the order people see them. The lowest module of
 * all: the index's schema, link classification and the page reader read the list from here,
 * so nothing about platforms has to reach up into the index (issue 18).
 */
export const PLATFORMS = [
  'x',
  'facebook',
  'instagram',
  'youtube',
  'linkedin',
  'tiktok',
  'bluesky',
  'threads',
  'mastodon',
  'flickr',
] as const;

/** One of the known platforms. */
export type Platform = (typeof PLATFORMS)[number];
