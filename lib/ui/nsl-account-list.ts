import { css, html, LitElement, nothing } from 'lit';
import type { Account, IndexSource } from '../index/schema';
import { isHttpUrl } from '../index/schema';
import { PLATFORM_LABELS } from '../social/platform-labels';
import { formatFactDate } from './format';
import { theme } from './theme';

/** An organisation's accounts as links, each with where it came from and when it was checked. */
export class AccountList extends LitElement {
  static override properties = { accounts: { attribute: false }, sources: { attribute: false } };
  accounts: readonly Account[] = [];
  sources: readonly IndexSource[] = [];

  static override styles = [
    theme,
    css`
      ul {
        list-style: none;
        margin: 0;
        padding: 0;
      }
      li {
        padding: 8px 0;
        border-bottom: 1px solid var(--nsl-border);
      }
      li:last-child {
        border-bottom: 0;
      }
      .platform {
        font-weight: 600;
      }
      .fact {
        display: block;
        font-size: 14px;
      }
      p {
        margin: 0;
      }
      h3 {
        font-size: 16px;
        margin: 16px 0 0;
      }
    `,
  ];

  override render() {
    const official = this.accounts.filter((a) => a.verification === 'official');
    const unverified = this.accounts.filter((a) => a.verification === 'unverified');
    return html`
      ${
        official.length === 0
          ? html`<p data-testid="accounts-unknown"><strong>Not yet known.</strong> No official accounts are recorded for this organisation yet, which does not mean it has none.</p>`
          : html`<ul data-testid="accounts">${official.map((a) => this.item(a))}</ul>`
      }
      ${
        unverified.length === 0
          ? nothing
          : html`<h3>Possibly also (unverified)</h3>
            <ul data-testid="unverified-accounts">${unverified.map((a) => this.item(a))}</ul>`
      }
    `;
  }

  private item(account: Account) {
    const source = this.sources.find((s) => s.id === account.source);
    return html`<li>
      <span class="platform">${PLATFORM_LABELS[account.platform]}</span>
      ${
        // Defence in depth: the validator refuses other schemes, and the popup never links one.
        isHttpUrl(account.url)
          ? html`<a href=${account.url} target="_blank" rel="noopener noreferrer">${account.handle}</a>`
          : html`<span>${account.handle}</span>`
      }
      ${account.state === 'closed' || account.state === 'dormant' ? html`<strong>(${account.state})</strong>` : nothing}
      <span class="fact secondary">Source: ${source?.name ?? account.source}, ${formatFactDate(account.checked)}</span>
    </li>`;
  }
}

customElements.define('nsl-account-list', AccountList);
declare global {
  interface HTMLElementTagNameMap {
    'nsl-account-list': AccountList;
  }
}
