import { css, html, LitElement, nothing, type PropertyValues } from 'lit';
import type { PageClient } from '../browser/client';
import { accountChoices, CHOICE_GROUP_HEADINGS, groupChoices, needsAccount, useChoice } from '../corrections/account-choices';
import { CORRECTION_KINDS, type CorrectionDraft, type FieldErrors, validateDraft } from '../corrections/correction';
import { CORRECTION_EVIDENCE_HINTS, CORRECTION_KIND_LABELS } from '../corrections/describe';
import { openDraft } from '../corrections/open-draft';
import { readCorrectionPrefill } from '../corrections/prefill';
import type { StoredCorrection } from '../corrections/stored-correction';
import type { StoredSighting as Sighting } from '../detect/stored-sighting';
import type { Organisation } from '../index/schema';
import { PLATFORM_HANDLE_HINTS, PLATFORM_LABELS } from '../social/platform-labels';
import { PLATFORMS } from '../social/platforms';
import { parseHandle } from '../social/profile-url';
import type { PageWindow } from './mount-page';
import { fieldErrors, formStyles, pageLayout, pagePanel, theme } from './theme';

/** What the form asks of the background: the stored corrections, the organisation, and saving. */
export type CorrectionFormClient = Pick<PageClient, 'listCorrections' | 'getOrganisation' | 'saveCorrection'>;

/** Typing is saved this long after the last key, so a closed tab loses at most this much. */
const AUTOSAVE_DELAY_MS = 300;

const FIELD_ORDER: (keyof CorrectionDraft)[] = [
  'organisationId',
  'kind',
  'platform',
  'handle',
  'domain',
  'followers',
  'observedOn',
  'evidenceUrl',
  'note',
];

/**
 * The correction form: prefilled from the popup, checked field by field before it is saved, and
 * saved as typed (a draft) after every change, so nothing is lost when a check fails or the page
 * is closed. A suggestion that passes the checks is queued, ready to send, on "My corrections".
 */
export class CorrectionForm extends LitElement {
  static override properties = {
    record: { state: true },
    organisation: { state: true },
    sightings: { state: true },
    errors: { state: true },
    notice: { state: true },
    saveState: { state: true },
  };
  record?: StoredCorrection;
  organisation?: Organisation;
  sightings: Sighting[] = [];
  errors: FieldErrors = {};
  /** Said once at the top: a restored draft, or why the form cannot be shown. */
  notice = '';
  saveState = '';
  /** A new draft's id; tests give their own. */
  newId = (): string => `c-${crypto.randomUUID()}`;
  now = (): Date => new Date();
  private client?: CorrectionFormClient;
  private page?: PageWindow;
  private timer?: ReturnType<typeof setTimeout>;
  private lookedUp = '';

  /**
   * Starts the form from the page's address: `?id=…` edits a stored correction; otherwise the
   * prefill (`?org=…&kind=…`, from the popup) starts one, or restores its unfinished draft.
   */
  async start(client: CorrectionFormClient, page: PageWindow): Promise<void> {
    this.client = client;
    this.page = page;
    page.document.title = 'NHS Social Lens: suggest a correction';
    // Closing the tab mid-sentence: what was typed since the last save is saved now.
    page.addEventListener('pagehide', () => void this.flush());
    const id = new URLSearchParams(page.location.search).get('id') ?? undefined;
    const prefill = readCorrectionPrefill(page.location.search);
    const { corrections } = await client.listCorrections();
    const opened = openDraft(corrections, { ...(id ? { id } : {}), ...(prefill ? { prefill } : {}) }, { newId: this.newId, now: this.now });
    this.record = opened.record;
    if (opened.notice) this.notice = opened.notice;
    await this.lookUpOrganisation();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    void this.flush();
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (changed.has('record')) void this.lookUpOrganisation();
  }

  private async lookUpOrganisation() {
    const id = this.record?.draft.organisationId.trim() ?? '';
    if (!this.client || id === this.lookedUp) return;
    this.lookedUp = id;
    const found = id === '' ? { sightings: [] } : await this.client.getOrganisation({ id });
    if (this.lookedUp !== id) return;
    this.organisation = found.organisation;
    this.sightings = found.sightings;
  }

