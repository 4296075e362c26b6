import { html, LitElement, nothing } from 'lit';
import { DEFAULT_SETTINGS, type Settings } from '../../settings';
import { formStyles, pagePanel, theme } from '../theme';
import { type Feedback, feedbackLine, feedbackStyles } from './feedback';
import type { OptionsPage } from './options-page';

/** Settings, "Corrections and research": the repository for prefilled issues, observed counts, the research log, automatic live figures. */
export class CorrectionsSettings extends LitElement {
  static override properties = {
    settings: { attribute: false },
    page: { attribute: false },
    feedback: { attribute: false },
    repositoryError: { state: true },
  };
  settings: Settings = DEFAULT_SETTINGS;
  page?: OptionsPage;
  feedback?: Feedback;
  repositoryError = '';

  static override styles = [theme, feedbackStyles, formStyles, pagePanel];

  override render() {
    const s = this.settings;
    return html`<section aria-labelledby="corrections-heading">
      <h2 id="corrections-heading">Corrections and research</h2>
      <p><a href="/corrections.html" target="_blank">My corrections</a>: the suggestions you made, to finish, send or delete.</p>
      <div class="field">
        <label for="repository">The project’s repository, for prefilled issues<span class="hint">An https:// address such as a GitHub repository. Leave empty to use the project’s own repository.</span></label>
        ${this.repositoryError ? html`<p id="repository-error" class="error-text">${this.repositoryError}</p>` : nothing}
        <input id="repository" type="url" .value=${s.repositoryUrl} aria-describedby=${this.repositoryError ? 'repository-error' : nothing} />
        <button type="button" class="secondary-button" @click=${() => this.saveRepository()}>Save repository</button>
        ${feedbackLine(this.feedback, 'repository')}
      </div>
      <div class="field">
        <input id="observed" type="checkbox" .checked=${s.recordObservedFollowers} @change=${(e: Event) => this.page?.save({ recordObservedFollowers: (e.target as HTMLInputElement).checked }, 'observed')} />
        <label for="observed">Record follower counts I see<span class="hint">When you open the popup on an organisation’s own social profile, the count that page shows is kept on this device as “observed by you”, to offer as a correction. Off unless you turn it on.</span></label>
        ${feedbackLine(this.feedback, 'observed')}
      </div>
      <div class="field">
        <input id="log" type="checkbox" .checked=${s.researchLog} @change=${(e: Event) => this.page?.save({ researchLog: (e.target as HTMLInputElement).checked }, 'log')} />
        <label for="log">Keep a research log<span class="hint">The organisations’ pages you visit, with the time and address, kept only on this device: one visit per organisation and page an hour, at most 500 an organisation and 5,000 in all. <a href="/research-log.html" target="_blank">View, export or clear it</a>.</span></label>
        ${feedbackLine(this.feedback, 'log')}
      </div>
      <div class="field">
        <input id="live" type="checkbox" .checked=${s.liveFiguresAutomatic} @change=${(e: Event) => this.page?.save({ liveFiguresAutomatic: (e.target as HTMLInputElement).checked }, 'live')} />
        <label for="live">Get live figures without a click<span class="hint">When the popup shows a Bluesky or Mastodon account, it asks that platform’s public API for the account’s current figures straight away, instead of waiting for “Get live figures”. Only platforms you already allowed with that button are asked; the request names the account and nothing else, and an answer is kept for a day. Off unless you turn it on.</span></label>
        ${feedbackLine(this.feedback, 'live')}
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
    await this.page?.save({ repositoryUrl: value.replace(/\/+$/, '') }, 'repository');
  }
}

customElements.define('nsl-corrections-settings', CorrectionsSettings);
declare global {
  interface HTMLElementTagNameMap {
    'nsl-corrections-settings': CorrectionsSettings;
  }
}
