import { css, html, LitElement, nothing, svg } from 'lit';
import { formatCount, formatFactDate } from '../format';
import type { MonthlyFigure } from '../index/schema';
import { theme } from './theme';

/**
 * Follower growth: a small line, with its figures as text a click away. Month by month from the
 * index, or day by day from the user's own live figures (issue 19), with `caption` saying which.
 */
export class Sparkline extends LitElement {
  static override properties = { history: { attribute: false }, caption: { attribute: false } };
  /** `month` is a month (2026-08) from the index, or a day (2026-11-28) for the user's own points. */
  history: readonly MonthlyFigure[] = [];
  caption = 'Followers by month';

  static override styles = [
    theme,
    css`
      :host {
        display: block;
        margin-top: 4px;
        font-size: 14px;
      }
      svg {
        vertical-align: middle;
      }
      summary {
        cursor: pointer;
        color: var(--nsl-blue);
      }
      summary:focus-visible {
        outline: 3px solid transparent;
        background: var(--nsl-focus);
        color: var(--nsl-text);
        box-shadow: 0 3px var(--nsl-text);
      }
      ul {
        margin: 4px 0 0;
        padding-left: 20px;
      }
    `,
  ];

  override render() {
    if (this.history.length < 2) return nothing;
    const values = this.history.map((h) => h.followers);
    const min = Math.min(...values);
    const range = Math.max(...values) - min || 1;
    const width = 80;
    const height = 20;
    const points = values
      .map((v, i) => `${(i / (values.length - 1)) * width},${height - 2 - ((v - min) / range) * (height - 4)}`)
      .join(' ');
    const words = this.history.map((h) => `${formatFactDate(h.month)}: ${formatCount(h.followers)}`).join('; ');
    return html`<details>
      <summary>
        ${svg`<svg width=${width} height=${height} viewBox="0 0 ${width} ${height}" role="img" aria-label=${`${this.caption}: ${words}`}>
          <polyline points=${points} fill="none" stroke="#005eb8" stroke-width="2"></polyline>
        </svg>`}
        ${this.caption}
      </summary>
      <ul>
        ${this.history.map((h) => html`<li>${formatFactDate(h.month)}: ${formatCount(h.followers)}</li>`)}
      </ul>
    </details>`;
  }
}

customElements.define('nsl-sparkline', Sparkline);
declare global {
  interface HTMLElementTagNameMap {
    'nsl-sparkline': Sparkline;
  }
}
