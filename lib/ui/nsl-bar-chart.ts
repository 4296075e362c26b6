import { css, html, LitElement, nothing, svg } from 'lit';
import { type Bar, type BarGroup, type ChartSpec, shareOf } from '../dashboard/aggregate';
import { formatCount } from '../format';
import { standaloneSvg, svgToPng } from './chart-export';
import { downloadBlob } from './download';
import { outlineButtons, theme } from './theme';

/** Drawing sizes, in SVG units; the drawing scales down with the page. */
const WIDTH = 640;
const LABEL_WIDTH = 214;
const VALUE_WIDTH = 92;
const BAR_SPACE = WIDTH - LABEL_WIDTH - VALUE_WIDTH;
const ROW_HEIGHT = 28;
const BAR_HEIGHT = 18;
const GROUP_HEIGHT = 30;
/** NHS blue for what is known; a grey hatch (not colour alone) for what is not. */
const KNOWN_FILL = '#005eb8';
const TEXT_FILL = '#212b32';

const valueText = (bar: Bar, group: BarGroup) =>
  `${formatCount(bar.value)}${group.total > 0 ? ` (${shareOf(bar.value, group.total)})` : ''}`;

/**
 * One chart of the dashboard: a heading, horizontal bars drawn in SVG (no charting library: see
 * docs/dashboard.md), the chart in words as its text alternative, its figures as a table, and
 * SVG and PNG downloads. Every label is a text binding.
 */
export class BarChart extends LitElement {
  static override properties = {
    chart: { attribute: false },
    credit: { attribute: false },
    problem: { state: true },
  };
  chart?: ChartSpec;
  /** The line under a downloaded chart: where the figures come from. */
  credit = 'NHS Social Lens';
  problem = '';

  static override styles = [
    theme,
    outlineButtons,
    css`
      :host {
        display: block;
      }
      figure {
        margin: 0 0 24px;
        padding: 8px 24px 16px;
        background: var(--nsl-white);
        border: 1px solid var(--nsl-border);
      }
      h3 {
        font-size: 19px;
        margin: 8px 0;
      }
      svg {
        display: block;
        width: 100%;
        max-width: ${WIDTH}px;
        height: auto;
      }
      .note {
        font-size: 14px;
        margin: 8px 0;
      }
      summary {
        cursor: pointer;
        color: var(--nsl-blue);
        text-decoration: underline;
      }
      summary:focus-visible {
        outline: 4px solid transparent;
        background-color: var(--nsl-focus);
        color: var(--nsl-text);
        box-shadow: 0 -2px var(--nsl-focus), 0 4px var(--nsl-text);
        text-decoration: none;
      }
      table {
        border-collapse: collapse;
        margin-top: 8px;
        font-size: 15px;
      }
      th,
      td {
        text-align: left;
        padding: 4px 12px 4px 0;
        border-bottom: 1px solid var(--nsl-border);
      }
      td.number,
      th.number {
        text-align: right;
      }
      .downloads {
        display: flex;
        gap: 8px;
        flex-wrap: wrap;
        margin-top: 12px;
      }
    `,
  ];

  override render() {
    const chart = this.chart;
    if (chart === undefined) return nothing;
    return html`<figure aria-labelledby="title">
      <h3 id="title">${chart.title}</h3>
      ${this.drawing(chart)}
      ${chart.note ? html`<p class="note secondary">${chart.note}</p>` : nothing}
      <details>
        <summary>The figures as a table</summary>
        ${this.dataTable(chart)}
      </details>
      <div class="downloads">
        <button type="button" @click=${() => this.downloadSvg(chart)}>Download SVG<span class="visually-hidden"> of ${chart.title}</span></button>
        <button type="button" @click=${() => void this.downloadPng(chart)}>Download PNG<span class="visually-hidden"> of ${chart.title}</span></button>
      </div>
      <p role="status" class="note">${this.problem}</p>
    </figure>`;
  }