  static override styles = [
    theme,
    pageLayout,
    formStyles,
    fieldErrors,
    pagePanel,
    css`
      :host {
        --nsl-page-width: 720px;
      }
      legend {
        margin-bottom: 4px;
      }
      .notice {
        border-left: 8px solid var(--nsl-blue);
        background: var(--nsl-white);
        padding: 8px 12px;
      }
      .suggestion {
        margin: 4px 0;
      }
      button.small {
        padding: 2px 10px;
        margin: 0 8px 0 0;
        font-size: 15px;
        box-shadow: none;
        background: var(--nsl-white);
        color: var(--nsl-blue);
        border: 2px solid var(--nsl-blue);
      }
      .organisation {
        font-weight: 600;
        margin: 4px 0 0;
      }
      #followers {
        width: 10em;
      }
      .suggestions h2 {
        font-size: 16px;
        margin: 8px 0 4px;
      }
    `,
  ];

  override render() {
    const record = this.record;
    return html`<header>NHS Social Lens</header>
      <main>
        <p><a href="/corrections.html">My corrections</a></p>
        <h1>Suggest a correction</h1>
        ${this.notice ? html`<p class="notice" role="status" data-testid="notice">${this.notice}</p>` : nothing}
        ${record ? this.form(record) : html`<p>Loading…</p>`}
        <p class="secondary">
          Your suggestion is kept in this browser until you send it. Nothing is sent anywhere unless you choose to: from “My corrections” you
          can download it as a file, copy it, or open a prefilled issue for the maintainers to review.
        </p>
      </main>`;
  }

  private form(record: StoredCorrection) {
    const d = record.draft;
    return html`${this.errorSummary()}
      <form novalidate @submit=${(e: Event) => this.submit(e)} @input=${(e: Event) => this.typed(e)} @change=${(e: Event) => this.typed(e)}>
        ${this.field(
          'organisationId',
          'Organisation (its ODS code)',
          'For example RJ1. The popup fills this in for the page you were on.',
          html`<input id="organisationId" type="text" autocomplete="off" spellcheck="false" .value=${d.organisationId} aria-describedby=${this.describedBy('organisationId')} aria-invalid=${this.errors.organisationId ? 'true' : 'false'} />
            <p class="organisation" data-testid="organisation-name">${
              d.organisationId.trim() === ''
                ? ''
                : this.organisation
                  ? this.organisation.name
                  : this.lookedUp === d.organisationId.trim()
                    ? 'No organisation with this code in the index.'
                    : ''
            }</p>`,
        )}
        <fieldset class="radios ${this.errors.kind ? 'invalid' : ''}">
          <legend>What is wrong?</legend>
          ${CORRECTION_KINDS.map(
            (kind) => html`<label
              ><input type="radio" name="kind" .value=${kind} .checked=${d.kind === kind} @change=${() => this.set({ kind })} />
              ${CORRECTION_KIND_LABELS[kind]}</label
            >`,
          )}
        </fieldset>
        ${needsAccount(d.kind) ? this.accountFields(d) : nothing}
        ${
          d.kind === 'missing-domain'
            ? this.field(
                'domain',
                'Website domain',
                'The host name only, such as www.example.nhs.uk: no https://, no path.',
                html`<input id="domain" class="address" type="text" autocomplete="off" spellcheck="false" .value=${d.domain} aria-describedby=${this.describedBy('domain')} aria-invalid=${this.errors.domain ? 'true' : 'false'} />`,
              )
            : nothing
        }
        ${d.kind === 'observed-followers' ? this.observedFields(d) : nothing}
        ${this.field(
          'evidenceUrl',
          'Evidence: a page that shows this',
          CORRECTION_EVIDENCE_HINTS[d.kind],
          html`<input id="evidenceUrl" type="url" autocomplete="off" .value=${d.evidenceUrl} aria-describedby=${this.describedBy('evidenceUrl')} aria-invalid=${this.errors.evidenceUrl ? 'true' : 'false'} />`,
        )}
        ${this.field(
          'note',
          d.kind === 'other' || d.kind === 'wrong-organisation' ? 'What is wrong?' : 'Anything to add (optional)',
          'At most 1,000 characters. Please do not include anything personal.',
          html`<textarea id="note" rows="4" maxlength="1200" .value=${d.note} aria-describedby=${this.describedBy('note')} aria-invalid=${this.errors.note ? 'true' : 'false'}></textarea>`,
        )}
        <button type="submit" data-testid="save">Save suggestion</button>
        <span class="secondary" role="status" data-testid="save-state">${this.saveState}</span>
      </form>`;
  }

