import { css, html, LitElement, nothing, type PropertyValues } from 'lit';
import type { PageClient } from '../browser/client';
import type { SurveyView } from '../browser/messaging';
import { shareOf } from '../dashboard/aggregate';
import { formatCount, formatFactDate, formatFactTime } from '../format';
import type { Organisation } from '../index/schema';
import { PLATFORM_LABELS } from '../social/platform-labels';
import { discoveredFileName, surveyToDiscoveredLines } from '../survey/export-discovered';
import { runSurvey } from '../survey/run-survey';
import { surveyFigures } from '../survey/survey-figures';
import { type SurveyResult, type SurveyRun, type SurveyStatus, surveyProgress } from '../survey/survey-state';
import { downloadText } from './download';
import { durationInWords, type SurveyStart } from './nsl-survey-chooser';
import { dashboardSection, formStyles, theme } from './theme';
import './nsl-survey-chooser';
import './nsl-survey-results';

/** What the survey asks of the extension: its record in the background, and the reader. */
export type SurveyClient = Pick<PageClient, 'getSurvey' | 'startSurvey' | 'saveSurveyResult' | 'setSurveyStatus' | 'surveyReader'>;

/**
 * Survey the sector (issue 29): choose, see what it will read, start; a progress bar with done,
 * not read and left and the time remaining; pause, resume and cancel; and the results, row by
 * row, with their figures and the export for the maintainers. It runs in this page while it is
 * open (docs/survey.md says why): closing the page pauses it, and opening it again offers to resume.
 *
 * @fires nsl-survey-change - detail: SurveyView, whenever a result is kept or the status changes
 */