  private drawing(chart: ChartSpec) {
    const max = Math.max(1, ...chart.groups.flatMap((g) => g.bars.map((b) => b.value)));
    const grouped = chart.groups.length > 1 || chart.groups[0]?.label !== undefined;
    const hatch = `nsl-hatch-${chart.id}`;
    const parts = [];
    let y = 4;
    for (const group of chart.groups) {
      if (grouped && group.label !== undefined) {
        parts.push(
          svg`<text x="0" y=${y + GROUP_HEIGHT / 2 + 2} dominant-baseline="central" font-size="15" font-weight="700" fill=${TEXT_FILL}>${group.label}</text>`,
        );
        y += GROUP_HEIGHT;
      }
      for (const bar of group.bars) {
        const fraction = chart.scale === 'share' ? (group.total > 0 ? bar.value / group.total : 0) : bar.value / max;
        const length = Math.round(fraction * BAR_SPACE);
        const middle = y + ROW_HEIGHT / 2;
        // The axis runs beside the bars only, so it never crosses a group's heading.
        parts.push(svg`<line x1=${LABEL_WIDTH} x2=${LABEL_WIDTH} y1=${y} y2=${y + ROW_HEIGHT} stroke="#4c6272" stroke-width="1"></line>`);
        parts.push(
          svg`<text x=${grouped ? 12 : 0} y=${middle} dominant-baseline="central" font-size="14" fill=${TEXT_FILL}>${bar.label}</text>`,
        );
        if (length > 0)
          parts.push(
            svg`<rect x=${LABEL_WIDTH} y=${middle - BAR_HEIGHT / 2} width=${length} height=${BAR_HEIGHT} fill=${bar.unknown ? `url(#${hatch})` : KNOWN_FILL}></rect>`,
          );
        parts.push(
          svg`<text x=${LABEL_WIDTH + length + 6} y=${middle} dominant-baseline="central" font-size="14" fill=${TEXT_FILL}>${valueText(bar, group)}</text>`,
        );
        y += ROW_HEIGHT;
      }
    }
    const height = y + 4;
    return html`<svg
      role="img"
      aria-label=${chart.summary}
      viewBox="0 0 ${WIDTH} ${height}"
      width=${WIDTH}
      height=${height}
      font-family="Frutiger W01, Frutiger, Arial, sans-serif"
    >
      <defs>
        <pattern id=${hatch} width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
          <rect width="6" height="6" fill="#d8dde0"></rect>
          <rect width="2.5" height="6" fill="#4c6272"></rect>
        </pattern>
      </defs>
      ${parts}
    </svg>`;
  }

  private dataTable(chart: ChartSpec) {
    const [first] = chart.groups;
    if (chart.groups.length === 1 && first !== undefined && first.label === undefined)
      return html`<table>
        <thead><tr><th scope="col">${chart.categoryLabel}</th><th scope="col" class="number">${chart.valueLabel}</th><th scope="col" class="number">Share</th></tr></thead>
        <tbody>
          ${first.bars.map(
            (bar) => html`<tr>
              <th scope="row">${bar.link ? html`<a href=${bar.link}>${bar.label}</a>` : bar.label}</th>
              <td class="number">${formatCount(bar.value)}</td>
              <td class="number">${shareOf(bar.value, first.total)}</td>
            </tr>`,
          )}
        </tbody>
      </table>`;
    const columns = first?.bars.map((b) => b.label) ?? [];
    return html`<table>
      <caption class="note">${chart.valueLabel} (share of the ${chart.groupLabel?.toLowerCase() ?? 'group'})</caption>
      <thead><tr><th scope="col">${chart.groupLabel ?? ''}</th>${columns.map((c) => html`<th scope="col" class="number">${c}</th>`)}</tr></thead>
      <tbody>
        ${chart.groups.map(
          (group) =>
            html`<tr><th scope="row">${group.label}</th>${group.bars.map((bar) => html`<td class="number">${valueText(bar, group)}</td>`)}</tr>`,
        )}
      </tbody>
    </table>`;
  }

  private file(chart: ChartSpec) {
    const drawing = this.renderRoot.querySelector('svg[role="img"]');
    if (!(drawing instanceof SVGSVGElement)) throw new Error('the chart is not drawn yet');
    return standaloneSvg(drawing, chart.title, this.credit);
  }

  private downloadSvg(chart: ChartSpec) {
    downloadBlob(new Blob([this.file(chart).text], { type: 'image/svg+xml' }), `nhs-social-lens-${chart.id}.svg`);
  }

  private async downloadPng(chart: ChartSpec) {
    try {
      this.problem = '';
      downloadBlob(await svgToPng(this.file(chart)), `nhs-social-lens-${chart.id}.png`);
    } catch (error) {
      this.problem = `The PNG could not be made: ${error instanceof Error ? error.message : String(error)}`;
    }
  }
}

customElements.define('nsl-bar-chart', BarChart);
declare global {
  interface HTMLElementTagNameMap {
    'nsl-bar-chart': BarChart;
  }
}
