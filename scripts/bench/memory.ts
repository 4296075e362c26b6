/**
 * Memory (issue 22): the popup opened on trust pages one after another, as a person reading about
 * several trusts would, and the JavaScript heap of the service worker and of the popup's process
 * read after a full garbage collection at the first popup, the 25th and the 50th. A leak (results,
 * listeners or closed popups kept alive) shows as a heap that grows with the count.
 */
import type { BrowserContext } from 'playwright-core';
import { add, round } from './rows';
import { attachToTarget, heapAfterGc } from './target-session';

/** The heaps, in bytes, after the popup was opened this many times. */
export interface HeapCheckpoint {
  popups: number;
  worker: number;
  popup: number;
}

/**
 * Opens each trust page in a tab, then the popup on it, `urls.length` times, reading both heaps
 * at the checkpoints. `activeTab` answers the tab's id, as the extension sees it.
 */
export async function measurePopupMemory(
  context: BrowserContext,
  extensionOrigin: string,
  urls: readonly string[],
  activeTab: () => Promise<number>,
  checkpoints: readonly number[],
): Promise<HeapCheckpoint[]> {
  const results: HeapCheckpoint[] = [];
  for (const [i, url] of urls.entries()) {
    const site = await context.newPage();
    await site.goto(url, { waitUntil: 'load' });
    const tabId = await activeTab();
    const popup = await context.newPage();
    await popup.goto(`${extensionOrigin}/popup.html?tab=${tabId}&url=${encodeURIComponent(url)}`);
    // Whatever the answer, once drawn (the popup's main region is no longer busy).
    await popup.locator('nsl-popup main[aria-busy="false"]').waitFor();
    if (checkpoints.includes(i + 1)) {
      const cdp = await context.newCDPSession(popup);
      const worker = await attachToTarget(cdp, 'service_worker', extensionOrigin);
      results.push({ popups: i + 1, worker: await heapAfterGc(worker), popup: await heapAfterGc(cdp) });
      await worker.detach();
      await cdp.detach();
    }
    await popup.close();
    await site.close();
  }
  return results;
}

/**
 * Adds the heaps to the bench's table, each beside the first checkpoint's, and says whether they
 * stay flat: the last within 10% (or 512 KB) of the middle one, so growth that continues is a leak.
 */
export function reportMemory(checkpoints: readonly HeapCheckpoint[]): boolean {
  const first = checkpoints[0];
  if (first === undefined) return true;
  let flat = true;
  const mb = (bytes: number) => round(bytes / 1_048_576, 2);
  for (const key of ['worker', 'popup'] as const) {
    const name = key === 'worker' ? 'service worker' : 'popup’s process';
    for (const point of checkpoints) {
      add(
        `memory: ${name} heap after ${point.popups} popup(s)`,
        mb(point[key]),
        'MB',
        mb(first[key]),
        1,
        `after a full GC; ${checkpoints.map((p) => `${p.popups}: ${mb(p[key])}`).join(', ')} MB`,
        `baseline: after the first popup; the popup opened on ${checkpoints.at(-1)?.popups} trust pages in turn`,
      );
    }
    const middle = checkpoints.at(-2) ?? first;
    const last = checkpoints.at(-1) ?? first;
    if (last[key] - middle[key] > Math.max(0.1 * middle[key], 524_288)) flat = false;
  }
  return flat;
}
