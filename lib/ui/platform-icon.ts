import { svg } from 'lit';
import type { Platform } from '../social/platforms';

/**
 * A small neutral mark per platform (its initial in a rounded square), always shown with the
 * platform's name as text: the platforms' own logos are their trademarks, and the text label is
 * what assistive technology reads.
 */
const MARKS: Record<Platform, string> = {
  x: 'X',
  facebook: 'f',
  instagram: 'IG',
  youtube: 'YT',
  linkedin: 'in',
  tiktok: 'TT',
  bluesky: 'B',
  threads: '@',
  mastodon: 'M',
  flickr: 'F',
};

export function platformIcon(platform: Platform) {
  const mark = MARKS[platform];
  return svg`<svg class="platform-icon" width="24" height="24" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
    <rect width="24" height="24" rx="5" fill="#003087"></rect>
    <text x="12" y="16.5" text-anchor="middle" font-family="Arial, sans-serif" font-weight="700" font-size=${mark.length > 1 ? 10 : 13} fill="#ffffff">${mark}</text>
  </svg>`;
}
