import { css, html, LitElement, nothing } from 'lit';
import { LIVE_PLATFORMS, type LivePlatform } from '../collect/live-figures';
import type { CorrectionPrefill } from '../corrections/prefill';
import { formatCount, formatFactDate, formatShare, isOlderThanAYear } from '../format';
import type { Account, IndexSource, PlatformCheck } from '../index/schema';
import { isHttpUrl } from '../index/schema';
import type { AccountRow } from '../metrics/site-evidence';
import { PLATFORM_LABELS } from '../social/platform-labels';
import type { Platform } from '../social/platforms';
import { accountKey } from '../social/profile-url';
import {
  checkWords,
  handleLabel,
  indexFact,
  notCountedFact,
  provenanceLine,
  sharedProvenance,
  siteFact,
  siteLine,
  sourceName,
} from './account-facts';
import { platformIcon } from './platform-icon';
import './nsl-live-figures';
import type { LiveFiguresClient } from './nsl-live-figures';
import './nsl-figure';
import './nsl-sparkline';
import { theme } from './theme';

/**
 * An organisation's accounts, one compact row each (issue 19): the platform, the handle as a link,
 * its figures when measured, and one line saying where it comes from (the index, its own website,
 * or both), with the full facts and the correction buttons behind a disclosure. Then, behind
 * disclosures too, the index's unverified candidates and what sources say about other platforms.
 */
export class AccountList extends LitElement {
  static override properties = {
    rows: { attribute: false },
    unverified: { attribute: false },
    platformChecks: { attribute: false },
    sources: { attribute: false },
    now: { attribute: false },
    suggest: { attribute: false },
    live: { attribute: false },
  };
  /** Where the popup offers live figures (issue 19): the client they are asked through. Unset on the dashboard. */
  live?: LiveFiguresClient;
  /**
   * Where the popup offers corrections: builds the prefilled form's address for an account.
   * Unset on the dashboard, which shows no correction buttons.
   */
  suggest?: (prefill: Pick<CorrectionPrefill, 'kind' | 'platform' | 'handle' | 'evidenceUrl'>) => string;
  /** The organisation's accounts: the index's official ones and those its own site links to (site-evidence.ts). */
  rows: readonly AccountRow[] = [];
  /** The index's unverified candidates its own site does not confirm. */
  unverified: readonly AccountRow[] = [];
  platformChecks: readonly PlatformCheck[] = [];
  sources: readonly IndexSource[] = [];
  /** Today, for marking figures over a year old. */
  now = new Date();

  static override styles = [
    theme,
    css`
      ul {
        list-style: none;
        margin: 0;
        padding: 0;
      }
      li {
        position: relative;
        padding: 2px 0 3px;
        border-bottom: 1px solid var(--nsl-border);
      }
      li:last-child {
        border-bottom: 0;
      }
      p {
        margin: 0;
      }
      /* One line: icon, platform, handle (cut short with an ellipsis, in full on hover and to screen readers). */
      .line {
        display: flex;
        align-items: center;
        gap: 6px;
        min-height: 24px;
        padding-right: 30px;
        font-size: 15px;
        white-space: nowrap;
      }
      .platform {
        font-weight: 600;
      }
      .line a {
        display: inline-block;
        min-width: 24px;
        line-height: 24px;
        overflow: hidden;
        text-overflow: ellipsis;
      }
      .platform-icon {
        width: 20px;
        height: 20px;
        flex: none;
      }
      .shared {
        font-size: 13px;
        margin: 0 0 2px;
      }
      .fact {
        display: block;
        font-size: 13px;
        padding-left: 26px;
      }
      details.about {
        font-size: 13px;
        padding-left: 26px;
      }
      details.about > summary {
        position: absolute;
        top: 2px;
        right: 0;
        width: 24px;
        height: 24px;
        list-style: none;
        cursor: pointer;
        border-radius: 4px;
        color: var(--nsl-blue);
        text-align: center;
        line-height: 24px;
      }
      details.about > summary::-webkit-details-marker {
        display: none;
      }
      details.about > summary::before {
        content: '▸';
      }
      details.about[open] > summary::before {
        content: '▾';
      }
      details.about[open] {
        padding-bottom: 4px;
      }
      details.about p {
        margin: 2px 0 0;
        overflow-wrap: anywhere;
      }
      summary:focus-visible {
        outline: 4px solid transparent;
        background-color: var(--nsl-focus);
        color: var(--nsl-text);
        box-shadow: 0 -2px var(--nsl-focus), 0 4px var(--nsl-text);
      }
      details.section {
        margin-top: 8px;
        font-size: 15px;
      }
      details.section > summary {
        cursor: pointer;
        width: fit-content;
        font-weight: 600;
        color: var(--nsl-blue);
      }
      .old {
        color: var(--nsl-red);
        font-weight: 600;
      }
      .state {
        font-weight: 600;
      }
      .suggest {
        display: inline-block;
        margin: 4px 8px 0 0;
        font-size: 14px;
        padding: 2px 8px;
        border: 1px solid var(--nsl-blue);
        border-radius: 4px;
        text-decoration: none;
      }
    `,
  ];