  private accountFields(d: CorrectionDraft) {
    const parsed = d.platform !== '' && d.handle.trim() !== '' ? parseHandle(d.platform, d.handle) : undefined;
    return html`${this.suggestions(d)}
      ${this.field(
        'platform',
        'Platform',
        '',
        html`<select id="platform" .value=${d.platform} aria-describedby=${this.describedBy('platform')} aria-invalid=${this.errors.platform ? 'true' : 'false'}>
          <option value="" ?selected=${d.platform === ''}>Choose a platform</option>
          ${PLATFORMS.map((p) => html`<option value=${p} ?selected=${d.platform === p}>${PLATFORM_LABELS[p]}</option>`)}
        </select>`,
      )}
      ${this.field(
        'handle',
        'The account’s handle or address',
        d.platform === '' ? 'Choose the platform first.' : PLATFORM_HANDLE_HINTS[d.platform],
        html`<input id="handle" class="address" type="text" autocomplete="off" spellcheck="false" .value=${d.handle} aria-describedby=${this.describedBy('handle')} aria-invalid=${this.errors.handle ? 'true' : 'false'} />
          ${parsed?.ok ? html`<p class="hint" data-testid="canonical-url">It will be recorded as ${parsed.profile.url}</p>` : nothing}`,
      )}`;
  }

  /** Accounts to pick from: those the organisation's own site linked to (for a missing one) or those the index lists. */
  private suggestions(d: CorrectionDraft) {
    const org = this.organisation;
    if (org === undefined) return nothing;
    // Each group under its own heading: an unverified candidate is not something its site was seen to link (issue 30).
    const groups = groupChoices(accountChoices(d.kind, org, this.sightings));
    if (groups.length === 0) return nothing;
    return html`<div class="field suggestions" data-testid="suggestions">
      ${groups.map(
        ([group, listed]) => html`<h2 data-testid=${`suggestions-${group}`}>${CHOICE_GROUP_HEADINGS[group]}</h2>
          ${listed.map(
            (c) => html`<p class="suggestion">
              <button type="button" class="small" @click=${() => this.set(useChoice(c, d))}
                aria-label=${`Use this: ${PLATFORM_LABELS[c.platform]} ${c.handle}`}>Use this</button>
              ${PLATFORM_LABELS[c.platform]} ${c.handle} <span class="secondary">(${c.why})</span>
            </p>`,
          )}`,
      )}
    </div>`;
  }

  private observedFields(d: CorrectionDraft) {
    return html`${this.field(
      'followers',
      `Followers${d.followersApproximate ? ' (the page showed a rounded figure)' : ''}`,
      'As the profile page showed it to you.',
      html`<input id="followers" type="text" inputmode="numeric" .value=${d.followers ?? ''} aria-describedby=${this.describedBy('followers')} aria-invalid=${this.errors.followers ? 'true' : 'false'} />`,
    )}
    ${this.field(
      'observedOn',
      'Seen on',
      'The day you saw the count.',
      html`<input id="observedOn" type="date" .value=${d.observedOn ?? ''} aria-describedby=${this.describedBy('observedOn')} aria-invalid=${this.errors.observedOn ? 'true' : 'false'} />`,
    )}`;
  }

  /** One labelled field with its hint and, when the last check failed, its error beside it. */
  private field(name: keyof CorrectionDraft, label: string, hint: string, control: unknown) {
    const error = this.errors[name];
    return html`<div class="field ${error ? 'invalid' : ''}" data-field=${name}>
      <label for=${name}>${label}<span class="hint" id=${`${name}-hint`}>${hint}</span></label>
      ${error ? html`<p class="error-text" id=${`${name}-error`} data-testid=${`error-${name}`}><span class="visually-hidden">Error: </span>${error}</p>` : nothing}
      ${control}
    </div>`;
  }

