import { css, html, LitElement, nothing, type PropertyValues } from 'lit';
import type { PageClient } from '../browser/client';
import type { InstalledIndexView, SeenByYouView, SurveyView } from '../browser/messaging';
import { type ChartSpec, shareOf } from '../dashboard/aggregate';
import { type DashboardRow, dashboardRows } from '../dashboard/rows';
import { type SeenLayer, seenByYou, withSeenLevels } from '../dashboard/seen-by-you';
import { overviewChartsWithSeen, type SeenToday, seenToday } from '../dashboard/seen-series';
import { parseTableQuery, type TableQuery, tableQueryToHash } from '../dashboard/table-query';
import { type TodayFigures, todayFigures } from '../dashboard/then-and-now';
import type { PageWindow } from './mount-page';
import type { Survey, SurveyClient } from './nsl-survey';
import { pageLayout, theme } from './theme';
import './nsl-bar-chart';
import './nsl-how-to-cite';
import './nsl-org-page';
import './nsl-org-table';
import { ref } from 'lit/directives/ref.js';
import type { Citation } from '../dashboard/citation';
import { ResearchLog, type ResearchLogClient } from './nsl-research-log';
import './nsl-seen-by-you';
import './nsl-survey';
import './nsl-then-and-now';
import { formatCount, formatFactDate } from '../format';
import { PLATFORMS, type Platform } from '../social/platforms';
import { type SurveyFigures, surveyFigures } from '../survey/survey-figures';
import { joinSurvey, surveyAsSeen } from '../survey/survey-seen';

/** What the dashboard asks of the extension: the whole installed index, which platforms count, and the user's own records. */
export type DashboardClient = Pick<PageClient, 'getOrganisations' | 'readSettings' | 'getSeenByYou'> &
  SurveyClient &
  Partial<ResearchLogClient>;

type View =
  | { name: 'overview' }
  | { name: 'table'; query: TableQuery }
  | { name: 'organisation'; id: string }
  | { name: 'survey' }
  | { name: 'log' };

