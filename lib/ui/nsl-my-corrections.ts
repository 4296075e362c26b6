import { css, html, LitElement, nothing } from 'lit';
import type { PageClient } from '../browser/client';
import { type Correction, exportCorrections } from '../corrections/correction';
import { describeCorrection } from '../corrections/describe';
import { prefilledIssueUrl } from '../corrections/issue-link';
import type { CorrectionView } from '../corrections/stored-correction';
import { formatFactDate } from '../format';
import { downloadText } from './download';
import { focusAfterRender } from './focus';
import type { PageWindow } from './mount-page';
import { factList, formStyles, pageLayout, pagePanel, theme } from './theme';

/** What "My corrections" asks of the extension: the corrections, deleting and marking them sent, the repository for issues. */
export type MyCorrectionsClient = Pick<PageClient, 'listCorrections' | 'deleteCorrection' | 'markCorrectionsExported' | 'repositoryUrl'>;

type State = 'draft' | 'ready' | 'exported' | 'merged';

const STATE_LABELS: Record<State, string> = {
  draft: 'Draft: not finished',
  ready: 'Ready to send',
  exported: 'Sent',
  merged: 'Merged into the index',
};

export const stateOf = (c: CorrectionView): State => (c.merged ? 'merged' : c.status);

/**
 * "My corrections": the suggestions kept in this browser with their state (draft, ready, sent,
 * merged once an installed index says the same), to edit, delete, and send to the maintainers as a
 * file, through the clipboard, or as a prefilled issue.
 */
export class MyCorrections extends LitElement {
  static override properties = {
    corrections: { state: true },
    message: { state: true },
    confirming: { state: true },
    repository: { state: true },
  };
  corrections?: CorrectionView[];
  message = '';
  /** The correction whose "Delete" was pressed once: the second press deletes it. */
  confirming = '';
  repository = '';
  /** Saves a file in the user's downloads; tests give their own. */
  download = (fileName: string, text: string): void => downloadText(fileName, text);
  copy = (text: string): Promise<void> => navigator.clipboard.writeText(text);
  now = (): Date => new Date();
  private client?: MyCorrectionsClient;

  /** Starts the page; `?saved=<id>` (after the form saved a suggestion) says so at the top. */
  async start(client: MyCorrectionsClient, page: PageWindow): Promise<void> {
    this.client = client;
    page.document.title = 'NHS Social Lens: my corrections';
    if (new URLSearchParams(page.location.search).has('saved'))
      this.message = 'Your suggestion was saved in this browser. It is ready to send: choose how below.';
    this.repository = await client.repositoryUrl();
    await this.reload();
  }

  private async reload() {
    this.corrections = (await this.client?.listCorrections())?.corrections;
  }

  static override styles = [
    theme,
    pageLayout,
    formStyles,
    factList,
    pagePanel,
    css`
      :host {
        --nsl-page-width: 800px;
      }
      section,
      li.correction {
        padding-bottom: 12px;
      }
      ul.corrections {
        list-style: none;
        padding: 0;
      }
      h2 {
        margin: 8px 0;
      }
      h3 {
        font-size: 18px;
        margin: 4px 0;
      }
      .state {
        display: inline-block;
        font-size: 14px;
        font-weight: 600;
        padding: 2px 8px;
        border: 2px solid currentColor;
      }
      .state-draft {
        color: #4c6272;
      }
      .state-ready {
        color: #005eb8;
      }
      .state-exported {
        color: #330072;
      }
      .state-merged {
        color: #007f3b;
      }
      dl {
        font-size: 15px;
      }
      .actions {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: 0 16px;
      }
      .notice {
        border-left: 8px solid #007f3b;
        background: var(--nsl-white);
        padding: 8px 12px;
      }
    `,
  ];

  override render() {
    return html`<header>NHS Social Lens</header>
      <main>
        <h1>My corrections</h1>
        <p class="notice" role="status" aria-live="polite" data-testid="message" ?hidden=${this.message === ''}>${this.message}</p>
        ${this.corrections === undefined ? html`<p>Loading…</p>` : this.body(this.corrections)}
      </main>`;
  }

  private body(corrections: CorrectionView[]) {
    const sendable = corrections.filter((c) => c.correction && !c.merged);
    return html`${this.sending(sendable)}
      ${
        corrections.length === 0
          ? html`<p data-testid="empty">You have no corrections yet. Open the NHS Social Lens popup on an organisation’s page and choose “Suggest a correction”.</p>`
          : html`<ul class="corrections" data-testid="corrections">${corrections.map((c) => this.item(c))}</ul>`
      }
      <p><a href="/corrections.html?new=1">Suggest a correction for another organisation</a></p>`;
  }

