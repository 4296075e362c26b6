import { css, html, LitElement, nothing, unsafeCSS } from 'lit';
import type { SectorContextLine } from '../browser/messaging';
import { describeCorrection } from '../corrections/describe';
import { repositoryFileUrl } from '../corrections/issue-link';
import { type CorrectionPrefill, correctionFormHref } from '../corrections/prefill';
import type { StoredCorrection } from '../corrections/stored-correction';
import { codeSchemeOf } from '../dashboard/rows';
import { describeEvidence } from '../detect/evidence';
import type { StoredSighting as Sighting } from '../detect/stored-sighting';
import type { Candidate } from '../detect/types';
import { formatCount, formatFactDate, formatShare, kindLabel } from '../format';
import { type IndexSource, isHttpUrl, type Organisation } from '../index/schema';
import { adoptionOf } from '../metrics/adoption';
import { LEVEL_COLOURS } from '../metrics/badge-legend';
import { organisationMetrics } from '../metrics/organisation-metrics';
import { peerLabel } from '../metrics/sector-context';
import { adoptionWithSite, siteEvidence } from '../metrics/site-evidence';
import { PLATFORM_LABELS } from '../social/platform-labels';
import { PLATFORMS, type Platform } from '../social/platforms';
import { theme } from './theme';
import './nsl-account-list';
import './nsl-badge-legend';
import type { LiveFiguresClient } from './nsl-live-figures';
import './nsl-figure';

/**
 * One recognised organisation: who it is, its website, why it matched, how far along it is on
 * social media (its adoption level) and how engaged, then its accounts with their figures. In the
 * popup its actions ("Details in the dashboard", "Suggest a correction") come before the accounts,
 * so they are in sight in Chrome's 600 px popup however many accounts follow (issue 30), and never
 * cover a focused row as a sticky bar would (WCAG 2.4.11).
 */
export class OrgCard extends LitElement {
  static override properties = {
    candidate: { attribute: false },
    sightings: { attribute: false },
    sources: { attribute: false },
    context: { attribute: false },
    countedPlatforms: { attribute: false },
    now: { attribute: false },
    showEvidence: { attribute: false },
    ownCorrections: { attribute: false },
    pageUrl: { attribute: false },
    live: { attribute: false },
    repositoryUrl: { attribute: false },
  };
  /** The project's repository, for the link to how levels are worked out (issue 30); none without it. */
  repositoryUrl = '';
  /** The popup's client for live figures (issue 19); unset on the dashboard. */
  live?: LiveFiguresClient;
  /** The user's own checked corrections not yet in the index, shown as "your suggestion, not yet reviewed". */
  ownCorrections: readonly StoredCorrection[] = [];
  /** The page the popup was opened on, passed to the correction form for its suggestions. */
  pageUrl = '';
  /** The dashboard shows an organisation it was asked for, not one a page matched: no evidence line. */
  showEvidence = true;
  candidate?: Candidate;
  sightings: readonly Sighting[] = [];
  sources: readonly IndexSource[] = [];
  context: readonly SectorContextLine[] = [];
  countedPlatforms: readonly Platform[] = PLATFORMS;
  now = new Date();

  static override styles = [
    theme,
    css`
      :host {
        display: block;
      }
      h1 {
        font-size: 18px;
        line-height: 1.25;
        margin: 0 0 2px;
      }
      h1:focus {
        outline: none;
      }
      h2 {
        font-size: 16px;
        margin: 10px 0 2px;
      }
      p {
        margin: 2px 0;
      }
      .meta,
      .evidence {
        font-size: 14px;
        overflow-wrap: anywhere;
      }
      .merged {
        border-left: 4px solid var(--nsl-blue);
        padding-left: 8px;
        margin: 6px 0;
        font-size: 14px;
      }
      .adoption {
        position: relative;
        border: 1px solid var(--nsl-border);
        border-left: 8px solid var(--level-colour);
        background: var(--nsl-grey-5);
        padding: 3px 10px 5px;
        margin-top: 8px;
      }
      /* "Why?" sits at the end of the level's line; what it opens flows below the level. */
      .why > summary {
        position: absolute;
        right: 8px;
        top: 20px;
        min-height: 24px;
        line-height: 24px;
      }
      .adoption h2 {
        margin: 0;
        font-size: 13px;
        font-weight: 400;
        color: var(--nsl-secondary-text);
      }
      .level {
        font-size: 17px;
        font-weight: 700;
        margin: 0;
        padding-right: 56px;
        line-height: 26px;
      }
      details {
        font-size: 14px;
      }
      details p {
        margin: 4px 0;
      }
      summary {
        cursor: pointer;
        color: var(--nsl-blue);
        width: fit-content;
      }
      summary:focus-visible {
        outline: 4px solid transparent;
        background-color: var(--nsl-focus);
        color: var(--nsl-text);
        box-shadow: 0 -2px var(--nsl-focus), 0 4px var(--nsl-text);
      }
      .engagement {
        font-size: 14px;
        margin-top: 6px;
      }
      .legend-heading {
        font-size: 14px;
        margin: 8px 0 0;
      }
      /* The badge's colours, from the one place that holds them and their legend (issue 30). */
      .level-several-platforms {
        --level-colour: ${unsafeCSS(LEVEL_COLOURS['several-platforms'])};
      }
      .level-one-platform,
      .level-one-known-platform {
        --level-colour: ${unsafeCSS(LEVEL_COLOURS['one-platform'])};
      }
      .level-none {
        --level-colour: ${unsafeCSS(LEVEL_COLOURS.none)};
      }
      .level-unknown {
        --level-colour: ${unsafeCSS(LEVEL_COLOURS.unknown)};
      }
      .links {
        margin-top: 8px;
        font-size: 14px;
        display: flex;
        flex-wrap: wrap;
        gap: 4px 16px;
      }
      .index-level {
        font-size: 13px;
        margin: 0 0 2px;
      }
      .own {
        border: 1px dashed var(--nsl-blue);
        background: #e8f1f8;
        padding: 4px 12px 8px;
        margin-top: 10px;
      }
      .own ul {
        margin: 4px 0;
        padding-left: 20px;
      }
      .tag {
        font-size: 14px;
        font-weight: 600;
        color: var(--nsl-dark-blue);
      }
      button.link {
        font: inherit;
        font-size: 14px;
        background: none;
        border: 0;
        padding: 0;
        color: var(--nsl-blue);
        text-decoration: underline;
        cursor: pointer;
      }
    `,
  ];

