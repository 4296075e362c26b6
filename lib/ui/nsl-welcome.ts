import { css, html, LitElement } from 'lit';
import type { PageWindow } from './mount-page';
import { privacyPromise, privacyPromiseStyles } from './privacy-promise';
import { pageLayout, pagePanel, theme } from './theme';
import './nsl-badge-legend';

/** The organisation the welcome page suggests trying: in the bundled index, its own site linking its accounts. */
export const SITE_TO_TRY = { name: 'University College London Hospitals', url: 'https://www.uclh.nhs.uk/' };

/**
 * The welcome page, opened once on a first install (issue 30; lib/browser/first-run.ts): how to pin
 * the icon, what the badge says, a site to try, the privacy promise and the opt-ins, each short
 * enough to read before closing the tab. It asks nothing of the background.
 */
export class Welcome extends LitElement {
  static override styles = [
    theme,
    pageLayout,
    pagePanel,
    privacyPromiseStyles,
    css`
      :host {
        --nsl-page-width: 720px;
      }
      section {
        padding-bottom: 12px;
      }
      h2 {
        margin: 8px 0;
      }
      .lead {
        font-size: 19px;
      }
      ol.steps,
      ul.opt-ins {
        padding-left: 20px;
      }
      ol.steps li,
      ul.opt-ins li {
        margin: 6px 0;
      }
      .try {
        font-size: 19px;
        font-weight: 600;
      }
      /* A narrow window (or the tests' 360 px): less frame, more words per line. */
      @media (max-width: 480px) {
        header,
        main {
          padding-left: 12px;
          padding-right: 12px;
        }
        section {
          padding: 4px 12px 12px;
        }
        h1 {
          font-size: 24px;
        }
        .lead {
          font-size: 17px;
        }
      }
    `,
  ];

  /** Starts the page: only its title; everything it says is fixed. */
  async start(_client: unknown, page: PageWindow): Promise<void> {
    page.document.title = 'Welcome to NHS Social Lens';
  }

  override render() {
    return html`<header>NHS Social Lens</header>
      <main>
        <h1>Welcome to NHS Social Lens</h1>
        <p class="lead">
          When you visit an NHS organisation’s website, NHS Social Lens shows its official social media accounts and how far it has taken
          to social media. An independent tool, not affiliated with the NHS.
        </p>
        <section aria-labelledby="pin-heading" data-testid="welcome-pin">
          <h2 id="pin-heading">1. Pin the icon</h2>
          <p>Keep the icon in the toolbar, where its badge can be seen:</p>
          <ul>
            <li>
              <strong>Chrome or Edge:</strong> click the Extensions button (the jigsaw piece) at the right of the
              address bar, then the pin beside NHS Social Lens.
            </li>
            <li>
              <strong>Firefox:</strong> click the Extensions button (the jigsaw piece) in the toolbar, then the cog (⚙) beside NHS Social Lens, and choose “Pin to Toolbar”.
            </li>
          </ul>
        </section>
        <section aria-labelledby="badge-heading">
          <h2 id="badge-heading">2. Read the badge</h2>
          <p>On an NHS organisation’s website the icon carries a badge:</p>
          <nsl-badge-legend></nsl-badge-legend>
          <p>Click the icon for the organisation’s accounts, where each fact comes from, and “Why?” for how its level was reached.</p>
        </section>
        <section aria-labelledby="try-heading">
          <h2 id="try-heading">3. Try it</h2>
          <p class="try">
            <a href=${SITE_TO_TRY.url} data-testid="site-to-try">Visit ${SITE_TO_TRY.name}’s website</a>
          </p>
          <p>Then look at the badge, and click the icon.</p>
        </section>
        <section aria-labelledby="privacy-heading">
          <h2 id="privacy-heading">Your privacy</h2>
          ${privacyPromise()}
        </section>
        <section aria-labelledby="opt-ins-heading" data-testid="welcome-opt-ins">
          <h2 id="opt-ins-heading">Off until you turn them on</h2>
          <ul class="opt-ins">
            <li><strong>Record follower counts I see</strong>: the count an organisation’s own profile page shows you, kept on this device to offer as a correction.</li>
            <li><strong>Keep a research log</strong>: the organisations’ pages you visit, kept only on this device, to export.</li>
            <li><strong>Get live figures without a click</strong>: a Bluesky or Mastodon account’s figures as the popup opens, from platforms you allowed.</li>
          </ul>
          <p>
            Turn them on, choose which platforms count and where the index comes from in
            <a href="/options.html" data-testid="settings-link">Settings</a> (also on the icon’s right-click menu).
          </p>
        </section>
      </main>`;
  }
}

customElements.define('nsl-welcome', Welcome);
declare global {
  interface HTMLElementTagNameMap {
    'nsl-welcome': Welcome;
  }
}