export class Survey extends LitElement {
  static override properties = {
    organisations: { attribute: false },
    client: { attribute: false },
    view: { state: true },
    reading: { state: true },
    stopping: { state: true },
    choosing: { state: true },
    problem: { state: true },
  };
  organisations: readonly Organisation[] = [];
  client?: SurveyClient;
  view?: SurveyView;
  /** This page is reading sites now. */
  reading = false;
  /** The user asked to pause or cancel: the reads under way finish first. */
  stopping?: Extract<SurveyStatus, 'paused' | 'cancelled'>;
  /** The chooser is shown over a finished survey ("Start a new survey"). */
  choosing = false;
  problem = '';
  now: () => Date = () => new Date();
  download: (name: string, text: string) => void = (name, text) => downloadText(name, text, 'application/x-ndjson');
  private pace = { started: 0, read: 0 };

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('client')) void this.load();
  }

  private async load() {
    if (this.client === undefined || this.view !== undefined) return;
    try {
      this.setView(await this.client.getSurvey());
    } catch (error) {
      this.problem = error instanceof Error ? error.message : String(error);
    }
  }

  private setView(view: SurveyView) {
    this.view = view;
    this.dispatchEvent(new CustomEvent<SurveyView>('nsl-survey-change', { detail: view, bubbles: true, composed: true }));
  }

  private async start(event: CustomEvent<SurveyStart>) {
    if (this.client === undefined || this.reading) return;
    const { plan, settings } = event.detail;
    const at = this.now().toISOString();
    const run: SurveyRun = {
      id: at,
      startedAt: at,
      chosen: plan.chosen,
      planned: plan.readable.map(({ id, host }) => ({ id, host })),
      unreadable: plan.unreadable.map((u) => u.id),
      settings,
      status: 'running',
      updatedAt: at,
    };
    this.choosing = false;
    this.setView(await this.client.startSurvey({ run }));
    await this.read();
  }

  /** Reads what is left, keeping each result through the background before the next read starts. */
  private async read() {
    const client = this.client;
    const run = this.view?.run;
    if (client === undefined || run === undefined || this.reading) return;
    this.reading = true;
    this.stopping = undefined;
    this.problem = '';
    try {
      const running = (await client.setSurveyStatus({ id: run.id, status: 'running' })).run ?? run;
      const kept = new Map((this.view?.results ?? []).map((r) => [r.organisationId, r]));
      this.pace = { started: this.now().getTime(), read: 0 };
      await runSurvey(running, kept, {
        read: client.surveyReader(running.settings),
        save: async (result: SurveyResult) => {
          const { saved } = await client.saveSurveyResult({ result });
          if (!saved) return;
          kept.set(result.organisationId, result);
          this.pace.read++;
          this.setView({ run: running, results: [...kept.values()] });
        },
        keepGoing: () => this.stopping === undefined,
        now: this.now,
      });
      this.setView(await client.setSurveyStatus({ id: run.id, status: this.stopping ?? 'finished' }));
    } catch (error) {
      this.problem = error instanceof Error ? error.message : String(error);
    } finally {
      this.reading = false;
      this.stopping = undefined;
    }
  }

  private async stop(status: 'paused' | 'cancelled') {
    const run = this.view?.run;
    if (this.reading) {
      this.stopping = status;
      return;
    }
    if (run && this.client) this.setView(await this.client.setSurveyStatus({ id: run.id, status }));
  }

  static override styles = [
    theme,
    dashboardSection,
    formStyles,
    css`
      progress {
        width: 100%;
        height: 24px;
        accent-color: var(--nsl-blue);
      }
      .figures {
        display: flex;
        flex-wrap: wrap;
        gap: 8px 24px;
        margin: 8px 0;
        padding: 0;
        list-style: none;
        font-size: 17px;
      }
      .offer {
        border-left: 8px solid var(--nsl-warm-yellow);
        padding: 4px 16px;
        background: var(--nsl-grey-5);
      }
    `,
  ];

  override render() {
    return html`<section aria-labelledby="survey-heading" data-testid="survey">
      <h2 id="survey-heading">Your survey</h2>
      <p>
        Reads each chosen organisation's own website from your browser and counts what it links to, as the 2014 report
        "On the brink of SoMething special?" did by hand. Every account found keeps the page that links it and the time.
      </p>
      ${this.problem ? html`<p role="alert" class="error-text">The survey stopped: ${this.problem}</p>` : nothing} ${this.body()}
    </section>`;
  }

  private body() {
    const view = this.view;
    if (view === undefined) return html`<p>Loading your survey…</p>`;
    const run = view.run;
    const open = run !== undefined && (run.status === 'running' || run.status === 'paused');
    if (run === undefined || this.choosing || (!open && !this.reading && view.results.length === 0 && run.unreadable.length === 0))
      return this.chooser(run !== undefined);
    return html`${this.state(run, view.results)}
      ${this.answer(run, view.results)}
      <nsl-survey-results .run=${run} .results=${view.results} .organisations=${this.organisations}></nsl-survey-results>`;
  }

  private chooser(replaces: boolean) {
    return html`${replaces ? html`<p class="hint">Starting a new survey replaces your last one (export it first to keep it).</p>` : nothing}
      <nsl-survey-chooser .organisations=${this.organisations} @nsl-survey-start=${this.start}></nsl-survey-chooser>`;
  }

  private state(run: SurveyRun, results: readonly SurveyResult[]) {
    const byId = new Map(results.map((r) => [r.organisationId, r]));
    const elapsedMs = this.now().getTime() - this.pace.started;
    const p = surveyProgress(run, byId, this.reading ? { read: this.pace.read, elapsedMs } : undefined);
    const started = formatFactTime(run.startedAt);
    const progress = html`<progress max=${p.total} .value=${p.total - p.left} aria-label="Organisations surveyed"></progress>
      <ul class="figures" data-testid="survey-progress" aria-live="polite">
        <li><strong data-figure="done">${formatCount(p.done)}</strong> read</li>
        <li><strong data-figure="failed">${formatCount(p.failed)}</strong> not read</li>
        <li><strong data-figure="left">${formatCount(p.left)}</strong> left</li>
        ${p.left > 0 ? html`<li data-figure="remaining">${durationInWords(p.remainingMs)} to go</li>` : nothing}
      </ul>`;
    if (this.reading)
      return html`<p data-testid="survey-status">${run.chosen}, started ${started}: ${
        this.stopping ? `${this.stopping === 'paused' ? 'pausing' : 'cancelling'} once the sites being read are done…` : 'reading…'
      }</p>
        ${progress}
        <button type="button" class="secondary-button" ?disabled=${this.stopping !== undefined} @click=${() => this.stop('paused')}>Pause</button>
        <button type="button" class="warning-button" ?disabled=${this.stopping !== undefined} @click=${() => this.stop('cancelled')}>Cancel</button>`;
    if (run.status === 'running' || run.status === 'paused')
      return html`<div class="offer" data-testid="survey-resume">
          <p>
            <strong>Your survey is paused</strong> (${run.chosen}, started ${started}${
              run.status === 'running' ? ', stopped when the dashboard closed' : ''
            }). Everything read so far is kept; nothing is read twice.
          </p>
        </div>
        ${progress}
        <button type="button" @click=${() => this.read()}>Resume</button>
        <button type="button" class="warning-button" @click=${() => this.stop('cancelled')}>Cancel the survey</button>`;
    return html`<p data-testid="survey-status">
        ${run.chosen}, started ${started}: ${run.status === 'cancelled' ? 'cancelled; what was read is kept.' : 'finished.'}
      </p>
      ${progress}
      <button type="button" class="secondary-button" @click=${() => {
        this.choosing = true;
      }}>Start a new survey</button>`;
  }

  /** The 2014-style figures of the survey so far, and its export for the maintainers. */
  private answer(run: SurveyRun, results: readonly SurveyResult[]) {
    const f = surveyFigures(run, results, this.organisations.length);
    if (f.surveyed === 0) return nothing;
    const share = (n: number) => shareOf(n, f.surveyed);
    const byId = new Map(results.map((r) => [r.organisationId, r]));
    return html`<h3>Your survey's answer</h3>
      <ul data-testid="survey-answer">
        <li>Surveyed ${formatCount(f.surveyed)} of ${formatCount(f.of)} organisations on ${formatFactDate(f.on)}</li>
        <li>${share(f.linkAny)} (${formatCount(f.linkAny)}) link at least one account from their own website</li>
        <li>${share(f.readNone)} (${formatCount(f.readNone)}) were read and link none (about their websites, not proof of no social media)</li>
        <li>${share(f.notRead)} (${formatCount(f.notRead)}) were not read: not known</li>
        ${f.perPlatform.map((p) => html`<li>${PLATFORM_LABELS[p.platform]}: ${share(p.organisations)} (${formatCount(p.organisations)})</li>`)}
      </ul>
      <button type="button" class="secondary-button" @click=${() => this.download(discoveredFileName(run), surveyToDiscoveredLines(run, byId))}>
        Download for the maintainers (accounts discover lines)
      </button>`;
  }
}

customElements.define('nsl-survey', Survey);
declare global {
  interface HTMLElementTagNameMap {
    'nsl-survey': Survey;
  }
}
