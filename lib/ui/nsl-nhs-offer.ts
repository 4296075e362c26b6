import { html, LitElement, nothing } from 'lit';
import type { PageClient } from '../browser/client';
import { NHS_UK_ORIGIN } from '../detect/pages';
import { isHostWithin } from '../net/hosts';
import { theme } from './theme';

/** What the offer asks of the extension: whether it may read the page's site or every nhs.uk site, and the browser's prompt. */
export type NhsOfferClient = Pick<PageClient, 'requestHost' | 'hasHost'>;

/**
 * The popup's offer on an nhs.uk page the extension cannot read (issue 28): a site the index does
 * not know is read only once the user allows every nhs.uk site, which the install does not ask for.
 * Shows nothing on any other page, where the browser already lets it read, or while it asks.
 */
export class NhsOffer extends LitElement {
  static override properties = { client: { attribute: false }, url: {}, offer: { state: true } };
  client?: NhsOfferClient;
  url = '';
  offer: 'ask' | 'allowed' | undefined = undefined;

  static override styles = [theme];

  override willUpdate(changed: Map<string, unknown>) {
    if (!changed.has('url') && !changed.has('client')) return;
    const client = this.client;
    const page = URL.canParse(this.url) ? new URL(this.url) : undefined;
    this.offer = undefined;
    if (client === undefined || page === undefined || !/^https?:$/.test(page.protocol) || !isHostWithin(page.hostname, 'nhs.uk')) return;
    // An answer the browser cannot give is no offer: unknown is not "not allowed".
    void Promise.resolve()
      .then(async () => !(await client.hasHost(page.origin)) && !(await client.hasHost(NHS_UK_ORIGIN)))
      .then((cannotRead) => {
        if (cannotRead) this.offer = 'ask';
      })
      .catch(() => undefined);
  }

  override render() {
    if (this.offer === 'allowed')
      return html`<p role="status">Allowed: NHS sites under nhs.uk are read from now on. Reload the page to read it.</p>`;
    if (this.offer !== 'ask') return nothing;
    return html`<p data-testid="nhs-offer">
        NHS Social Lens cannot read this nhs.uk site: it is not in its index yet. Allow it to read every NHS site under
        nhs.uk (your browser asks once; pages are read on this device, nothing is sent).
      </p>
      <button class="choice" data-testid="allow-nhs-sites" @click=${() => this.allow()}>Allow every nhs.uk site</button>`;
  }

  private async allow() {
    if ((await this.client?.requestHost(NHS_UK_ORIGIN).catch(() => false)) === true) this.offer = 'allowed';
  }
}

customElements.define('nsl-nhs-offer', NhsOffer);
declare global {
  interface HTMLElementTagNameMap {
    'nsl-nhs-offer': NhsOffer;
  }
}