  override render() {
    // One line for what every row shares, rather than the same line under each (issue 30).
    const shared = sharedProvenance(this.rows, this.sources);
    const old = shared !== undefined && this.rows.some((r) => r.index && isOlderThanAYear(r.index.checked, this.now));
    return html`
      ${
        shared === undefined
          ? nothing
          : html`<p class="shared secondary" data-testid="shared-provenance">${shared}${old ? html` <strong class="old">(over a year old)</strong>` : nothing}</p>`
      }
      ${
        this.rows.length === 0
          ? html`<p data-testid="accounts-unknown"><strong>Not yet known.</strong> Neither the index nor its own website, as far as this browser has seen it, names an official account for this organisation yet, which does not mean it has none.</p>`
          : html`<ul data-testid="accounts">${this.rows.map((row) => this.accountRow(row, shared !== undefined))}</ul>`
      }
      ${
        this.unverified.length === 0
          ? nothing
          : html`<details class="section">
              <summary>Possibly also: ${this.unverified.length} unverified candidate${this.unverified.length === 1 ? '' : 's'}</summary>
              <ul data-testid="unverified-accounts">${this.unverified.map((row) => this.candidateRow(row))}</ul>
            </details>`
      }
      ${
        this.platformChecks.length === 0
          ? nothing
          : html`<details class="section">
              <summary>What sources say about other platforms</summary>
              <ul data-testid="platform-checks">${this.platformChecks.map((c) => this.checkItem(c))}</ul>
            </details>`
      }
    `;
  }

  /**
   * One account: the link, where it comes from in one line, its figures when measured, and the
   * full facts (and "Suggest adding") behind the chevron at the end of the line.
   */
  private accountRow(row: AccountRow, sharedLine: boolean) {
    const { index, site } = row;
    const basis = index && site ? 'both' : site ? 'site' : 'index';
    const stopped = index?.verification === 'official' && (index.state === 'closed' || index.state === 'dormant') ? index.state : undefined;
    const label = `${PLATFORM_LABELS[row.platform]} ${row.handle}`;
    return html`<li data-basis=${basis}>
      <p class="line">${this.profileLink(row.platform, row.handle, row.url)}${stopped ? html`<span class="state">(${stopped})</span>` : nothing}</p>
      ${
        sharedLine
          ? nothing
          : html`<span class="fact secondary" data-testid="provenance">${provenanceLine(row, this.sources)}${
              index && !site && isOlderThanAYear(index.checked, this.now) ? html` <strong class="old">(over a year old)</strong>` : nothing
            }</span>`
      }
      ${index?.metrics ? this.metricsOf(index) : nothing}
      ${stopped === 'closed' ? nothing : this.liveFigures(row)}
      <details class="about">
        <summary><span class="visually-hidden">Where ${label} comes from</span></summary>
        ${site ? html`<p>${siteLine(site)}: ${siteFact(site)}</p>` : nothing}
        ${index ? html`<p>${indexFact(index, this.sources)}${index.note ? ` ${index.note}` : ''}</p>` : nothing}
        ${row.notCounted ? html`<p>${notCountedFact(row)}</p>` : nothing}
        ${index?.metrics ? nothing : html`<p data-testid="metrics">Followers and activity: not measured.</p>`}
        ${!index && site ? this.suggestAdding(row) : nothing}
      </details>
    </li>`;
  }

  /** "Suggest adding" for an account its own site links to and the index lacks. */
  private suggestAdding(row: AccountRow) {
    if (this.suggest === undefined || row.site === undefined) return nothing;
    const href = this.suggest({ kind: 'missing-account', platform: row.platform, handle: row.url, evidenceUrl: row.site.pageUrl });
    return html`<p><a class="suggest" data-testid="suggest-adding" href=${href} target="_blank"
      aria-label=${`Suggest adding ${PLATFORM_LABELS[row.platform]} ${row.handle} to the index`}>Suggest adding</a></p>`;
  }

