import { html, LitElement } from 'lit';
import { DEFAULT_QUERY, tableQueryToHash } from '../dashboard/table-query';
import type { NhsOfferClient } from './nsl-nhs-offer';
import './nsl-nhs-offer';

/**
 * The popup's answer on a page it does not recognise (issues 28 and 30). The extension never reads
 * such a page, so there is nothing to switch off: what helps is a search of the index for the site,
 * and, on an nhs.uk site the install does not cover, the offer to read every nhs.uk site.
 */
export class NotRecognised extends LitElement {
  static override properties = { client: { attribute: false }, url: {}, tabUrl: {} };
  client?: NhsOfferClient;
  /** The address the background looked up, whose host the search names. */
  url?: string;
  /** The tab's own address, which the nhs.uk offer reads. */
  tabUrl?: string;

  /** Drawn in the popup's own tree, with its styles: one view of the popup, not a component apart. */
  protected override createRenderRoot() {
    return this;
  }

  override render() {
    const host = hostOf(this.url);
    const search = `/dashboard.html${tableQueryToHash({ ...DEFAULT_QUERY, ...(host ? { q: host } : {}) })}`;
    return html`<div data-state="not-recognised">
      <h1 tabindex="-1">Not a page we recognise</h1>
      <p>This page is not one NHS Social Lens recognises. It recognises the websites of NHS trusts, integrated care boards and national NHS bodies.</p>
      <p><a href=${search} target="_blank" data-testid="search-index">Search the index${host ? ` for ${host}` : ''}</a></p>
      <nsl-nhs-offer .client=${this.client} .url=${this.tabUrl}></nsl-nhs-offer>
    </div>`;
  }
}

/** The host of a page's address, without "www.", for a search of the index; undefined for none or a non-web address. */
function hostOf(url: string | undefined): string | undefined {
  const parsed = url !== undefined && URL.canParse(url) ? new URL(url) : undefined;
  return parsed?.protocol === 'https:' || parsed?.protocol === 'http:' ? parsed.hostname.replace(/^www\./, '') : undefined;
}

customElements.define('nsl-not-recognised', NotRecognised);
declare global {
  interface HTMLElementTagNameMap {
    'nsl-not-recognised': NotRecognised;
  }
}
