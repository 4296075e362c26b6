import { describe, expect, it } from 'vitest';
import { openIndexDb } from '../../../lib/browser/db';
import { DEFAULT_SURVEY_SETTINGS, type SurveyResult, type SurveyRun } from '../../../lib/survey/survey-state';
import { FROM_PAGE, service, useFreshDatabase } from './support';

useFreshDatabase();

const run = (id: string): SurveyRun => ({
  id,
  startedAt: id,
  chosen: 'All organisations',
  planned: [
    { id: 'RRV', host: 'uclh.nhs.uk' },
    { id: 'RJ1', host: 'guysandstthomas.nhs.uk' },
  ],
  unreadable: ['K0N6A'],
  settings: DEFAULT_SURVEY_SETTINGS,
  status: 'running',
  updatedAt: id,
});
const result = (surveyId: string, organisationId: string, at = '2026-12-01T10:01:00.000Z'): SurveyResult => ({
  surveyId,
  organisationId,
  host: 'uclh.nhs.uk',
  at,
  outcome: { kind: 'none', pages: ['https://uclh.nhs.uk/'] },
});

describe('the survey’s handlers (issue 29)', () => {
  it('keep the survey and each result once, and hand them back after the worker (and the page) are gone', async () => {
    const first = '2026-12-01T10:00:00.000Z';
    const { svc } = service();
    expect(await svc.handlers['ui-bg-get-survey']({}, FROM_PAGE)).toEqual({ results: [] });
    await svc.handlers['ui-bg-start-survey']({ run: run(first) }, FROM_PAGE);
    expect(await svc.handlers['ui-bg-save-survey-result']({ result: result(first, 'RRV') }, FROM_PAGE)).toEqual({ saved: true });
    // The same organisation again (a page reopened mid-read) is refused: the first result stands.
    expect(await svc.handlers['ui-bg-save-survey-result']({ result: result(first, 'RRV', '2026-12-01T11:00:00.000Z') }, FROM_PAGE)).toEqual(
      {
        saved: false,
      },
    );
    // Another survey's result, or an organisation not planned, is refused too.
    expect((await svc.handlers['ui-bg-save-survey-result']({ result: result('other', 'RJ1') }, FROM_PAGE)).saved).toBe(false);
    expect((await svc.handlers['ui-bg-save-survey-result']({ result: result(first, 'XYZ') }, FROM_PAGE)).saved).toBe(false);
    await svc.handlers['ui-bg-set-survey-status']({ id: first, status: 'paused' }, FROM_PAGE);

    const restarted = service().svc; // a new service worker: only IndexedDB remains
    const view = await restarted.handlers['ui-bg-get-survey']({}, FROM_PAGE);
    expect(view.run?.status).toBe('paused');
    expect(view.results.map((r) => [r.organisationId, r.at])).toEqual([['RRV', '2026-12-01T10:01:00.000Z']]);

    // A new survey replaces the old one and its results.
    const second = '2026-12-02T10:00:00.000Z';
    expect(await restarted.handlers['ui-bg-start-survey']({ run: run(second) }, FROM_PAGE)).toEqual({ run: run(second), results: [] });
  });

  it('is deleted with "Delete all my data"', async () => {
    const first = '2026-12-01T10:00:00.000Z';
    const { svc } = service();
    await svc.handlers['ui-bg-start-survey']({ run: run(first) }, FROM_PAGE);
    await svc.handlers['ui-bg-save-survey-result']({ result: result(first, 'RRV') }, FROM_PAGE);
    await svc.handlers['ui-bg-delete-all-data']({}, FROM_PAGE);
    expect(await svc.handlers['ui-bg-get-survey']({}, FROM_PAGE)).toEqual({ results: [] });
    const db = await openIndexDb();
    expect(await db.count('surveyResults')).toBe(0);
    db.close();
  });
});
