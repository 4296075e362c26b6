import { css, html, LitElement, nothing } from 'lit';
import { formatFactTime } from '../format';
import type { Organisation } from '../index/schema';
import { isHttpUrl } from '../index/schema';
import { PLATFORM_LABELS } from '../social/platform-labels';
import { outcomeInWords, type SurveyResult, type SurveyRun } from '../survey/survey-state';
import { dashboardSection, theme } from './theme';

/**
 * A survey's results, one row per organisation in the plan's order (issue 29): what its own
 * website links, each account with the page that links it, or why it was not read, and when.
 * Everything in a row came from a website: text bindings only, and links only to http(s) addresses.
 */
export class SurveyResults extends LitElement {
  static override properties = {
    run: { attribute: false },
    results: { attribute: false },
    organisations: { attribute: false },
  };
  run?: SurveyRun;
  results: readonly SurveyResult[] = [];
  organisations: readonly Organisation[] = [];

  static override styles = [
    theme,
    dashboardSection,
    css`
      ul {
        margin: 0;
        padding-left: 0;
        list-style: none;
      }
      .not-read {
        color: var(--nsl-secondary-text);
      }
      .fact {
        font-size: 14px;
      }
    `,
  ];

  override render() {
    const run = this.run;
    if (run === undefined) return nothing;
    const names = new Map(this.organisations.map((o) => [o.id, o.name]));
    const byId = new Map(this.results.map((r) => [r.organisationId, r]));
    const rows = run.planned.flatMap((p) => {
      const r = byId.get(p.id);
      return r ? [r] : [];
    });
    if (rows.length === 0 && run.unreadable.length === 0) return html`<p>No organisation has been read yet.</p>`;
    return html`<table data-testid="survey-results">
      <caption class="visually-hidden">Each organisation surveyed, what its own website links and when it was read</caption>
      <thead>
        <tr><th scope="col">Organisation</th><th scope="col">Website</th><th scope="col">What its website links</th><th scope="col">Read</th></tr>
      </thead>
      <tbody>
        ${rows.map(
          (r) => html`<tr data-code=${r.organisationId}>
            <th scope="row"><a href=${`#org/${encodeURIComponent(r.organisationId)}`}>${names.get(r.organisationId) ?? r.organisationId}</a> <span class="secondary">${r.organisationId}</span></th>
            <td>${r.host}</td>
            <td>${this.outcome(r)}</td>
            <td class="fact">${formatFactTime(r.at)}</td>
          </tr>`,
        )}
        ${run.unreadable.map(
          (id) => html`<tr data-code=${id}>
            <th scope="row"><a href=${`#org/${encodeURIComponent(id)}`}>${names.get(id) ?? id}</a> <span class="secondary">${id}</span></th>
            <td>None known</td>
            <td class="not-read">Not read: no website known</td>
            <td></td>
          </tr>`,
        )}
      </tbody>
    </table>`;
  }

  private outcome(r: SurveyResult) {
    const o = r.outcome;
    if (o.kind === 'not-read') return html`<span class="not-read">${outcomeInWords(o)}</span>`;
    if (o.kind === 'none')
      return html`${outcomeInWords(o)} <span class="secondary fact">(${o.pages.length === 1 ? 'its home page' : `${o.pages.length} pages`})</span>`;
    return html`<ul>
      ${o.accounts.map(
        (a) => html`<li>
          ${PLATFORM_LABELS[a.platform]}: ${isHttpUrl(a.url) ? html`<a href=${a.url} rel="noopener noreferrer">${a.handle}</a>` : a.handle}
          <span class="secondary fact">linked from ${isHttpUrl(a.pageUrl) ? html`<a href=${a.pageUrl} rel="noopener noreferrer">${new URL(a.pageUrl).pathname}</a>` : a.pageUrl}</span>
        </li>`,
      )}
    </ul>`;
  }
}

customElements.define('nsl-survey-results', SurveyResults);
declare global {
  interface HTMLElementTagNameMap {
    'nsl-survey-results': SurveyResults;
  }
}
