import { css, html, LitElement, nothing } from 'lit';
import type { PageClient, TabToShow } from '../browser/client';
import type { TabResult } from '../browser/messaging';
import type { StoredCorrection } from '../corrections/stored-correction';
import type { Candidate } from '../detect/types';
import { DEFAULT_SETTINGS, type Settings, withSiteDisabled } from '../settings';
import type { PageWindow } from './mount-page';
import { theme } from './theme';
import './nsl-not-recognised';
import './nsl-org-card';
import { daysSince, formatFactDate, kindLabel } from '../format';
import type { LiveFiguresClient } from './nsl-live-figures';

/** Only show "looking up" if the answer is slow, so a fast answer never flashes a loading state. */
/** The User Timing mark set when the popup first draws an answer. */
export const FIRST_PAINT_MARK = 'nsl-first-meaningful-paint';
const LOADING_MESSAGE_DELAY_MS = 300;

/** What the popup asks of the extension: the settings, the tab, its result, and (opt-in) the count its page shows. */
export type PopupClient = Pick<
  PageClient,
  'readSettings' | 'saveSettings' | 'activeTab' | 'getTabResult' | 'observeFollowers' | 'repositoryUrl'
> &
  LiveFiguresClient;

/**
 * `popup.html?tab=<id>[&url=<address>]` shows a given tab (tests, the dashboard); with no `tab`,
 * the popup shows the active tab.
 */
export function requestedTab(search: string): TabToShow | undefined {
  const params = new URLSearchParams(search);
  const requested = Number.parseInt(params.get('tab') ?? '', 10);
  const url = params.get('url');
  return Number.isInteger(requested) ? { tabId: requested, ...(url ? { url } : {}) } : undefined;
}

type View = { state: 'loading'; showMessage: boolean } | { state: 'ready'; result: TabResult } | { state: 'error'; message: string };

/**
 * The toolbar popup: asks the background for the tab's result and shows the organisation, a
 * choice between organisations that share a site, or that the page is not recognised.
 */
export class Popup extends LitElement {
  static override properties = {
    view: { state: true },
    chosen: { state: true },
    settings: { attribute: false },
    now: { attribute: false },
    observation: { attribute: false },
    repositoryUrl: { state: true },
  };
  /** The project's repository, for "how the levels are worked out" behind "Why?" (issue 30). */
  repositoryUrl = '';
  /** A follower count this profile page showed, just recorded on this device (opt-in). */
  observation?: StoredCorrection;
  view: View = { state: 'loading', showMessage: false };
  /** The user's settings: which platforms count, when the index is stale. */
  settings: Settings = DEFAULT_SETTINGS;
  now = new Date();
  /** Which candidate the user picked where several organisations share the site. */
  chosen?: Candidate;
  private client?: PopupClient;
  /** The tab's address, where the browser gave it: the nhs.uk offer reads it (issue 28). */
  private tabUrl = '';
  private page?: PageWindow;

  /** Starts the popup on the tab its address names, or the active tab. */
  async start(client: PopupClient, page: PageWindow): Promise<void> {
    this.client = client;
    this.page = page;
    // Not awaited: only a link behind "Why?" needs it, never the answer's first paint.
    void client.repositoryUrl().then((url) => (this.repositoryUrl = url));
    await this.refresh();
  }

  /**
   * The result to show, and the settings it is shown with (which platforms count, when the index is
   * stale): asked for together, since neither needs the other, so the popup waits for one round
   * trip rather than two (issue 22: its first meaningful paint).
   */
  private async lookUp(client: PopupClient, page: PageWindow): Promise<TabResult> {
    const ask = async () => {
      const tab = requestedTab(page.location.search) ?? (await client.activeTab());
      return tab && { tab, result: await client.getTabResult(tab) };
    };
    const [settings, answer] = await Promise.all([client.readSettings(), ask()]);
    this.settings = settings;
    if (answer === undefined) return { state: 'not-recognised' };
    const { tab, result } = answer;
    this.tabUrl = tab.url ?? '';
    // Opt-in: nothing is read in the tab unless the user turned observed counts on.
    if (settings.recordObservedFollowers) void this.observe(client, tab.tabId, result);
    return result;
  }

  private async observe(client: PopupClient, tabId: number, result: TabResult): Promise<void> {
    const record = await client.observeFollowers(tabId, result, this.settings);
    if (record) this.observation = record;
  }

