/**
 * The toolbar badge's colours and what each badge means (issue 30): one place, read by the badge
 * itself (lib/browser/badge.ts), the popup's level box and the legend on the welcome page, in the
 * popup and in the settings, so the legend cannot drift from the badge.
 *
 * "None found" and "not yet known" differ by more than a shade: a colour of their own (dark purple against
 * grey) and their own text ("0" against "?"), so neither colour nor text alone carries the meaning.
 * Each colour is from the NHS.UK palette and dark enough for the badge's white text (at least 4.5:1).
 */
import type { AdoptionLevel } from './adoption';

/** The badge's background for each adoption level. */
export const LEVEL_COLOURS: Record<AdoptionLevel, string> = {
  'several-platforms': '#007f3b',
  'one-platform': '#005eb8',
  'one-known-platform': '#005eb8',
  none: '#330072',
  unknown: '#4c6272',
};

/** One badge the toolbar may show, and what it means. */
export interface BadgeLegendEntry {
  /** The badge's text, as the toolbar shows it ('' for no badge). */
  text: string;
  /** Its background ('' for no badge). */
  colour: string;
  /** The meaning in a few words. */
  label: string;
  /** The meaning in a sentence. */
  meaning: string;
}

/** Every badge, in the order the legend lists them. */
export const BADGE_LEGEND: readonly BadgeLegendEntry[] = [
  {
    text: '3',
    colour: LEVEL_COLOURS['several-platforms'],
    label: 'Accounts on 3 platforms (green: two or more)',
    meaning: 'The number is how many platforms the organisation has official accounts on, from the index or linked from its own website.',
  },
  {
    text: '1',
    colour: LEVEL_COLOURS['one-platform'],
    label: 'Accounts on one platform (blue)',
    meaning: '“One platform known” while the other platforms are not yet checked.',
  },
  {
    text: '0',
    colour: LEVEL_COLOURS.none,
    label: 'None found: every platform checked (purple)',
    meaning: 'No official account was found on any platform.',
  },
  {
    text: '?',
    colour: LEVEL_COLOURS.unknown,
    label: 'Not yet known: not every platform checked (grey)',
    meaning: 'Which is not the same as none: it may have accounts nobody has checked yet.',
  },
  {
    text: '2?',
    colour: LEVEL_COLOURS.unknown,
    label: '2 organisations share this site (grey)',
    meaning: 'Two organisations (or as many as the number says) share this website: open the popup to choose one.',
  },
  {
    text: '',
    colour: '',
    label: 'No badge: not a site the index knows',
    meaning: 'Not the website of an NHS organisation the index knows, or you turned the badge off in the settings.',
  },
];
