import { css, html, LitElement, nothing } from 'lit';
import type { IndexStatus } from '../browser/messaging';
import type { RefreshOutcome } from '../browser/refresh';
import { PLATFORMS } from '../index/schema';
import { DEFAULT_SETTINGS, REFRESH_SCHEDULES, type RefreshSchedule, type Settings } from '../settings';
import { PLATFORM_LABELS } from '../social/platform-labels';
import { formatFactDate } from './format';
import { formStyles, pageLayout, theme } from './theme';

export interface OptionsActions {
  status(): Promise<IndexStatus>;
  refresh(): Promise<RefreshOutcome>;
  rollBack(): Promise<{ rolledBack: boolean; indexVersion?: number }>;
  readSettings(): Promise<Settings>;
  saveSettings(settings: Settings): Promise<void>;
  requestHost(origin: string): Promise<boolean>;
}

const SCHEDULE_LABELS: Record<RefreshSchedule, string> = {
  daily: 'Every day',
  weekly: 'Every week',
  monthly: 'Every month',
  never: 'Never',
};

/** The settings page: what is shown, the index (status, source, schedule, update, roll back) and privacy. */
export class Options extends LitElement {
  static override properties = {
    status: { state: true },
    settings: { state: true },
    message: { state: true },
    sourceError: { state: true },
    extensionVersion: { attribute: false },
  };
  status?: IndexStatus;
  settings: Settings = DEFAULT_SETTINGS;
  /** The result of the last action, announced politely. */
  message = '';
  sourceError = '';
  extensionVersion = '';
  private act?: OptionsActions;

  set actions(actions: OptionsActions) {
    this.act = actions;
    void this.reload();
  }

  private async reload() {
    if (!this.act) return;
    [this.status, this.settings] = await Promise.all([this.act.status(), this.act.readSettings()]);
  }

  private async save(change: Partial<Settings>) {
    this.settings = { ...this.settings, ...change };
    await this.act?.saveSettings(this.settings);
    this.message = 'Settings saved.';
  }

  static override styles = [
    theme,
    pageLayout,
    formStyles,
    css`
      :host {
        --nsl-page-width: 720px;
      }
      section {
        background: var(--nsl-white);
        border: 1px solid var(--nsl-border);
        padding: 8px 24px 16px;
        margin-bottom: 16px;
      }
      h1 {
        font-size: 28px;
        margin: 8px 0;
      }
      h2 {
        font-size: 20px;
      }
      dl {
        display: grid;
        grid-template-columns: max-content 1fr;
        gap: 4px 16px;
      }
      dt {
        font-weight: 600;
      }
      dd {
        margin: 0;
        overflow-wrap: anywhere;
      }
      fieldset {
        border: 0;
        padding: 0;
        margin: 12px 0;
      }
      legend {
        font-weight: 600;
      }
      .checks label {
        font-weight: 400;
        margin-right: 16px;
        white-space: nowrap;
      }
    `,
  ];

  override render() {
    return html`<header>NHS Social Lens</header>
      <main>
        <h1>Settings</h1>
        <p role="status" aria-live="polite" data-testid="message">${this.message}</p>
        ${this.shown()} ${this.index()} ${this.privacy()}
        <p class="secondary">NHS Social Lens ${this.extensionVersion}. An independent tool, not affiliated with the NHS.</p>
      </main>`;
  }

  private shown() {
    const s = this.settings;
    return html`<section aria-labelledby="shown-heading">
      <h2 id="shown-heading">What is shown</h2>
      <div class="field">
        <input id="badge" type="checkbox" .checked=${s.showBadge} @change=${(e: Event) => this.save({ showBadge: (e.target as HTMLInputElement).checked })} />
        <label for="badge">Show the toolbar badge on recognised pages</label>
      </div>
      <div class="field">
        <input id="flag" type="checkbox" .checked=${s.showInPageFlag} @change=${(e: Event) => this.save({ showInPageFlag: (e.target as HTMLInputElement).checked })} />
        <label for="flag">Show a small label on the organisation's own pages</label>
      </div>
      <fieldset class="checks">
        <legend>Platforms that count towards the adoption level</legend>
        ${PLATFORMS.map(
          (p) => html`<label
            ><input
              type="checkbox"
              .checked=${s.countedPlatforms.includes(p)}
              @change=${(e: Event) =>
                this.save({
                  countedPlatforms: (e.target as HTMLInputElement).checked
                    ? [...s.countedPlatforms, p]
                    : s.countedPlatforms.filter((x) => x !== p),
                })}
            />
            ${PLATFORM_LABELS[p]}</label
          >`,
        )}
      </fieldset>
      <div class="field">
        <label for="stale">Warn when the index is older than (days)</label>
        <input id="stale" type="number" min="1" max="3650" .value=${String(s.staleAfterDays)} @change=${(e: Event) => {
          const days = Number((e.target as HTMLInputElement).value);
          if (Number.isInteger(days) && days >= 1) void this.save({ staleAfterDays: days });
        }} />
      </div>
    </section>`;
  }