  override render() {
    const candidate = this.candidate;
    if (candidate === undefined) return nothing;
    const org = candidate.organisation;
    const evidence = candidate.evidence;
    const website = org.domains[0];
    // The index and what its own website links to, as one list (issue 19); the level counts both.
    const union = siteEvidence(org, this.sightings);
    const adoption = adoptionWithSite(org, union, this.countedPlatforms);
    const methodUrl = repositoryFileUrl(this.repositoryUrl, 'docs/adoption-levels.md');
    const type = `${kindLabel(org.kind)}${org.trustType && org.trustType !== 'unknown' ? ` (${org.trustType.replace('-', ' ')})` : ''}`;
    return html`
      <h1 data-testid="org-name" tabindex="-1">${org.name}</h1>
      <p class="meta secondary">
        ${codeOf(org)} · ${type} ·
        ${org.region === org.country ? nothing : html`${org.region === 'unknown' ? 'region not yet known' : org.region} ·`}
        <span data-testid="org-country">${org.country}</span> ·
        <span data-testid="org-website">${
          website
            ? html`<a href=${`https://${website.host}/`} target="_blank" rel="noopener noreferrer">${website.host}</a>`
            : org.homepage && isHttpUrl(org.homepage)
              ? html`<a href=${org.homepage} target="_blank" rel="noopener noreferrer">GOV.UK page</a>`
              : 'website not yet known'
        }</span>
      </p>
      ${
        evidence.predecessor
          ? html`<p class="merged" data-testid="merged">
              ${evidence.rule === 'domain' ? 'This was the website of' : 'This code belonged to'} ${evidence.predecessor.name ?? evidence.predecessor.id}, now
              part of ${org.name}${evidence.predecessor.until ? html` since ${formatFactDate(evidence.predecessor.until)}` : nothing}.
            </p>`
          : nothing
      }
      ${this.showEvidence ? html`<p class="evidence secondary" data-testid="evidence">${capitalise(describeEvidence(evidence))}.</p>` : nothing}
      <section class="adoption level-${adoption.level}" data-testid="adoption" aria-labelledby="adoption-heading">
        <h2 id="adoption-heading">Adoption level${
          adoption.basisLabel
            ? html`<span data-testid="adoption-basis">, ${adoption.basisLabel}</span>`
            : html`<span data-testid="adoption-basis">, from the index</span>`
        }</h2>
        <p class="level" data-testid="adoption-level">${adoption.label}</p>
        ${
          // Whose each answer is (issue 30): the dashboard's table shows both, with the same words.
          adoption.basis === 'index'
            ? nothing
            : html`<p class="index-level secondary" data-testid="index-only-level">
                Seen by you. The index alone: ${adoptionOf(org, this.countedPlatforms).label}
              </p>`
        }
        <details class="why">
          <summary>Why?<span class="visually-hidden"> How this level was reached</span></summary>
          <p data-testid="adoption-explanation">${adoption.explanation}</p>
          <p class="secondary" data-testid="adoption-method">
            From the index's official accounts and the sources' dated checks, and the profiles its own website links to, after the NHS
            social-media research of 2014 and 2015${
              methodUrl
                ? html`: <a href=${methodUrl} target="_blank" rel="noopener noreferrer" data-testid="method-link">how the levels are worked out</a>`
                : nothing
            }.
          </p>
          ${
            this.showEvidence
              ? html`<h3 class="legend-heading">The toolbar badge</h3>
                  <nsl-badge-legend compact></nsl-badge-legend>`
              : nothing
          }
          ${this.engagement(union.view, false)}
        </details>
      </section>
      ${this.engagement(union.view, true)}
      ${
        this.showEvidence
          ? html`<p class="links" data-testid="popup-actions">
              <a href=${`/dashboard.html#org/${encodeURIComponent(org.id)}`} target="_blank" data-testid="details-link">Details in the dashboard</a>
              <a href=${this.formHref({})} target="_blank" data-testid="suggest-correction">Suggest a correction</a>
            </p>`
          : nothing
      }
      <h2>Social media accounts${union.rows.length > 0 ? ` (${union.rows.length})` : ''}</h2>
      <nsl-account-list
        .suggest=${this.showEvidence ? (prefill: Omit<CorrectionPrefill, 'organisationId'>) => this.formHref(prefill) : undefined}
        .rows=${union.rows}
        .unverified=${union.unverified}
        .platformChecks=${org.platformChecks}
        .sources=${this.sources}
        .now=${this.now}
        .live=${this.live}
      ></nsl-account-list>
      ${this.ownSuggestions()}
    `;
  }

