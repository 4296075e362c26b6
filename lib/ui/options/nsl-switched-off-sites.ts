import { css, html, LitElement, nothing } from 'lit';
import { isSharedZone } from '../../index/host-rules';
import { HOST_PATTERN } from '../../index/schema';
import { DEFAULT_SETTINGS, type Settings, siteKey, withSiteDisabled } from '../../settings';
import { formStyles, theme } from '../theme';
import { type Feedback, feedbackLine, feedbackStyles } from './feedback';
import type { OptionsPage } from './options-page';

/** Settings: the sites the user switched the extension off on, each with a way back; and a way to add one. */
export class SwitchedOffSites extends LitElement {
  static override properties = {
    settings: { attribute: false },
    page: { attribute: false },
    feedback: { attribute: false },
    siteError: { state: true },
  };
  settings: Settings = DEFAULT_SETTINGS;
  page?: OptionsPage;
  feedback?: Feedback;
  siteError = '';

  static override styles = [
    theme,
    feedbackStyles,
    formStyles,
    css`
      :host {
        display: block;
      }
      button.small {
        padding: 2px 10px;
        margin: 4px 8px;
        font-size: 15px;
      }
    `,
  ];

  override render() {
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
                    @click=${() => this.page?.save({ disabledSites: withSiteDisabled(sites, site, false) }, 'sites')}>Turn back on</button>
                </li>`,
              )}
            </ul>`
      }
      <label for="site">Switch off on a site<span class="hint">A host name, such as www.example.nhs.uk</span></label>
      ${this.siteError ? html`<p id="site-error" class="error-text">${this.siteError}</p>` : nothing}
      <input id="site" type="text" autocomplete="off" spellcheck="false" aria-describedby=${this.siteError ? 'site-error' : nothing} />
      <button type="button" class="secondary-button" @click=${() => this.addSite()}>Switch off</button>
      ${feedbackLine(this.feedback, 'sites')}
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
    await this.page?.save({ disabledSites: withSiteDisabled(this.settings.disabledSites, site, true) }, 'sites');
  }
}

customElements.define('nsl-switched-off-sites', SwitchedOffSites);
declare global {
  interface HTMLElementTagNameMap {
    'nsl-switched-off-sites': SwitchedOffSites;
  }
}
