import { css, html, LitElement, nothing } from 'lit';
import { type Citation, citationText } from '../dashboard/citation';
import { dashboardSection, theme } from './theme';

/**
 * "How to cite" (issue 30): the reference from CITATION.cff with the installed index's version and
 * date, so a figure taken from the dashboard can be traced to the index it came from. Text only.
 */
export class HowToCite extends LitElement {
  static override properties = { citation: { attribute: false }, index: { attribute: false } };
  citation?: Citation;
  index?: { version: number; generatedAt: string };

  static override styles = [
    theme,
    dashboardSection,
    css`
      blockquote {
        margin: 8px 0;
        padding: 8px 12px;
        border-left: 4px solid var(--nsl-blue);
        background: var(--nsl-grey-5);
      }
      p {
        margin: 4px 0;
      }
    `,
  ];

  override render() {
    const { citation, index } = this;
    if (citation === undefined || index === undefined) return nothing;
    return html`<section aria-labelledby="cite-heading" data-testid="how-to-cite">
      <h2 id="cite-heading">How to cite</h2>
      <blockquote data-testid="citation">${citationText(citation, index)}</blockquote>
      <p class="secondary">
        Give the index version: figures change from one index to the next. The downloads are named with it, and each row
        carries its sources and the date they were last checked.${licenceWords(citation.licences)}
      </p>
    </section>`;
  }
}

/** " Licences: OGL-UK-3.0 (data) and MIT (software)." as CITATION.cff lists them, data first. */
function licenceWords(licences: readonly string[]): string {
  if (licences.length === 0) return '';
  const [data, software] = licences;
  return licences.length === 2 ? ` Licences: ${data} (data) and ${software} (software).` : ` Licences: ${licences.join(', ')}.`;
}

customElements.define('nsl-how-to-cite', HowToCite);
declare global {
  interface HTMLElementTagNameMap {
    'nsl-how-to-cite': HowToCite;
  }
}
