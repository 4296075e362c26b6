import { css, html, LitElement, nothing } from 'lit';
import type { PageClient } from '../browser/client';
import {
  describeProblem,
  type LiveFigures as Figures,
  LIVE_ANSWER_KEPT_MS,
  type LiveAccount,
  type LiveFiguresState,
  liveOrigin,
  liveSourceLine,
  notToAskYet,
} from '../collect/live-figures';
import { formatCount, formatFactDate, formatFactTime, formatShare } from '../format';
import { DORMANT_AFTER_DAYS } from '../metrics/adoption';
import { PLATFORM_LABELS } from '../social/platform-labels';
import { theme } from './theme';
import './nsl-sparkline';

/** What the element asks of the extension: the stored or live figures, the browser's leave for a host, the automatic setting. */
export type LiveFiguresClient = Pick<PageClient, 'getLiveFigures' | 'requestLiveHost' | 'hasLiveHost' | 'readSettings'>;

/**
 * One Bluesky or Mastodon account's live figures (issue 19): "Get live figures" asks the browser's
 * leave for the platform's host (on the click itself, as browsers require), then the background
 * for the figures; they show with their source and time, and a failure says why in words while
 * the last figures stay, with their date. With the automatic setting on, the figures are asked for
 * as the element appears, but only from a host already allowed: never a prompt without a click.
 */
export class LiveFigures extends LitElement {
  static override properties = {
    account: { attribute: false },
    client: { attribute: false },
    clock: { attribute: false },
    timeZone: { attribute: false },
    state: { state: true },
    busy: { state: true },
    askingLeave: { state: true },
    notice: { state: true },
  };
  account?: LiveAccount;
  client?: LiveFiguresClient;
  /** The current time (injected by tests). */
  clock: () => Date = () => new Date();
  /** Times are shown in the browser's time zone unless a test fixes one. */
  timeZone?: string;
  state?: LiveFiguresState;
  busy = false;
  /**
   * The host the browser is asking the user's leave to reach, while its prompt is open: said in
   * words, and the button stays usable, for a prompt may wait for ever (issue 30).
   */
  askingLeave = '';
  /** A problem met before anything was asked of the background (the host refused, the background silent). */
  notice = '';
  private loadedFor?: LiveFiguresClient;
  /** How many of the browser's questions are still open. */
  private asking = 0;

  static override styles = [
    theme,
    css`
      :host {
        display: block;
        margin-top: 4px;
        font-size: 14px;
      }
      p {
        margin: 2px 0;
      }
      .problem {
        border-left: 4px solid var(--nsl-warm-yellow);
        padding-left: 8px;
      }
      button {
        font: inherit;
        font-size: 14px;
        margin-top: 0;
        padding: 2px 8px;
        color: var(--nsl-blue);
        background: var(--nsl-white);
        border: 1px solid var(--nsl-blue);
        border-radius: 4px;
        cursor: pointer;
      }
    `,
  ];

  override updated(): void {
    // Loads once per client: what is kept, then (automatic setting) the live figures.
    if (this.client && this.account && this.loadedFor !== this.client) {
      this.loadedFor = this.client;
      void this.load(this.client, this.account);
    }
  }

  private async load(client: LiveFiguresClient, account: LiveAccount): Promise<void> {
    try {
      this.state = await client.getLiveFigures({ account, fetch: false });
      const where = liveOrigin(account);
      if (!where.ok || notToAskYet(this.state, this.clock()) !== undefined) return;
      if (!(await client.readSettings()).liveFiguresAutomatic || !(await client.hasLiveHost(where.origin))) return;
      this.busy = true;
      this.state = await client.getLiveFigures({ account, fetch: true });
    } catch (error) {
      this.notice = `Could not read the live figures kept on this device: ${messageOf(error)}`;
    } finally {
      this.busy = false;
    }
  }

  /** The click: the browser's leave first (it must be asked within the click), then the figures. */
  private async getLive(): Promise<void> {
    const { client, account } = this;
    if (!client || !account) return;
    const where = liveOrigin(account);
    if (!where.ok) {
      this.notice = `Not fetched: ${where.reason}.`;
      return;
    }
    const host = new URL(where.origin).host;
    this.notice = '';
    this.askingLeave = host;
    this.asking += 1;
    let allowed: boolean;
    try {
      allowed = await client.requestLiveHost(where.origin);
    } catch (error) {
      this.notice = `Your browser did not ask for leave to reach ${host} (${messageOf(error)}): try again, or allow it in Settings, under “Live figures: the platforms you allow”.`;
      return;
    } finally {
      // A second click while the first question waits asks again; the words stay until the last answer.
      this.asking -= 1;
      if (this.asking === 0) this.askingLeave = '';
    }
    if (!allowed) {
      this.notice = `Not fetched: you did not allow NHS Social Lens to reach ${host}, so nothing was sent.`;
      return;
    }
    this.busy = true;
    try {
      this.state = await client.getLiveFigures({ account, fetch: true });
    } catch (error) {
      this.notice = `Could not ask for live figures: ${messageOf(error)}`;
    } finally {
      this.busy = false;
    }
  }

