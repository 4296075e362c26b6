import { css, html, LitElement, nothing } from 'lit';
import type { CorrectionPrefill } from '../corrections/prefill';
import type { Account, IndexSource, PlatformCheck } from '../index/schema';
import { isHttpUrl } from '../index/schema';
import { PLATFORM_LABELS } from '../social/platform-labels';
import type { Platform } from '../social/platforms';
import { accountKey } from '../social/profile-url';
import { platformIcon } from './platform-icon';
import './nsl-figure';
import './nsl-sparkline';
import './nsl-live-figures';
import { LIVE_PLATFORMS, type LivePlatform } from '../collect/live-figures';
import type { StoredSighting as Sighting } from '../detect/stored-sighting';
import { formatCount, formatFactDate, formatShare, isOlderThanAYear } from '../format';
import type { LiveFiguresClient } from './nsl-live-figures';
import { theme } from './theme';

/**
 * An organisation's accounts as links, each with where it came from and when it was checked; the
 * profiles its own site was seen linking to; and what sources say about other platforms.
 */
export class AccountList extends LitElement {
  static override properties = {
    accounts: { attribute: false },
    platformChecks: { attribute: false },
    sightings: { attribute: false },
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
  accounts: readonly Account[] = [];
  platformChecks: readonly PlatformCheck[] = [];
  /** Profiles this browser saw the organisation's own site link to. */
  sightings: readonly Sighting[] = [];
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
        padding: 8px 0;
        border-bottom: 1px solid var(--nsl-border);
      }
      li:last-child {
        border-bottom: 0;
      }
      .platform {
        font-weight: 600;
      }
      .fact {
        display: block;
        font-size: 14px;
      }
      p {
        margin: 0;
      }
      .platform-icon {
        vertical-align: -6px;
        margin-right: 2px;
      }
      .metrics {
        margin-top: 2px;
      }
      .old {
        color: var(--nsl-red);
        font-weight: 600;
      }
      h3 {
        font-size: 16px;
        margin: 16px 0 0;
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
    const official = this.accounts.filter((a) => a.verification === 'official');
    const unverified = this.accounts.filter((a) => a.verification === 'unverified');
    const listed = new Set(this.accounts.map((a) => accountKey(a.platform, a.handle)));
    const seenOnly = this.sightings.filter((s) => !listed.has(s.accountKey));
    return html`
      ${
        official.length === 0
          ? html`<p data-testid="accounts-unknown"><strong>Not yet known.</strong> The index records no official accounts for this organisation yet, which does not mean it has none.</p>`
          : html`<ul data-testid="accounts">${official.map((a) => this.accountItem(a))}</ul>`
      }
      ${
        seenOnly.length === 0
          ? nothing
          : html`<h3>Linked from its own website, not in the index</h3>
            <ul data-testid="seen-accounts">${seenOnly.map((s) => this.sightingItem(s))}</ul>`
      }
      ${
        unverified.length === 0
          ? nothing
          : html`<h3>Possibly also (unverified)</h3>
            <ul data-testid="unverified-accounts">${unverified.map((a) => this.accountItem(a))}</ul>`
      }
      ${
        this.platformChecks.length === 0
          ? nothing
          : html`<h3>What sources say about other platforms</h3>
            <ul data-testid="platform-checks">${this.platformChecks.map((c) => this.checkItem(c))}</ul>`
      }
    `;
  }

  private accountItem(account: Account) {
    const source = this.sources.find((s) => s.id === account.source);
    const seen = this.sightings.find((s) => s.accountKey === accountKey(account.platform, account.handle));
    return html`<li>
      ${this.profileLink(account.platform, account.handle, account.url)}
      ${account.state === 'closed' || account.state === 'dormant' ? html`<strong>(${account.state})</strong>` : nothing}
      <span class="fact secondary">Source: ${source?.name ?? account.source}, ${this.dated(account.checked)}</span>
      ${seen ? html`<span class="fact secondary">${seenLine(seen)}</span>` : nothing}
      ${account.verification === 'official' ? this.metricsOf(account) : this.confirmButtons(account, seen)}
      ${account.state === 'closed' ? nothing : this.liveFigures(account)}
    </li>`;
  }

  /** "Get live figures" for a Bluesky or Mastodon account, in the popup only. */
  private liveFigures({ platform, handle, url }: { platform: Platform; handle: string; url: string }) {
    if (this.live === undefined || !isLivePlatform(platform)) return nothing;
    return html`<nsl-live-figures data-account=${accountKey(platform, handle)} .account=${{ platform, handle, url }} .client=${this.live}></nsl-live-figures>`;
  }

