import { css, html, LitElement, nothing } from 'lit';
import { regionLabel, TRUST_TYPE_LABELS } from '../dashboard/rows';
import { formatCount, kindLabel } from '../format';
import { COUNTRIES, ORGANISATION_KINDS, type Organisation, TRUST_TYPES } from '../index/schema';
import { type SurveyChoice, type SurveyFilter, type SurveyPlan, surveyPlan } from '../survey/plan';
import { DEFAULT_SURVEY_SETTINGS, type SurveySettings } from '../survey/survey-state';
import { formStyles, theme } from './theme';

/** "about 3 minutes", "about 1 hour 20 minutes", "less than a minute". */
export function durationInWords(ms: number): string {
  const minutes = Math.round(ms / 60_000);
  if (minutes < 1) return 'less than a minute';
  if (minutes < 60) return `about ${minutes} minute${minutes === 1 ? '' : 's'}`;
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  return `about ${hours} hour${hours === 1 ? '' : 's'}${rest > 0 ? ` ${rest} minute${rest === 1 ? '' : 's'}` : ''}`;
}

/** What "Start" hands over: the plan and the settings it was made with. */
export interface SurveyStart {
  plan: SurveyPlan;
  settings: SurveySettings;
}

/**
 * Choosing a survey (issue 29 part 1): every organisation, the dashboard's filters, or pasted
 * codes, and the politeness settings; then, before anything is read, how many sites it will read,
 * which organisations it cannot and why, and about how long it will take.
 *
 * @fires nsl-survey-start - detail: SurveyStart
 */
export class SurveyChooser extends LitElement {
  static override properties = {
    organisations: { attribute: false },
    by: { state: true },
    filter: { state: true },
    codes: { state: true },
    settings: { state: true },
  };
  organisations: readonly Organisation[] = [];
  by: SurveyChoice['by'] = 'all';
  filter: SurveyFilter = {};
  codes = '';
  settings: SurveySettings = DEFAULT_SURVEY_SETTINGS;

  static override styles = [
    theme,
    formStyles,
    css`
      .filters {
        display: flex;
        flex-wrap: wrap;
        gap: 0 16px;
      }
      .filters label,
      .settings label {
        display: block;
        font-weight: 400;
      }
      textarea {
        min-height: 4em;
      }
      input[type='number'] {
        width: 6em;
      }
      .summary {
        border-left: 8px solid var(--nsl-blue);
        padding: 8px 16px;
        background: var(--nsl-grey-5);
      }
    `,
  ];

  private choice(): SurveyChoice {
    if (this.by === 'filter') return { by: 'filter', filter: this.filter };
    if (this.by === 'codes') return { by: 'codes', text: this.codes };
    return { by: 'all' };
  }

  override render() {
    const plan = surveyPlan(this.organisations, this.choice(), this.settings);
    const radio = (by: SurveyChoice['by'], label: string) =>
      html`<label><input type="radio" name="by" value=${by} .checked=${this.by === by} @change=${() => {
        this.by = by;
      }} /> ${label}</label>`;
    return html`<fieldset class="radios">
        <legend>Which organisations</legend>
        ${radio('all', 'Every organisation in the index')} ${radio('filter', 'Those the dashboard’s filters choose')}
        ${radio('codes', 'A list of codes')}
      </fieldset>
      ${this.by === 'filter' ? this.filters() : nothing}
      ${
        this.by === 'codes'
          ? html`<div class="field">
              <label for="codes">Codes<span class="hint">ODS or other codes as the index gives them, separated by commas, spaces or new lines</span></label>
              <textarea id="codes" .value=${this.codes} @input=${(e: Event) => {
                this.codes = (e.target as HTMLTextAreaElement).value;
              }}></textarea>
            </div>`
          : nothing
      }
      ${this.settingsFields()} ${this.summary(plan)}
      <button type="button" data-testid="survey-start" ?disabled=${plan.readable.length + plan.unreadable.length === 0} @click=${() =>
        this.dispatchEvent(new CustomEvent<SurveyStart>('nsl-survey-start', { detail: { plan, settings: this.settings } }))}>
        Start the survey
      </button>`;
  }

