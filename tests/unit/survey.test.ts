import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { surveyReadSite } from '../../lib/browser/survey-reader';
import type { NhsIndex } from '../../lib/index/schema';
import { validateIndex } from '../../lib/index/validate';
import { discoveredFileName, surveyToDiscoveredLines } from '../../lib/survey/export-discovered';
import { pastedCodes, surveyPlan } from '../../lib/survey/plan';
import { runSurvey } from '../../lib/survey/run-survey';
import { createHostSlots, runPool } from '../../lib/survey/scheduler';
import {
  DEFAULT_SURVEY_SETTINGS,
  estimateSurveyMs,
  type SurveyResult,
  type SurveyRun,
  surveyProgress,
} from '../../lib/survey/survey-state';
import { makeOrganisation } from '../support/index-factory';
import { nsl } from '../support/nsl-cli';
import { fakeClock, fakeSiteFetch, homeLinking } from '../support/survey-sites';

const domain = (host: string) => [{ host, source: 'test-source', checked: '2026-08-01' }];
const orgs = [
  makeOrganisation({ id: 'RJ1', name: 'Guy’s and St Thomas’', domains: domain('guysandstthomas.nhs.uk') }),
  makeOrganisation({
    id: '7A1',
    name: 'Betsi Cadwaladr',
    country: 'Wales',
    region: 'Wales',
    kind: 'health-board',
    domains: domain('bcuhb.nhs.wales'),
  }),
  makeOrganisation({ id: 'K0N6A', name: 'A body with no website', kind: 'national-body', domains: [] }),
];

describe('surveyPlan', () => {
  it('chooses all, says which it cannot read and why, and how long the rest takes', () => {
    const plan = surveyPlan(orgs, { by: 'all' }, DEFAULT_SURVEY_SETTINGS);
    expect(plan.readable.map((r) => [r.id, r.host])).toEqual([
      ['RJ1', 'guysandstthomas.nhs.uk'],
      ['7A1', 'bcuhb.nhs.wales'],
    ]);
    expect(plan.unreadable).toEqual([{ id: 'K0N6A', name: 'A body with no website', reason: 'no website known' }]);
    expect(plan.estimateMs).toBe(3000);
    expect(plan.chosen).toBe('All organisations');
  });

  it('chooses by the dashboard’s filters', () => {
    const plan = surveyPlan(orgs, { by: 'filter', filter: { country: 'Wales' } }, DEFAULT_SURVEY_SETTINGS);
    expect(plan.readable.map((r) => r.id)).toEqual(['7A1']);
    expect(plan.chosen).toBe('Organisations with country Wales');
  });

  it('chooses pasted codes, ignoring case and separators, and lists the unknown ones as typed', () => {
    expect(pastedCodes('rj1, 7A1\nK0N6A;XYZ rj1')).toEqual(['rj1', '7A1', 'K0N6A', 'XYZ']);
    const plan = surveyPlan(orgs, { by: 'codes', text: 'rj1, K0N6A XYZ' }, DEFAULT_SURVEY_SETTINGS);
    expect(plan.readable.map((r) => r.id)).toEqual(['RJ1']);
    expect(plan.unreadable.map((r) => r.id)).toEqual(['K0N6A']);
    expect(plan.unknownCodes).toEqual(['XYZ']);
  });

  it('estimates by the politeness settings', () => {
    expect(estimateSurveyMs(8, { hostIntervalMs: 1000, hostsAtOnce: 4 })).toBe(6000);
    expect(estimateSurveyMs(8, { hostIntervalMs: 2000, hostsAtOnce: 1 })).toBe(48_000);
  });
});

