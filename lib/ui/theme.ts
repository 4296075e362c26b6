import { css } from 'lit';

/**
 * NHS.UK design-system colours, type and focus style, as used by every element. Values follow
 * the NHS.UK frontend tokens (blue #005eb8, text #212b32, focus yellow #ffeb3b).
 */
export const theme = css`
  :host {
    --nsl-blue: #005eb8;
    --nsl-dark-blue: #003087;
    --nsl-text: #212b32;
    --nsl-secondary-text: #4c6272;
    --nsl-grey-5: #f0f4f5;
    --nsl-border: #d8dde0;
    --nsl-white: #ffffff;
    --nsl-focus: #ffeb3b;
    --nsl-warm-yellow: #ffb81c;
    --nsl-red: #d5281b;
    --nsl-purple: #330072;
    --nsl-hover: #7c2855;
    font-family: "Frutiger W01", Frutiger, Arial, sans-serif;
    color: var(--nsl-text);
  }
  a {
    color: var(--nsl-blue);
    text-underline-offset: 0.1em;
  }
  a:visited {
    color: var(--nsl-purple);
  }
  a:hover {
    color: var(--nsl-hover);
    text-decoration: none;
  }
  a:focus-visible,
  button:focus-visible {
    outline: 4px solid transparent;
    background-color: var(--nsl-focus);
    color: var(--nsl-text);
    box-shadow: 0 -2px var(--nsl-focus), 0 4px var(--nsl-text);
    text-decoration: none;
  }
  .secondary {
    color: var(--nsl-secondary-text);
  }
  /* Read out, not shown: context a sighted user gets from the layout ("Error:", "of <chart>"). */
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
  .panel {
    background: var(--nsl-white);
    padding: 16px 24px;
    border: 1px solid var(--nsl-border);
  }
`;

/** The dashboard's quiet buttons: NHS blue outline on white (downloads, filters, paging). */
export const outlineButtons = css`
  button {
    font: inherit;
    font-size: 15px;
    padding: 4px 12px;
    color: var(--nsl-blue);
    background: var(--nsl-white);
    border: 2px solid var(--nsl-blue);
    border-radius: 4px;
    cursor: pointer;
  }
`;

/** The frame of the full extension pages (dashboard, options): NHS blue header, centred content. */
export const pageLayout = css`
  :host {
    display: block;
  }
  h1 {
    font-size: 28px;
    margin: 8px 0;
  }
  header {
    background: var(--nsl-blue);
    color: var(--nsl-white);
    padding: 12px 24px;
    font-size: 20px;
    font-weight: 600;
  }
  main {
    max-width: var(--nsl-page-width, 960px);
    margin: 0 auto;
    padding: 16px 24px 32px;
  }
`;

/** Form fields and buttons of the extension pages, after the NHS.UK design system's. */
export const formStyles = css`
      label {
        font-weight: 600;
      }
      .field {
        margin: 12px 0;
      }
      .hint {
        display: block;
        font-weight: 400;
        color: var(--nsl-secondary-text);
        font-size: 15px;
      }
      input[type='url'],
      input[type='number'],
      input[type='text'],
      input[type='date'],
      textarea,
      select {
        font: inherit;
        padding: 4px 8px;
        border: 2px solid var(--nsl-text);
        margin-top: 4px;
      }
      /* A text box that holds an address (an account's, a domain) is as wide as one (issue 30). */
      input[type='url'],
      input.address,
      textarea {
        width: 100%;
        box-sizing: border-box;
      }
      input:focus,
      textarea:focus,
      select:focus,
      button:focus-visible {
        outline: 4px solid var(--nsl-focus);
        outline-offset: 0;
      }
      button {
        font: inherit;
        font-weight: 600;
        background: #007f3b;
        color: var(--nsl-white);
        border: 0;
        box-shadow: 0 4px 0 #00401e;
        padding: 8px 16px;
        margin: 8px 12px 8px 0;
        cursor: pointer;
      }
      button.secondary-button {
        background: #4c6272;
        box-shadow: 0 4px 0 #263139;
      }
      button.warning-button {
        background: var(--nsl-red);
        box-shadow: 0 4px 0 #6b140e;
      }
      button:disabled {
        opacity: 0.6;
        cursor: not-allowed;
      }
      .error-text {
        color: var(--nsl-red);
        font-weight: 600;
      }
      fieldset {
        border: 0;
        padding: 0;
        margin: 12px 0;
      }
      legend {
        font-weight: 600;
      }
      /* A group of radios, one per line; of checkboxes, side by side. */
      .radios label {
        display: block;
        font-weight: 400;
        margin: 4px 0;
      }
      .checks label {
        font-weight: 400;
        margin-right: 16px;
        white-space: nowrap;
      }
`;

/** A form's errors, after the NHS.UK design system: the summary at the top, and a red bar beside each field that failed. */
export const fieldErrors = css`
  .invalid input,
  .invalid select,
  .invalid textarea {
    border-color: var(--nsl-red);
  }
  .invalid {
    border-left: 4px solid var(--nsl-red);
    padding-left: 12px;
  }
  .error-summary {
    border: 4px solid var(--nsl-red);
    padding: 8px 16px;
    margin: 12px 0;
    background: var(--nsl-white);
  }
  .error-summary h2 {
    margin: 4px 0;
    font-size: 20px;
  }
  .error-summary a {
    color: var(--nsl-red);
    font-weight: 600;
  }
`;

/**
 * The white box each part of a full page sits in: a settings section (each its own element, so
 * the host is a block), the correction form, a suggestion on "My corrections" (`.page-panel`).
 */
export const pagePanel = css`
  :host {
    display: block;
  }
  section,
  form,
  .page-panel {
    background: var(--nsl-white);
    border: 1px solid var(--nsl-border);
    padding: 8px 24px 16px;
    margin-bottom: 16px;
  }
  h2 {
    font-size: 20px;
  }
`;

/** A list of facts as label–value pairs, side by side. */
export const factList = css`
  dl {
    display: grid;
    grid-template-columns: max-content 1fr;
    gap: 2px 12px;
    margin: 8px 0;
  }
  dt {
    font-weight: 600;
  }
  dd {
    margin: 0;
    overflow-wrap: anywhere;
  }
`;

/** A section of the dashboard's overview and its table of figures ("then and now", "Seen by you"). */
export const dashboardSection = css`
  :host {
    display: block;
  }
  section {
    background: var(--nsl-white);
    border: 1px solid var(--nsl-border);
    padding: 8px 24px 16px;
    margin-bottom: 24px;
  }
  h2 {
    font-size: 22px;
    margin: 8px 0;
  }
  table {
    border-collapse: collapse;
    width: 100%;
    font-size: 15px;
  }
  th,
  td {
    text-align: left;
    padding: 8px 12px 8px 0;
    border-bottom: 1px solid var(--nsl-border);
    vertical-align: top;
  }
`;
