import type { PageClient } from '../browser/client';

/**
 * The parts of its window a page's element reads and changes: the address, its history entry, the
 * title and page events. Taken as a parameter, so unit tests pass their own (issue 18).
 */
export interface PageWindow {
  location: Pick<Location, 'search' | 'hash' | 'assign'>;
  history: Pick<History, 'replaceState'>;
  document: Pick<Document, 'title'>;
  addEventListener(type: 'hashchange' | 'pagehide', listener: () => void): void;
}

/** An extension page's top element: started once, with the client and the window it runs in. */
export interface PageElement {
  start(client: PageClient, page: PageWindow): Promise<void>;
}

/** The tags of the elements that are a whole page. */
export type PageTag = {
  [K in keyof HTMLElementTagNameMap]: HTMLElementTagNameMap[K] extends PageElement ? K : never;
}[keyof HTMLElementTagNameMap];

/**
 * Starts an extension page, the same way for every page: its element (the one in the HTML, or a
 * new one at the top of the body) is given the client and the window.
 */
export function mountPage<K extends PageTag>(tag: K, client: PageClient, page: PageWindow = window): HTMLElementTagNameMap[K] {
  let element = document.querySelector(tag);
  if (element === null) {
    element = document.createElement(tag);
    document.body.prepend(element);
  }
  void element.start(client, page);
  return element;
}