describe('the scheduler', () => {
  it('spaces requests to one host by the interval, and leaves other hosts alone', async () => {
    const clock = fakeClock();
    const slots = createHostSlots(clock, 1000);
    const times: [string, number][] = [];
    const go = async (host: string) => {
      await slots.slot(host);
      times.push([host, clock.now()]);
    };
    await go('a');
    await go('b');
    await go('a');
    await go('a');
    expect(times).toEqual([
      ['a', 0],
      ['b', 0],
      ['a', 1000],
      ['a', 2000],
    ]);
  });

  it('works on at most `atOnce` items at a time', async () => {
    let running = 0;
    let most = 0;
    await runPool(
      Array.from({ length: 10 }, (_, i) => i),
      4,
      async () => {
        running++;
        most = Math.max(most, running);
        await new Promise((r) => setTimeout(r, 1));
        running--;
      },
      () => true,
    );
    expect(most).toBe(4);
  });
});

function makeRun(hosts: string[], overrides: Partial<SurveyRun> = {}): SurveyRun {
  return {
    id: '2026-12-01T10:00:00.000Z',
    startedAt: '2026-12-01T10:00:00.000Z',
    chosen: 'All organisations',
    planned: hosts.map((host, i) => ({ id: `ORG${i}`, host })),
    unreadable: [],
    settings: DEFAULT_SURVEY_SETTINGS,
    status: 'running',
    updatedAt: '2026-12-01T10:00:00.000Z',
    ...overrides,
  };
}

describe('runSurvey', () => {
  const now = () => new Date('2026-12-01T10:05:00.000Z');

  it('keeps each result as it comes, and a pause then a resume reads every organisation exactly once', async () => {
    const run = makeRun(['a.nhs.uk', 'b.nhs.uk', 'c.nhs.uk', 'd.nhs.uk', 'e.nhs.uk']);
    const kept = new Map<string, SurveyResult>();
    const reads: string[] = [];
    let stop = false;
    const deps = {
      read: async (host: string) => {
        reads.push(host);
        if (host === 'b.nhs.uk') stop = true; // the user pauses while b is read
        return { kind: 'none' as const, pages: [`https://${host}/`] };
      },
      save: async (r: SurveyResult) => {
        kept.set(r.organisationId, r);
      },
      keepGoing: () => !stop,
      now,
    };
    await runSurvey({ ...run, settings: { ...run.settings, hostsAtOnce: 1 } }, kept, deps);
    expect([...kept.keys()]).toEqual(['ORG0', 'ORG1']);
    stop = false;
    deps.read = async (host) => {
      reads.push(host);
      return { kind: 'none', pages: [] };
    };
    await runSurvey(run, new Map(kept), deps);
    expect(reads.sort()).toEqual(['a.nhs.uk', 'b.nhs.uk', 'c.nhs.uk', 'd.nhs.uk', 'e.nhs.uk']);
    expect(kept.size).toBe(5);
  });

  it('turns a reader that throws into one organisation not read, and goes on', async () => {
    const kept = new Map<string, SurveyResult>();
    await runSurvey(makeRun(['a.nhs.uk', 'b.nhs.uk']), new Map(), {
      read: async (host) => {
        if (host === 'a.nhs.uk') throw new Error('boom');
        return { kind: 'none', pages: [] };
      },
      save: async (r) => {
        kept.set(r.organisationId, r);
      },
      keepGoing: () => true,
      now,
    });
    expect(kept.get('ORG0')?.outcome).toEqual({ kind: 'not-read', reason: 'could not be read (boom)' });
    expect(kept.get('ORG1')?.outcome.kind).toBe('none');
  });
});

describe('surveyProgress', () => {
  it('counts done, failed (no website known included) and left, and the time left at the pace so far', () => {
    const run = makeRun(['a', 'b', 'c', 'd'], { unreadable: ['X'] });
    const result = (id: string, outcome: SurveyResult['outcome']): [string, SurveyResult] => [
      id,
      { surveyId: run.id, organisationId: id, host: '', at: run.startedAt, outcome },
    ];
    const results = new Map([result('ORG0', { kind: 'none', pages: [] }), result('ORG1', { kind: 'not-read', reason: 'timed out' })]);
    expect(surveyProgress(run, results, { read: 2, elapsedMs: 10_000 })).toEqual({
      total: 5,
      done: 1,
      failed: 2,
      left: 2,
      remainingMs: 10_000,
    });
    expect(surveyProgress(run, new Map()).remainingMs).toBe(estimateSurveyMs(4, run.settings));
  });
});

