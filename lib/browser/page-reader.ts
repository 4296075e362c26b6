/**
 * Reading the pages that matter, from the background (issue 22). There is no content script: when
 * a tab finishes loading a page whose address matches the build's patterns (lib/detect/pages.ts),
 * or a single-page site changes its address, the background runs one function in the page
 * (`readPage`) and applies the rules itself. The address is the browser's, from the tab; the page
 * only reports its links, and a report about another address than the tab's is dropped.
 *
 * What a page pays: one function call after its load event, in the page's own world (about 0.1 ms
 * on a plain trust page; a content script's isolated world with the extension's messaging cost
 * 3 to 4 ms: docs/performance.md). A site the user switched off is not read at all.
 */

import { PROFILE_LINK } from '../detect/page-links';
import { decodePageReport } from '../detect/page-report';
import { MAX_JSON_LD_CHARS, MAX_PAGE_LINKS, MAX_PAGE_READ_CHARS } from '../detect/page-signals';
import type { PageFlag } from '../detect/types';
import { readPage, showPageFlag } from './page-scripts';

/**
 * One injection, in the shape both browsers' `scripting.executeScript` take: a frame, or (Chromium)
 * the one document a read named (issue 26).
 */
interface Injection<Args extends unknown[], Result> {
  target: { tabId: number; frameIds: number[] } | { tabId: number; documentIds: string[] };
  world: 'MAIN' | 'ISOLATED';
  func: (...args: Args) => Result;
  args: Args;
}

/** The part of the browser's `scripting` API the reader uses (Chromium's, Firefox's and the polyfill's fit). */
export interface PageScripting {
  /** Chromium names the document each result came from (`documentId`); Firefox does not. */
  executeScript<Args extends unknown[], Result>(injection: Injection<Args, Result>): Promise<{ result?: unknown; documentId?: string }[]>;
}

/** What the browser says changed about a tab, and the tab (`url` only where the extension may read it). */
export interface TabChange {
  status?: string;
  url?: string;
}
export interface TabState {
  url?: string;
  status?: string;
}

export interface PageReaderDeps {
  scripting: PageScripting;
  /** Whether the background reads a page at this address (the build's match patterns). */
  readsPage: (url: string) => boolean;
  /** Whether the user switched the extension off on this page's site: then the page is not read. */
  switchedOff: (url: string) => Promise<boolean>;
  /** The background's answer to a page: recognised or not, and the flag to show when the user wants it. */
  pageVisited: (tabId: number, url: string, signals: unknown) => Promise<{ flag?: PageFlag }>;
  /** How long a read of the same address in the same tab counts as this one (the browser may say "complete" twice). */
  repeatWithinMs?: number;
  /**
   * The least time between two reads of one tab, whatever its address (issue 26: a page that
   * changed its address every 30 ms was read 33 times a second); a change within it is read once
   * when it ends, at the tab's latest address.
   */
  minReadIntervalMs?: number;
  now?: () => number;
  /** Runs `run` after `ms` (setTimeout in the worker; a stand-in in tests). */
  later?: (run: () => Promise<void>, ms: number) => void;
}

/** Three seconds between two reads of one tab (issue 26). */
export const MIN_READ_INTERVAL_MS = 3000;

