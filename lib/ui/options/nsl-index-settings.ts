import { html, LitElement, nothing } from 'lit';
import type { PageClient } from '../../browser/client';
import type { IndexStatus } from '../../browser/messaging';
import { formatFactDate } from '../../format';
import { DEFAULT_SETTINGS, REFRESH_SCHEDULES, type RefreshSchedule, type Settings } from '../../settings';
import { factList, formStyles, pagePanel, theme } from '../theme';
import { type Feedback, feedbackLine, feedbackStyles } from './feedback';
import type { OptionsPage } from './options-page';

/** What "The index" asks of the background and the browser. */
export type IndexSettingsClient = Pick<PageClient, 'refreshIndex' | 'rollbackIndex' | 'requestHost'>;

const SCHEDULE_LABELS: Record<RefreshSchedule, string> = {
  daily: 'Every day',
  weekly: 'Every week',
  monthly: 'Every month',
  never: 'Never',
};

/** Settings, "The index": its status, "Update now", "Roll back", the schedule and the published copy's address. */
export class IndexSettings extends LitElement {
  static override properties = {
    status: { attribute: false },
    settings: { attribute: false },
    client: { attribute: false },
    page: { attribute: false },
    feedback: { attribute: false },
    sourceError: { state: true },
  };
  status?: IndexStatus;
  settings: Settings = DEFAULT_SETTINGS;
  client?: IndexSettingsClient;
  page?: OptionsPage;
  feedback?: Feedback;
  sourceError = '';

  static override styles = [theme, feedbackStyles, formStyles, factList, pagePanel];

  override render() {
    const status = this.status;
    const installed = status?.installed;
    const refresh = status?.refresh;
    return html`<section aria-labelledby="index-heading" data-testid="index-section">
      <h2 id="index-heading">The index</h2>
      <dl>
        <dt>Version</dt>
        <dd data-testid="index-version">${installed ? `${installed.indexVersion} (${installed.origin === 'bundled' ? 'bundled with the extension' : 'refreshed from the published copy'})` : 'Not installed yet'}</dd>
        <dt>Generated</dt>
        <dd>${installed ? formatFactDate(installed.generatedAt.slice(0, 10)) : '–'}</dd>
        <dt>Organisations</dt>
        <dd>${installed?.organisationCount ?? '–'}</dd>
        <dt>Source</dt>
        <dd data-testid="index-source">${status?.source ? status.source : 'No published source is set: the index bundled with the extension is in use.'}</dd>
        <dt>Last check</dt>
        <dd>${refresh?.lastCheck ? new Date(refresh.lastCheck).toLocaleString('en-GB') : 'Never'}</dd>
        <dt>Last update</dt>
        <dd>${refresh?.lastSuccess ? new Date(refresh.lastSuccess).toLocaleString('en-GB') : 'Never'}</dd>
        <dt>Last problem</dt>
        <dd data-testid="index-error">${refresh?.lastError ? `The copy was refused: ${refresh.lastError.reason}. The installed index was kept.` : 'None'}</dd>
      </dl>
      ${
        // Says why before the click, not only after it (issue 30).
        status && !status.source
          ? html`<p class="hint" id="update-hint" data-testid="update-hint">
              “Update now” needs a published copy to check, and none is set: the index bundled with the extension is in use,
              and it is updated with the extension itself. A research group or maintainer can set a copy under “Advanced”.
            </p>`
          : nothing
      }
      <button type="button" aria-describedby=${status && !status.source ? 'update-hint' : nothing} @click=${() => this.updateNow()}>Update now</button>
      <button type="button" class="secondary-button" ?disabled=${!status?.canRollBack} @click=${() => this.rollBack()}>Roll back</button>
      ${feedbackLine(this.feedback, 'update')}
      <div class="field">
        <label for="schedule">Check for a newer index</label>
        <select id="schedule" .value=${this.settings.refreshSchedule} @change=${(e: Event) => this.page?.save({ refreshSchedule: (e.target as HTMLSelectElement).value as RefreshSchedule }, 'schedule')}>
          ${Object.keys(REFRESH_SCHEDULES).map((k) => html`<option value=${k} ?selected=${k === this.settings.refreshSchedule}>${SCHEDULE_LABELS[k as RefreshSchedule]}</option>`)}
        </select>
        ${feedbackLine(this.feedback, 'schedule')}
      </div>
      <details class="advanced" ?open=${this.sourceError !== '' || this.settings.indexSource !== ''}>
        <summary>Advanced: for maintainers and research groups</summary>
        <div class="field">
          <label for="source">Published copy (a folder address)<span class="hint">For example a research group's own mirror. Leave empty to use the default.</span></label>
          <input id="source" type="url" .value=${this.settings.indexSource} aria-describedby=${this.sourceError ? 'source-error' : nothing} />
          ${this.sourceError ? html`<p id="source-error" class="error-text">${this.sourceError}</p>` : nothing}
          <button type="button" class="secondary-button" @click=${() => this.saveSource()}>Save source</button>
          ${feedbackLine(this.feedback, 'source')}
        </div>
      </details>
    </section>`;
  }

  private async updateNow() {
    if (!this.client || !this.page) return;
    this.page.announce('Checking for a newer index…', 'update');
    const outcome = await this.client.refreshIndex();
    this.page.announce(
      outcome.outcome === 'updated'
        ? `Updated to index version ${outcome.indexVersion}.`
        : outcome.outcome === 'not-modified'
          ? 'The index is up to date.'
          : outcome.outcome === 'no-source'
            ? 'No published source is set: the bundled index stays in use.'
            : `Not updated: ${outcome.reason}. The installed index was kept.`,
      'update',
    );
    await this.page.reload();
  }

  private async rollBack() {
    if (!this.client || !this.page) return;
    const result = await this.client.rollbackIndex();
    this.page.announce(
      result.rolledBack
        ? `Rolled back to index version ${result.indexVersion}.`
        : `Not rolled back: ${result.reason ?? 'there is no earlier index to roll back to'}.`,
      'update',
    );
    await this.page.reload();
  }

  private async saveSource() {
    const input = this.shadowRoot?.querySelector<HTMLInputElement>('#source');
    const value = input?.value.trim() ?? '';
    if (value === '') {
      this.sourceError = '';
      await this.page?.save({ indexSource: '' }, 'source');
      return;
    }
    if (!URL.canParse(value) || new URL(value).protocol !== 'https:') {
      this.sourceError = 'Enter an https:// address, such as https://example.org/nhs-social-lens/ (what you typed is kept above).';
      return;
    }
    // Asked for only when the user sets a source, and only for that host (optional host permissions).
    const granted = await this.client?.requestHost(new URL(value).origin);
    if (!granted) {
      this.sourceError = 'The browser did not allow NHS Social Lens to read from that site, so the source was not changed.';
      return;
    }
    this.sourceError = '';
    await this.page?.save({ indexSource: value }, 'source');
  }
}

customElements.define('nsl-index-settings', IndexSettings);
declare global {
  interface HTMLElementTagNameMap {
    'nsl-index-settings': IndexSettings;
  }
}