  /** An unverified candidate, with its source and, on the popup, "Confirm" or "Not theirs". */
  private candidateRow(row: AccountRow) {
    const account = row.index;
    if (account === undefined) return nothing;
    return html`<li>
      <p class="line">${this.profileLink(row.platform, row.handle, row.url)}</p>
      <span class="fact secondary">Source: ${sourceName(account.source, this.sources)}, ${this.dated(account.checked)}</span>
      ${row.site ? html`<span class="fact secondary">${siteLine(row.site)}</span>` : nothing}
      ${row.notCounted ? html`<span class="fact secondary">${notCountedFact(row)}</span>` : nothing}
      ${this.confirmButtons(account, row)}
    </li>`;
  }

  /** "Get live figures" for a Bluesky or Mastodon account, in the popup only. */
  private liveFigures({ platform, handle, url }: { platform: Platform; handle: string; url: string }) {
    if (this.live === undefined || !isLivePlatform(platform)) return nothing;
    return html`<nsl-live-figures data-account=${accountKey(platform, handle)} .account=${{ platform, handle, url }} .client=${this.live}></nsl-live-figures>`;
  }

  /** An unverified candidate: "Confirm" or "Not theirs" starts a correction with the evidence field ready. */
  private confirmButtons(account: Account, row: AccountRow) {
    if (this.suggest === undefined) return nothing;
    const about = { platform: account.platform, handle: account.url, ...(row.site ? { evidenceUrl: row.site.pageUrl } : {}) };
    const label = `${PLATFORM_LABELS[account.platform]} ${account.handle}`;
    return html`<span class="fact">
      <a class="suggest" href=${this.suggest({ kind: 'missing-account', ...about })} target="_blank" aria-label=${`Confirm ${label}`}>Confirm</a>
      <a class="suggest" href=${this.suggest({ kind: 'wrong-account', ...about })} target="_blank" aria-label=${`Not theirs: ${label}`}>Not theirs</a>
    </span>`;
  }

  /** An account's figures, with their date and source; a figure not measured says so, never 0. */
  private metricsOf(account: Account) {
    const m = account.metrics;
    if (m === undefined) return nothing;
    return html`<span class="fact metrics" data-testid="metrics">
        ${m.followers === undefined ? 'Followers not measured' : html`<nsl-figure .value=${m.followers} unit="followers"></nsl-figure>`} ·
        ${m.posts30d === undefined ? 'posts not measured' : `${formatCount(m.posts30d)} posts in 30 days`}${
          m.replyShare30d === undefined ? nothing : ` · ${formatShare(m.replyShare30d)} replies`
        }${m.engagementPerPost30d === undefined ? nothing : ` · ${m.engagementPerPost30d.toFixed(1)} interactions a post`}
      </span>
      <span class="fact secondary">Measured ${this.dated(m.measuredAt)} from ${sourceName(m.source, this.sources)}</span>
      ${account.history && account.history.length > 1 ? html`<span class="fact"><nsl-sparkline .history=${account.history}></nsl-sparkline></span>` : nothing}`;
  }

  /** A date, marked "(over a year old)" when it is. */
  private dated(date: string) {
    return isOlderThanAYear(date, this.now)
      ? html`${formatFactDate(date)} <strong class="old">(over a year old)</strong>`
      : formatFactDate(date);
  }

  private checkItem(check: PlatformCheck) {
    return html`<li>
      <span class="platform">${PLATFORM_LABELS[check.platform]}</span> ${checkWords(check)}
      <span class="fact secondary">Source: ${sourceName(check.source, this.sources)}, ${this.dated(check.checked)}</span>
    </li>`;
  }

  private profileLink(platform: Platform, handle: string, url: string) {
    return html`${platformIcon(platform)}<span class="platform">${PLATFORM_LABELS[platform]}</span>
      ${
        // Defence in depth: the validator refuses other schemes, and the popup never links one.
        isHttpUrl(url)
          ? html`<a href=${url} title=${handle} target="_blank" rel="noopener noreferrer">${handleLabel(platform, handle)}</a>`
          : html`<span>${handleLabel(platform, handle)}</span>`
      }`;
  }
}

customElements.define('nsl-account-list', AccountList);
const isLivePlatform = (platform: Platform): platform is LivePlatform => (LIVE_PLATFORMS as readonly Platform[]).includes(platform);

declare global {
  interface HTMLElementTagNameMap {
    'nsl-account-list': AccountList;
  }
}
