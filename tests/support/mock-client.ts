import type { PageClient } from '../../lib/browser/client';
import type { PageWindow } from '../../lib/ui/mount-page';

/**
 * A PageClient for unit tests of the extension's pages (issue 18): only the methods a test gives,
 * so a call it did not plan fails ("… is not a function") rather than quietly doing nothing.
 */
export function mockClient(methods: Partial<PageClient>): PageClient {
  // A plain object, not a Proxy: lit and vitest probe values for their own markers (`_$litDirective$`, `then`).
  return { ...methods } as PageClient;
}

/** A page window at `address` (`?org=RR8`, `#table`) that records what the element does to it. */
export function fakePage(address = '') {
  const url = new URL(address, 'chrome-extension://nsl/page.html');
  const listeners = new Map<string, (() => void)[]>();
  const assigned: string[] = [];
  const replaced: string[] = [];
  const page: PageWindow = {
    location: { search: url.search, hash: url.hash, assign: (to: string | URL) => void assigned.push(String(to)) },
    history: { replaceState: (_data: unknown, _unused: string, to?: string | URL | null) => void replaced.push(String(to)) },
    document: { title: '' },
    addEventListener: (type, listener) => void listeners.set(type, [...(listeners.get(type) ?? []), listener]),
  };
  return {
    page,
    /** The addresses the page went to (location.assign), and those written over its history entry (replaceState). */
    assigned,
    replaced,
    /** Fires a page event (`pagehide`, `hashchange`) at the listeners the element added. */
    fire(type: string) {
      for (const listener of listeners.get(type) ?? []) listener();
    },
  };
}
