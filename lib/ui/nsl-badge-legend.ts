import { css, html, LitElement } from 'lit';
import { BADGE_LEGEND } from '../metrics/badge-legend';
import { theme } from './theme';

/**
 * What the toolbar badge says (issue 30): each badge drawn as the toolbar draws it, its text on its
 * colour, beside its meaning. One element for the welcome page, the popup's "Why?" and the settings;
 * `compact` leaves out the long sentences for the popup.
 */
export class BadgeLegend extends LitElement {
  static override properties = { compact: { type: Boolean } };
  compact = false;

  static override styles = [
    theme,
    css`
      :host {
        display: block;
      }
      ul {
        list-style: none;
        margin: 4px 0;
        padding: 0;
      }
      li {
        display: flex;
        align-items: flex-start;
        gap: 10px;
        margin: 6px 0;
      }
      :host([compact]) li {
        margin: 3px 0;
        align-items: center;
      }
      .swatch {
        flex: none;
        box-sizing: border-box;
        min-width: 2.4em;
        height: 1.6em;
        padding: 0 4px;
        border-radius: 4px;
        color: var(--nsl-white);
        font-weight: 700;
        line-height: 1.6em;
        text-align: center;
        font-size: 14px;
      }
      /* No badge at all: an empty outline, as the toolbar shows just the icon. */
      .swatch.empty {
        border: 2px dashed var(--nsl-secondary-text);
      }
      .label {
        font-weight: 600;
      }
    `,
  ];

  override render() {
    return html`<ul data-testid="badge-legend" aria-label="What the toolbar badge means">
      ${BADGE_LEGEND.map(
        (entry) => html`<li>
          <span
            class="swatch ${entry.text === '' ? 'empty' : ''}"
            style=${entry.colour ? `background-color: ${entry.colour}` : ''}
            aria-hidden="true"
            >${entry.text}</span
          >
          <span
            ><span class="visually-hidden">${entry.text === '' ? 'No badge' : `Badge “${entry.text}”`}: </span><span class="label"
              >${entry.label}</span
            >${this.compact ? '' : html`. ${entry.meaning}`}</span
          >
        </li>`,
      )}
    </ul>`;
  }
}

customElements.define('nsl-badge-legend', BadgeLegend);
declare global {
  interface HTMLElementTagNameMap {
    'nsl-badge-legend': BadgeLegend;
  }
}
