import { describe, expect, expectTypeOf, it } from 'vitest';
import { type BackgroundClient, createBackgroundClient, type UiMessageType } from '../../lib/browser/client';
import type { IndexStatus, TabResult } from '../../lib/browser/messaging';

/** A runtime that records what is sent and answers with what the test gives. */
function fakeRuntime(answer: unknown = { ok: true }) {
  const sent: unknown[] = [];
  return {
    sent,
    runtime: {
      sendMessage: async (message: unknown) => {
        sent.push(message);
        return answer;
      },
    },
  };
}

/** Each message, the method the client calls it by, and a request of its shape (`undefined`: no fields). */
const CALLS = {
  'ui-bg-get-index-status': ['getIndexStatus', undefined],
  'ui-bg-refresh-index': ['refreshIndex', undefined],
  'ui-bg-rollback-index': ['rollbackIndex', undefined],
  'ui-bg-get-organisations': ['getOrganisations', undefined],
  'ui-bg-get-tab-result': ['getTabResult', { tabId: 3, url: 'https://www.uclh.nhs.uk/' }],
  'ui-bg-get-organisation': ['getOrganisation', { id: 'RRV' }],
  'ui-bg-save-correction': ['saveCorrection', { record: { id: 'c-1' }, submit: true }],
  'ui-bg-list-corrections': ['listCorrections', undefined],
  'ui-bg-delete-correction': ['deleteCorrection', { id: 'c-1' }],
  'ui-bg-mark-corrections-exported': ['markCorrectionsExported', { ids: ['c-1', 'c-2'] }],
  'ui-bg-record-observed-followers': ['recordObservedFollowers', { organisationId: 'RRV', platform: 'x', handle: 'uclh' }],
  'ui-bg-get-research-log': ['getResearchLog', undefined],
  'ui-bg-clear-research-log': ['clearResearchLog', undefined],
  'ui-bg-delete-all-data': ['deleteAllData', undefined],
  'ui-bg-import-corrections': ['importCorrections', { records: [] }],
  'ui-bg-get-live-figures': [
    'getLiveFigures',
    { account: { platform: 'bluesky', handle: 'uclh.bsky.social', url: 'https://bsky.app/profile/uclh.bsky.social' }, fetch: true },
  ],
  'ui-bg-get-seen-by-you': ['getSeenByYou', undefined],
  'ui-bg-get-survey': ['getSurvey', undefined],
  'ui-bg-start-survey': ['startSurvey', { run: { id: '2026-12-01T10:00:00.000Z' } }],
  'ui-bg-save-survey-result': ['saveSurveyResult', { result: { organisationId: 'RRV' } }],
  'ui-bg-set-survey-status': ['setSurveyStatus', { id: '2026-12-01T10:00:00.000Z', status: 'paused' }],
} satisfies Record<UiMessageType, [keyof BackgroundClient, object | undefined]>;

describe('createBackgroundClient', () => {
  it.each(Object.entries(CALLS))('sends %s from client.%s with its request, and returns the answer', async (type, [method, request]) => {
    const { sent, runtime } = fakeRuntime({ answered: type });
    const client = createBackgroundClient(runtime);
    const call = client[method] as (request?: object) => Promise<unknown>;
    await expect(call(request)).resolves.toEqual({ answered: type });
    expect(sent).toEqual([{ type, payload: request ?? {} }]);
  });

  it('has one method per message extension pages send, and no other', () => {
    const client = createBackgroundClient(fakeRuntime().runtime);
    expect(Object.keys(client).sort()).toEqual(
      Object.values(CALLS)
        .map(([method]) => method)
        .sort(),
    );
  });

  it('passes on a failure to answer, so the page can say what went wrong', async () => {
    const client = createBackgroundClient({ sendMessage: () => Promise.reject(new Error('the background did not answer')) });
    await expect(client.getTabResult({ tabId: 1 })).rejects.toThrow('the background did not answer');
  });

  it('types each request and answer from the message map', () => {
    const client = createBackgroundClient(fakeRuntime().runtime);
    expectTypeOf(client.getIndexStatus).parameters.toEqualTypeOf<[]>();
    expectTypeOf(client.getIndexStatus).returns.resolves.toEqualTypeOf<IndexStatus>();
    expectTypeOf(client.getTabResult).parameters.toEqualTypeOf<[{ tabId: number; url?: string }]>();
    expectTypeOf(client.getTabResult).returns.resolves.toEqualTypeOf<TabResult>();
  });
});
