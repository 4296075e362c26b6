import { css, html, LitElement, nothing, type PropertyValues } from 'lit';
import { CORRECTION_KINDS, type CorrectionDraft, type CorrectionKind, type FieldErrors, validateDraft } from '../corrections/correction';
import { CORRECTION_KIND_LABELS } from '../corrections/describe';
import type { SaveResult, StoredCorrection } from '../corrections/stored-correction';
import type { StoredSighting as Sighting } from '../detect/stored-sighting';
import type { Organisation } from '../index/schema';
import { PLATFORM_LABELS } from '../social/platform-labels';
import { PLATFORMS, type Platform } from '../social/platforms';
import { accountKey, parseHandle } from '../social/profile-url';
import type { CorrectionPrefill } from './correction-links';
import { formStyles, pageLayout, theme } from './theme';

export interface CorrectionFormActions {
  getOrganisation(id: string): Promise<{ organisation?: Organisation; sightings: Sighting[] }>;
  save(record: StoredCorrection, submit: boolean): Promise<SaveResult>;
  /** The user's stored corrections, to find the one being edited or an unfinished draft. */
  list(): Promise<StoredCorrection[]>;
  /** After a suggestion is saved: on to "My corrections". */
  done(id: string): void;
  /** Keeps the draft's id in the address, so reloading the page finds it again. */
  remember(id: string): void;
  newId(): string;
  now(): Date;
}

/** Typing is saved this long after the last key, so a closed tab loses at most this much. */
const AUTOSAVE_DELAY_MS = 300;

const NEEDS_ACCOUNT: readonly CorrectionKind[] = ['missing-account', 'wrong-account', 'account-closed', 'observed-followers'];

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

