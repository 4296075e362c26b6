import { css, html } from 'lit';

/** The settings page's last message and the control it answers (issue 30); '' near: the page's own status line. */
export interface Feedback {
  text: string;
  near: string;
}

export const NO_FEEDBACK: Feedback = { text: '', near: '' };

/**
 * The status line beside one control (issue 30): "Settings saved." where the change was made, not
 * at the top of a 2,750 px page. Always in the page, empty until it has something to say, so
 * screen readers announce it (a live region must exist before its text changes). The line that
 * holds the message is the page's `message`.
 */
export function feedbackLine(feedback: Feedback | undefined, near: string) {
  const active = feedback !== undefined && feedback.near === near && feedback.text !== '';
  return html`<p class="feedback" role="status" data-testid=${active ? 'message' : `status-${near}`}>${active ? feedback.text : ''}</p>`;
}

/** The line beside a control (empty takes no room), and the "Advanced" disclosure of the settings. */
export const feedbackStyles = css`
  .feedback {
    margin: 4px 0 0;
    padding-left: 8px;
    border-left: 4px solid var(--nsl-blue);
    font-weight: 600;
    color: var(--nsl-text);
  }
  .feedback:empty {
    display: none;
  }
  details.advanced {
    margin: 12px 0 0;
    border-top: 1px solid var(--nsl-border);
    padding-top: 8px;
  }
  details.advanced > summary {
    cursor: pointer;
    color: var(--nsl-blue);
    font-weight: 600;
    width: fit-content;
  }
  details.advanced > summary:focus-visible {
    outline: 4px solid transparent;
    background-color: var(--nsl-focus);
    color: var(--nsl-text);
    box-shadow: 0 -2px var(--nsl-focus), 0 4px var(--nsl-text);
  }
`;
