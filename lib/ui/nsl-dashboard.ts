import { css, html, LitElement, nothing } from 'lit';
import type { InstalledIndexView } from '../browser/messaging';
import { type Organisation, PLATFORMS, type Platform } from '../index/schema';
import { adoptionOf } from '../metrics/adoption';
import { formatFactDate, kindLabel } from './format';
import { pageLayout, theme } from './theme';
import './nsl-org-card';

/**
 * The organisations in the installed index: a searchable table, and a details view per
 * organisation (`dashboard.html#org/<ODS>`, the popup's "Details in the dashboard" link).
 */
export class Dashboard extends LitElement {
  static override properties = {
    data: { state: true },
    error: { state: true },
    query: { state: true },
    route: { attribute: false },
    countedPlatforms: { attribute: false },
  };
  data?: InstalledIndexView;
  error?: string;
  query = '';
  /** The location hash: `#org/RJ1` shows one organisation; anything else, the table. */
  route = '';
  countedPlatforms: readonly Platform[] = PLATFORMS;

  set load(fn: () => Promise<InstalledIndexView>) {
    fn().then(
      (data) => {
        this.data = data;
      },
      (error: unknown) => {
        this.error = error instanceof Error ? error.message : String(error);
      },
    );
  }

  static override styles = [
    theme,
    pageLayout,
    css`
      :host {
        display: block;
      }
      .panel {
        background: var(--nsl-white);
        padding: 16px 24px;
        border: 1px solid var(--nsl-border);
      }
      label {
        display: block;
        font-weight: 600;
        margin-bottom: 4px;
      }
      input {
        font: inherit;
        padding: 6px 8px;
        border: 2px solid var(--nsl-text);
        width: min(100%, 420px);
        box-sizing: border-box;
      }
      input:focus {
        outline: 4px solid var(--nsl-focus);
        outline-offset: 0;
        box-shadow: inset 0 0 0 2px var(--nsl-text);
      }
      table {
        border-collapse: collapse;
        width: 100%;
        margin-top: 16px;
        background: var(--nsl-white);
        font-size: 15px;
      }
      th,
      td {
        text-align: left;
        padding: 8px;
        border-bottom: 1px solid var(--nsl-border);
        vertical-align: top;
      }
      caption {
        text-align: left;
        font-weight: 600;
        padding: 8px 0;
      }
      footer {
        max-width: 960px;
        margin: 0 auto;
        padding: 0 24px 24px;
        font-size: 14px;
      }
    `,
  ];

  override render() {
    return html`<header>NHS Social Lens</header>
      <main>${this.body()}</main>
      <footer class="secondary">An independent tool, not affiliated with the NHS.${
        this.data ? ` Index version ${this.data.index.version}, generated ${formatFactDate(this.data.index.generatedAt.slice(0, 10))}.` : ''
      }</footer>`;
  }

  private body() {
    if (this.error) return html`<h1>Something went wrong</h1><p role="alert">The organisations could not be loaded: ${this.error}</p>`;
    const data = this.data;
    if (data === undefined) return nothing;
    const id = /^#org\/([A-Za-z0-9:-]+)$/.exec(this.route)?.[1];
    if (id !== undefined) return this.details(data, decodeURIComponent(id));
    return this.table(data);
  }

  private details(data: InstalledIndexView, id: string) {
    const organisation = data.organisations.find((o) => o.id === id);
    const back = html`<p><a href="#">All organisations</a></p>`;
    if (organisation === undefined)
      return html`${back}<h1>No organisation ${id}</h1><p>The installed index has no organisation with that code.</p>`;
    return html`${back}
      <div class="panel">
        <nsl-org-card
          .candidate=${{ organisation, evidence: { rule: 'organisation-code', value: id }, confidence: 'high' }}
          .showEvidence=${false}
          .sightings=${data.sightings}
          .sources=${data.index.sources}
          .countedPlatforms=${this.countedPlatforms}
        ></nsl-org-card>
      </div>`;
  }

  private table(data: InstalledIndexView) {
    const query = this.query.trim().toLowerCase();
    const rows = data.organisations.filter(
      (o) => query === '' || o.name.toLowerCase().includes(query) || o.id.toLowerCase().includes(query),
    );
    return html`<h1>Organisations</h1>
      <div class="panel">
        <label for="search">Search by name or ODS code</label>
        <input id="search" type="search" .value=${this.query} @input=${(e: Event) => (this.query = (e.target as HTMLInputElement).value)} />
        <p aria-live="polite">${rows.length} of ${data.organisations.length} organisations</p>
      </div>
      <table>
        <caption>Every organisation in the installed index, with its adoption level</caption>
        <thead>
          <tr><th scope="col">Organisation</th><th scope="col">ODS code</th><th scope="col">Type</th><th scope="col">Region</th><th scope="col">Adoption level</th></tr>
        </thead>
        <tbody>
          ${rows.map((o) => this.row(o))}
        </tbody>
      </table>`;
  }

  private row(org: Organisation) {
    return html`<tr>
      <td><a href=${`#org/${encodeURIComponent(org.id)}`}>${org.name}</a></td>
      <td>${org.id}</td>
      <td>${kindLabel(org.kind)}</td>
      <td>${org.region === 'unknown' ? 'Not yet known' : org.region}</td>
      <td>${adoptionOf(org, this.countedPlatforms).label}</td>
    </tr>`;
  }
}

customElements.define('nsl-dashboard', Dashboard);
declare global {
  interface HTMLElementTagNameMap {
    'nsl-dashboard': Dashboard;
  }
}