const emptyDraft = (organisationId = ''): CorrectionDraft => ({
  kind: 'missing-account',
  organisationId,
  platform: '',
  handle: '',
  domain: '',
  evidenceUrl: '',
  note: '',
});

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
  private act?: CorrectionFormActions;
  private timer?: ReturnType<typeof setTimeout>;
  private lookedUp = '';

  /** Starts the form: `id` edits a stored correction; otherwise `prefill` starts one (or restores its unfinished draft). */
  start(actions: CorrectionFormActions, opening: { id?: string; prefill?: CorrectionPrefill }): Promise<void> {
    this.act = actions;
    return this.open(opening);
  }

  private async open({ id, prefill }: { id?: string; prefill?: CorrectionPrefill }) {
    const act = this.act;
    if (!act) return;
    const stored = await act.list();
    const existing = id === undefined ? undefined : stored.find((r) => r.id === id);
    if (existing) {
      this.record = existing;
    } else {
      const draft = { ...emptyDraft(prefill?.organisationId), ...prefillFields(prefill) };
      const origin = originOf(prefill);
      const unfinished = stored.find((r) => r.status === 'draft' && r.draft.organisationId === draft.organisationId && r.origin === origin);
      if (unfinished) {
        this.record = unfinished;
        this.notice = 'Your unfinished suggestion was restored, as you left it.';
      } else {
        const now = act.now().toISOString();
        this.record = { id: act.newId(), status: 'draft', draft, organisationName: '', createdAt: now, updatedAt: now, origin };
        if (id !== undefined) this.notice = 'That suggestion is no longer here (it may have been deleted): you can start a new one.';
      }
    }
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
    if (!this.act || id === this.lookedUp) return;
    this.lookedUp = id;
    const found = id === '' ? { sightings: [] } : await this.act.getOrganisation(id);
    if (this.lookedUp !== id) return;
    this.organisation = found.organisation;
    this.sightings = found.sightings;
  }

  static override styles = [
    theme,
    pageLayout,
    formStyles,
    css`
      :host {
        --nsl-page-width: 720px;
      }
      form,
      .panel {
        background: var(--nsl-white);
        border: 1px solid var(--nsl-border);
        padding: 8px 24px 16px;
        margin-bottom: 16px;
      }
      fieldset {
        border: 0;
        padding: 0;
        margin: 12px 0;
      }
      legend {
        font-weight: 600;
        margin-bottom: 4px;
      }
      .radios label {
        display: block;
        font-weight: 400;
        margin: 4px 0;
      }
      .invalid input,
      .invalid select,
      .invalid textarea {
        border-color: var(--nsl-red);
      }
      .invalid {
        border-left: 4px solid var(--nsl-red);
        padding-left: 12px;
      }
      .error-summary {
        border: 4px solid var(--nsl-red);
        padding: 8px 16px;
        margin: 12px 0;
        background: var(--nsl-white);
      }
      .error-summary h2 {
        margin: 4px 0;
        font-size: 20px;
      }
      .error-summary a {
        color: var(--nsl-red);
        font-weight: 600;
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
    const needsAccount = NEEDS_ACCOUNT.includes(d.kind);
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
        ${needsAccount ? this.accountFields(d) : nothing}
        ${
          d.kind === 'missing-domain'
            ? this.field(
                'domain',
                'Website domain',
                'The host name only, such as www.example.nhs.uk: no https://, no path.',
                html`<input id="domain" type="text" autocomplete="off" spellcheck="false" .value=${d.domain} aria-describedby=${this.describedBy('domain')} aria-invalid=${this.errors.domain ? 'true' : 'false'} />`,
              )
            : nothing
        }
        ${d.kind === 'observed-followers' ? this.observedFields(d) : nothing}
        ${this.field(
          'evidenceUrl',
          'Evidence: a page that shows this',
          'The best evidence is the organisation’s own page linking to the account (its home page or contact page, say).',
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
        d.platform === '' ? 'Choose the platform first.' : HANDLE_HINTS[d.platform],
        html`<input id="handle" type="text" autocomplete="off" spellcheck="false" .value=${d.handle} aria-describedby=${this.describedBy('handle')} aria-invalid=${this.errors.handle ? 'true' : 'false'} />
          ${parsed?.ok ? html`<p class="hint" data-testid="canonical-url">It will be recorded as ${parsed.profile.url}</p>` : nothing}`,
      )}`;
  }

  /** Accounts to pick from: those the organisation's own site linked to (for a missing one) or those the index lists. */
  private suggestions(d: CorrectionDraft) {
    const org = this.organisation;
    if (org === undefined) return nothing;
    const listed = new Set(org.accounts.map((a) => accountKey(a.platform, a.handle)));
    const choices =
      d.kind === 'missing-account'
        ? this.sightings
            .filter((s) => !listed.has(s.accountKey))
            .map((s) => ({
              platform: s.platform,
              handle: s.handle,
              url: s.url,
              evidence: s.pageUrl,
              why: `linked from ${hostOf(s.pageUrl)}`,
            }))
            .concat(
              org.accounts
                .filter((a) => a.verification === 'unverified')
                .map((a) => ({ platform: a.platform, handle: a.handle, url: a.url, evidence: '', why: 'possibly theirs (unverified)' })),
            )
        : org.accounts.map((a) => ({ platform: a.platform, handle: a.handle, url: a.url, evidence: '', why: 'in the index' }));
    if (choices.length === 0) return nothing;
    return html`<div class="field" data-testid="suggestions">
      <p><strong>${d.kind === 'missing-account' ? 'Seen on its own website, not in the index' : 'Accounts the index lists'}</strong></p>
      ${choices.map(
        (c) => html`<p class="suggestion">
          <button type="button" class="small" @click=${() =>
            this.set({
              platform: c.platform,
              // The address, not the handle: every platform's address parses, some handles alone do not.
              handle: c.url,
              ...(c.evidence && d.evidenceUrl.trim() === '' ? { evidenceUrl: c.evidence } : {}),
            })}
            aria-label=${`Use this: ${PLATFORM_LABELS[c.platform]} ${c.handle}`}>Use this</button>
          ${PLATFORM_LABELS[c.platform]} ${c.handle} <span class="secondary">(${c.why})</span>
        </p>`,
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
    if (Object.keys(this.errors).length > 0 && this.record && this.act) {
      const checked = validateDraft(this.record.draft, this.record.id, this.act.now());
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
    if (!record || !this.act) return;
    const result = await this.act.save({ ...record, organisationName: this.organisation?.name ?? record.organisationName }, false);
    if (result.saved) {
      this.act.remember(record.id);
      this.saveState = 'Draft saved in this browser.';
    } else this.saveState = `Not saved: ${result.reason}.`;
  }

  private async submit(event: Event) {
    event.preventDefault();
    const record = this.record;
    const act = this.act;
    if (!record || !act) return;
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
    const checked = validateDraft(record.draft, record.id, act.now());
    const errors: FieldErrors = checked.ok ? {} : { ...checked.errors };
    if (!errors.organisationId && record.draft.organisationId.trim() !== '' && this.organisation === undefined)
      errors.organisationId = 'There is no organisation with this code in the index: check the code (the popup fills it in).';
    this.errors = errors;
    const result = await act.save({ ...record, organisationName: this.organisation?.name ?? '' }, Object.keys(errors).length === 0);
    if (!result.saved) {
      this.saveState = `Not saved: ${result.reason}.`;
      return;
    }
    act.remember(record.id);
    if (Object.keys(errors).length > 0) {
      this.saveState = 'Kept as a draft.';
      await this.updateComplete;
      this.shadowRoot?.querySelector<HTMLElement>('.error-summary')?.focus();
      return;
    }
    act.done(record.id);
  }
}

const HANDLE_HINTS: Record<Platform, string> = {
  x: 'For example @nhsengland or https://x.com/nhsengland',
  facebook: 'For example https://www.facebook.com/NHSEngland',
  instagram: 'For example @nhsengland or https://www.instagram.com/nhsengland/',
  youtube: 'The channel’s address, such as https://www.youtube.com/@NHSEngland',
  linkedin: 'A company page, such as https://www.linkedin.com/company/nhs-england/',
  tiktok: 'For example @nhsengland',
  bluesky: 'For example nhsengland.bsky.social',
  threads: 'For example @nhsengland',
  mastodon: 'The profile’s address, such as https://mastodon.example/@nhs',
  flickr: 'For example https://www.flickr.com/photos/nhsengland/',
};

function hostOf(url: string): string {
  return URL.canParse(url) ? new URL(url).hostname : url;
}

function prefillFields(prefill: CorrectionPrefill | undefined): Partial<CorrectionDraft> {
  if (!prefill) return {};
  const kind = CORRECTION_KINDS.find((k) => k === prefill.kind);
  const platform = PLATFORMS.find((p) => p === prefill.platform);
  return {
    ...(kind ? { kind } : {}),
    ...(platform ? { platform } : {}),
    ...(prefill.handle ? { handle: prefill.handle.slice(0, 300) } : {}),
    ...(prefill.evidenceUrl ? { evidenceUrl: prefill.evidenceUrl.slice(0, 2000) } : {}),
  };
}

/** What a prefill asked for: the same button in the popup gives the same origin, and so finds its draft again. */
function originOf(prefill: CorrectionPrefill | undefined): string {
  return [prefill?.kind ?? '', prefill?.platform ?? '', prefill?.handle ?? ''].join('|');
}

customElements.define('nsl-correction-form', CorrectionForm);
declare global {
  interface HTMLElementTagNameMap {
    'nsl-correction-form': CorrectionForm;
  }
}