  private index() {
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
      <button type="button" @click=${() => this.updateNow()}>Update now</button>
      <button type="button" class="secondary-button" ?disabled=${!status?.canRollBack} @click=${() => this.rollBack()}>Roll back</button>
      <div class="field">
        <label for="schedule">Check for a newer index</label>
        <select id="schedule" .value=${this.settings.refreshSchedule} @change=${(e: Event) => this.save({ refreshSchedule: (e.target as HTMLSelectElement).value as RefreshSchedule })}>
          ${Object.keys(REFRESH_SCHEDULES).map((k) => html`<option value=${k} ?selected=${k === this.settings.refreshSchedule}>${SCHEDULE_LABELS[k as RefreshSchedule]}</option>`)}
        </select>
      </div>
      <div class="field">
        <label for="source">Published copy (a folder address)<span class="hint">For example a research group's own mirror. Leave empty to use the default.</span></label>
        <input id="source" type="url" .value=${this.settings.indexSource} aria-describedby=${this.sourceError ? 'source-error' : nothing} />
        ${this.sourceError ? html`<p id="source-error" class="error-text">${this.sourceError}</p>` : nothing}
        <button type="button" class="secondary-button" @click=${() => this.saveSource()}>Save source</button>
      </div>
    </section>`;
  }

  private privacy() {
    return html`<section aria-labelledby="privacy-heading">
      <h2 id="privacy-heading">Privacy</h2>
      <p>
        Everything NHS Social Lens stores stays in this browser: the index, these settings, the result for each open tab (forgotten when the
        tab closes) and the social profiles that organisations' own pages linked to. Nothing about your browsing leaves the browser. The only
        thing it downloads is the index, from the source above.
      </p>
    </section>`;
  }

  private async updateNow() {
    if (!this.act) return;
    this.message = 'Checking for a newer index…';
    const outcome = await this.act.refresh();
    this.message =
      outcome.outcome === 'updated'
        ? `Updated to index version ${outcome.indexVersion}.`
        : outcome.outcome === 'not-modified'
          ? 'The index is up to date.'
          : outcome.outcome === 'no-source'
            ? 'No published source is set: the bundled index stays in use.'
            : `Not updated: ${outcome.reason}. The installed index was kept.`;
    await this.reload();
  }

  private async rollBack() {
    const result = await this.act?.rollBack();
    this.message = result?.rolledBack
      ? `Rolled back to index version ${result.indexVersion}.`
      : 'There is no earlier index to roll back to.';
    await this.reload();
  }

  private async saveSource() {
    const input = this.shadowRoot?.querySelector<HTMLInputElement>('#source');
    const value = input?.value.trim() ?? '';
    if (value === '') {
      this.sourceError = '';
      await this.save({ indexSource: '' });
      return;
    }
    if (!URL.canParse(value) || new URL(value).protocol !== 'https:') {
      this.sourceError = 'Enter an https:// address, such as https://example.org/nhs-social-lens/ (what you typed is kept above).';
      return;
    }
    const granted = await this.act?.requestHost(new URL(value).origin);
    if (!granted) {
      this.sourceError = 'The browser did not allow NHS Social Lens to read from that site, so the source was not changed.';
      return;
    }
    this.sourceError = '';
    await this.save({ indexSource: value });
  }
}

customElements.define('nsl-options', Options);
declare global {
  interface HTMLElementTagNameMap {
    'nsl-options': Options;
  }
}
