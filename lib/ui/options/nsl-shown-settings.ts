import { html, LitElement } from 'lit';
import { DEFAULT_SETTINGS, type Settings } from '../../settings';
import { PLATFORM_LABELS } from '../../social/platform-labels';
import { formStyles, pagePanel, theme } from '../theme';
import { type Feedback, feedbackLine, feedbackStyles } from './feedback';
import type { OptionsPage } from './options-page';
import './nsl-switched-off-sites';
import { PLATFORMS } from '../../social/platforms';

/** Settings, "What is shown": the badge, the in-page flag, the platforms counted, own suggestions, switched-off sites, staleness. */
export class ShownSettings extends LitElement {
  static override properties = { settings: { attribute: false }, page: { attribute: false }, feedback: { attribute: false } };
  settings: Settings = DEFAULT_SETTINGS;
  page?: OptionsPage;
  feedback?: Feedback;

  static override styles = [theme, feedbackStyles, formStyles, pagePanel];

  private save(change: Partial<Settings>, near: string) {
    return this.page?.save(change, near);
  }

  override render() {
    const s = this.settings;
    return html`<section aria-labelledby="shown-heading">
      <h2 id="shown-heading">What is shown</h2>
      <div class="field">
        <input id="badge" type="checkbox" .checked=${s.showBadge} @change=${(e: Event) => this.save({ showBadge: (e.target as HTMLInputElement).checked }, 'badge')} />
        <label for="badge">Show the toolbar badge on recognised pages</label>
        ${feedbackLine(this.feedback, 'badge')}
      </div>
      <div class="field">
        <input id="flag" type="checkbox" .checked=${s.showInPageFlag} @change=${(e: Event) => this.save({ showInPageFlag: (e.target as HTMLInputElement).checked }, 'flag')} />
        <label for="flag">Show a small label on the organisation's own pages</label>
        ${feedbackLine(this.feedback, 'flag')}
      </div>
      <fieldset class="checks">
        <legend>Platforms that count towards the adoption level</legend>
        ${PLATFORMS.map(
          (p) => html`<label
            ><input
              type="checkbox"
              .checked=${s.countedPlatforms.includes(p)}
              @change=${(e: Event) =>
                this.save(
                  {
                    countedPlatforms: (e.target as HTMLInputElement).checked
                      ? [...s.countedPlatforms, p]
                      : s.countedPlatforms.filter((x) => x !== p),
                  },
                  'platforms',
                )}
            />
            ${PLATFORM_LABELS[p]}</label
          >`,
        )}
        ${feedbackLine(this.feedback, 'platforms')}
      </fieldset>
      <div class="field">
        <input id="own" type="checkbox" .checked=${s.showOwnSuggestions} @change=${(e: Event) => this.save({ showOwnSuggestions: (e.target as HTMLInputElement).checked }, 'own')} />
        <label for="own">Show my own suggestions in the popup, marked “your suggestion, not yet reviewed”</label>
        ${feedbackLine(this.feedback, 'own')}
      </div>
      <nsl-switched-off-sites .settings=${s} .page=${this.page} .feedback=${this.feedback}></nsl-switched-off-sites>
      <div class="field">
        <label for="stale">Warn when the index is older than (days)</label>
        <input id="stale" type="number" min="1" max="3650" .value=${String(s.staleAfterDays)} @change=${(e: Event) => {
          const days = Number((e.target as HTMLInputElement).value);
          if (Number.isInteger(days) && days >= 1) void this.save({ staleAfterDays: days }, 'stale');
        }} />
        ${feedbackLine(this.feedback, 'stale')}
      </div>
    </section>`;
  }
}

customElements.define('nsl-shown-settings', ShownSettings);
declare global {
  interface HTMLElementTagNameMap {
    'nsl-shown-settings': ShownSettings;
  }
}
