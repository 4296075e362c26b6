import { css, html, LitElement, nothing, type PropertyValues } from 'lit';
import { downloadName, toCsv, toJsonLines } from '../dashboard/export';
import { ADOPTION_LEVELS, codeLabel, type DashboardRow, LEVEL_LABELS, regionLabel, TRUST_TYPE_LABELS } from '../dashboard/rows';
import { applyTableQuery, DEFAULT_QUERY, type Page, pageOf, type SortKey, type TableQuery } from '../dashboard/table-query';
import { formatCount, formatFactDate, kindLabel } from '../format';
import { COUNTRIES, isHttpUrl, ORGANISATION_KINDS, TRUST_TYPES } from '../index/schema';
import { PLATFORM_LABELS } from '../social/platform-labels';
import { PLATFORMS } from '../social/platforms';
import { downloadBlob } from './download';
import { outlineButtons, theme } from './theme';

const SORT_LABELS: Record<SortKey, string> = {
  name: 'Organisation',
  // ODS, or a nation's own code (GSS, PHS) where a body has no ODS code (issue 20).
  id: 'Code',
  kind: 'Type',
  region: 'Region',
  // Whose each level is (issue 30): the index's, or with what this browser saw of its own website.
  level: 'Adoption level (the index)',
  seen: 'Seen by you',
  followers: 'Followers',
};

/** The same, inside a sentence ("sorted by ODS code"). */
const SORT_IN_WORDS: Record<SortKey, string> = {
  name: 'name',
  id: 'code',
  kind: 'type',
  region: 'region',
  level: 'adoption level (the index)',
  seen: 'level seen by you',
  followers: 'followers',
};

const STATE_NOTES: Record<string, string> = { closed: ' (closed)', dormant: ' (dormant)' };

/**
 * Every organisation, one page at a time: search, filters, sortable columns, accounts as links,
 * and the filtered table as CSV or JSON. The view lives in `query` (the dashboard keeps it in the
 * URL hash); only the page shown is rendered, so 10,000 organisations stay quick.
 *
 * @fires nsl-query-change - detail: the new TableQuery, when the user changes the view.
 */