  override render() {
    const account = this.account;
    if (!account) return nothing;
    const where = liveOrigin(account);
    const state = this.state ?? { points: [] };
    const now = this.clock();
    const waiting = notToAskYet(state, now);
    const last = state.last;
    const failed = last?.outcome === 'failed' ? last : undefined;
    const good = state.good;
    return html`<div data-testid="live-figures">
      ${
        good
          ? html`<p data-testid="live-values">${figuresLine(good.figures)}</p>
            ${styleLine(good.figures) ? html`<p data-testid="live-style">${styleLine(good.figures)}</p>` : nothing}
            <p class="secondary" data-testid="live-source">${failed ? 'Last figures, ' : ''}${liveSourceLine(good, this.timeZone)}</p>`
          : nothing
      }
      <div role="status">
        ${
          this.askingLeave
            ? html`<p data-testid="live-asking-leave">
                Your browser is asking whether NHS Social Lens may reach ${this.askingLeave}, for
                ${where.ok ? where.name : PLATFORM_LABELS[account.platform]}’s public figures (that one host only). Answer its question to go on;
                nothing is sent before you allow it.
              </p>`
            : nothing
        }
        ${this.busy ? html`<p data-testid="live-busy">Asking ${where.ok ? where.name : PLATFORM_LABELS[account.platform]} for live figures…</p>` : nothing}
        ${this.notice ? html`<p class="problem" data-testid="live-problem">${this.notice}</p>` : nothing}
        ${
          !this.notice && failed
            ? html`<p class="problem" data-testid="live-problem">${describeProblem(failed.problem, failed.source, now)}</p>
                <p class="secondary" data-testid="live-tried">Tried ${formatFactTime(failed.at, this.timeZone)}.</p>`
            : nothing
        }
      </div>
      ${
        state.points.length >= 2
          ? html`<nsl-sparkline
              .caption=${'Followers on your visits'}
              .history=${state.points.map((p) => ({ month: p.day, followers: p.followers }))}
            ></nsl-sparkline>`
          : nothing
      }
      ${
        waiting === 'kept' && last
          ? html`<p class="secondary" data-testid="live-kept">Kept on this device for a day: ask again after ${formatFactTime(
              new Date(Date.parse(last.at) + LIVE_ANSWER_KEPT_MS).toISOString(),
              this.timeZone,
            )}.</p>`
          : waiting === 'wait'
            ? nothing
            : html`<p class="get-line"><button
                data-testid="live-get"
                aria-label=${`Get live figures for ${PLATFORM_LABELS[account.platform]} ${account.handle}`}
                @click=${() => this.getLive()}
              >Get live figures</button>${
                good || !where.ok ? nothing : html` <span class="secondary">asks ${where.name}'s public API only</span>`
              }</p>`
      }
    </div>`;
  }
}

/** "1,234 followers · 12 posts in 30 days · 25% replies · last post 24 Nov 2026": each figure only when measured. */
function figuresLine(f: Figures): string {
  return [
    f.followers === undefined ? 'Followers not measured' : `${formatCount(f.followers)} followers`,
    f.posts30d === undefined ? 'posts not measured' : `${formatCount(f.posts30d)} posts in 30 days`,
    f.replyShare30d === undefined ? '' : `${formatShare(f.replyShare30d)} replies`,
    f.lastPostAt === undefined ? 'no recent post seen' : `last post ${formatFactDate(f.lastPostAt)}`,
  ]
    .filter(Boolean)
    .join(' · ');
}

/** The adoption rules' reading: dormant, and conversational or broadcaster (docs/adoption-levels.md). */
function styleLine(f: Figures): string {
  const parts = [
    f.dormant ? `dormant: no post for ${DORMANT_AFTER_DAYS} days` : '',
    f.style === 'conversational'
      ? 'conversational: replies to people often'
      : f.style === 'broadcaster'
        ? 'broadcaster: mostly posts without replying'
        : '',
  ].filter(Boolean);
  return parts.length > 0 ? `${capitalise(parts.join('; '))}.` : '';
}

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

customElements.define('nsl-live-figures', LiveFigures);
declare global {
  interface HTMLElementTagNameMap {
    'nsl-live-figures': LiveFigures;
  }
}
