import { css, html, LitElement } from 'lit';
import type { PageClient } from '../browser/client';
import { researchLogCsv } from '../research-log/research-log-csv';
import type { ResearchVisit } from '../research-log/research-visit';
import { downloadText } from './download';
import { formStyles, pageLayout, theme } from './theme';

/** What the research log asks of the extension: the visits, clearing them, and whether the log is kept (the setting). */
export type ResearchLogClient = Pick<PageClient, 'getResearchLog' | 'clearResearchLog' | 'readSettings'>;

/** The research log (opt-in, local only): the organisations' pages visited, to view, export as CSV and clear. */
export class ResearchLog extends LitElement {
  static override properties = { visits: { state: true }, enabled: { state: true }, confirming: { state: true }, message: { state: true } };
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
      caption {
        text-align: left;
        font-weight: 600;
        padding: 8px 0;
      }
    `,
  ];

  override render() {
    const visits = this.visits;
    return html`<header>NHS Social Lens</header>
      <main>
        <p><a href="/dashboard.html">Dashboard</a></p>
        <h1>Research log</h1>
        <p>
          ${this.enabled ? 'The log is on.' : 'The log is off: nothing new is recorded.'} It lists the NHS organisations’ pages you visited, with the
          time and address, kept only in this browser: one visit per organisation and page an hour, at most 500 an organisation (its
          oldest make room) and 5,000 in all (then nothing new is recorded until you export and clear it). Turn it on or off in
          <a href="/options.html">Settings</a>.
        </p>
        <p role="status" data-testid="message">${this.message}</p>
        ${visits === undefined ? html`<p>Loading…</p>` : this.table(visits)}
      </main>`;
  }

  private table(visits: ResearchVisit[]) {
    if (visits.length === 0) return html`<p data-testid="empty">The log is empty.</p>`;
    return html`<button type="button" data-testid="export-log" @click=${() => this.exportCsv(visits)}>Export as CSV</button>
      ${
        this.confirming
          ? html`<button type="button" class="warning-button" data-testid="confirm-clear" @click=${() => this.clear()}>Yes, clear the log</button>
              <button type="button" class="secondary-button" @click=${() => (this.confirming = false)}>Keep it</button>`
          : html`<button type="button" class="secondary-button" data-testid="clear-log" @click=${() => (this.confirming = true)}>Clear the log</button>`
      }
      <table data-testid="log">
        <caption>${visits.length} visit${visits.length === 1 ? '' : 's'}, newest first</caption>
        <thead><tr><th scope="col">When</th><th scope="col">Organisation</th><th scope="col">Page</th></tr></thead>
        <tbody>
          ${visits.map(
            (v) => html`<tr>
              <td>${new Date(v.at).toLocaleString('en-GB')}</td>
              <td>${v.organisationName} <span class="secondary">(${v.organisationId})</span></td>
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
  }
}

customElements.define('nsl-research-log', ResearchLog);
declare global {
  interface HTMLElementTagNameMap {
    'nsl-research-log': ResearchLog;
  }
}
