import { describe, expect, it } from 'vitest';
import { seenByYou } from '../../lib/dashboard/seen-by-you';
import { surveyFigures } from '../../lib/survey/survey-figures';
import { joinSurvey, surveyAsSeen } from '../../lib/survey/survey-seen';
import { DEFAULT_SURVEY_SETTINGS, type SurveyResult, type SurveyRun } from '../../lib/survey/survey-state';
import { makeOrganisation } from '../support/index-factory';

const RUN: SurveyRun = {
  id: '2026-12-01T10:00:00.000Z',
  startedAt: '2026-12-01T10:00:00.000Z',
  chosen: 'All organisations',
  planned: ['RRV', 'RJ1', 'RX1', 'R1H'].map((id) => ({ id, host: `${id.toLowerCase()}.nhs.uk` })),
  unreadable: ['K0N6A'],
  settings: DEFAULT_SURVEY_SETTINGS,
  status: 'finished',
  updatedAt: '2026-12-01T10:10:00.000Z',
};
const result = (organisationId: string, outcome: SurveyResult['outcome'], surveyId = RUN.id): SurveyResult => ({
  surveyId,
  organisationId,
  host: `${organisationId.toLowerCase()}.nhs.uk`,
  at: '2026-12-01T10:05:00.000Z',
  outcome,
});
const account = (platform: 'x' | 'bluesky', handle: string, pageUrl: string) => ({
  platform,
  handle,
  url: platform === 'x' ? `https://x.com/${handle}` : `https://bsky.app/profile/${handle}`,
  via: 'link' as const,
  pageUrl,
});
const RESULTS = [
  result('RRV', { kind: 'found', pages: ['https://rrv.nhs.uk/'], accounts: [account('x', 'uclh', 'https://rrv.nhs.uk/')] }),
  result('RJ1', {
    kind: 'found',
    pages: ['https://rj1.nhs.uk/', 'https://rj1.nhs.uk/follow-us'],
    accounts: [
      account('x', 'gstt', 'https://rj1.nhs.uk/follow-us'),
      account('bluesky', 'gstt.bsky.social', 'https://rj1.nhs.uk/follow-us'),
    ],
  }),
  result('RX1', { kind: 'none', pages: ['https://rx1.nhs.uk/'] }),
  result('R1H', { kind: 'not-read', reason: 'timed out' }),
  result('R1H', { kind: 'none', pages: [] }, 'an older survey'), // not this survey's
];

describe('surveyFigures', () => {
  it('gives the 2014 report’s measure from the survey: link any, read and link none, not read, and per platform', () => {
    expect(surveyFigures(RUN, RESULTS, 310)).toEqual({
      surveyed: 5,
      of: 310,
      on: '2026-12-01',
      linkAny: 2,
      readNone: 1,
      notRead: 2, // R1H timed out, K0N6A has no website known
      perPlatform: [
        { platform: 'x', organisations: 2 },
        { platform: 'bluesky', organisations: 1 },
      ],
    });
  });
});

describe('the survey in "Seen by you"', () => {
  it('adds each account found with its page and the source "your survey, <date>", and each site read', () => {
    const orgs = ['RRV', 'RJ1', 'RX1', 'R1H'].map((id) => makeOrganisation({ id, name: `Trust ${id}` }));
    const survey = surveyAsSeen(RUN, RESULTS);
    expect(survey.siteReads.map((r) => [r.organisationId, r.outcome, r.reason])).toEqual([
      ['RRV', 'found', undefined],
      ['RJ1', 'found', undefined],
      ['RX1', 'none', undefined],
      ['R1H', 'failed', 'timed out'],
    ]);
    const layer = seenByYou(orgs, joinSurvey({ sightings: [], siteReads: [], live: [], points: [] }, survey));
    const rj1 = layer.organisations.find((o) => o.id === 'RJ1');
    expect(rj1?.accounts.map((a) => [a.platform, a.handle, a.site?.pageUrl, a.site?.source])).toEqual([
      ['x', 'gstt', 'https://rj1.nhs.uk/follow-us', 'your survey, 1 Dec 2026'],
      ['bluesky', 'gstt.bsky.social', 'https://rj1.nhs.uk/follow-us', 'your survey, 1 Dec 2026'],
    ]);
    expect(rj1?.row.level).not.toBe('unknown');
  });

  it('keeps the user’s own sighting of the same account, and the newer read of a site', () => {
    const own = surveyAsSeen(RUN, [RESULTS[0] as SurveyResult]);
    const visit = { ...(own.sightings[0] as (typeof own.sightings)[number]), source: undefined, lastSeen: '2026-12-03T09:00:00.000Z' };
    const newerRead = { ...(own.siteReads[0] as (typeof own.siteReads)[number]), readAt: '2026-12-03T09:00:00.000Z' };
    const joined = joinSurvey({ sightings: [visit], siteReads: [newerRead] }, own);
    expect(joined.sightings).toEqual([visit]);
    expect(joined.siteReads).toEqual([newerRead]);
  });
});