describe('the survey’s export', () => {
  it('is taken unchanged by `nsl index build --collected`, and the new index holds the accounts with their pages and date', async () => {
    // Three organisations of the bundled index, surveyed against fake sites.
    const index = JSON.parse(readFileSync('assets/index.json', 'utf8')) as NhsIndex;
    const [first, second] = index.organisations.filter((o) => o.domains.length > 0 && o.accounts.length === 0);
    const bare = index.organisations.find((o) => o.domains.length === 0);
    if (first === undefined || second === undefined || bare === undefined) throw new Error('fixture index changed');
    const host1 = first.domains[0]?.host ?? '';
    const host2 = second.domains[0]?.host ?? '';
    const plan = surveyPlan(index.organisations, { by: 'codes', text: `${first.id} ${second.id} ${bare.id}` }, DEFAULT_SURVEY_SETTINGS);
    const run = makeRun([], {
      planned: plan.readable.map(({ id, host }) => ({ id, host })),
      unreadable: plan.unreadable.map((u) => u.id),
    });
    const clock = fakeClock();
    const fake = fakeSiteFetch(
      {
        [`https://${host1}/`]: { body: homeLinking(['/get-involved/social-media', 'Social media']) },
        [`https://${host1}/get-involved/social-media`]: { body: homeLinking(['https://bsky.app/profile/surveyed.bsky.social', 'Bluesky']) },
        [`https://${host2}/`]: { body: homeLinking(['/news', 'News']) },
      },
      clock.now,
    );
    const slots = createHostSlots(clock, 1000);
    const kept = new Map<string, SurveyResult>();
    await runSurvey(run, kept, {
      read: (host) =>
        surveyReadSite({ fetch: fake.fetch, hasHost: async () => true, slot: slots.slot, timeoutMs: 5000, maxBytes: 100_000 }, host),
      save: async (r) => {
        kept.set(r.organisationId, r);
      },
      keepGoing: () => true,
      now: () => new Date('2026-12-01T10:05:00.000Z'),
    });

    const dir = mkdtempSync(join(tmpdir(), 'nsl-survey-'));
    mkdirSync(join(dir, 'discovered'));
    writeFileSync(join(dir, 'discovered', discoveredFileName(run)), surveyToDiscoveredLines(run, kept));
    const result = nsl(['index', 'build', '--collected', dir, '--out', join(dir, 'index.json')]);
    expect(result.stderr).not.toMatch(/discovered\/.*not a known line/);
    expect(result.code).toBe(0);
    const built = JSON.parse(readFileSync(join(dir, 'index.json'), 'utf8')) as NhsIndex;
    expect(validateIndex(built).ok).toBe(true);
    const source = 'discovery-2026-12-01-your-survey';
    expect(built.sources.find((s) => s.id === source)?.date).toBe('2026-12-01');
    const org1 = built.organisations.find((o) => o.id === first.id);
    expect(org1?.accounts).toContainEqual(
      expect.objectContaining({
        platform: 'bluesky',
        handle: 'surveyed.bsky.social',
        verification: 'official',
        source,
        checked: '2026-12-01',
        note: `linked from https://${host1}/get-involved/social-media`,
      }),
    );
    const org2 = built.organisations.find((o) => o.id === second.id);
    expect(org2?.platformChecks.filter((c) => c.source === source).map((c) => c.result)).toEqual(expect.arrayContaining(['no-account']));
    expect(org2?.accounts.some((a) => a.source === source)).toBe(false);
  }, 60_000);
});