  private errorSummary() {
    const problems = FIELD_ORDER.filter((f) => this.errors[f]);
    if (problems.length === 0) return nothing;
    return html`<div class="error-summary" role="alert" tabindex="-1" data-testid="error-summary">
      <h2>There is a problem</h2>
      <p>Nothing was lost: what you typed is kept as a draft.</p>
      <ul>
        ${problems.map(
          (f) =>
            html`<li><a href=${`#${f}`} @click=${(e: Event) => {
              e.preventDefault();
              this.shadowRoot?.getElementById(f)?.focus();
            }}>${this.errors[f]}</a></li>`,
        )}
      </ul>
    </div>`;
  }

  /** The ids of a control's hint and error, read out with it. */
  private describedBy(name: keyof CorrectionDraft): string {
    return [`${name}-hint`, ...(this.errors[name] ? [`${name}-error`] : [])].join(' ');
  }

  /** A text control or select changed: its id names the draft field it holds. */
  private typed(event: Event) {
    const control = event.target as HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;
    const name = FIELD_ORDER.find((f) => f === control.id);
    if (name === undefined || name === 'kind') return;
    if (this.record?.draft[name] === control.value) return;
    this.set({ [name]: control.value } as Partial<CorrectionDraft>);
  }

  private set(change: Partial<CorrectionDraft>) {
    if (!this.record) return;
    this.record = { ...this.record, draft: { ...this.record.draft, ...change } };
    this.changed();
  }

  /** Any change: saved as a draft shortly after, and errors already shown are checked again. */
  private changed() {
    if (Object.keys(this.errors).length > 0 && this.record) {
      const checked = validateDraft(this.record.draft, this.record.id, this.now());
      this.errors = checked.ok ? {} : checked.errors;
    }
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.flush(), AUTOSAVE_DELAY_MS);
  }

  /** Saves what was typed since the last save, now (also when the page is being closed). */
  async flush(): Promise<void> {
    if (this.timer === undefined) return;
    clearTimeout(this.timer);
    this.timer = undefined;
    const record = this.record;
    if (!record || !this.client) return;
    const result = await this.client.saveCorrection({
      record: { ...record, organisationName: this.organisation?.name ?? record.organisationName },
      submit: false,
    });
    if (result.saved) {
      this.remember(record.id);
      this.saveState = 'Draft saved in this browser.';
    } else this.saveState = `Not saved: ${result.reason}.`;
  }

  private async submit(event: Event) {
    event.preventDefault();
    const record = this.record;
    const client = this.client;
    if (!record || !client) return;
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
    const checked = validateDraft(record.draft, record.id, this.now());
    const errors: FieldErrors = checked.ok ? {} : { ...checked.errors };
    if (!errors.organisationId && record.draft.organisationId.trim() !== '' && this.organisation === undefined)
      errors.organisationId = 'There is no organisation with this code in the index: check the code (the popup fills it in).';
    this.errors = errors;
    const result = await client.saveCorrection({
      record: { ...record, organisationName: this.organisation?.name ?? '' },
      submit: Object.keys(errors).length === 0,
    });
    if (!result.saved) {
      this.saveState = `Not saved: ${result.reason}.`;
      return;
    }
    this.remember(record.id);
    if (Object.keys(errors).length > 0) {
      this.saveState = 'Kept as a draft.';
      await this.updateComplete;
      this.shadowRoot?.querySelector<HTMLElement>('.error-summary')?.focus();
      return;
    }
    // Saved: on to "My corrections".
    this.page?.location.assign(`/corrections.html?saved=${encodeURIComponent(record.id)}`);
  }

  /** Keeps the draft's id in the address, so reloading the page finds it again. */
  private remember(id: string) {
    this.page?.history.replaceState(null, '', `/corrections.html?id=${encodeURIComponent(id)}`);
  }
}

customElements.define('nsl-correction-form', CorrectionForm);
declare global {
  interface HTMLElementTagNameMap {
    'nsl-correction-form': CorrectionForm;
  }
}
