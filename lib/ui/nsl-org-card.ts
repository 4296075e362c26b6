import { css, html, LitElement, nothing } from 'lit';
import type { Sighting } from '../browser/db';
import { describeEvidence } from '../detect/evidence';
import type { Candidate } from '../detect/types';
import { type IndexSource, isHttpUrl } from '../index/schema';
import { formatFactDate, kindLabel } from './format';
import { theme } from './theme';
import './nsl-account-list';

/** One recognised organisation: who it is, its website, why it matched, and its accounts. */
export class OrgCard extends LitElement {
  static override properties = { candidate: { attribute: false }, sightings: { attribute: false }, sources: { attribute: false } };
  candidate?: Candidate;
  sightings: readonly Sighting[] = [];
  sources: readonly IndexSource[] = [];

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
      .evidence {
        font-size: 14px;
        margin: 8px 0 0;
      }
      .merged {
        border-left: 4px solid var(--nsl-blue);
        padding-left: 8px;
        margin: 8px 0;
      }
    `,
  ];

  override render() {
    const candidate = this.candidate;
    if (candidate === undefined) return nothing;
    const org = candidate.organisation;
    const evidence = candidate.evidence;
    const website = org.domains[0];
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
        <dd>${kindLabel(org.kind)}</dd>
        <dt>Region</dt>
        <dd>${org.region === 'unknown' ? 'Not yet known' : org.region}</dd>
        <dt>Website</dt>
        <dd data-testid="org-website">
          ${website ? html`<a href=${`https://${website.host}/`} target="_blank" rel="noopener noreferrer">${website.host}</a>` : org.homepage && isHttpUrl(org.homepage) ? html`<a href=${org.homepage} target="_blank" rel="noopener noreferrer">GOV.UK page</a>` : 'Not yet known'}
        </dd>
      </dl>
      <p class="evidence secondary" data-testid="evidence">${capitalise(describeEvidence(evidence))}.</p>
      <h2>Social media accounts</h2>
      <nsl-account-list
        .accounts=${org.accounts}
        .platformChecks=${org.platformChecks}
        .sightings=${this.sightings.filter((s) => s.organisationId === org.id)}
        .sources=${this.sources}
      ></nsl-account-list>
    `;
  }
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

customElements.define('nsl-org-card', OrgCard);
declare global {
  interface HTMLElementTagNameMap {
    'nsl-org-card': OrgCard;
  }
}
