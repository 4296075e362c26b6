/**
 * Then and now: the published figures on NHS organisations' use of social media, beside what the
 * index says today. The figures and references are as docs/adoption-levels.md and the project's
 * issue give them (docs/research-figures.md says where a maintainer should check them).
 */
import type { DashboardRow } from './rows';

export interface PublishedFigure {
  year: number;
  /** The citation as the project has it. */
  source: string;
  /** Which organisations the figure is about. */
  population: string;
  /** The figure in words, as published. */
  finding: string;
}

export const PUBLISHED_FIGURES: readonly PublishedFigure[] = [
  {
    year: 2010,
    source: 'Hawker (2010), MEDINFO 2010, PubMed 20841708',
    population: '152 primary care trusts',
    finding: '40% used at least one social media platform (61 of 152)',
  },
  {
    year: 2014,
    source: '"On the brink of SoMething special?" (NHS Providers with J B McCrea, December 2014)',
    population: 'NHS organisations',
    finding: 'about 20% used no social media',
  },
  {
    year: 2015,
    source: 'its follow-up, "Beyond the Brink" (2015)',
    population: 'NHS organisations',
    finding: 'just over 5% used no social media',
  },
];

export interface TodayFigures {
  organisations: number;
  /** At least one official account in use (any level from "One platform known" up). */
  atLeastOne: number;
  /** Every platform checked, none in use: the only count comparable with "no social media". */
  noneFound: number;
  /** Neither: not every platform checked yet. Not the same as none. */
  notYetKnown: number;
}

/** Today's figures from the index's rows, split three ways so "not yet known" is never read as "none". */
export function todayFigures(rows: readonly DashboardRow[]): TodayFigures {
  let atLeastOne = 0;
  let noneFound = 0;
  for (const row of rows) {
    if (row.level === 'none') noneFound++;
    else if (row.level !== 'unknown') atLeastOne++;
  }
  return { organisations: rows.length, atLeastOne, noneFound, notYetKnown: rows.length - atLeastOne - noneFound };
}
