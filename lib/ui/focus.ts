import type { LitElement } from 'lit';

/**
 * After the element's next render, focuses what `selector` finds in its shadow root (issue 30): a
 * control that disappears in a change made in place ("Keep it", "Delete") would otherwise leave the
 * focus on the page's body, and a keyboard or screen-reader user back at the top.
 */
export async function focusAfterRender(element: LitElement, selector: string): Promise<void> {
  await element.updateComplete;
  element.renderRoot.querySelector<HTMLElement>(selector)?.focus();
}