  static override styles = [
    theme,
    css`
      :host {
        display: block;
        width: 360px;
        min-height: 120px;
        background: var(--nsl-white);
      }
      /* Slim chrome, so that the answer (name, level, accounts) fits Chrome's 600 px popup (issue 19). */
      header {
        background: var(--nsl-blue);
        color: var(--nsl-white);
        padding: 5px 12px;
        display: flex;
        align-items: center;
        gap: 8px;
        font-weight: 600;
        font-size: 16px;
      }
      header img {
        width: 20px;
        height: 20px;
      }
      main {
        padding: 8px 12px 12px;
      }
      footer {
        border-top: 1px solid var(--nsl-border);
        background: var(--nsl-grey-5);
        padding: 8px 12px;
        font-size: 13px;
      }
      footer p {
        margin: 0 0 4px;
      }
      h1 {
        font-size: 20px;
        margin: 0 0 8px;
      }
      h1:focus {
        outline: none;
      }
      ul.choices {
        list-style: none;
        padding: 0;
        margin: 8px 0 0;
      }
      ul.choices li {
        margin: 0 0 8px;
      }
      button {
        font: inherit;
        cursor: pointer;
      }
      .choice {
        display: block;
        width: 100%;
        text-align: left;
        padding: 8px 12px;
        background: var(--nsl-white);
        color: var(--nsl-blue);
        border: 2px solid var(--nsl-blue);
        border-radius: 4px;
      }
      .choice:hover {
        background: var(--nsl-grey-5);
      }
      .back {
        background: none;
        border: 0;
        padding: 0;
        margin: 0 0 8px;
        color: var(--nsl-blue);
        text-decoration: underline;
      }
      .error {
        border-left: 4px solid var(--nsl-red);
        padding-left: 12px;
      }
      .pages {
        display: flex;
        gap: 16px;
      }
      .site-switch {
        font: inherit;
        font-size: 13px;
        background: none;
        border: 0;
        padding: 0;
        color: var(--nsl-blue);
        text-decoration: underline;
      }
      .warning.observed {
        border-left-color: var(--nsl-blue);
        background: #e8f1f8;
      }
      .warning {
        border: 1px solid var(--nsl-border);
        border-left: 8px solid var(--nsl-warm-yellow);
        background: #fff9e6;
        padding: 8px 12px;
        margin: 0 0 12px;
        font-size: 15px;
      }
    `,
  ];

  private async refresh(): Promise<void> {
    const { client, page } = this;
    if (client === undefined || page === undefined) return;
    this.view = { state: 'loading', showMessage: false };
    const timer = setTimeout(() => {
      if (this.view.state === 'loading') this.view = { state: 'loading', showMessage: true };
    }, LOADING_MESSAGE_DELAY_MS);
    try {
      this.view = { state: 'ready', result: await this.lookUp(client, page) };
      // The frame that first draws an answer: what the bench reads as the first meaningful paint (issue 22).
      void this.updateComplete.then(() => requestAnimationFrame(() => performance.mark(FIRST_PAINT_MARK)));
    } catch (error) {
      this.view = { state: 'error', message: error instanceof Error ? error.message : String(error) };
    } finally {
      clearTimeout(timer);
    }
  }

  override render() {
    return html`
      <header><img src="/icon/32.png" alt="" />NHS Social Lens</header>
      <main aria-live="polite" aria-busy=${this.view.state === 'loading' ? 'true' : 'false'}>${this.body()}</main>
      <footer>${this.footer()}</footer>
    `;
  }

  private body() {
    const view = this.view;
    if (view.state === 'loading') return view.showMessage ? html`<p>Looking up this page…</p>` : nothing;
    if (view.state === 'error') {
      return html`<div class="error" data-state="error" role="alert">
        <h1>Something went wrong</h1>
        <p>NHS Social Lens could not look up this page: ${view.message}</p>
      </div>`;
    }
    const result = view.result;
    if (result.state === 'disabled') {
      return html`<div data-state="disabled">
        <h1 tabindex="-1">Switched off on this site</h1>
        <p>You asked NHS Social Lens not to run on ${result.site}: it does not look this site up, show a badge or keep anything about it.</p>
        <button class="choice" data-testid="site-on" @click=${() => this.switchSite(result.site, false)}>Turn back on for ${result.site}</button>
      </div>`;
    }
    if (result.state === 'not-recognised') {
      return html`<nsl-not-recognised .client=${this.client} .url=${result.url} .tabUrl=${this.tabUrl}></nsl-not-recognised>`;
    }
    return html`${this.staleWarning(result.index.generatedAt)}${this.observed()}${this.recognised(result)}`;
  }

  /** The count this profile page showed, kept on this device and offered as a correction. */
  private observed() {
    const draft = this.observation?.draft;
    if (!this.observation || !draft?.followers) return nothing;
    const count = Number(draft.followers).toLocaleString('en-GB');
    return html`<div class="warning observed" role="status" data-testid="observed">
      <strong>${draft.followersApproximate ? 'About ' : ''}${count} followers</strong>, observed by you on
      ${formatFactDate(draft.observedOn ?? '')} on this page (kept on this device).
      <a href=${`/corrections.html?id=${encodeURIComponent(this.observation.id)}`} target="_blank">Offer it as a correction</a>
    </div>`;
  }

