import { css, html, LitElement } from 'lit';
import { compactCount, formatCount } from '../format';
import { theme } from './theme';

/**
 * A count shown compactly (1.2k) with the exact figure (1,234) on hover and on keyboard focus,
 * and always to screen readers.
 */
export class Figure extends LitElement {
  static override properties = { value: { type: Number }, unit: { type: String } };
  value = 0;
  /** What is counted, for the full text: "followers". */
  unit = '';

  static override styles = [
    theme,
    css`
      :host {
        position: relative;
        display: inline-block;
      }
      .compact {
        font-weight: 600;
        border-bottom: 1px dotted currentColor;
      }
      .wrap:focus-visible {
        outline: 3px solid transparent;
        background: var(--nsl-focus);
        color: var(--nsl-text);
        box-shadow: 0 3px var(--nsl-text);
      }
      .exact {
        display: none;
        position: absolute;
        bottom: 130%;
        left: 0;
        white-space: nowrap;
        background: var(--nsl-text);
        color: var(--nsl-white);
        padding: 2px 6px;
        border-radius: 3px;
        font-size: 13px;
        z-index: 1;
      }
      :host(:hover) .exact,
      .wrap:focus .exact {
        display: block;
      }
    `,
  ];

  override render() {
    const exact = `${formatCount(this.value)}${this.unit ? ` ${this.unit}` : ''}`;
    const compact = compactCount(this.value);
    if (compact === formatCount(this.value)) return html`<span class="plain">${exact}</span>`;
    // Focusable so keyboard users can reveal the exact figure too; screen readers get it as text.
    return html`<span class="wrap" tabindex="0"
      ><span class="compact" aria-hidden="true">${compact}${this.unit ? ` ${this.unit}` : ''}</span
      ><span class="exact" aria-hidden="true">${exact}</span><span class="visually-hidden">${exact}</span></span
    >`;
  }
}

customElements.define('nsl-figure', Figure);
declare global {
  interface HTMLElementTagNameMap {
    'nsl-figure': Figure;
  }
}
