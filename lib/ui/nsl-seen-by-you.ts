import { css, html, LitElement, nothing } from 'lit';
import { downloadName } from '../dashboard/export';
import type { SeenAccount, SeenLayer, SeenOrganisation } from '../dashboard/seen-by-you';
import { liveSource, seenFacts, seenToCsv, seenToJsonLines } from '../dashboard/seen-export';
import { datesInWords, dayInWords } from '../dashboard/seen-series';
import { formatCount, formatFactTime } from '../format';
import { isHttpUrl } from '../index/schema';
import { PLATFORM_LABELS } from '../social/platform-labels';
import { downloadBlob } from './download';
import { dashboardSection, outlineButtons, theme } from './theme';

/**
 * The dashboard's "Seen by you" layer (issue 19 part 6): the organisations whose own websites the
 * user visited, with the accounts those sites link to and the live figures the user asked for,
 * each with its page and date, how many and over which dates, and its export as CSV and JSON
 * lines. Everything in it came from pages or platforms: text bindings only, and a link only to an
 * http(s) address.
 */
export class SeenByYou extends LitElement {
  static override properties = {
    layer: { attribute: false },
    problem: { attribute: false },
    index: { attribute: false },
  };
  /** The installed index's version and date, for the downloads' names (issue 30). */
  index?: { version: number; generatedAt: string };
  layer?: SeenLayer;
  /** Why the user's records could not be loaded, in words. */
  problem = '';
  /** Saves a file (a test stands in for the browser's download). */
  download: (name: string, text: string, type: string) => void = (name, text, type) =>
    downloadBlob(new Blob([text], { type: `${type};charset=utf-8` }), name);

  static override styles = [
    theme,
    dashboardSection,
    outlineButtons,
    css`
      section {
        border-top: 4px solid var(--nsl-dark-blue);
      }
      td.number {
        text-align: right;
      }
      ul {
        margin: 0;
        padding-left: 0;
        list-style: none;
      }
      li + li {
        margin-top: 4px;
      }
      .fact {
        font-size: 14px;
      }
      .downloads {
        display: flex;
        gap: 8px;
        flex-wrap: wrap;
        margin: 12px 0;
      }
    `,
  ];

  override render() {
    return html`<section aria-labelledby="seen-by-you" data-testid="seen-by-you">
      <h2 id="seen-by-you">Seen by you</h2>
      ${this.body()}
    </section>`;
  }

  private body() {
    if (this.problem) return html`<p role="alert">Your own observations could not be loaded: ${this.problem}</p>`;
    const layer = this.layer;
    if (layer === undefined) return html`<p>Loading your own observations…</p>`;
    if (layer.organisations.length === 0 || layer.firstSeen === undefined || layer.lastSeen === undefined)
      return html`<p data-testid="seen-empty">
        <strong>Nothing seen yet.</strong> This layer builds from your own visits: open NHS organisations' own websites (a
        trust's home page, for example) with NHS Social Lens on, and each one you visit is added here, with the accounts its
        site links to and the dates you saw them. Live figures you ask for in the popup are added too. Everything stays on
        this device.
      </p>`;
    const n = layer.organisations.length;
    return html`<p data-testid="seen-summary">
        You visited the own websites of <strong>${formatCount(n)} organisation${n === 1 ? '' : 's'}</strong>, observed
        <span data-testid="seen-dates">${datesInWords(layer.firstSeen, layer.lastSeen)}</span>. Kept on this device only.
      </p>
      <ul class="fact" data-testid="seen-sources">
        <li><strong>The index</strong>: its reviewed facts, in the charts' first series and the “Today” row above.</li>
        <li>
          <strong>Seen by you</strong>: the level from the index and what each organisation's own website links to, as
          you saw it; live figures from Bluesky's and Mastodon's public APIs where you asked for them. In the charts' second
          series and the “Seen by you” row.
        </li>
      </ul>
      <div class="downloads">
        <button type="button" data-testid="seen-csv" @click=${() => this.save('csv', layer)}>
          Download CSV<span class="visually-hidden"> of what you have seen</span>
        </button>
        <button type="button" data-testid="seen-jsonl" @click=${() => this.save('jsonl', layer)}>
          Download JSON lines<span class="visually-hidden"> of what you have seen</span>
        </button>
      </div>
      <table data-testid="seen-table">
        <caption class="visually-hidden">The organisations you visited, their accounts and the dates you saw them</caption>
        <thead>
          <tr>
            <th scope="col">Organisation</th>
            <th scope="col">Level (index and its own website)</th>
            <th scope="col">Accounts its own website links to, and live figures</th>
            <th scope="col" class="number">Live followers (Bluesky, Mastodon)</th>
            <th scope="col">First observed</th>
            <th scope="col">Last observed</th>
          </tr>
        </thead>
        <tbody>
          ${layer.organisations.map((org) => this.row(org))}
        </tbody>
      </table>`;
  }

