import { css, html, LitElement, nothing } from 'lit';
import type { IndexStatus } from '../browser/messaging';
import type { StoredCorrection } from '../corrections/stored-correction';
import { formatFactDate } from '../format';
import { isSharedZone } from '../index/host-rules';
import { HOST_PATTERN } from '../index/schema';
import type { RefreshOutcome } from '../refresh/refresh-outcome';
import { DEFAULT_SETTINGS, REFRESH_SCHEDULES, type RefreshSchedule, type Settings, siteKey, withSiteDisabled } from '../settings';
import { PLATFORM_LABELS } from '../social/platform-labels';
import { PLATFORMS } from '../social/platforms';
import { describeImport, exportUserData, MAX_USER_DATA_BYTES, parseUserData, type UserData } from '../user-data';
import { factList, formStyles, pageLayout, theme } from './theme';

export interface OptionsActions {
  status(): Promise<IndexStatus>;
  refresh(): Promise<RefreshOutcome>;
  rollBack(): Promise<{ rolledBack: boolean; indexVersion?: number; reason?: string }>;
  readSettings(): Promise<Settings>;
  saveSettings(settings: Settings): Promise<void>;
  requestHost(origin: string): Promise<boolean>;
  listCorrections(): Promise<StoredCorrection[]>;
  importCorrections(records: StoredCorrection[]): Promise<number>;
  /** Empties the user's stores (sightings, corrections, research log) and resets the settings. */
  deleteAllData(): Promise<void>;
  download(fileName: string, text: string): void;
  now(): Date;
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
    repositoryError: { state: true },
    siteError: { state: true },
    importError: { state: true },
    pendingImport: { state: true },
    confirmingDelete: { state: true },
    extensionVersion: { attribute: false },
  };
  repositoryError = '';
  siteError = '';
  importError = '';
  /** A checked import file, waiting for the user to confirm: nothing is replaced before that. */
  pendingImport?: { data: UserData; summary: string[] };
  confirmingDelete = false;
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
    factList,
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
      h2 {
        font-size: 20px;
      }
      fieldset {
        border: 0;
        padding: 0;
        margin: 12px 0;
      }
      legend {
        font-weight: 600;
      }
      button.small {
        padding: 2px 10px;
        margin: 4px 8px;
        font-size: 15px;
      }
      button.warning-button {
        background: var(--nsl-red);
        box-shadow: 0 4px 0 #6b140e;
      }
      .confirm {
        border: 1px solid var(--nsl-border);
        border-left: 8px solid var(--nsl-warm-yellow);
        padding: 4px 16px 8px;
        margin: 8px 0;
      }
      h3 {
        font-size: 18px;
        margin: 16px 0 4px;
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
        ${this.shown()} ${this.corrections()} ${this.index()} ${this.privacy()} ${this.yourData()}
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
        <input id="own" type="checkbox" .checked=${s.showOwnSuggestions} @change=${(e: Event) => this.save({ showOwnSuggestions: (e.target as HTMLInputElement).checked })} />
        <label for="own">Show my own suggestions in the popup, marked “your suggestion, not yet reviewed”</label>
      </div>
      ${this.sites()}
      <div class="field">
        <label for="stale">Warn when the index is older than (days)</label>
        <input id="stale" type="number" min="1" max="3650" .value=${String(s.staleAfterDays)} @change=${(e: Event) => {
          const days = Number((e.target as HTMLInputElement).value);
          if (Number.isInteger(days) && days >= 1) void this.save({ staleAfterDays: days });
        }} />
      </div>
    </section>`;
  }

  /** The sites the user switched the extension off on, each with a way back; and a way to add one. */
  private sites() {
    const sites = this.settings.disabledSites;
    return html`<div class="field" data-testid="sites">
      <p><strong>Sites where NHS Social Lens is switched off</strong></p>
      ${
        sites.length === 0
          ? html`<p class="secondary">None. You can switch it off on a site from the popup (“Don’t run on this site”) or here.</p>`
          : html`<ul>
              ${sites.map(
                (site) => html`<li>
                  ${site}
                  <button type="button" class="secondary-button small" aria-label=${`Turn back on for ${site}`}
                    @click=${() => this.save({ disabledSites: withSiteDisabled(sites, site, false) })}>Turn back on</button>
                </li>`,
              )}
            </ul>`
      }
      <label for="site">Switch off on a site<span class="hint">A host name, such as www.example.nhs.uk</span></label>
      ${this.siteError ? html`<p id="site-error" class="error-text">${this.siteError}</p>` : nothing}
      <input id="site" type="text" autocomplete="off" spellcheck="false" aria-describedby=${this.siteError ? 'site-error' : nothing} />
      <button type="button" class="secondary-button" @click=${() => this.addSite()}>Switch off</button>
    </div>`;
  }

  private async addSite() {
    const input = this.shadowRoot?.querySelector<HTMLInputElement>('#site');
    const typed = (input?.value ?? '').trim();
    const host = (typed.includes('://') && URL.canParse(typed) ? new URL(typed).hostname : typed).toLowerCase();
    if (!HOST_PATTERN.test(host)) {
      this.siteError = 'Enter a host name such as www.example.nhs.uk (what you typed is kept).';
      return;
    }
    const site = siteKey(host, isSharedZone);
    // A zone would switch the extension off on every organisation's site under it (issue 17).
    if (site === undefined) {
      this.siteError = `${host} is shared by many organisations’ sites, so it cannot be switched off as one site. Enter one site, such as www.example.nhs.uk.`;
      return;
    }
    this.siteError = '';
    if (input) input.value = '';
    await this.save({ disabledSites: withSiteDisabled(this.settings.disabledSites, site, true) });
  }

  private corrections() {
    const s = this.settings;
    return html`<section aria-labelledby="corrections-heading">
      <h2 id="corrections-heading">Corrections and research</h2>
      <p><a href="/corrections.html" target="_blank">My corrections</a>: the suggestions you made, to finish, send or delete.</p>
      <div class="field">
        <label for="repository">The project’s repository, for prefilled issues<span class="hint">An https:// address such as a GitHub repository. Leave empty to use the one this release was built with, if any.</span></label>
        ${this.repositoryError ? html`<p id="repository-error" class="error-text">${this.repositoryError}</p>` : nothing}
        <input id="repository" type="url" .value=${s.repositoryUrl} aria-describedby=${this.repositoryError ? 'repository-error' : nothing} />
        <button type="button" class="secondary-button" @click=${() => this.saveRepository()}>Save repository</button>
      </div>
      <div class="field">
        <input id="observed" type="checkbox" .checked=${s.recordObservedFollowers} @change=${(e: Event) => this.save({ recordObservedFollowers: (e.target as HTMLInputElement).checked })} />
        <label for="observed">Record follower counts I see<span class="hint">When you open the popup on an organisation’s own social profile, the count that page shows is kept on this device as “observed by you”, to offer as a correction. Off unless you turn it on.</span></label>
      </div>
      <div class="field">
        <input id="log" type="checkbox" .checked=${s.researchLog} @change=${(e: Event) => this.save({ researchLog: (e.target as HTMLInputElement).checked })} />
        <label for="log">Keep a research log<span class="hint">The organisations’ pages you visit, with the time and address, kept only on this device. <a href="/research-log.html" target="_blank">View, export or clear it</a>.</span></label>
      </div>
    </section>`;
  }

  private async saveRepository() {
    const value = this.shadowRoot?.querySelector<HTMLInputElement>('#repository')?.value.trim() ?? '';
    if (value !== '' && (!URL.canParse(value) || new URL(value).protocol !== 'https:')) {
      this.repositoryError = 'Enter an https:// address, such as https://github.com/owner/repository (what you typed is kept above).';
      return;
    }
    this.repositoryError = '';
    await this.save({ repositoryUrl: value.replace(/\/+$/, '') });
  }

  /** Export and import of settings and corrections, and "Delete all my data". */
  private yourData() {
    return html`<section aria-labelledby="data-heading">
      <h2 id="data-heading">Your data</h2>
      <p>Save your settings and corrections as one file, to keep or to move to another browser.</p>
      <button type="button" data-testid="export-data" @click=${() => this.exportData()}>Export settings and corrections</button>
      <div class="field">
        <label for="import">Import a file you exported<span class="hint">It is checked first, and nothing is replaced until you confirm.</span></label>
        ${this.importError ? html`<p id="import-error" class="error-text" data-testid="import-error">${this.importError}</p>` : nothing}
        <input id="import" type="file" accept=".json,application/json" aria-describedby=${this.importError ? 'import-error' : nothing} @change=${(e: Event) => this.readImport(e)} />
      </div>
      ${
        this.pendingImport
          ? html`<div class="confirm" data-testid="import-summary" role="group" aria-labelledby="import-heading">
              <h3 id="import-heading">Import this file?</h3>
              <ul>${this.pendingImport.summary.map((line) => html`<li>${line}</li>`)}</ul>
              <button type="button" data-testid="confirm-import" @click=${() => this.confirmImport()}>Import</button>
              <button type="button" class="secondary-button" @click=${() => (this.pendingImport = undefined)}>Cancel</button>
            </div>`
          : nothing
      }
      <h3>Delete all my data</h3>
      <p>Deletes your corrections, the research log, the profiles seen on organisations’ sites, and resets these settings. The index stays.</p>
      ${
        this.confirmingDelete
          ? html`<div class="confirm" role="group" aria-label="Confirm deleting all your data">
              <p><strong>This cannot be undone.</strong> Export your data first if you may want it back.</p>
              <button type="button" class="warning-button" data-testid="confirm-delete-all" @click=${() => this.deleteAll()}>Yes, delete all my data</button>
              <button type="button" class="secondary-button" @click=${() => (this.confirmingDelete = false)}>Keep it</button>
            </div>`
          : html`<button type="button" class="warning-button" data-testid="delete-all" @click=${() => (this.confirmingDelete = true)}>Delete all my data</button>`
      }
    </section>`;
  }

  private async exportData() {
    if (!this.act) return;
    const now = this.act.now();
    const data = exportUserData(this.settings, await this.act.listCorrections(), now);
    this.act.download(`nhs-social-lens-settings-${now.toISOString().slice(0, 10)}.json`, `${JSON.stringify(data, null, 2)}\n`);
    this.message = `Exported your settings and ${data.corrections.length} correction${data.corrections.length === 1 ? '' : 's'}.`;
  }

  private async readImport(event: Event) {
    const file = (event.target as HTMLInputElement).files?.[0];
    this.pendingImport = undefined;
    if (!file || !this.act) return;
    // Refused by its size before a byte is read: a huge file would stall the page (issue 17).
    if (file.size > MAX_USER_DATA_BYTES) {
      this.importError = `This file cannot be imported: it is larger than ${MAX_USER_DATA_BYTES / 1_000_000} MB, far more than any NHS Social Lens export. Nothing was changed.`;
      return;
    }
    const parsed = parseUserData(await file.text());
    if (!parsed.ok) {
      this.importError = `This file cannot be imported: ${parsed.reason}. Nothing was changed.`;
      return;
    }
    this.importError = '';
    const ids = new Set((await this.act.listCorrections()).map((c) => c.id));
    this.pendingImport = { data: parsed.data, summary: describeImport(this.settings, ids, parsed.data) };
  }

  private async confirmImport() {
    const pending = this.pendingImport;
    if (!pending || !this.act) return;
    // A new published copy is read only with the browser's leave, asked as typing a source asks
    // (issue 17); without it nothing is imported, so the file's settings never half apply.
    const source = pending.data.settings.indexSource;
    if (source !== '' && source !== this.settings.indexSource && !(await this.act.requestHost(new URL(source).origin))) {
      this.pendingImport = undefined;
      this.importError = `The browser did not allow NHS Social Lens to read from ${new URL(source).origin}, the file’s published copy, so nothing was imported.`;
      return;
    }
    this.importError = '';
    const imported = await this.act.importCorrections(pending.data.corrections);
    await this.act.saveSettings(pending.data.settings);
    this.pendingImport = undefined;
    await this.reload();
    this.message = `Imported your settings and ${imported} correction${imported === 1 ? '' : 's'}.`;
  }

  private async deleteAll() {
    await this.act?.deleteAllData();
    this.confirmingDelete = false;
    await this.reload();
    this.message = 'All your data was deleted and the settings were reset.';
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
        tab closes), the social profiles that organisations' own pages linked to, your corrections, and, only if you turned them on, the
        follower counts you saw and the research log. Nothing about your browsing leaves the browser. The only thing it downloads is the
        index, from the source above; the only things it sends are what you choose to send (a corrections file, the clipboard, an issue you
        open). No telemetry, no account, no server of our own.
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
      : `Not rolled back: ${result?.reason ?? 'there is no earlier index to roll back to'}.`;
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