/** Reads a tab's page when the browser says it loaded, or moved within a single-page site. */
export function createPageReader(deps: PageReaderDeps) {
  const repeatWithinMs = deps.repeatWithinMs ?? 1000;
  const now = deps.now ?? Date.now;
  const minReadIntervalMs = deps.minReadIntervalMs ?? MIN_READ_INTERVAL_MS;
  const later = deps.later ?? ((run, ms) => void setTimeout(() => void run(), ms));
  /** The last address read in each tab, and when. */
  const lastRead = new Map<number, { url: string; at: number }>();
  /** The latest address of each tab whose read waits for the end of its interval (issue 26). */
  const waiting = new Map<number, string>();

  const read = async (tabId: number, url: string): Promise<void> => {
    let signals: unknown = {};
    let documentId: string | undefined;
    if (!(await deps.switchedOff(url))) {
      const [frame] = await deps.scripting.executeScript({
        target: { tabId, frameIds: [0] },
        world: 'MAIN',
        func: readPage,
        args: [PROFILE_LINK.source, MAX_PAGE_LINKS, MAX_JSON_LD_CHARS, MAX_PAGE_READ_CHARS],
      });
      // Checked for size before anything in it is read, and refused whole when too long (issue 26).
      const report = decodePageReport(frame?.result);
      documentId = typeof frame?.documentId === 'string' ? frame.documentId : undefined;
      // The page moved on between the browser's word and the read: the next change reads it again.
      if (typeof report?.url === 'string' && report.url !== url) return;
      // No report (the page's own scripts broke the read, and the browser gives no result for a
      // function that threw): the page is still recognised by its address, without links.
      signals = report?.signals;
    }
    const { flag } = await deps.pageVisited(tabId, url, signals);
    if (flag === undefined) return;
    // Into the document that was read, never the tab's next one (issue 26): Chromium names it;
    // where the browser does not (Firefox), the flag checks the document's address itself.
    const target = documentId === undefined ? { tabId, frameIds: [0] } : { tabId, documentIds: [documentId] };
    await deps.scripting.executeScript({ target, world: 'ISOLATED', func: showPageFlag, args: [flag, url] });
  };

  /**
   * `tabs.onUpdated`: a page finished loading ("complete"), or a loaded page changed its address
   * (a single-page site, or a new fragment). Never throws: a tab closed or an error page just
   * goes unread, and the popup looks the address up when opened.
   */
  const tabUpdated = async (tabId: number, change: TabChange, tab: TabState): Promise<void> => {
    const url = tab.url;
    if (url === undefined || !deps.readsPage(url)) return;
    const loaded = change.status === 'complete' || (change.url !== undefined && tab.status === 'complete');
    if (!loaded) return;
    const last = lastRead.get(tabId);
    if (last?.url === url && now() - last.at < repeatWithinMs) return;
    // A new document (the browser's "complete") is read at once: its badge must not wait, and a page
    // cannot load documents 33 times a second. Address changes within a loaded document (a
    // single-page site, or a page that rewrites its address every 30 ms) wait out the interval.
    const newDocument = change.status === 'complete';
    if (newDocument) waiting.delete(tabId);
    if (!newDocument && last !== undefined && now() - last.at < minReadIntervalMs) {
      // Too soon after the last read of this tab: one read when the interval ends, of the address then.
      if (!waiting.has(tabId)) later(() => readWaiting(tabId), last.at + minReadIntervalMs - now());
      waiting.set(tabId, url);
      return;
    }
    lastRead.set(tabId, { url, at: now() });
    await read(tabId, url).catch(() => undefined);
  };

  /** The read a tab's interval held back, unless the tab closed meanwhile. */
  const readWaiting = async (tabId: number): Promise<void> => {
    const url = waiting.get(tabId);
    waiting.delete(tabId);
    if (url === undefined) return;
    lastRead.set(tabId, { url, at: now() });
    await read(tabId, url).catch(() => undefined);
  };

  return {
    tabUpdated,
    /**
     * Tabs already open on pages it reads when the extension is installed or updated, or the
     * browser starts: their loads happened before the worker listened (Chromium does not tell a
     * worker that has not yet registered its listeners, as on a first install), so each loaded one is read now.
     */
    async tabsOpen(tabs: readonly (TabState & { id?: number })[]): Promise<void> {
      await Promise.all(tabs.map((tab) => (tab.id === undefined ? undefined : tabUpdated(tab.id, { status: tab.status }, tab))));
    },
    tabClosed(tabId: number): void {
      lastRead.delete(tabId);
      waiting.delete(tabId);
    },
  };
}
