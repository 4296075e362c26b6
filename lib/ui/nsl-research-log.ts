import { css, html, LitElement, nothing } from 'lit';
import type { PageClient } from '../browser/client';
import { formatFactTime } from '../format';
import { researchLogCsv } from '../research-log/research-log-csv';
import type { ResearchVisit } from '../research-log/research-visit';
import { downloadText } from './download';
import { focusAfterRender } from './focus';
import { formStyles, pageLayout, theme } from './theme';

/** What the research log asks of the extension: the visits, clearing them, and whether the log is kept (the setting). */
export type ResearchLogClient = Pick<PageClient, 'getResearchLog' | 'clearResearchLog' | 'readSettings'>;

/**
 * The research log (opt-in, local only): the organisations' pages visited, to view, export as CSV
 * and clear. A page of its own, and a view of the dashboard (`embedded`, issue 30), reached from
 * its tab bar without leaving it.
 */
export class ResearchLog extends LitElement {
  static override properties = {
    visits: { state: true },
    enabled: { state: true },
    confirming: { state: true },
    message: { state: true },
    embedded: { type: Boolean },
  };
  /** Shown inside the dashboard: no page header of its own, and organisations link to the dashboard's own view. */
  embedded = false;
  /** Set once started: the dashboard starts its embedded log once however often it draws it. */
  started = false;
  visits?: ResearchVisit[];
  enabled = false;
  confirming = false;
  message = '';
  /** Saves a file in the user's downloads; tests give their own. */
  download = (fileName: string, text: string): void => downloadText(fileName, text, 'text/csv');
  now = (): Date => new Date();
  private client?: ResearchLogClient;

  /** Starts the page: reads the visits and whether the log is on. */
  async start(client: ResearchLogClient): Promise<void> {
    this.started = true;
    this.client = client;
    const [log, settings] = await Promise.all([client.getResearchLog(), client.readSettings()]);
    [this.visits, this.enabled] = [log.visits, settings.researchLog];
  }

  static override styles = [
    theme,
    pageLayout,
    formStyles,
    css`
      table {
        border-collapse: collapse;
        width: 100%;
        background: var(--nsl-white);
        font-size: 15px;
      }
      th,
      td {
        text-align: left;
        padding: 6px 8px;
        border-bottom: 1px solid var(--nsl-border);
        vertical-align: top;
        overflow-wrap: anywhere;
      }
      h1:focus {
        outline: none;
      }
      caption {
        text-align: left;
        font-weight: 600;
        padding: 8px 0;
      }
    `,
  ];

  override render() {
    if (this.embedded) return this.body();
    return html`<header>NHS Social Lens</header>
      <main>
        <p><a href="/dashboard.html">Dashboard</a></p>
        ${this.body()}
      </main>`;
  }

  private body() {
    const visits = this.visits;
    return html`<h1 tabindex="-1">Research log</h1>
        <p>
          ${this.enabled ? 'The log is on.' : 'The log is off: nothing new is recorded.'} It lists the NHS organisations’ pages you visited, with the
          time and address, kept only in this browser: one visit per organisation and page an hour, at most 500 an organisation (its
          oldest make room) and 5,000 in all (then nothing new is recorded until you export and clear it). Turn it on or off in
          <a href="/options.html">Settings</a>.
        </p>
        <p role="status" data-testid="message">${this.message}</p>
        ${visits === undefined ? html`<p>Loading…</p>` : this.table(visits)}`;
  }

  /** Asks to confirm clearing (or stops asking); the focus goes to what took the place of the button pressed (issue 30). */
  private confirm(asking: boolean) {
    this.confirming = asking;
    void focusAfterRender(this, asking ? '[data-testid="keep-log"]' : '[data-testid="clear-log"]');
  }

  /** The organisations of a visit (a shared site names several, " / " between them), each a link to its page in the dashboard. */
  private organisations(visit: ResearchVisit) {
    const ids = visit.organisationId.split(' / ');
    const names = visit.organisationName.split(' / ');
    const base = this.embedded ? '' : '/dashboard.html';
    // Names and ids that do not pair up (a name with " / " in it) are shown as recorded, unlinked.
    if (ids.length !== names.length) return html`${visit.organisationName} <span class="secondary">(${visit.organisationId})</span>`;
    return ids.map(
      (id, i) =>
        html`${i > 0 ? ' / ' : nothing}<a href=${`${base}#org/${encodeURIComponent(id)}`}>${names[i]}</a>
          <span class="secondary">(${id})</span>`,
    );
  }

  private table(visits: ResearchVisit[]) {
    if (visits.length === 0) return html`<p data-testid="empty">The log is empty.</p>`;
    return html`<button type="button" data-testid="export-log" @click=${() => this.exportCsv(visits)}>Export as CSV</button>
      ${
        this.confirming
          ? html`<button type="button" class="warning-button" data-testid="confirm-clear" @click=${() => this.clear()}>Yes, clear the log</button>
              <button type="button" class="secondary-button" data-testid="keep-log" @click=${() => this.confirm(false)}>Keep it</button>`
          : html`<button type="button" class="secondary-button" data-testid="clear-log" @click=${() => this.confirm(true)}>Clear the log</button>`
      }
      <table data-testid="log">
        <caption>${visits.length} visit${visits.length === 1 ? '' : 's'}, newest first</caption>
        <thead><tr><th scope="col">When</th><th scope="col">Organisation</th><th scope="col">Page</th></tr></thead>
        <tbody>
          ${visits.map(
            (v) => html`<tr>
              <td>${formatFactTime(v.at)}</td>
              <td>${this.organisations(v)}</td>
              <td>${v.url}</td>
            </tr>`,
          )}
        </tbody>
      </table>`;
  }

  private exportCsv(visits: ResearchVisit[]) {
    this.download(`nhs-social-lens-research-log-${this.now().toISOString().slice(0, 10)}.csv`, researchLogCsv(visits));
  }

  private async clear() {
    await this.client?.clearResearchLog();
    this.confirming = false;
    this.visits = [];
    this.message = 'The log was cleared.';
    await focusAfterRender(this, 'h1');
  }
}

customElements.define('nsl-research-log', ResearchLog);
declare global {
  interface HTMLElementTagNameMap {
    'nsl-research-log': ResearchLog;
  }
}
