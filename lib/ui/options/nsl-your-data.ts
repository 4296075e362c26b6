import { css, html, LitElement, nothing } from 'lit';
import type { PageClient } from '../../browser/client';
import { DEFAULT_SETTINGS, type Settings } from '../../settings';
import { describeImport, exportUserData, MAX_USER_DATA_BYTES, parseUserData, type UserData } from '../../user-data';
import { downloadText } from '../download';
import { focusAfterRender } from '../focus';
import { formStyles, pagePanel, theme } from '../theme';
import { type Feedback, feedbackLine, feedbackStyles } from './feedback';
import type { OptionsPage } from './options-page';

/** What "Your data" asks of the background and the browser. */
export type YourDataClient = Pick<
  PageClient,
  'listCorrections' | 'importCorrections' | 'saveSettings' | 'requestHost' | 'hasHost' | 'deleteAllData' | 'resetSettings'
>;

/** Settings, "Your data": export and import of settings and corrections, and "Delete all my data". */
export class YourData extends LitElement {
  static override properties = {
    settings: { attribute: false },
    client: { attribute: false },
    page: { attribute: false },
    feedback: { attribute: false },
    importError: { state: true },
    pendingImport: { state: true },
    confirmingDelete: { state: true },
  };
  settings: Settings = DEFAULT_SETTINGS;
  client?: YourDataClient;
  page?: OptionsPage;
  feedback?: Feedback;
  importError = '';
  /** A checked import file, waiting for the user to confirm: nothing is replaced before that. */
  pendingImport?: { data: UserData; summary: string[] };
  confirmingDelete = false;
  /** Saves a file in the user's downloads; tests give their own. */
  download = (fileName: string, text: string): void => downloadText(fileName, text);
  now = (): Date => new Date();

  static override styles = [
    theme,
    feedbackStyles,
    formStyles,
    pagePanel,
    css`
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
    `,
  ];

  override render() {
    return html`<section aria-labelledby="data-heading">
      <h2 id="data-heading">Your data</h2>
      <p>Save your settings and corrections as one file, to keep or to move to another browser.</p>
      <button type="button" data-testid="export-data" @click=${() => this.exportData()}>Export settings and corrections</button>
      ${feedbackLine(this.feedback, 'export')}
      <div class="field">
        <label for="import">Import a file you exported<span class="hint">It is checked first, and nothing is replaced until you confirm.</span></label>
        ${this.importError ? html`<p id="import-error" class="error-text" data-testid="import-error">${this.importError}</p>` : nothing}
        <input id="import" type="file" accept=".json,application/json" aria-describedby=${this.importError ? 'import-error' : nothing} @change=${(e: Event) => this.readImport(e)} />
        ${feedbackLine(this.feedback, 'import')}
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
      ${feedbackLine(this.feedback, 'delete')}
      <p>Deletes your corrections, the research log, the profiles seen on organisations’ sites, and resets these settings. The index stays.</p>
      ${
        this.confirmingDelete
          ? html`<div class="confirm" role="group" aria-label="Confirm deleting all your data">
              <p><strong>This cannot be undone.</strong> Export your data first if you may want it back.</p>
              <button type="button" class="warning-button" data-testid="confirm-delete-all" @click=${() => this.deleteAll()}>Yes, delete all my data</button>
              <button type="button" class="secondary-button" data-testid="keep-all" @click=${() => this.confirmDelete(false)}>Keep it</button>
            </div>`
          : html`<button type="button" class="warning-button" data-testid="delete-all" @click=${() => this.confirmDelete(true)}>Delete all my data</button>`
      }
    </section>`;
  }

  /** Asks to confirm, or stops asking; the focus goes to what took the place of the button pressed (issue 30). */
  private confirmDelete(asking: boolean) {
    this.confirmingDelete = asking;
    void focusAfterRender(this, asking ? '[data-testid="keep-all"]' : '[data-testid="delete-all"]');
  }

  private async exportData() {
    if (!this.client) return;
    const now = this.now();
    const data = exportUserData(this.settings, (await this.client.listCorrections()).corrections, now);
    this.download(`nhs-social-lens-settings-${now.toISOString().slice(0, 10)}.json`, `${JSON.stringify(data, null, 2)}\n`);
    this.page?.announce(
      `Exported your settings and ${data.corrections.length} correction${data.corrections.length === 1 ? '' : 's'}.`,
      'export',
    );
  }

  private async readImport(event: Event) {
    const file = (event.target as HTMLInputElement).files?.[0];
    this.pendingImport = undefined;
    if (!file || !this.client) return;
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
    const ids = new Set((await this.client.listCorrections()).corrections.map((c) => c.id));
    // The browser does not ask for a host it already allows: the summary says which will happen (issue 26).
    const source = parsed.data.settings.indexSource;
    const allowed =
      source !== '' && source !== this.settings.indexSource && (await this.client.hasHost(new URL(source).origin).catch(() => false));
    this.pendingImport = { data: parsed.data, summary: describeImport(this.settings, ids, parsed.data, allowed) };
  }

  private async confirmImport() {
    const pending = this.pendingImport;
    if (!pending || !this.client) return;
    // A new published copy is read only with the browser's leave, asked as typing a source asks
    // (issue 17); without it nothing is imported, so the file's settings never half apply.
    const source = pending.data.settings.indexSource;
    if (source !== '' && source !== this.settings.indexSource && !(await this.client.requestHost(new URL(source).origin))) {
      this.pendingImport = undefined;
      this.importError = `The browser did not allow NHS Social Lens to read from ${new URL(source).origin}, the file’s published copy, so nothing was imported.`;
      return;
    }
    this.importError = '';
    const { imported } = await this.client.importCorrections({ records: pending.data.corrections });
    await this.client.saveSettings(pending.data.settings);
    this.pendingImport = undefined;
    await this.page?.reload();
    this.page?.announce(`Imported your settings and ${imported} correction${imported === 1 ? '' : 's'}.`, 'import');
  }

  private async deleteAll() {
    // The background empties the stores (sightings, corrections, research log); the settings are the page's own.
    await this.client?.deleteAllData();
    await this.client?.resetSettings();
    this.confirmingDelete = false;
    await this.page?.reload();
    this.page?.announce('All your data was deleted and the settings were reset.', 'delete');
  }
}

customElements.define('nsl-your-data', YourData);
declare global {
  interface HTMLElementTagNameMap {
    'nsl-your-data': YourData;
  }
}
