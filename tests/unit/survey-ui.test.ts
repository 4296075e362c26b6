import { afterEach, describe, expect, it } from 'vitest';
import type { SurveyView } from '../../lib/browser/messaging';
import { DEFAULT_SURVEY_SETTINGS, type SurveyOutcome, type SurveyResult, type SurveyRun } from '../../lib/survey/survey-state';
import '../../lib/ui/nsl-survey';
import type { SurveyChooser } from '../../lib/ui/nsl-survey-chooser';
import { makeOrganisation } from '../support/index-factory';
import { mockClient } from '../support/mock-client';

afterEach(() => {
  document.body.innerHTML = '';
});

const domain = (host: string) => [{ host, source: 'test-source', checked: '2026-08-01' }];
const ORGS = [
  makeOrganisation({ id: 'RJ1', name: 'Guy’s and St Thomas’', domains: domain('gstt.nhs.uk') }),
  makeOrganisation({ id: 'RRV', name: '<img src=x onerror=alert(1)> Trust', domains: domain('uclh.nhs.uk') }),
  makeOrganisation({ id: 'K0N6A', name: 'No Website Body', kind: 'national-body', domains: [] }),
];

/** A background that keeps the survey in memory, as the real handlers do (one result per organisation). */
function memoryBackground(reader: (host: string) => Promise<SurveyOutcome>) {
  let view: SurveyView = { results: [] };
  const saved: SurveyResult[] = [];
  const client = mockClient({
    getSurvey: async () => view,
    startSurvey: async ({ run }) => {
      view = { run, results: [] };
      return view;
    },
    saveSurveyResult: async ({ result }) => {
      if (view.results.some((r) => r.organisationId === result.organisationId)) return { saved: false };
      saved.push(result);
      view = { ...view, results: [...view.results, result] };
      return { saved: true };
    },
    setSurveyStatus: async ({ id, status }) => {
      if (view.run?.id === id) view = { ...view, run: { ...view.run, status } };
      return view;
    },
    surveyReader: () => reader,
  });
  return { client, saved, view: () => view };
}

async function mount(client: ReturnType<typeof memoryBackground>['client']) {
  const element = document.createElement('nsl-survey');
  element.organisations = ORGS;
  element.now = () => new Date('2026-12-01T10:00:00.000Z');
  element.client = client;
  document.body.append(element);
  await new Promise((r) => setTimeout(r, 0));
  await element.updateComplete;
  return element;
}
const text = (root: ShadowRoot | null | undefined, selector: string) =>
  root?.querySelector(selector)?.textContent?.replace(/\s+/g, ' ').trim();

describe('nsl-survey', () => {
  it('says before starting what it will read, what it cannot and why; then reads and shows each row, names as text', async () => {
    const bg = memoryBackground(async (host) =>
      host === 'gstt.nhs.uk'
        ? {
            kind: 'found',
            pages: ['https://gstt.nhs.uk/'],
            accounts: [{ platform: 'x', handle: 'GSTTnhs', url: 'https://x.com/GSTTnhs', via: 'link', pageUrl: 'https://gstt.nhs.uk/' }],
          }
        : { kind: 'none', pages: ['https://uclh.nhs.uk/'] },
    );
    const element = await mount(bg.client);
    const chooser = element.shadowRoot?.querySelector('nsl-survey-chooser') as SurveyChooser;
    await chooser.updateComplete;
    expect(text(chooser.shadowRoot, '[data-testid="survey-plan"]')).toContain('It will read 2 websites');
    expect(text(chooser.shadowRoot, '[data-testid="survey-plan"] details summary')).toBe('It cannot read 1: no website known');
    chooser.shadowRoot?.querySelector<HTMLButtonElement>('button')?.click();
    for (let i = 0; i < 20 && bg.view().run?.status !== 'finished'; i++) await new Promise((r) => setTimeout(r, 5));
    await element.updateComplete;
    const results = element.shadowRoot?.querySelector('nsl-survey-results');
    await results?.updateComplete;
    const rows = [...(results?.shadowRoot?.querySelectorAll('tbody tr') ?? [])].map((tr) => [
      tr.getAttribute('data-code'),
      tr.children[2]?.textContent?.replace(/\s+/g, ' ').trim(),
    ]);
    expect(rows).toEqual([
      ['RJ1', 'X (Twitter): GSTTnhs linked from /'],
      ['RRV', 'Read, links no account (its home page)'],
      ['K0N6A', 'Not read: no website known'],
    ]);
    expect(results?.shadowRoot?.querySelector('img')).toBeNull();
    expect(text(element.shadowRoot, '[data-testid="survey-status"]')).toContain('finished');
  });

  it('offers to resume a survey the dashboard was closed on, and reads only what is left', async () => {
    const run: SurveyRun = {
      id: '2026-11-30T10:00:00.000Z',
      startedAt: '2026-11-30T10:00:00.000Z',
      chosen: 'All organisations',
      planned: [
        { id: 'RJ1', host: 'gstt.nhs.uk' },
        { id: 'RRV', host: 'uclh.nhs.uk' },
      ],
      unreadable: [],
      settings: DEFAULT_SURVEY_SETTINGS,
      status: 'running',
      updatedAt: '2026-11-30T10:01:00.000Z',
    };
    const reads: string[] = [];
    const bg = memoryBackground(async (host) => {
      reads.push(host);
      return { kind: 'none', pages: [] };
    });
    await bg.client.startSurvey({ run });
    await bg.client.saveSurveyResult({
      result: { surveyId: run.id, organisationId: 'RJ1', host: 'gstt.nhs.uk', at: run.updatedAt, outcome: { kind: 'none', pages: [] } },
    });
    const element = await mount(bg.client);
    expect(text(element.shadowRoot, '[data-testid="survey-resume"]')).toContain('stopped when the dashboard closed');
    expect(text(element.shadowRoot, '[data-figure="left"]')).toBe('1');
    [...(element.shadowRoot?.querySelectorAll('button') ?? [])].find((b) => b.textContent?.trim() === 'Resume')?.click();
    for (let i = 0; i < 20 && bg.view().run?.status !== 'finished'; i++) await new Promise((r) => setTimeout(r, 5));
    expect(reads).toEqual(['uclh.nhs.uk']);
    expect(bg.view().results.map((r) => r.organisationId)).toEqual(['RJ1', 'RRV']);
  });
});
