import { html, LitElement } from 'lit';
import { pagePanel, theme } from '../theme';

/** Settings, "Privacy": what is kept, where, and what ever leaves the browser. */
export class PrivacyNote extends LitElement {
  static override styles = [theme, pagePanel];

  override render() {
    return html`<section aria-labelledby="privacy-heading">
      <h2 id="privacy-heading">Privacy</h2>
      <p>
        Everything NHS Social Lens stores stays in this browser: the index, these settings, the result for each open tab (forgotten when the
        tab closes), the social profiles that organisations' own pages linked to, your corrections, and, only if you turned them on, the
        follower counts you saw and the research log. Nothing about your browsing leaves the browser. The only thing it downloads is the
        index, from the source above, and, when you ask for them (or turned on “Get live figures without a click”), a Bluesky or Mastodon
        account’s public figures from that platform’s public API, a request that names the account and nothing else; the only things it
        sends are what you choose to send (a corrections file, the clipboard, an issue you open). No telemetry, no account, no server of
        our own.
      </p>
    </section>`;
  }
}

customElements.define('nsl-privacy-note', PrivacyNote);
declare global {
  interface HTMLElementTagNameMap {
    'nsl-privacy-note': PrivacyNote;
  }
}