/** `text` percent-decoded; as typed when it cannot be (a lone `%`), so no code matches it and the page says so (issue 17). */
function decodedOrAsTyped(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** Reads the location hash: `#org/RJ1` one organisation, `#table?kind=trust` the table, `#log` the research log, anything else the overview. */
export function viewOf(route: string): View {
  if (route === '#log') return { name: 'log' };
  const id = /^#org\/([A-Za-z0-9:%-]+)$/.exec(route)?.[1];
  if (id !== undefined) return { name: 'organisation', id: decodedOrAsTyped(id) };
  const table = /^#table(?:\?(.*))?$/.exec(route);
  if (table) return { name: 'table', query: parseTableQuery(table[1] ?? '') };
  if (route === '#survey') return { name: 'survey' };
  return { name: 'overview' };
}

/**
 * The dashboard: the index at a glance (then and now, charts), a table of every organisation
 * (`#table?…`, its view in the hash so it can be shared), and one organisation's details
 * (`#org/<ODS>`, the popup's "Details in the dashboard" link). The route is the page's hash; the
 * table's view is written into it (history.replaceState, no entry per keystroke) so it can be
 * shared and survives a reload.
 */
export class Dashboard extends LitElement {
  static override properties = {
    data: { state: true },
    error: { state: true },
    route: { attribute: false },
    countedPlatforms: { attribute: false },
    seenRecords: { state: true },
    seenProblem: { state: true },
    survey: { state: true },
    citation: { attribute: false },
  };
  /** The user's survey of the sector (issue 29): joins the "Seen by you" layer and gains a "then and now" row. */
  survey?: SurveyView;
  private surveyFigures?: SurveyFigures;
  data?: InstalledIndexView;
  /** The user's own records for the "Seen by you" layer (issue 19), besides the sightings in `data`. */
  seenRecords?: SeenByYouView;
  seenProblem = '';
  error?: string;
  /** The location hash. */
  route = '';
  countedPlatforms: readonly Platform[] = PLATFORMS;
  private rows: DashboardRow[] = [];
  /** The table's rows: the index's, with the level seen by you beside it where this browser saw the site (issue 30). */
  private tableRows: DashboardRow[] = [];
  private charts: ChartSpec[] = [];
  private today?: TodayFigures;
  private seen?: SeenLayer;
  private seenToday?: SeenToday;
  /** The last table view, where "All organisations" goes back to. */
  private lastTable = '#table';

  private page?: PageWindow;
  private client?: DashboardClient;
  /** The facts of CITATION.cff, bundled at build time (issue 30); the entry sets them. */
  citation?: Citation;

  /** Starts the dashboard on the page's hash, and loads the index. */
  async start(client: DashboardClient, page: PageWindow): Promise<void> {
    this.page = page;
    this.client = client;
    this.route = page.location.hash;
    page.addEventListener('hashchange', () => {
      this.route = page.location.hash;
    });
    void client.readSettings().then((settings) => {
      this.countedPlatforms = settings.countedPlatforms;
    });
    // The layer is the user's own: the index's views stand without it when it cannot be read.
    void (async () => client.getSeenByYou())().then(
      (records) => {
        this.seenRecords = records;
      },
      (error: unknown) => {
        this.seenProblem = error instanceof Error ? error.message : String(error);
      },
    );
    void (async () => client.getSurvey())().then(
      (view) => {
        this.survey = view;
      },
      () => undefined, // the index's views stand without it; the survey's own view says what went wrong
    );
    try {
      this.data = await client.getOrganisations();
    } catch (error) {
      this.error = error instanceof Error ? error.message : String(error);
    }
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    const data = this.data;
    const indexChanged = changed.has('data') || changed.has('countedPlatforms');
    if ((indexChanged || changed.has('seenRecords') || changed.has('survey')) && data) {
      // The layer arrives apart from the index: the index's rows are not made again for it (10,000 organisations).
      if (indexChanged) this.rows = dashboardRows(data.organisations, this.countedPlatforms);
      const run = this.survey?.run;
      const records = this.seenRecords && { ...this.seenRecords, sightings: data.sightings };
      this.seen = records
        ? seenByYou(
            data.organisations,
            run ? joinSurvey(records, surveyAsSeen(run, this.survey?.results ?? [])) : records,
            this.countedPlatforms,
          )
        : undefined;
      this.surveyFigures = run ? surveyFigures(run, this.survey?.results ?? [], data.organisations.length) : undefined;
      this.charts = overviewChartsWithSeen(this.rows, this.seen);
      this.today = todayFigures(this.rows);
      this.seenToday = seenToday(this.seen);
      this.tableRows = withSeenLevels(this.rows, this.seen);
    }
    if (changed.has('route') && viewOf(this.route).name === 'table') this.lastTable = this.route || '#table';
  }

  protected override updated(changed: PropertyValues<this>): void {
    // A new view (not a new table page or filter) takes focus to its heading, as a page load would.
    const before = changed.get('route');
    if (before !== undefined && changed.has('route') && viewOf(before).name !== viewOf(this.route).name) {
      const log = this.renderRoot.querySelector('nsl-research-log');
      if (log) void log.updateComplete.then(() => log.renderRoot.querySelector<HTMLElement>('h1')?.focus());
      else this.renderRoot.querySelector<HTMLElement>('h1')?.focus();
    }
  }

  private queryChanged(event: CustomEvent<TableQuery>) {
    const hash = tableQueryToHash(event.detail);
    this.route = hash;
    this.page?.history.replaceState(null, '', hash);
  }

  static override styles = [
    theme,
    pageLayout,
    css`
      :host {
        display: block;
        --nsl-page-width: 1040px;
      }
      nav.views {
        background: var(--nsl-dark-blue);
        padding: 0 24px;
        display: flex;
        gap: 24px;
      }
      nav.views a {
        color: var(--nsl-white);
        display: inline-block;
        padding: 8px 0;
        font-weight: 600;
      }
      nav.views a[aria-current='page'] {
        text-decoration: none;
        border-bottom: 4px solid var(--nsl-white);
      }
      nav.views a:focus-visible {
        color: var(--nsl-text);
      }
      h1 {
        font-size: 30px;
        margin: 8px 0 12px;
      }
      h1:focus {
        outline: none;
      }
      h2 {
        font-size: 22px;
        margin: 24px 0 12px;
      }
      .key {
        display: grid;
        grid-template-columns: repeat(auto-fit, minmax(200px, 1fr));
        gap: 16px;
        margin: 16px 0 24px;
        padding: 0;
      }
      .key div {
        background: var(--nsl-white);
        border: 1px solid var(--nsl-border);
        border-top: 4px solid var(--nsl-blue);
        padding: 12px 16px;
      }
      .key div.unknown {
        border-top-color: var(--nsl-secondary-text);
      }
      .key dt {
        font-size: 15px;
      }
      .key dd {
        margin: 4px 0 0;
        font-size: 28px;
        font-weight: 700;
      }
      .key dd span {
        font-size: 16px;
        font-weight: 400;
      }
      footer {
        max-width: var(--nsl-page-width);
        margin: 0 auto;
        padding: 0 24px 24px;
        font-size: 14px;
      }
    `,
  ];

  override render() {
    const view = viewOf(this.route);
    return html`<header>NHS Social Lens</header>
      <nav class="views" aria-label="Dashboard">
        <a href="#overview" aria-current=${view.name === 'overview' ? 'page' : nothing}>Overview</a>
        <a href=${this.lastTable} aria-current=${view.name === 'table' ? 'page' : nothing}>Organisations</a>
        <a href="#survey" aria-current=${view.name === 'survey' ? 'page' : nothing}>Survey the sector</a>
        <a href="#log" aria-current=${view.name === 'log' ? 'page' : nothing}>Research log</a>
        <a href="/corrections.html">My corrections</a>
      </nav>
      <main aria-busy=${this.data === undefined && this.error === undefined ? 'true' : 'false'}>${this.body(view)}</main>
      <footer class="secondary">An independent tool, not affiliated with the NHS.${
        this.data ? ` Index version ${this.data.index.version}, generated ${formatFactDate(this.data.index.generatedAt.slice(0, 10))}.` : ''
      }</footer>`;
  }

  private body(view: View) {
    if (this.error)
      return html`<h1 tabindex="-1">Something went wrong</h1><p role="alert">The organisations could not be loaded: ${this.error}</p>`;
    const data = this.data;
    if (data === undefined) return html`<p>Loading the organisations…</p>`;
    switch (view.name) {
      case 'organisation':
        return this.details(data, view.id);
      case 'table':
        return this.table(view.query);
      case 'overview':
        return this.overview(data);
      case 'survey':
        return html`<h1 tabindex="-1">Survey the sector</h1>
          ${this.surveyElement(data)}`;
      case 'log':
        return this.researchLog();
    }
  }

  private overview(data: InstalledIndexView) {
    const today = this.today;
    const total = this.rows.length;
    const share = (n: number) => (total > 0 ? html` <span>(${shareOf(n, total)})</span>` : nothing);
    const credit = `NHS Social Lens (independent, not affiliated with the NHS) · index version ${data.index.version}, generated ${formatFactDate(data.index.generatedAt.slice(0, 10))}`;
    return html`<h1 tabindex="-1">NHS organisations on social media</h1>
      <p>
        What the installed index knows about ${formatCount(total)} organisations. Every chart keeps what is not yet known
        apart: an organisation not yet checked on every platform is <strong>not yet known</strong>, never "none".
        <a href="#table">Every organisation, in a table</a>.
      </p>
      ${
        today
          ? html`<dl class="key">
              <div><dt>Organisations</dt><dd>${formatCount(today.organisations)}</dd></div>
              <div><dt>With an official account in use</dt><dd>${formatCount(today.atLeastOne)}${share(today.atLeastOne)}</dd></div>
              <div><dt>Checked everywhere, none found</dt><dd>${formatCount(today.noneFound)}${share(today.noneFound)}</dd></div>
              <div class="unknown"><dt>Not yet known</dt><dd>${formatCount(today.notYetKnown)}${share(today.notYetKnown)}</dd></div>
            </dl>`
          : nothing
      }
      <nsl-then-and-now
        .today=${today}
        .seen=${this.seenToday}
        .survey=${this.surveyFigures}
        .generatedAt=${data.index.generatedAt}
      ></nsl-then-and-now>
      <nsl-seen-by-you .layer=${this.seen} .problem=${this.seenProblem} .index=${this.indexFacts()}></nsl-seen-by-you>
      <h2>${this.seenToday ? 'The index and what you have seen, at a glance' : 'The index at a glance'}</h2>
      ${this.charts.map((chart) => html`<nsl-bar-chart .chart=${chart} .credit=${credit}></nsl-bar-chart>`)}
      <nsl-how-to-cite .citation=${this.citation} .index=${this.indexFacts()}></nsl-how-to-cite>`;
  }

  /** The installed index's version and date, which downloads and citations name (issue 30). */
  private indexFacts() {
    return this.data ? { version: this.data.index.version, generatedAt: this.data.index.generatedAt } : undefined;
  }

  /** The research log as a view of the dashboard (issue 30): reached from the tab bar, the table's view kept. */
  private researchLog() {
    const client = this.client;
    if (client?.getResearchLog === undefined || client.clearResearchLog === undefined)
      return html`<h1 tabindex="-1">Research log</h1><p><a href="/research-log.html">Open the research log</a></p>`;
    const logClient: ResearchLogClient = {
      getResearchLog: client.getResearchLog,
      clearResearchLog: client.clearResearchLog,
      readSettings: client.readSettings,
    };
    const start = (element: Element | undefined) => {
      if (element instanceof ResearchLog && !element.started) void element.start(logClient);
    };
    return html`<nsl-research-log embedded ${ref(start)}></nsl-research-log>`;
  }

  /**
   * The one survey element of this page, kept across views (issue 29): a survey under way goes on
   * reading while the user looks at the overview, and coming back shows it, never a second one.
   */
  private survey$?: Survey;
  private surveyElement(data: InstalledIndexView): Survey {
    if (this.survey$ === undefined) {
      this.survey$ = document.createElement('nsl-survey');
      this.survey$.addEventListener('nsl-survey-change', (e) => {
        this.survey = (e as CustomEvent<SurveyView>).detail;
      });
    }
    this.survey$.organisations = data.organisations;
    if (this.client) this.survey$.client = this.client;
    return this.survey$;
  }

  private table(query: TableQuery) {
    return html`<h1 tabindex="-1">Organisations</h1>
      <nsl-org-table
        .rows=${this.tableRows}
        .query=${query}
        .index=${this.indexFacts()}
        @nsl-query-change=${this.queryChanged}
      ></nsl-org-table>`;
  }

  private details(data: InstalledIndexView, id: string) {
    const organisation = data.organisations.find((o) => o.id === id);
    const back = html`<p><a href=${this.lastTable}>All organisations</a></p>`;
    if (organisation === undefined)
      return html`${back}<h1 tabindex="-1">No organisation ${id}</h1><p>The installed index has no organisation with that code.</p>`;
    return html`${back}
      <h1 tabindex="-1" data-testid="org-name">${organisation.name}</h1>
      <nsl-org-page
        .organisation=${organisation}
        .sightings=${data.sightings}
        .sources=${data.index.sources}
        .countedPlatforms=${this.countedPlatforms}
        .seen=${this.seen?.organisations.find((o) => o.id === organisation.id)}
        .citation=${this.citation}
        .index=${this.indexFacts()}
      ></nsl-org-page>`;
  }
}

customElements.define('nsl-dashboard', Dashboard);
declare global {
  interface HTMLElementTagNameMap {
    'nsl-dashboard': Dashboard;
  }
}