export class OrgTable extends LitElement {
  static override properties = {
    rows: { attribute: false },
    query: { attribute: false },
    index: { attribute: false },
  };
  rows: readonly DashboardRow[] = [];
  query: TableQuery = DEFAULT_QUERY;
  /** The installed index's version and date, for the downloads' names (issue 30). */
  index?: { version: number; generatedAt: string };
  /** Saves a file (a test stands in for the browser's download). */
  save: (name: string, blob: Blob) => void = (name, blob) => downloadBlob(blob, name);
  private matching: DashboardRow[] = [];
  private regions: string[] = [];

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('rows')) this.regions = [...new Set(this.rows.map((r) => r.region))].sort(regionOrder);
    if (changed.has('rows') || changed.has('query')) this.matching = applyTableQuery(this.rows, this.query);
  }

  protected override updated(changed: PropertyValues<this>): void {
    // A new page starts at the top of the table, as a new page would, when the top is out of sight.
    const before = changed.get('query');
    const table = this.renderRoot.querySelector('table');
    if (before !== undefined && before.page !== this.query.page && table && table.getBoundingClientRect().top < 0) table.scrollIntoView();
  }

  private change(change: Partial<TableQuery>) {
    const query = { ...this.query, page: 1, ...change };
    this.dispatchEvent(new CustomEvent<TableQuery>('nsl-query-change', { detail: query, bubbles: true, composed: true }));
  }

  /** A filter's new value: '' (All) removes it. */
  private filterFrom(event: Event): string | undefined {
    return (event.target as HTMLSelectElement).value || undefined;
  }

  static override styles = [
    theme,
    outlineButtons,
    css`
      :host {
        display: block;
      }
      .filters {
        display: grid;
        grid-template-columns: repeat(auto-fill, minmax(200px, 1fr));
        gap: 12px 16px;
        margin-top: 12px;
      }
      label {
        display: block;
        font-weight: 600;
        margin-bottom: 4px;
      }
      input,
      select {
        font: inherit;
        padding: 6px 8px;
        border: 2px solid var(--nsl-text);
        background: var(--nsl-white);
        color: var(--nsl-text);
        width: 100%;
        box-sizing: border-box;
      }
      input {
        width: min(100%, 420px);
      }
      input:focus,
      select:focus {
        outline: 4px solid var(--nsl-focus);
        outline-offset: 0;
        box-shadow: inset 0 0 0 2px var(--nsl-text);
      }
      .bar {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        justify-content: space-between;
        gap: 8px 16px;
        margin-top: 12px;
      }
      .count {
        margin: 0;
        font-weight: 600;
      }
      button[aria-disabled='true'] {
        color: var(--nsl-secondary-text);
        border-color: var(--nsl-border);
        cursor: default;
      }
      .actions {
        display: flex;
        flex-wrap: wrap;
        gap: 8px;
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
      .number {
        text-align: right;
      }
      caption {
        text-align: left;
        font-weight: 600;
        padding: 8px 0;
      }
      th button {
        border: 0;
        padding: 0;
        font-weight: 600;
        color: var(--nsl-blue);
        text-decoration: underline;
        text-align: inherit;
        background: transparent;
      }
      th[aria-sort] button {
        color: var(--nsl-text);
        text-decoration: none;
      }
      ul {
        list-style: none;
        margin: 0;
        padding: 0;
      }
      .handle {
        font-size: 14px;
      }
      nav {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: 8px;
        margin-top: 16px;
      }
    `,
  ];

  override render() {
    const query = this.query;
    const page = pageOf(this.matching, query.page);
    const filtered = this.matching.length !== this.rows.length;
    return html`<div class="panel">
        <label for="search">Search by name, ODS code or website</label>
        <input id="search" type="search" .value=${query.q ?? ''} @input=${(e: Event) => this.change({ q: (e.target as HTMLInputElement).value || undefined })} />
        <div class="filters">
          ${this.select(
            'kind',
            'Type',
            query.kind,
            ORGANISATION_KINDS.filter((k) => this.rows.some((r) => r.kind === k)).map((k) => [k, kindLabel(k)]),
          )}
          ${this.select(
            'country',
            'Country',
            query.country,
            COUNTRIES.filter((c) => this.rows.some((r) => r.country === c)).map((c) => [c, c]),
          )}
          ${this.select(
            'trustType',
            'Trust type',
            query.trustType,
            TRUST_TYPES.filter((t) => this.rows.some((r) => r.trustType === t)).map((t) => [t, TRUST_TYPE_LABELS[t]]),
          )}
          ${this.select(
            'region',
            'Region',
            query.region,
            this.regions.map((r) => [r, regionLabel(r)]),
          )}
          ${this.select(
            'level',
            'Adoption level (the index)',
            query.level,
            ADOPTION_LEVELS.map((l) => [l, LEVEL_LABELS[l]]),
          )}
          ${this.select(
            'platform',
            'Official account in use on',
            query.platform,
            PLATFORMS.map((p) => [p, PLATFORM_LABELS[p]]),
          )}
        </div>
        <div class="bar">
          <p class="count" aria-live="polite" data-testid="row-count">${this.countText(page, filtered)}</p>
          <div class="actions">
            ${filtered ? html`<button type="button" @click=${() => this.change({ q: undefined, kind: undefined, country: undefined, trustType: undefined, region: undefined, level: undefined, platform: undefined })}>Clear search and filters</button>` : nothing}
            <button type="button" @click=${() => this.download('csv')}>Download CSV</button>
            <button type="button" @click=${() => this.download('json')}>Download JSON</button>
          </div>
        </div>
      </div>
      <table>
        <caption>
          Organisations in the installed index, sorted by ${SORT_IN_WORDS[query.sort]}
          (${query.dir === 'asc' ? 'ascending' : 'descending'})
        </caption>
        <thead>
          <tr>
            ${this.sortHeader('name')}${this.sortHeader('id')}${this.sortHeader('kind')}${this.sortHeader('region')}${this.sortHeader('level')}${this.sortHeader('seen')}
            <th scope="col">Official accounts (the index)</th>
            ${this.sortHeader('followers', 'number')}
          </tr>
        </thead>
        <tbody>
          ${page.items.map((row) => this.row(row))}
        </tbody>
      </table>
      ${page.pages > 1 ? this.pager(page) : nothing}`;
  }

  private countText(page: Page<DashboardRow>, filtered: boolean): string {
    const of = `${formatCount(this.matching.length)} organisation${this.matching.length === 1 ? '' : 's'}`;
    const from = filtered ? `, from ${formatCount(this.rows.length)}` : '';
    if (this.matching.length === 0) return `No organisations match${from}`;
    if (page.pages === 1) return `${of}${from}`;
    return `${formatCount(page.first)} to ${formatCount(page.last)} of ${of}${from}`;
  }

  private select(
    name: 'kind' | 'country' | 'trustType' | 'region' | 'level' | 'platform',
    label: string,
    value: string | undefined,
    options: [string, string][],
  ) {
    return html`<div>
      <label for=${name}>${label}</label>
      <select id=${name} @change=${(e: Event) => this.change({ [name]: this.filterFrom(e) })}>
        <option value="" ?selected=${value === undefined}>All</option>
        ${options.map(([v, text]) => html`<option value=${v} ?selected=${v === value}>${text}</option>`)}
      </select>
    </div>`;
  }

  private sortHeader(key: SortKey, className = '') {
    const active = this.query.sort === key;
    const next = active && this.query.dir === 'asc' ? 'desc' : 'asc';
    return html`<th scope="col" class=${className} aria-sort=${active ? (this.query.dir === 'asc' ? 'ascending' : 'descending') : nothing}>
      <button type="button" @click=${() => this.change({ sort: key, dir: next })}>
        ${SORT_LABELS[key]}<span aria-hidden="true">${active ? (this.query.dir === 'asc' ? ' ▲' : ' ▼') : ''}</span>
      </button>
    </th>`;
  }

  private row(row: DashboardRow) {
    return html`<tr>
      <td><a href=${`#org/${encodeURIComponent(row.id)}`}>${row.name}</a></td>
      <td>${row.codeScheme === 'none' ? html`<span class="secondary">${codeLabel(row)}</span>` : codeLabel(row)}</td>
      <td>${kindLabel(row.kind)}</td>
      <td>${regionLabel(row.region)}</td>
      <td data-testid="index-level">${row.levelLabel}</td>
      <td data-testid="seen-level">${
        row.seen
          ? html`${row.seen.label}<span class="handle secondary"> · seen ${formatFactDate(row.seen.lastSeen.slice(0, 10))}</span>`
          : html`<span class="secondary">Not visited</span>`
      }</td>
      <td>
        ${
          row.officialAccounts.length === 0
            ? html`<span class="secondary">${row.level === 'none' ? 'None found' : 'Not yet known'}</span>`
            : html`<ul>
                ${row.officialAccounts.map(
                  (a) =>
                    html`<li>${isHttpUrl(a.url) ? html`<a href=${a.url}>${PLATFORM_LABELS[a.platform]}</a>` : PLATFORM_LABELS[a.platform]}
                      <span class="handle secondary">${a.handle}${STATE_NOTES[a.state] ?? ''}</span></li>`,
                )}
              </ul>`
        }
      </td>
      <td class="number">${row.followers === undefined ? html`<span class="secondary">Not measured</span>` : formatCount(row.followers)}</td>
    </tr>`;
  }

  private pager(page: Page<DashboardRow>) {
    // aria-disabled rather than disabled: a button that just became unavailable keeps the focus.
    const button = (label: string, target: number, unavailable: boolean) =>
      html`<button type="button" aria-disabled=${unavailable ? 'true' : 'false'} @click=${() => unavailable || this.change({ page: target })}>
        ${label}
      </button>`;
    return html`<nav aria-label="Pages of the table">
      ${button('First page', 1, page.page === 1)} ${button('Previous page', page.page - 1, page.page === 1)}
      <span data-testid="page">Page ${formatCount(page.page)} of ${formatCount(page.pages)}</span>
      ${button('Next page', page.page + 1, page.page === page.pages)} ${button('Last page', page.pages, page.page === page.pages)}
    </nav>`;
  }

  private download(format: 'csv' | 'json') {
    const [text, type, extension] =
      format === 'csv' ? [toCsv(this.matching), 'text/csv', 'csv'] : [toJsonLines(this.matching), 'application/x-ndjson', 'jsonl'];
    const name = this.index ? downloadName(this.index, extension) : `nhs-social-lens-organisations.${extension}`;
    this.save(name, new Blob([text], { type: `${type};charset=utf-8` }));
  }
}

/** Regions by name, with "national" and "unknown" last. */
function regionOrder(a: string, b: string): number {
  const rank = (r: string) => (r === 'unknown' ? 2 : r === 'national' ? 1 : 0);
  return rank(a) - rank(b) || a.localeCompare(b, 'en-GB');
}

customElements.define('nsl-org-table', OrgTable);
declare global {
  interface HTMLElementTagNameMap {
    'nsl-org-table': OrgTable;
  }
}
