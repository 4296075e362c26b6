import { html, LitElement } from 'lit';
import { privacyPromise, privacyPromiseStyles } from '../privacy-promise';
import { pagePanel, theme } from '../theme';

/** Settings, "Privacy": what is kept, where, and what ever leaves the browser (the welcome page's words: issue 30). */
export class PrivacyNote extends LitElement {
  static override styles = [theme, pagePanel, privacyPromiseStyles];

  override render() {
    return html`<section aria-labelledby="privacy-heading">
      <h2 id="privacy-heading">Privacy</h2>
      ${privacyPromise()}
    </section>`;
  }
}

customElements.define('nsl-privacy-note', PrivacyNote);
declare global {
  interface HTMLElementTagNameMap {
    'nsl-privacy-note': PrivacyNote;
  }
}
