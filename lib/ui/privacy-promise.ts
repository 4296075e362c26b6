import { css, html } from 'lit';

/**
 * The privacy promise, as a list, in the same words on the welcome page and in the settings (issue
 * 30): everything the extension keeps and everything it downloads, the organisations' own home
 * pages its background reads included (lib/browser/site-reader.ts, lib/browser/site-reads.ts).
 */
export function privacyPromise() {
  return html`<ul class="privacy-promise" data-testid="privacy-promise">
    <li>
      <strong>Nothing about your browsing leaves this browser.</strong> No telemetry, no account, no server of our own.
    </li>
    <li>
      <strong>It reads the NHS pages you visit, in your tab,</strong> for their links to social media profiles, and keeps what it
      finds here.
    </li>
    <li>
      <strong>It keeps everything in this browser:</strong> the index, your settings, the result for each open tab (forgotten when the tab
      closes), the profiles organisations’ own pages linked to, your corrections and, only if you turn them on, the follower counts you
      saw and the research log.
    </li>
    <li><strong>It downloads the index</strong> of NHS organisations and their accounts, from its published source, as often as the settings say.</li>
    <li>
      <strong>It reads organisations’ own home pages.</strong> When a page of an NHS organisation’s website links no profiles (a news
      article, say), it reads that site’s home page and, if that links none, one page the home page links to on the same site (its
      “contact” or “follow us” page): at most once per organisation a week, without cookies or a referrer, and never another site.
    </li>
    <li>
      <strong>Live figures only when you ask:</strong> a Bluesky or Mastodon account’s public figures, from that platform’s public
      API, on your click (or, if you turn it on, without one, from the hosts you allowed). The request names the account and nothing
      else.
    </li>
    <li>
      <strong>It sends only what you choose to send:</strong> a corrections file, the clipboard, or an issue you open on the project’s
      repository.
    </li>
  </ul>`;
}

/** The promise's list: a little air between its points. */
export const privacyPromiseStyles = css`
  .privacy-promise {
    padding-left: 20px;
  }
  .privacy-promise li {
    margin: 6px 0;
  }
`;