  /** An unverified candidate: "Confirm" or "Not theirs" starts a correction with the evidence field ready. */
  private confirmButtons(account: Account, seen: Sighting | undefined) {
    if (this.suggest === undefined) return nothing;
    const about = { platform: account.platform, handle: account.url, ...(seen ? { evidenceUrl: seen.pageUrl } : {}) };
    const label = `${PLATFORM_LABELS[account.platform]} ${account.handle}`;
    return html`<span class="fact">
      <a class="suggest" href=${this.suggest({ kind: 'missing-account', ...about })} target="_blank" aria-label=${`Confirm ${label}`}>Confirm</a>
      <a class="suggest" href=${this.suggest({ kind: 'wrong-account', ...about })} target="_blank" aria-label=${`Not theirs: ${label}`}>Not theirs</a>
    </span>`;
  }

  /** An account's figures, each "not measured" when absent, with their date and source. */
  private metricsOf(account: Account) {
    const m = account.metrics;
    if (m === undefined) return html`<span class="fact metrics" data-testid="metrics">Followers and activity: not measured</span>`;
    const source = this.sources.find((s) => s.id === m.source);
    return html`<span class="fact metrics" data-testid="metrics">
        ${m.followers === undefined ? 'Followers not measured' : html`<nsl-figure .value=${m.followers} unit="followers"></nsl-figure>`} ·
        ${m.posts30d === undefined ? 'posts not measured' : `${formatCount(m.posts30d)} posts in 30 days`}${
          m.replyShare30d === undefined ? nothing : ` · ${formatShare(m.replyShare30d)} replies`
        }${m.engagementPerPost30d === undefined ? nothing : ` · ${m.engagementPerPost30d.toFixed(1)} interactions a post`}
      </span>
      <span class="fact secondary">Measured ${this.dated(m.measuredAt)} from ${source?.name ?? m.source}</span>
      ${account.history && account.history.length > 1 ? html`<nsl-sparkline .history=${account.history}></nsl-sparkline>` : nothing}`;
  }

  /** A date, marked "(over a year old)" when it is. */
  private dated(date: string) {
    return isOlderThanAYear(date, this.now)
      ? html`${formatFactDate(date)} <strong class="old">(over a year old)</strong>`
      : formatFactDate(date);
  }

  private sightingItem(sighting: Sighting) {
    return html`<li>
      ${this.profileLink(sighting.platform, sighting.handle, sighting.url)}
      <span class="fact secondary">${seenLine(sighting)}</span>
      ${this.liveFigures(sighting)}
      ${
        sighting.sharedWith.length > 0
          ? html`<span class="fact secondary">This site is shared with ${sighting.sharedWith.join(', ')}, so the account may be theirs.</span>`
          : nothing
      }
      ${
        this.suggest
          ? html`<span class="fact"><a class="suggest" data-testid="suggest-adding" href=${this.suggest({
              kind: 'missing-account',
              platform: sighting.platform,
              handle: sighting.url,
              evidenceUrl: sighting.pageUrl,
            })} target="_blank" aria-label=${`Suggest adding ${PLATFORM_LABELS[sighting.platform]} ${sighting.handle} to the index`}>Suggest adding</a></span>`
          : nothing
      }
    </li>`;
  }

  private checkItem(check: PlatformCheck) {
    const source = this.sources.find((s) => s.id === check.source);
    return html`<li>
      <span class="platform">${PLATFORM_LABELS[check.platform]}</span> ${CHECK_LABELS[check.result]}
      <span class="fact secondary">Source: ${source?.name ?? check.source}, ${this.dated(check.checked)}</span>
    </li>`;
  }

  private profileLink(platform: Platform, handle: string, url: string) {
    return html`${platformIcon(platform)} <span class="platform">${PLATFORM_LABELS[platform]}</span>
      ${
        // Defence in depth: the validator refuses other schemes, and the popup never links one.
        isHttpUrl(url) ? html`<a href=${url} target="_blank" rel="noopener noreferrer">${handle}</a>` : html`<span>${handle}</span>`
      }`;
  }
}

const isLivePlatform = (platform: Platform): platform is LivePlatform => (LIVE_PLATFORMS as readonly Platform[]).includes(platform);

const CHECK_LABELS: Record<PlatformCheck['result'], string> = {
  'no-account': 'no account found',
  closed: 'account closed or suspended',
  dormant: 'stopped posting',
  'account-unnamed': 'has an account (name not recorded)',
};

/** "Linked from www.uclh.nhs.uk on 25 Nov 2026": where and when this browser saw the link. */
function seenLine(sighting: Sighting): string {
  return `Linked from ${new URL(sighting.pageUrl).hostname} on ${formatFactDate(sighting.lastSeen.slice(0, 10))} (seen by you, kept on this device)`;
}

customElements.define('nsl-account-list', AccountList);
declare global {
  interface HTMLElementTagNameMap {
    'nsl-account-list': AccountList;
  }
}