  /** A warning when the index is older than the user's threshold: its facts may have changed since. */
  private staleWarning(generatedAt: string) {
    const age = daysSince(generatedAt, this.now);
    if (age <= this.settings.staleAfterDays) return nothing;
    const months = Math.floor(age / 30.44);
    return html`<div class="warning" role="status" data-testid="stale">
      <strong>This index is ${months >= 2 ? `${months} months` : `${age} days`} old</strong> (generated ${formatFactDate(generatedAt.slice(0, 10))}).
      Accounts and figures may have changed since.
    </div>`;
  }

  private recognised(result: Extract<TabResult, { state: 'recognised' }>) {
    const { candidates } = result.detection;
    const sources = result.index.sources;
    const single = candidates.length === 1 ? candidates[0] : this.chosen;
    if (single !== undefined) {
      return html`<div data-state="recognised">
        ${candidates.length > 1 ? html`<button class="back" data-testid="back" @click=${() => this.choose(undefined)}>Back to the ${candidates.length} organisations</button>` : nothing}
        <nsl-org-card
          .candidate=${single}
          .sightings=${result.sightings}
          .sources=${sources}
          .context=${result.context}
          .ownCorrections=${result.ownCorrections ?? []}
          .pageUrl=${result.detection.url}
          @hide-own-suggestions=${() => this.run(() => ({ showOwnSuggestions: false }))}
          .countedPlatforms=${this.settings.countedPlatforms}
          .now=${this.now}
          .live=${this.client}
          .repositoryUrl=${this.repositoryUrl}
        ></nsl-org-card>
      </div>`;
    }
    return html`<div data-state="candidates">
      <h1 tabindex="-1">${candidates.length} organisations share this site</h1>
      <p>This website belongs to a group of organisations. Choose the one you want to see:</p>
      <ul class="choices">
        ${candidates.map(
          (candidate) => html`<li>
            <button class="choice" @click=${() => this.choose(candidate)}>
              ${candidate.organisation.name} <span class="secondary">(${kindLabel(candidate.organisation.kind)}, ${candidate.organisation.id})</span>
            </button>
          </li>`,
        )}
      </ul>
    </div>`;
  }

  /** Shows one of the organisations sharing the site (or the choice again), and takes the focus to its heading. */
  private async choose(candidate: Candidate | undefined): Promise<void> {
    this.chosen = candidate;
    await this.focusHeading();
  }

  /** Moves the focus to the heading of what the popup now shows (issue 30), not the page's body. */
  private async focusHeading(): Promise<void> {
    await this.updateComplete;
    const card = this.renderRoot.querySelector('nsl-org-card');
    if (card) {
      await card.updateComplete;
      card.focusHeading();
      return;
    }
    this.renderRoot.querySelector<HTMLElement>('main h1')?.focus();
  }

  /** "Don't run on this site" and "Turn back on", then the focus to the new answer's heading. */
  private async switchSite(site: string, disabled: boolean): Promise<void> {
    await this.run((settings) => ({ disabledSites: withSiteDisabled(settings.disabledSites, site, disabled) }));
    await this.focusHeading();
  }

  /** Saves a change over the stored settings (read afresh: another page may have changed them), then shows the tab again as it now stands. */
  private async run(change: (settings: Settings) => Partial<Settings>): Promise<void> {
    const client = this.client;
    if (client === undefined) return;
    try {
      const settings = await client.readSettings();
      await client.saveSettings({ ...settings, ...change(settings) });
    } catch (error) {
      this.view = { state: 'error', message: error instanceof Error ? error.message : String(error) };
      return;
    }
    await this.refresh();
  }

  /**
   * The site of the page shown, when it is a web page the user can switch the extension off on:
   * never a zone such as nhs.uk, which would switch it off on every trust (issue 17).
   */
  private site(result: TabResult | undefined): string | undefined {
    // The background names it: it holds the Public Suffix List, which the popup does not ship. A
    // page it does not recognise is never read, so there is nothing to switch off (issue 30).
    return result?.state === 'recognised' ? result.site : undefined;
  }

  private footer() {
    const result = this.view.state === 'ready' ? this.view.result : undefined;
    const site = this.site(result);
    return html`
      <p class="pages">
        <a href="/dashboard.html" target="_blank">Dashboard</a>
        <a href="/corrections.html" target="_blank">My corrections</a>
        <a href="/options.html" target="_blank">Settings</a>
      </p>
      <p>An independent tool, not affiliated with the NHS.</p>
      ${
        site
          ? html`<p><button class="site-switch" data-testid="site-off" @click=${() => this.switchSite(site, true)}>Don’t run on this site (${site})</button></p>`
          : nothing
      }
      ${
        result?.state === 'recognised'
          ? html`<p class="secondary" data-testid="index-info">Index version ${result.index.version}, generated ${formatFactDate(result.index.generatedAt.slice(0, 10))}. Data from NHS ODS, NHS England and GOV.UK (Open Government Licence).</p>`
          : nothing
      }
    `;
  }
}

customElements.define('nsl-popup', Popup);
declare global {
  interface HTMLElementTagNameMap {
    'nsl-popup': Popup;
  }
}