  /** Takes the focus to the organisation's name, when the popup shows it in place of something else (issue 30). */
  focusHeading(): void {
    this.renderRoot.querySelector<HTMLElement>('h1')?.focus();
  }

  private formHref(prefill: Omit<CorrectionPrefill, 'organisationId'>): string {
    const org = this.candidate?.organisation;
    return correctionFormHref({ organisationId: org?.id ?? '', ...(this.pageUrl ? { pageUrl: this.pageUrl } : {}), ...prefill });
  }

  /** The user's own pending corrections about this organisation, marked so they are never taken for the index's facts. */
  private ownSuggestions() {
    const org = this.candidate?.organisation;
    const mine = this.ownCorrections.filter((c) => c.correction?.organisationId === org?.id);
    if (mine.length === 0) return nothing;
    return html`<section class="own" data-testid="own-suggestions" aria-labelledby="own-heading">
      <h2 id="own-heading">Your suggestions</h2>
      <ul>
        ${mine.map(
          (c) =>
            html`<li>${c.correction ? describeCorrection(c.correction) : ''}${
              c.correction?.observed ? ` on ${formatFactDate(c.correction.observed.on)}` : ''
            } <span class="tag">(your suggestion, not yet reviewed)</span></li>`,
        )}
      </ul>
      <button class="link" @click=${() => this.dispatchEvent(new CustomEvent('hide-own-suggestions', { bubbles: true, composed: true }))}>
        Hide my suggestions
      </button>
    </section>`;
  }

  /**
   * The organisation's figures across its measured accounts, and where they stand among its peers:
   * in view when measured (`shown`), else "not measured" behind "Why this level".
   */
  private engagement(org: Organisation, shown: boolean) {
    const totals = organisationMetrics(org);
    if (totals.measuredAccounts > 0 !== shown) return nothing;
    if (totals.measuredAccounts === 0) {
      return html`<p data-testid="engagement"><strong>Engagement:</strong> Not measured: the index holds no figures for this organisation's accounts yet.</p>`;
    }
    const context = this.context.filter((c) => c.organisationId === org.id && c.peersMeasured >= MIN_PEERS_FOR_CONTEXT);
    return html`<p class="engagement" data-testid="engagement">
        <strong>Engagement:</strong>
        ${totals.followers === undefined ? 'followers not measured' : html`<nsl-figure .value=${totals.followers} unit="followers"></nsl-figure>`}
        across ${totals.measuredAccounts} measured account${totals.measuredAccounts === 1 ? '' : 's'}${totals.unmeasuredAccounts > 0 ? ` (${totals.unmeasuredAccounts} not measured)` : ''};
        ${totals.posts30d === undefined ? 'posts not measured' : `${formatCount(totals.posts30d)} posts in the last 30 days`}${
          totals.replyShare30d === undefined ? '' : `, ${formatShare(totals.replyShare30d)} of them replies`
        }.
      </p>
      ${context.map(
        (c) =>
          html`<p class="engagement secondary" data-testid="sector-context">
            More ${PLATFORM_LABELS[c.platform]} followers than ${c.percentile}% of the ${c.peersMeasured} ${peerLabel(org)} with a measured figure.
          </p>`,
      )}`;
  }
}

/** Below this many measured peers a percentile says more about chance than about the sector. */
const MIN_PEERS_FOR_CONTEXT = 3;

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

customElements.define('nsl-org-card', OrgCard);
/** "ODS RJ1", "GSS S08000031", "PHS SB0801", or "No code" for a body no scheme codes (issue 20). */
function codeOf(org: Organisation) {
  const scheme = codeSchemeOf(org);
  return scheme === 'none' ? 'No code' : html`${scheme.toUpperCase()} <span data-testid="org-ods">${org.id}</span>`;
}

declare global {
  interface HTMLElementTagNameMap {
    'nsl-org-card': OrgCard;
  }
}
