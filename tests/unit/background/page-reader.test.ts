/**
 * Issue 22: the background reads the pages that matter itself, with one function run in the page
 * once the browser says it loaded (or a single-page site moved), and no content script.
 */
import { describe, expect, it } from 'vitest';
import { createPageReader, MIN_READ_INTERVAL_MS, type PageScripting } from '../../../lib/browser/page-reader';
import { readPage, showPageFlag } from '../../../lib/browser/page-scripts';
import { PROFILE_LINK } from '../../../lib/detect/page-links';
import { encodePageReport } from '../../../lib/detect/page-report';
import { MAX_JSON_LD_CHARS, MAX_PAGE_LINKS, MAX_PAGE_READ_CHARS } from '../../../lib/detect/page-signals';
import { NHS_UK_MATCHES, pageMatcher } from '../../../lib/detect/pages';
import type { PageFlag } from '../../../lib/detect/types';

const HOME = 'https://www.uclh.nhs.uk/';
const SIGNALS = { relMe: [], links: ['https://x.com/uclh'], jsonLd: [], twitterSite: [] };

interface Injected {
  target: { tabId: number; frameIds?: number[]; documentIds?: string[] };
  world: string;
  func: unknown;
  args: unknown[];
}

/**
 * A reader with stand-ins: `pageAt` says where the page is when read (the tab's address unless a
 * test moves it), `fail` makes the browser refuse to run anything.
 */
function reader(
  options: {
    pageAt?: (tabId: number) => string;
    flag?: PageFlag;
    off?: boolean;
    fail?: boolean;
    threw?: boolean;
    documentId?: string;
  } = {},
) {
  const injected: Injected[] = [];
  const visited: { tabId: number; url: string; signals: unknown }[] = [];
  let clock = 0;
  const timers: { at: number; run: () => Promise<void> }[] = [];
  const tabUrls = new Map<number, string>();
  const scripting: PageScripting = {
    async executeScript(injection) {
      injected.push(injection as Injected);
      if (options.fail) throw new Error('Cannot access contents of the page.');
      // Chromium gives no result for a function that threw (Firefox adds `error`).
      if ((injection.func as unknown) !== readPage || options.threw) return [{ result: undefined }];
      const url = options.pageAt?.(injection.target.tabId) ?? tabUrls.get(injection.target.tabId) ?? '';
      const result = encodePageReport({ url, signals: SIGNALS });
      return [options.documentId === undefined ? { result } : { result, documentId: options.documentId }];
    },
  };
  const pages = createPageReader({
    scripting,
    readsPage: pageMatcher(NHS_UK_MATCHES),
    switchedOff: async () => options.off === true,
    pageVisited: async (tabId, url, signals) => {
      visited.push({ tabId, url, signals });
      return options.flag ? { flag: options.flag } : {};
    },
    now: () => clock,
    later: (run, ms) => void timers.push({ at: clock + ms, run }),
  });
  const update = (tabId: number, change: { status?: string; url?: string }, tab: { url?: string; status?: string }) => {
    if (tab.url !== undefined) tabUrls.set(tabId, tab.url);
    return pages.tabUpdated(tabId, change, tab);
  };
  /** Moves the clock on, running the timers due meanwhile, in turn. */
  const elapse = async (ms: number) => {
    clock += ms;
    for (let due = timers.findIndex((t) => t.at <= clock); due >= 0; due = timers.findIndex((t) => t.at <= clock))
      await timers.splice(due, 1)[0]?.run();
  };
  return { pages, update, injected, visited, elapse, timers };
}

