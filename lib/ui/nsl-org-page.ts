import { css, html, LitElement, nothing } from 'lit';
import { correctionFormHref } from '../corrections/prefill';
import type { Citation } from '../dashboard/citation';
import { codeLabel, codeSchemeOf, regionLabel } from '../dashboard/rows';
import type { SeenOrganisation } from '../dashboard/seen-by-you';
import type { StoredSighting } from '../detect/stored-sighting';
import { formatFactDate, kindLabel } from '../format';
import { type IndexSource, isHttpUrl, type Organisation } from '../index/schema';
import { adoptionOf } from '../metrics/adoption';
import { type AccountRow, siteEvidence } from '../metrics/site-evidence';
import { PLATFORM_LABELS } from '../social/platform-labels';
import { PLATFORMS, type Platform } from '../social/platforms';
import { checkWords, handleLabel, notCountedFact, sourceName } from './account-facts';
import { platformIcon } from './platform-icon';
import { dashboardSection, factList, theme } from './theme';
import './nsl-how-to-cite';

const STATE_WORDS: Record<string, string> = { active: 'in use', closed: 'closed', dormant: 'stopped posting', unknown: 'state not known' };

/**
 * One organisation as a page of the dashboard (`#org/<code>`, issue 30), for a researcher rather
 * than the popup stretched wide: who it is, its level by whose it is (the index's, and with what
 * this browser saw), each account with its source and date, its domains and predecessors, the
 * correction link and how to cite. The dashboard draws the heading (it takes the focus).
 */
export class OrgPage extends LitElement {
  static override properties = {
    organisation: { attribute: false },
    sightings: { attribute: false },
    sources: { attribute: false },
    countedPlatforms: { attribute: false },
    seen: { attribute: false },
    citation: { attribute: false },
    index: { attribute: false },
  };
  organisation?: Organisation;
  sightings: readonly StoredSighting[] = [];
  sources: readonly IndexSource[] = [];
  countedPlatforms: readonly Platform[] = PLATFORMS;
  /** What this browser saw of its own website (the dashboard's "Seen by you" layer); absent when not seen. */
  seen?: SeenOrganisation;
  citation?: Citation;
  index?: { version: number; generatedAt: string };

  static override styles = [
    theme,
    dashboardSection,
    factList,
    css`
      ul {
        margin: 4px 0;
        padding-left: 20px;
      }
      .account {
        display: flex;
        align-items: center;
        gap: 6px;
      }
      .platform-icon {
        width: 20px;
        height: 20px;
        flex: none;
      }
      .level {
        font-weight: 700;
      }
    `,
  ];

  override render() {
    const org = this.organisation;
    if (org === undefined) return nothing;
    const evidence = siteEvidence(org, this.sightings);
    return html`${this.about(org)} ${this.levels(org)}
      <section aria-labelledby="accounts-heading">
        <h2 id="accounts-heading">Social media accounts</h2>
        ${
          evidence.rows.length === 0
            ? html`<p data-testid="org-no-accounts">Not yet known: neither the index nor its own website, as far as this browser has seen it, names an official account. That does not mean it has none.</p>`
            : this.accountTable(
                evidence.rows,
                'Official accounts, each with its source and the date it was checked or seen',
                'org-accounts',
              )
        }
        ${
          evidence.unverified.length === 0
            ? nothing
            : html`<h3>Unverified candidates (not counted)</h3>
                ${this.accountTable(evidence.unverified, 'Unverified candidates from a single source', 'org-unverified')}`
        }
        ${
          org.platformChecks.length === 0
            ? nothing
            : html`<h3>What sources say about other platforms</h3>
                <ul>
                  ${org.platformChecks.map(
                    (c) =>
                      html`<li>${PLATFORM_LABELS[c.platform]}: ${checkWords(c)} (${sourceName(c.source, this.sources)}, ${formatFactDate(c.checked)})</li>`,
                  )}
                </ul>`
        }
      </section>
      ${this.predecessors(org)}
      <section aria-labelledby="correct-heading">
        <h2 id="correct-heading">Something wrong or missing?</h2>
        <p>
          <a href=${correctionFormHref({ organisationId: org.id })} data-testid="org-correction">Suggest a correction</a> to
          this organisation's record: it is checked, then offered to the maintainers for the next index.
        </p>
      </section>
      <nsl-how-to-cite .citation=${this.citation} .index=${this.index}></nsl-how-to-cite>`;
  }

