import { cappedPageUrl } from '../detect/page-url';
import type { TabResult } from './messaging';

/** The part of `storage.session` this module needs. */
export interface SessionArea {
  /** `null` reads every item. */
  get(key: string | null): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(key: string | string[]): Promise<void>;
}

const keyOf = (tabId: number) => `tab:${tabId}`;

/** The result with its page address capped, as every stored address is (issue 17). */
function withCappedUrl(result: TabResult): TabResult {
  if (result.state === 'recognised') return { ...result, detection: { ...result.detection, url: cappedPageUrl(result.detection.url) } };
  return result.url === undefined ? result : { ...result, url: cappedPageUrl(result.url) };
}

/**
 * Per-tab results live in session storage: the service worker may be stopped at any time, and
 * the popup must still answer for a page that was recognised before that. Nothing is written to
 * disk; the browser forgets it when it closes.
 */
export function createTabResults(session: SessionArea) {
  return {
    async save(tabId: number, result: TabResult): Promise<void> {
      await session.set({ [keyOf(tabId)]: withCappedUrl(result) });
    },
    async get(tabId: number): Promise<TabResult> {
      const stored = (await session.get(keyOf(tabId)))[keyOf(tabId)];
      return (stored as TabResult | undefined) ?? { state: 'not-recognised' };
    },
    async forget(tabId: number): Promise<void> {
      await session.remove(keyOf(tabId));
    },
    /** Every tab's stored result, by tab id: the badges to draw again when the settings change (issue 30). */
    async all(): Promise<[number, TabResult][]> {
      const items = await session.get(null);
      return Object.entries(items).flatMap(([key, value]) => {
        const tabId = /^tab:(\d+)$/.exec(key)?.[1];
        return tabId === undefined ? [] : [[Number(tabId), value as TabResult] satisfies [number, TabResult]];
      });
    },
    /** "Delete all my data": every tab's result goes. */
    async forgetAll(): Promise<void> {
      await session.remove(Object.keys(await session.get(null)).filter((key) => key.startsWith('tab:')));
    },
  };
}

export type TabResults = ReturnType<typeof createTabResults>;