describe('createPageReader', () => {
  it('reads a matching page once it has loaded: its top frame, in the page’s world, one function', async () => {
    const { update, injected, visited } = reader();
    await update(3, { status: 'loading', url: HOME }, { url: HOME, status: 'loading' });
    expect(injected).toEqual([]);
    await update(3, { status: 'complete' }, { url: HOME, status: 'complete' });
    expect(injected).toEqual([
      {
        target: { tabId: 3, frameIds: [0] },
        world: 'MAIN',
        func: readPage,
        args: [PROFILE_LINK.source, MAX_PAGE_LINKS, MAX_JSON_LD_CHARS, MAX_PAGE_READ_CHARS],
      },
    ]);
    expect(visited).toEqual([{ tabId: 3, url: HOME, signals: SIGNALS }]);
  });

  it('never touches a page it does not match, nor a tab whose address it may not see', async () => {
    const { update, injected, visited } = reader();
    await update(3, { status: 'complete' }, { url: 'https://www.example.org/', status: 'complete' });
    await update(4, { status: 'complete' }, { status: 'complete' });
    await update(5, { status: 'complete' }, { url: 'https://nhs.uk.example/', status: 'complete' });
    expect([injected, visited]).toEqual([[], []]);
  });

  it('follows a single-page site: a new address in a loaded page is read again, at once when the tab’s last read is 3 s old', async () => {
    const { update, visited, elapse } = reader();
    await update(3, { status: 'complete' }, { url: HOME, status: 'complete' });
    await elapse(MIN_READ_INTERVAL_MS);
    await update(3, { url: `${HOME}contact` }, { url: `${HOME}contact`, status: 'complete' });
    expect(visited.map((v) => v.url)).toEqual([HOME, `${HOME}contact`]);
  });

  it('reads a tab at most once every 3 s whatever its address, then its latest address (issue 26)', async () => {
    const { update, visited, elapse } = reader();
    await update(3, { status: 'complete' }, { url: HOME, status: 'complete' });
    // A page that changes its address every 30 ms, for 6 seconds: 200 changes.
    for (let i = 1; i <= 200; i++) {
      await elapse(30);
      await update(3, { url: `${HOME}?n=${i}` }, { url: `${HOME}?n=${i}`, status: 'complete' });
    }
    // One read every 3 s, of the address the tab had then: 3 in 6 s, not 200.
    expect(visited.map((v) => v.url)).toEqual([HOME, `${HOME}?n=99`, `${HOME}?n=199`]);
    await elapse(MIN_READ_INTERVAL_MS);
    expect(visited.map((v) => v.url)).toEqual([HOME, `${HOME}?n=99`, `${HOME}?n=199`, `${HOME}?n=200`]);
    // Another tab is not held back by this one.
    await update(4, { status: 'complete' }, { url: HOME, status: 'complete' });
    expect(visited).toHaveLength(5);
  });

  it('reads a new document in the tab at once, even within 3 s of the last read (its badge never waits)', async () => {
    const { update, visited } = reader();
    await update(3, { status: 'complete' }, { url: HOME, status: 'complete' });
    await update(3, { status: 'complete' }, { url: `${HOME}news`, status: 'complete' });
    expect(visited.map((v) => v.url)).toEqual([HOME, `${HOME}news`]);
  });

  it('reads nothing held back for a tab closed meanwhile', async () => {
    const { pages, update, visited, elapse } = reader();
    await update(3, { status: 'complete' }, { url: HOME, status: 'complete' });
    await update(3, { url: `${HOME}contact` }, { url: `${HOME}contact`, status: 'complete' });
    pages.tabClosed(3);
    await elapse(MIN_READ_INTERVAL_MS);
    expect(visited.map((v) => v.url)).toEqual([HOME]);
  });

  it('reads the same address in a tab once, however often the browser says so within a second', async () => {
    const { update, visited, elapse } = reader();
    await update(3, { url: HOME }, { url: HOME, status: 'complete' });
    await update(3, { status: 'complete' }, { url: HOME, status: 'complete' });
    expect(visited).toHaveLength(1);
    await update(4, { status: 'complete' }, { url: HOME, status: 'complete' });
    expect(visited).toHaveLength(2);
    await elapse(MIN_READ_INTERVAL_MS);
    await update(3, { status: 'complete' }, { url: HOME, status: 'complete' });
    expect(visited).toHaveLength(3);
  });

  it('drops a report from a page that has moved on since the browser’s word (the next change reads it)', async () => {
    const { update, visited } = reader({ pageAt: () => 'https://evil.nhs.uk/' });
    await update(3, { status: 'complete' }, { url: HOME, status: 'complete' });
    expect(visited).toEqual([]);
  });

  it('still recognises a page whose own scripts broke the read, by its address alone', async () => {
    const { update, visited } = reader({ threw: true });
    await update(3, { status: 'complete' }, { url: HOME, status: 'complete' });
    expect(visited).toEqual([{ tabId: 3, url: HOME, signals: undefined }]);
  });

  it('runs nothing in a page on a site the user switched off, and still answers for the tab', async () => {
    const { update, injected, visited } = reader({ off: true });
    await update(3, { status: 'complete' }, { url: HOME, status: 'complete' });
    expect(injected).toEqual([]);
    expect(visited).toEqual([{ tabId: 3, url: HOME, signals: {} }]);
  });

  it('shows the in-page flag, when the answer has one, in the extension’s own world, for the address read', async () => {
    const flag = { name: 'UCLH', level: 'Several platforms' };
    const { update, injected } = reader({ flag });
    await update(3, { status: 'complete' }, { url: HOME, status: 'complete' });
    expect(injected.map((i) => [i.func, i.world, i.args])).toEqual([
      [readPage, 'MAIN', [PROFILE_LINK.source, MAX_PAGE_LINKS, MAX_JSON_LD_CHARS, MAX_PAGE_READ_CHARS]],
      [showPageFlag, 'ISOLATED', [flag, HOME]],
    ]);
    // No document named (Firefox): the tab's top frame, where the flag checks the address itself.
    expect(injected[1]?.target).toEqual({ tabId: 3, frameIds: [0] });
  });

  it('draws the flag into the very document that was read when the browser names it (issue 26)', async () => {
    const flag = { name: 'UCLH', level: 'Several platforms' };
    const { update, injected } = reader({ flag, documentId: 'DOC-1' });
    await update(3, { status: 'complete' }, { url: HOME, status: 'complete' });
    expect(injected.map((i) => [i.func, i.target])).toEqual([
      [readPage, { tabId: 3, frameIds: [0] }],
      [showPageFlag, { tabId: 3, documentIds: ['DOC-1'] }],
    ]);
  });

  it('never throws when the browser refuses (a closed tab, an error page): the page goes unread', async () => {
    const { update, visited } = reader({ fail: true });
    await expect(update(3, { status: 'complete' }, { url: HOME, status: 'complete' })).resolves.toBeUndefined();
    expect(visited).toEqual([]);
  });

  it('reads the tabs already open on its pages, once loaded, when installed or the browser starts', async () => {
    const { pages, visited } = reader({ pageAt: () => HOME });
    await pages.tabsOpen([
      { id: 3, url: HOME, status: 'complete' },
      { id: 4, url: `${HOME}still-loading`, status: 'loading' },
      { id: 5, url: 'https://www.example.org/', status: 'complete' },
      { url: HOME, status: 'complete' },
    ]);
    expect(visited.map((v) => [v.tabId, v.url])).toEqual([[3, HOME]]);
  });

  it('forgets a closed tab', async () => {
    const { pages, update, visited } = reader();
    await update(3, { status: 'complete' }, { url: HOME, status: 'complete' });
    pages.tabClosed(3);
    await update(3, { status: 'complete' }, { url: HOME, status: 'complete' });
    expect(visited).toHaveLength(2);
  });
});