  private row(org: SeenOrganisation) {
    return html`<tr data-organisation=${org.id}>
      <th scope="row"><a href=${`#org/${encodeURIComponent(org.id)}`}>${org.name}</a></th>
      <td data-testid="seen-level">${org.levelInWords}</td>
      <td>${this.accounts(org)}</td>
      <td class="number" data-testid="seen-followers">
        ${org.liveFollowers === undefined ? 'Not measured' : html`${formatCount(org.liveFollowers)}<span class="visually-hidden"> over ${org.liveAccounts} accounts</span>`}
      </td>
      <td data-testid="seen-first">${dayInWords(org.firstSeen)}</td>
      <td data-testid="seen-last">${dayInWords(org.lastSeen)}</td>
    </tr>`;
  }

  private accounts(org: SeenOrganisation) {
    const read = org.siteRead;
    const readLine = read
      ? html`<li class="fact secondary">
          Home page read ${dayInWords(read.readAt)}:
          ${read.outcome === 'found' ? `${read.profilesFound} profiles found` : read.outcome === 'none' ? 'it links no profiles (not the same as none)' : `it could not be read${read.reason ? ` (${read.reason})` : ''}`}
        </li>`
      : nothing;
    if (org.accounts.length === 0)
      return html`<ul>
        <li>Not yet known: no account seen on its own website.</li>
        ${readLine}
      </ul>`;
    return html`<ul>
      ${org.accounts.map((a) => this.account(a))} ${readLine}
    </ul>`;
  }

  private account(a: SeenAccount) {
    const name = `${PLATFORM_LABELS[a.platform]} ${a.handle}`;
    const site = a.site;
    const live = a.live;
    return html`<li data-testid="seen-account">
      ${isHttpUrl(a.url) ? html`<a href=${a.url}>${name}</a>` : name}${site ? html`<span class="fact secondary">: its own website, ${site.source ? html`<a href="#survey">${site.source}</a>` : `seen ${dayInWords(site.lastSeen)}`}${site.notCounted ? ` (${site.notCounted}: not counted)` : ''}</span>` : nothing}
      ${
        live
          ? html`<span class="fact" data-testid="seen-live">
              · ${live.figures.followers === undefined ? 'followers not given' : `${formatCount(live.figures.followers)} followers`},
              ${liveSource(a, live.source)}, ${formatFactTime(live.at)}</span
            >`
          : nothing
      }
    </li>`;
  }

  private save(format: 'csv' | 'jsonl', layer: SeenLayer) {
    const facts = seenFacts(layer);
    const name = (extension: string) =>
      this.index ? downloadName(this.index, extension, 'seen-by-you') : `nhs-social-lens-seen-by-you.${extension}`;
    if (format === 'csv') this.download(name('csv'), seenToCsv(facts), 'text/csv');
    else this.download(name('jsonl'), seenToJsonLines(facts), 'application/x-ndjson');
  }
}

customElements.define('nsl-seen-by-you', SeenByYou);
declare global {
  interface HTMLElementTagNameMap {
    'nsl-seen-by-you': SeenByYou;
  }
}
