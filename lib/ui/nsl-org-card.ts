import { css, html, LitElement, nothing } from 'lit';
import type { SectorContextLine } from '../browser/messaging';
import { describeCorrection } from '../corrections/describe';
import { type CorrectionPrefill, correctionFormHref } from '../corrections/prefill';
import type { StoredCorrection } from '../corrections/stored-correction';
import { describeEvidence } from '../detect/evidence';
import type { StoredSighting as Sighting } from '../detect/stored-sighting';
import type { Candidate } from '../detect/types';
import { formatCount, formatFactDate, formatShare, kindLabel } from '../format';
import { type IndexSource, isHttpUrl } from '../index/schema';
import { adoptionOf } from '../metrics/adoption';
import { organisationMetrics } from '../metrics/organisation-metrics';
import { peerLabel } from '../metrics/sector-context';
import { PLATFORM_LABELS } from '../social/platform-labels';
import { PLATFORMS, type Platform } from '../social/platforms';
import { theme } from './theme';
import './nsl-account-list';
import type { LiveFiguresClient } from './nsl-live-figures';
import './nsl-figure';

/**
 * One recognised organisation: who it is, its website, why it matched, how far along it is on
 * social media (its adoption level) and how engaged, then its accounts with their figures.
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
  };
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
      h1 {
        font-size: 20px;
        line-height: 1.3;
        margin: 0 0 4px;
      }
      h2 {
        font-size: 17px;
        margin: 16px 0 4px;
      }
      dl {
        display: grid;
        grid-template-columns: auto 1fr;
        gap: 2px 12px;
        margin: 8px 0;
        font-size: 15px;
      }
      dt {
        font-weight: 600;
      }
      dd {
        margin: 0;
        overflow-wrap: anywhere;
      }
      p {
        margin: 4px 0;
      }
      .evidence,
      .basis {
        font-size: 14px;
      }
      .merged {
        border-left: 4px solid var(--nsl-blue);
        padding-left: 8px;
        margin: 8px 0;
      }
      .adoption {
        border: 1px solid var(--nsl-border);
        border-left: 8px solid var(--level-colour);
        background: var(--nsl-grey-5);
        padding: 8px 12px;
        margin-top: 12px;
      }
      .adoption h2 {
        margin-top: 0;
        font-size: 15px;
        color: var(--nsl-secondary-text);
      }
      .level {
        font-size: 19px;
        font-weight: 700;
      }
      .level-several-platforms {
        --level-colour: #007f3b;
      }
      .level-one-platform,
      .level-one-known-platform {
        --level-colour: #005eb8;
      }
      .level-none {
        --level-colour: #425563;
      }
      .level-unknown {
        --level-colour: #aeb7bd;
      }
      .links {
        margin-top: 12px;
        font-size: 15px;
        display: flex;
        flex-wrap: wrap;
        gap: 4px 16px;
      }
      .own {
        border: 1px dashed var(--nsl-blue);
        background: #e8f1f8;
        padding: 4px 12px 8px;
        margin-top: 12px;
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
    const adoption = adoptionOf(org, this.countedPlatforms);
    return html`
      <h1 data-testid="org-name">${org.name}</h1>
      ${
        evidence.predecessor
          ? html`<p class="merged" data-testid="merged">
              ${evidence.rule === 'domain' ? 'This was the website of' : 'This code belonged to'} ${evidence.predecessor.name ?? evidence.predecessor.id}, now
              part of ${org.name}${evidence.predecessor.until ? html` since ${formatFactDate(evidence.predecessor.until)}` : nothing}.
            </p>`
          : nothing
      }
      <dl>
        <dt>ODS code</dt>
        <dd data-testid="org-ods">${org.id}</dd>
        <dt>Type</dt>
        <dd>${kindLabel(org.kind)}${org.trustType && org.trustType !== 'unknown' ? ` (${org.trustType.replace('-', ' ')})` : ''}</dd>
        <dt>Region</dt>
        <dd>${org.region === 'unknown' ? 'Not yet known' : org.region}</dd>
        <dt>Website</dt>
        <dd data-testid="org-website">
          ${
            website
              ? html`<a href=${`https://${website.host}/`} target="_blank" rel="noopener noreferrer">${website.host}</a>`
              : org.homepage && isHttpUrl(org.homepage)
                ? html`<a href=${org.homepage} target="_blank" rel="noopener noreferrer">GOV.UK page</a>`
                : 'Not yet known'
          }
        </dd>
      </dl>
      ${this.showEvidence ? html`<p class="evidence secondary" data-testid="evidence">${capitalise(describeEvidence(evidence))}.</p>` : nothing}
      <section class="adoption level-${adoption.level}" data-testid="adoption" aria-labelledby="adoption-heading">
        <h2 id="adoption-heading">Adoption level</h2>
        <p class="level" data-testid="adoption-level">${adoption.label}</p>
        <p data-testid="adoption-explanation">${adoption.explanation}</p>
        <p class="basis secondary">
          From the index's official accounts and the sources' dated checks below, after the NHS social-media research of 2014 and 2015.
        </p>
      </section>
      ${this.engagement()}
      <h2>Social media accounts</h2>
      ${this.ownSuggestions()}
      <nsl-account-list
        .suggest=${this.showEvidence ? (prefill: Omit<CorrectionPrefill, 'organisationId'>) => this.formHref(prefill) : undefined}
        .accounts=${org.accounts}
        .platformChecks=${org.platformChecks}
        .sightings=${this.sightings.filter((s) => s.organisationId === org.id)}
        .sources=${this.sources}
        .now=${this.now}
        .live=${this.live}
      ></nsl-account-list>
      ${
        this.showEvidence
          ? html`<p class="links">
              <a href=${`/dashboard.html#org/${encodeURIComponent(org.id)}`} target="_blank" data-testid="details-link">Details in the dashboard</a>
              <a href=${this.formHref({})} target="_blank" data-testid="suggest-correction">Suggest a correction</a>
            </p>`
          : nothing
      }
    `;
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

  /** The organisation's figures across its measured accounts, and where they stand among its peers. */
  private engagement() {
    const org = this.candidate?.organisation;
    if (org === undefined) return nothing;
    const totals = organisationMetrics(org);
    const context = this.context.filter((c) => c.organisationId === org.id && c.peersMeasured >= MIN_PEERS_FOR_CONTEXT);
    if (totals.measuredAccounts === 0) {
      return html`<h2>Engagement</h2>
        <p data-testid="engagement">Not measured: the index holds no figures for this organisation's accounts yet.</p>`;
    }
    return html`<h2>Engagement</h2>
      <p data-testid="engagement">
        ${totals.followers === undefined ? 'Followers not measured' : html`<nsl-figure .value=${totals.followers} unit="followers"></nsl-figure>`}
        across ${totals.measuredAccounts} measured account${totals.measuredAccounts === 1 ? '' : 's'}${totals.unmeasuredAccounts > 0 ? ` (${totals.unmeasuredAccounts} not measured)` : ''};
        ${totals.posts30d === undefined ? 'posts not measured' : `${formatCount(totals.posts30d)} posts in the last 30 days`}${
          totals.replyShare30d === undefined ? '' : `, ${formatShare(totals.replyShare30d)} of them replies`
        }.
      </p>
      ${context.map(
        (c) =>
          html`<p data-testid="sector-context">
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
declare global {
  interface HTMLElementTagNameMap {
    'nsl-org-card': OrgCard;
  }
}