  private about(org: Organisation) {
    const scheme = codeSchemeOf(org);
    return html`<section aria-labelledby="about-heading">
      <h2 id="about-heading">About</h2>
      <dl>
        <dt>Code</dt>
        <dd data-testid="org-code">${codeLabel({ id: org.id, codeScheme: scheme })}</dd>
        <dt>Type</dt>
        <dd>${kindLabel(org.kind)}${org.trustType && org.trustType !== 'unknown' ? ` (${org.trustType.replace('-', ' ')})` : ''}</dd>
        <dt>Region</dt>
        <dd>${regionLabel(org.region)}</dd>
        <dt>Country</dt>
        <dd>${org.country}</dd>
        <dt>Domains</dt>
        <dd data-testid="org-domains">${
          org.domains.length === 0
            ? org.homepage && isHttpUrl(org.homepage)
              ? html`Its page on a shared site: <a href=${org.homepage}>${org.homepage}</a>`
              : 'Not yet known'
            : html`${org.domains.map((d, i) => html`${i > 0 ? ', ' : ''}<a href=${`https://${d.host}/`}>${d.host}</a>`)}`
        }</dd>
        <dt>Record from</dt>
        <dd>${sourceName(org.source, this.sources)}</dd>
      </dl>
    </section>`;
  }

  /** The level by whose it is: the index's, and with what this browser saw of its own website (issue 30). */
  private levels(org: Organisation) {
    const index = adoptionOf(org, this.countedPlatforms);
    const seen = this.seen;
    return html`<section aria-labelledby="level-heading">
      <h2 id="level-heading">Adoption level</h2>
      <dl>
        <dt>The index</dt>
        <dd><span class="level" data-testid="org-index-level">${index.label}</span> <span class="secondary">${index.explanation}</span></dd>
        <dt>Seen by you</dt>
        <dd data-testid="org-seen-level">${
          seen
            ? html`<span class="level">${seen.levelInWords}</span>
                <span class="secondary">(this browser, last seen ${formatFactDate(seen.lastSeen.slice(0, 10))}; kept on this device)</span>`
            : html`<span class="secondary">Not visited: this browser has not seen its own website.</span>`
        }</dd>
      </dl>
    </section>`;
  }

  private accountTable(rows: readonly AccountRow[], caption: string, testId: string) {
    return html`<table data-testid=${testId}>
      <caption class="visually-hidden">${caption}</caption>
      <thead>
        <tr><th scope="col">Account</th><th scope="col">State</th><th scope="col">Source</th><th scope="col">Checked or seen</th></tr>
      </thead>
      <tbody>
        ${rows.map((row) => this.accountRow(row))}
      </tbody>
    </table>`;
  }

  private accountRow(row: AccountRow) {
    const { index, site } = row;
    const name = `${PLATFORM_LABELS[row.platform]} ${handleLabel(row.platform, row.handle)}`;
    const sourceWords = [
      index ? sourceName(index.source, this.sources) : undefined,
      site ? `its own website (${URL.canParse(site.pageUrl) ? new URL(site.pageUrl).hostname : site.pageUrl}), seen by you` : undefined,
    ].filter((w) => w !== undefined);
    const dates = [index ? formatFactDate(index.checked) : undefined, site ? formatFactDate(site.lastSeen.slice(0, 10)) : undefined];
    return html`<tr>
      <td><span class="account">${platformIcon(row.platform)}${isHttpUrl(row.url) ? html`<a href=${row.url}>${name}</a>` : name}</span></td>
      <td>${index ? (STATE_WORDS[index.state] ?? index.state) : 'in use (linked from its own website)'}${
        row.notCounted ? html`<br /><span class="secondary">${notCountedFact(row)}</span>` : nothing
      }</td>
      <td>${sourceWords.join('; ')}</td>
      <td>${dates.filter((d) => d !== undefined).join('; ')}</td>
    </tr>`;
  }

  private predecessors(org: Organisation) {
    if (org.predecessors.length === 0) return nothing;
    return html`<section aria-labelledby="predecessors-heading">
      <h2 id="predecessors-heading">Predecessors</h2>
      <ul data-testid="org-predecessors">
        ${org.predecessors.map(
          (p) =>
            html`<li>${p.name ? `${p.name} (${p.id})` : p.id}${p.until ? `, part of it since ${formatFactDate(p.until)}` : ''}${
              p.domains.length > 0 ? `; its websites ${p.domains.map((d) => d.host).join(', ')} now match it` : ''
            } <span class="secondary">(${sourceName(p.source, this.sources)})</span></li>`,
        )}
      </ul>
    </section>`;
  }
}

customElements.define('nsl-org-page', OrgPage);
declare global {
  interface HTMLElementTagNameMap {
    'nsl-org-page': OrgPage;
  }
}