  private sending(sendable: CorrectionView[]) {
    const count = sendable.length;
    return html`<section aria-labelledby="send-heading">
      <h2 id="send-heading">Send to the maintainers</h2>
      <p>
        ${count === 0 ? 'Nothing is ready to send yet.' : `${count} suggestion${count === 1 ? '' : 's'} ready to send.`} Nothing leaves this browser until you
        send it: a file or the clipboard go where you put them, and an issue is opened on the project’s repository only when you click it.
      </p>
      <div class="actions">
        <button type="button" data-testid="download" ?disabled=${count === 0} @click=${() => this.downloadAll(sendable)}>Download as a file (JSON)</button>
        <button type="button" class="secondary-button" data-testid="copy" ?disabled=${count === 0} @click=${() => this.copyAll(sendable)}>
          Copy to the clipboard
        </button>
      </div>
      ${
        this.repository === ''
          ? html`<p class="secondary" data-testid="no-repository">
              This build names no project repository, so there is no issue link: set the repository’s address in
              <a href="/options.html" target="_blank">Settings</a>, or send the file to whoever gave you this build.
            </p>`
          : html`<p data-testid="next-steps">
              Or open a prefilled issue on <a href=${this.repository} target="_blank" rel="noopener noreferrer">the project’s repository</a>
              (“Open a prefilled issue” beside each suggestion; you need a GitHub account to submit it).
            </p>`
      }
      <h3>What happens next</h3>
      <p data-testid="what-next">
        A maintainer reviews each suggestion against its evidence. An accepted one goes into the project’s curated data and reaches the index
        with the next published update (the index is rebuilt weekly); once the index this browser has says the same, the suggestion shows here
        as “Merged into the index”.
      </p>
    </section>`;
  }

  private item(c: CorrectionView) {
    const state = stateOf(c);
    const correction = c.correction;
    const titleId = `title-${c.id}`;
    // No link when the repository's address is not a web address or the issue could not fit in one (issue 17).
    const issueUrl =
      correction && state !== 'merged' && this.repository !== ''
        ? prefilledIssueUrl(this.repository, correction, c.organisationName || correction.organisationId)
        : undefined;
    return html`<li class="correction page-panel" data-testid="correction" data-state=${state}>
      <h3 id=${titleId}>${describeCorrection(correction ?? c.draft)}</h3>
      <span class="state state-${state}" data-testid="state">${STATE_LABELS[state]}${
        state === 'exported' && c.exportedAt ? ` on ${formatFactDate(c.exportedAt.slice(0, 10))}` : ''
      }</span>
      <dl>
        <dt>Organisation</dt>
        <dd>${c.organisationName || 'Not chosen yet'} ${c.draft.organisationId ? `(${c.draft.organisationId})` : ''}</dd>
        ${c.draft.evidenceUrl ? html`<dt>Evidence</dt><dd>${c.draft.evidenceUrl}</dd>` : nothing}
        ${c.draft.note ? html`<dt>Note</dt><dd>${c.draft.note}</dd>` : nothing}
        <dt>Last changed</dt>
        <dd>${formatFactDate(c.updatedAt.slice(0, 10))}</dd>
      </dl>
      <div class="actions">
        ${
          state === 'merged'
            ? nothing
            : html`<a href=${`/corrections.html?id=${encodeURIComponent(c.id)}`} aria-label=${`Edit: ${describeCorrection(c.draft)}`}>${state === 'draft' ? 'Finish' : 'Edit'}</a>`
        }
        ${
          issueUrl !== undefined
            ? html`<a
                href=${issueUrl}
                target="_blank"
                rel="noopener noreferrer"
                data-testid="issue-link"
                @click=${() => this.marked([c.id], 'The issue page opened in a new tab: check it and submit it there.')}
                >Open a prefilled issue</a
              >`
            : nothing
        }
        ${
          this.confirming === c.id
            ? html`<span role="group" aria-label="Confirm deletion">
                <button type="button" class="warning-button" data-testid="confirm-delete" @click=${() => this.deleteCorrection(c.id)}>Yes, delete it</button>
                <button type="button" class="secondary-button" data-testid="keep" @click=${() => this.confirm('', c.id)}>Keep it</button>
              </span>`
            : html`<button type="button" class="secondary-button" data-testid="delete" data-id=${c.id} @click=${() => this.confirm(c.id, c.id)}
                aria-label=${`Delete: ${describeCorrection(c.draft)}`}>Delete</button>`
        }
      </div>
    </li>`;
  }

  /** Asks to confirm deleting one (or stops asking); the focus goes to what took the place of the button pressed (issue 30). */
  private confirm(asking: string, id: string) {
    this.confirming = asking;
    void focusAfterRender(this, asking ? '[data-testid="keep"]' : `[data-testid="delete"][data-id="${CSS.escape(id)}"]`);
  }

  private fileText(sendable: CorrectionView[]): string {
    const corrections = sendable.flatMap((c) => (c.correction ? [c.correction] : [])) satisfies Correction[];
    return `${JSON.stringify(exportCorrections(corrections, this.now()), null, 2)}\n`;
  }

  private async downloadAll(sendable: CorrectionView[]) {
    const date = this.now().toISOString().slice(0, 10);
    this.download(`nhs-social-lens-corrections-${date}.json`, this.fileText(sendable));
    await this.marked(
      sendable.map((c) => c.id),
      'Downloaded. Send the file to the maintainers (attach it to an issue, or e-mail it).',
    );
  }

  private async copyAll(sendable: CorrectionView[]) {
    try {
      await this.copy(this.fileText(sendable));
    } catch {
      this.message = 'The browser did not allow copying: use “Download as a file” instead.';
      return;
    }
    await this.marked(
      sendable.map((c) => c.id),
      'Copied. Paste it into an issue or a message to the maintainers.',
    );
  }

  private async marked(ids: string[], message: string) {
    await this.client?.markCorrectionsExported({ ids });
    this.message = message;
    await this.reload();
  }

  private async deleteCorrection(id: string) {
    await this.client?.deleteCorrection({ id });
    this.confirming = '';
    this.message = 'Deleted.';
    await this.reload();
  }
}

customElements.define('nsl-my-corrections', MyCorrections);
declare global {
  interface HTMLElementTagNameMap {
    'nsl-my-corrections': MyCorrections;
  }
}
