import { css, html, LitElement, nothing } from 'lit';
import { shareOf } from '../dashboard/aggregate';
import { datesInWords, type SeenToday } from '../dashboard/seen-series';
import { PUBLISHED_FIGURES, type TodayFigures } from '../dashboard/then-and-now';
import { formatCount, formatFactDate } from '../format';
import { PLATFORM_LABELS } from '../social/platform-labels';
import type { SurveyFigures } from '../survey/survey-figures';
import { dashboardSection, theme } from './theme';

/**
 * The published figures on NHS organisations' social media (2010, 2014, 2015), each cited, beside
 * today's from the index, split so that "not yet known" is never read as "none".
 */
export class ThenAndNow extends LitElement {
  static override properties = {
    today: { attribute: false },
    generatedAt: { attribute: false },
    seen: { attribute: false },
    survey: { attribute: false },
  };
  /** The user's own survey of the sector (issue 29), when one has results. */
  survey?: SurveyFigures;
  today?: TodayFigures;
  /** The "Seen by you" layer's figures (issue 19), when anything was seen. */
  seen?: SeenToday;
  /** The index's date (ISO timestamp). */
  generatedAt = '';

  static override styles = [
    theme,
    dashboardSection,
    css`
      caption {
        text-align: left;
        padding: 0 0 8px;
      }
      tr.today {
        background: var(--nsl-grey-5);
      }
      tr.today > * {
        padding-left: 8px;
      }
      ul {
        margin: 0;
        padding-left: 20px;
      }
      .note {
        font-size: 15px;
      }
    `,
  ];

  override render() {
    const today = this.today;
    if (today === undefined) return nothing;
    const share = (n: number) => (today.organisations > 0 ? ` (${shareOf(n, today.organisations)})` : '');
    const seen = this.seen;
    const seenShare = (n: number) => (seen && seen.organisations > 0 ? ` (${shareOf(n, seen.organisations)})` : '');
    return html`<section aria-labelledby="then-and-now">
      <h2 id="then-and-now">Then and now</h2>
      <table>
        <caption class="secondary">The published figures on NHS organisations' use of social media, and this index today.</caption>
        <thead>
          <tr><th scope="col">Year</th><th scope="col">Source</th><th scope="col">Organisations</th><th scope="col">Finding</th></tr>
        </thead>
        <tbody>
          ${PUBLISHED_FIGURES.map(
            (f) => html`<tr><th scope="row">${f.year}</th><td>${f.source}</td><td>${f.population}</td><td>${f.finding}</td></tr>`,
          )}
          <tr class="today" data-testid="today">
            <th scope="row">Today</th>
            <td>This index${this.generatedAt ? `, generated ${formatFactDate(this.generatedAt.slice(0, 10))}` : ''}</td>
            <td>${formatCount(today.organisations)} organisations in the index</td>
            <td>
              <ul>
                <li>${formatCount(today.atLeastOne)}${share(today.atLeastOne)} have at least one official account in use</li>
                <li>${formatCount(today.noneFound)}${share(today.noneFound)} were checked on every platform and none was found</li>
                <li>${formatCount(today.notYetKnown)}${share(today.notYetKnown)} are not yet known</li>
              </ul>
            </td>
          </tr>
          ${
            seen
              ? html`<tr class="today" data-testid="seen-today">
                  <th scope="row">Seen by you</th>
                  <td>Your own visits, ${datesInWords(seen.firstSeen, seen.lastSeen)}: the index and what their own websites link to</td>
                  <td>${formatCount(seen.organisations)} organisation${seen.organisations === 1 ? '' : 's'} whose own websites you visited</td>
                  <td>
                    <ul>
                      <li>${formatCount(seen.atLeastOne)}${seenShare(seen.atLeastOne)} have at least one official account in use</li>
                      <li>${formatCount(seen.noneFound)}${seenShare(seen.noneFound)} were checked on every platform and none was found</li>
                      <li>${formatCount(seen.notYetKnown)}${seenShare(seen.notYetKnown)} are not yet known</li>
                    </ul>
                  </td>
                </tr>`
              : nothing
          }
          ${this.surveyRow()}
        </tbody>
      </table>
      <p class="note" data-testid="then-and-now-note">
        <strong>Not yet known is not none.</strong> The published figures count organisations found with no social media.
        Here ${formatCount(today.notYetKnown)} of ${formatCount(today.organisations)} organisations have not been checked on
        every platform yet, so today's share with none cannot be given, and the share with at least one account is a floor,
        not an estimate. The organisations counted differ too: primary care trusts in 2010, those the reports counted in 2014
        and 2015, and every organisation in this index today.${
          seen
            ? ' The "Today" row is the index alone; the "Seen by you" row counts only the organisations whose own websites you visited, with the accounts those sites link to, so it is not a sample of the NHS.'
            : ''
        }
      </p>
    </section>`;
  }

  /** The survey's row (issue 29): the 2014 report's measure, from the user's own browser. */
  private surveyRow() {
    const f = this.survey;
    if (f === undefined || f.surveyed === 0) return nothing;
    const share = (n: number) => shareOf(n, f.surveyed);
    return html`<tr class="today" data-testid="survey-today">
      <th scope="row">Your survey</th>
      <td>Your survey of their own websites, ${formatFactDate(f.on)} (<a href="#survey">the survey and its evidence</a>)</td>
      <td>Surveyed ${formatCount(f.surveyed)} of ${formatCount(f.of)} organisations</td>
      <td>
        <ul>
          <li>${share(f.linkAny)} link at least one account from their own website</li>
          <li>${share(f.readNone)} were read and link none (their websites link none: not proof of no social media)</li>
          <li>${share(f.notRead)} were not read (not known)</li>
          ${f.perPlatform.length > 0 ? html`<li>By platform: ${f.perPlatform.map((p) => `${PLATFORM_LABELS[p.platform]} ${share(p.organisations)}`).join(', ')}</li>` : nothing}
        </ul>
      </td>
    </tr>`;
  }
}

customElements.define('nsl-then-and-now', ThenAndNow);
declare global {
  interface HTMLElementTagNameMap {
    'nsl-then-and-now': ThenAndNow;
  }
}