  private filters() {
    const orgs = this.organisations;
    const regions = [...new Set(orgs.map((o) => o.region))].sort();
    const select = (name: keyof SurveyFilter, label: string, options: [string, string][]) =>
      html`<div class="field"><label for=${`survey-${name}`}>${label}</label>
        <select id=${`survey-${name}`} @change=${(e: Event) => {
          const value = (e.target as HTMLSelectElement).value;
          this.filter = { ...this.filter, [name]: value === '' ? undefined : value };
        }}>
          <option value="" ?selected=${this.filter[name] === undefined}>All</option>
          ${options.map(([v, text]) => html`<option value=${v} ?selected=${this.filter[name] === v}>${text}</option>`)}
        </select></div>`;
    return html`<div class="filters">
      ${select(
        'kind',
        'Type',
        ORGANISATION_KINDS.filter((k) => orgs.some((o) => o.kind === k)).map((k) => [k, kindLabel(k)]),
      )}
      ${select(
        'country',
        'Country',
        COUNTRIES.filter((c) => orgs.some((o) => o.country === c)).map((c) => [c, c]),
      )}
      ${select(
        'region',
        'Region',
        regions.map((r) => [r, regionLabel(r)]),
      )}
      ${select(
        'trustType',
        'Trust type',
        TRUST_TYPES.filter((t) => orgs.some((o) => o.trustType === t)).map((t) => [t, TRUST_TYPE_LABELS[t]]),
      )}
    </div>`;
  }

  private settingsFields() {
    const number = (id: string, label: string, value: number, min: number, max: number, set: (n: number) => void) =>
      html`<label for=${id}>${label}
        <input id=${id} type="number" min=${min} max=${max} .value=${String(value)} @change=${(e: Event) => {
          const n = Number((e.target as HTMLInputElement).value);
          set(Number.isFinite(n) ? Math.min(max, Math.max(min, Math.round(n))) : min);
        }} /></label>`;
    return html`<details class="settings">
      <summary>Politeness</summary>
      ${number(
        'survey-interval',
        'Seconds between two requests to one site (at least 1)',
        this.settings.hostIntervalMs / 1000,
        1,
        60,
        (n) => {
          this.settings = { ...this.settings, hostIntervalMs: n * 1000 };
        },
      )}
      ${number('survey-at-once', 'Sites read at once (at most 4)', this.settings.hostsAtOnce, 1, 4, (n) => {
        this.settings = { ...this.settings, hostsAtOnce: n };
      })}
    </details>`;
  }

  private summary(plan: SurveyPlan) {
    const n = plan.readable.length;
    const seconds = this.settings.hostIntervalMs / 1000;
    return html`<div class="summary" data-testid="survey-plan" aria-live="polite">
      <p>
        <strong>It will read ${formatCount(n)} website${n === 1 ? '' : 's'}</strong>${
          n > 0
            ? `, in ${durationInWords(plan.estimateMs)} at one request every ${seconds === 1 ? 'second' : `${seconds} seconds`} to a site, ${this.settings.hostsAtOnce} at once`
            : ''
        }.
      </p>
      ${
        plan.unreadable.length > 0
          ? html`<details>
              <summary>It cannot read ${formatCount(plan.unreadable.length)}: no website known</summary>
              <ul>${plan.unreadable.map((u) => html`<li>${u.name} (${u.id})</li>`)}</ul>
            </details>`
          : nothing
      }
      ${plan.unknownCodes.length > 0 ? html`<p class="error-text">Not in the index: ${plan.unknownCodes.join(', ')}</p>` : nothing}
      <p class="hint">
        Each site: its robots.txt, its home page, and at most one "social media", "follow us" or "contact" page it links, on
        the same site. No cookies are sent. Nothing leaves this device.
      </p>
    </div>`;
  }
}

customElements.define('nsl-survey-chooser', SurveyChooser);
declare global {
  interface HTMLElementTagNameMap {
    'nsl-survey-chooser': SurveyChooser;
  }
}
