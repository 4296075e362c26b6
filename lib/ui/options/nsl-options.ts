import { css, html, LitElement } from 'lit';
import type { PageClient } from '../../browser/client';
import type { IndexStatus } from '../../browser/messaging';
import { DEFAULT_SETTINGS, type Settings } from '../../settings';
import { pageLayout, theme } from '../theme';
import { type Feedback, feedbackLine, feedbackStyles, NO_FEEDBACK } from './feedback';
import type { IndexSettingsClient } from './nsl-index-settings';
import type { NhsSitesClient } from './nsl-nhs-sites';
import type { YourDataClient } from './nsl-your-data';
import type { OptionsPage } from './options-page';
import '../nsl-badge-legend';
import './nsl-corrections-settings';
import './nsl-index-settings';
import './nsl-nhs-sites';
import './nsl-platform-permissions';
import type { PlatformPermissionsClient } from './nsl-platform-permissions';
import './nsl-privacy-note';
import './nsl-shown-settings';
import './nsl-your-data';

/** What the settings page and its sections ask of the extension. */
export type OptionsClient = Pick<PageClient, 'getIndexStatus' | 'readSettings' | 'saveSettings' | 'extensionVersion'> &
  IndexSettingsClient &
  YourDataClient &
  NhsSitesClient &
  PlatformPermissionsClient;

/**
 * The settings page: holds the settings and the index's status, and shows them in one element per
 * section (what is shown, corrections and research, the index, privacy, your data); the sections
 * save, reload and announce through it (`OptionsPage`).
 */
export class Options extends LitElement implements OptionsPage {
  static override properties = {
    status: { state: true },
    settings: { state: true },
    feedback: { state: true },
    extensionVersion: { state: true },
  };
  status?: IndexStatus;
  settings: Settings = DEFAULT_SETTINGS;
  /** The result of the last action, announced politely beside the control that caused it (issue 30). */
  feedback: Feedback = NO_FEEDBACK;
  extensionVersion = '';
  private client?: OptionsClient;

  /** Starts the page: reads the settings and the index's status. */
  async start(client: OptionsClient): Promise<void> {
    this.client = client;
    this.extensionVersion = client.extensionVersion();
    await this.reload();
  }

  async reload(): Promise<void> {
    if (!this.client) return;
    [this.status, this.settings] = await Promise.all([this.client.getIndexStatus(), this.client.readSettings()]);
  }

  async save(change: Partial<Settings>, near = ''): Promise<void> {
    this.settings = { ...this.settings, ...change };
    await this.client?.saveSettings(this.settings);
    this.feedback = { text: 'Settings saved.', near };
  }

  announce(message: string, near = ''): void {
    this.feedback = { text: message, near };
  }

  static override styles = [
    theme,
    feedbackStyles,
    pageLayout,
    css`
      :host {
        --nsl-page-width: 720px;
      }
      .legend {
        background: var(--nsl-white);
        border: 1px solid var(--nsl-border);
        padding: 8px 24px 16px;
        margin-bottom: 16px;
      }
      .legend h2 {
        font-size: 20px;
      }
    `,
  ];

  override render() {
    const s = this.settings;
    return html`<header>NHS Social Lens</header>
      <main>
        <h1>Settings</h1>
        ${feedbackLine(this.feedback, '')}
        <nsl-shown-settings .settings=${s} .page=${this} .feedback=${this.feedback}></nsl-shown-settings>
        <nsl-corrections-settings .settings=${s} .page=${this} .feedback=${this.feedback}></nsl-corrections-settings>
        <nsl-platform-permissions .client=${this.client}></nsl-platform-permissions>
        <nsl-index-settings .status=${this.status} .settings=${s} .client=${this.client} .page=${this} .feedback=${this.feedback}></nsl-index-settings>
        <nsl-nhs-sites .client=${this.client}></nsl-nhs-sites>
        <section class="legend" aria-labelledby="legend-heading">
          <h2 id="legend-heading">The toolbar badge</h2>
          <nsl-badge-legend></nsl-badge-legend>
        </section>
        <nsl-privacy-note></nsl-privacy-note>
        <nsl-your-data .settings=${s} .client=${this.client} .page=${this} .feedback=${this.feedback}></nsl-your-data>
        <p class="secondary">NHS Social Lens ${this.extensionVersion}. An independent tool, not affiliated with the NHS.</p>
      </main>`;
  }
}

customElements.define('nsl-options', Options);
declare global {
  interface HTMLElementTagNameMap {
    'nsl-options': Options;
  }
}
