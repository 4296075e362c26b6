import { svg } from 'lit';
import type { Platform } from '../social/platforms';

/**
 * A small neutral mark per platform, always shown with the platform's name as text: the
 * platforms' own logos are their trademarks, and the text label is what assistive technology
 * reads. Each differs from the others in colour and shape (a square or a circle) as well as its
 * letter, so a person tells them apart at a glance (issue 30): seven dark-blue squares did not.
 * Every colour keeps its white mark above 4.5:1.
 */
interface Mark {
  /** The letter or sign drawn; '' for a drawn mark (YouTube's play sign, Flickr's two dots). */
  text: string;
  colour: string;
  shape: 'square' | 'circle';
}

const MARKS: Record<Platform, Mark> = {
  x: { text: 'X', colour: '#000000', shape: 'square' },
  facebook: { text: 'f', colour: '#0b5cc9', shape: 'circle' },
  instagram: { text: 'IG', colour: '#b3246f', shape: 'square' },
  youtube: { text: '', colour: '#c00000', shape: 'square' },
  linkedin: { text: 'in', colour: '#0a5aa8', shape: 'square' },
  tiktok: { text: '♪', colour: '#222222', shape: 'circle' },
  bluesky: { text: 'B', colour: '#0062c4', shape: 'circle' },
  threads: { text: '@', colour: '#4d4d4d', shape: 'circle' },
  mastodon: { text: 'M', colour: '#563acc', shape: 'square' },
  flickr: { text: '', colour: '#ffffff', shape: 'square' },
};

function mark(platform: Platform, m: Mark) {
  if (platform === 'youtube') return svg`<path d="M9.5 7.5v9l7.5-4.5z" fill="#ffffff"></path>`;
  if (platform === 'flickr')
    return svg`<circle cx="7.5" cy="12" r="4" fill="#0063dc"></circle><circle cx="16.5" cy="12" r="4" fill="#d6006b"></circle>`;
  return svg`<text x="12" y="16.5" text-anchor="middle" font-family="Arial, sans-serif" font-weight="700" font-size=${m.text.length > 1 ? 10 : 14} fill="#ffffff">${m.text}</text>`;
}

/** The platform's mark, hidden from assistive technology (its name is beside it as text). */
export function platformIcon(platform: Platform) {
  const m = MARKS[platform];
  const shape =
    m.shape === 'circle'
      ? svg`<circle cx="12" cy="12" r="12" fill=${m.colour}></circle>`
      : svg`<rect width="24" height="24" rx="5" fill=${m.colour} stroke=${platform === 'flickr' ? '#768692' : 'none'}></rect>`;
  return svg`<svg class="platform-icon" data-platform=${platform} width="24" height="24" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
    ${shape}${mark(platform, m)}
  </svg>`;
}
