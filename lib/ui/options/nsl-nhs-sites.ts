import { html, LitElement, nothing } from 'lit';
import type { PageClient } from '../../browser/client';
import { NHS_UK_ORIGIN } from '../../detect/pages';
import { formStyles, pagePanel, theme } from '../theme';

/** What the element asks of the extension: whether the nhs.uk zone is allowed, and the browser's prompt. */
export type NhsSitesClient = Pick<PageClient, 'requestHost' | 'hasHost'>;

/**
 * Settings, "NHS sites the index does not know" (issue 28): the optional `*://*.nhs.uk/*`, which
 * the install does not ask for (Chrome would call it "all websites"), granted here once, on a click.
 */
export class NhsSites extends LitElement {
  static override properties = { client: { attribute: false }, allowed: { state: true } };
  client?: NhsSitesClient;
  /** undefined until the browser has answered: unknown is not "no". */
  allowed: boolean | undefined = undefined;

  static override styles = [theme, formStyles, pagePanel];

  override willUpdate(changed: Map<string, unknown>) {
    if (changed.has('client') && this.client !== undefined)
      void this.client
        .hasHost(NHS_UK_ORIGIN)
        .then((allowed) => {
          this.allowed = allowed;
        })
        .catch(() => undefined);
  }

  override render() {
    return html`<section aria-labelledby="nhs-sites-heading">
      <h2 id="nhs-sites-heading">NHS sites the index does not know</h2>
      <p>
        The extension reads the sites of the organisations in its index. An NHS site under nhs.uk that the index does not
        know yet (a new trust, a renamed site, one a later index adds) is read only if you allow every nhs.uk site: your
        browser asks you once. Its pages are read on this device as the index’s are, and nothing is sent anywhere.
      </p>
      ${
        this.allowed === true
          ? html`<p data-testid="nhs-sites-state">Allowed: every nhs.uk site is read. Remove it in your browser’s extension settings.</p>`
          : html`<p data-testid="nhs-sites-state">${this.allowed === false ? 'Not allowed: only the index’s sites are read.' : nothing}</p>
            <button type="button" class="secondary-button" data-testid="allow-nhs-sites" @click=${() => this.allow()}>Allow every nhs.uk site</button>`
      }
    </section>`;
  }

  private async allow() {
    this.allowed = (await this.client?.requestHost(NHS_UK_ORIGIN).catch(() => false)) ?? false;
  }
}

customElements.define('nsl-nhs-sites', NhsSites);
declare global {
  interface HTMLElementTagNameMap {
    'nsl-nhs-sites': NhsSites;
  }
}
