/**
 * What the extension costs a page's main thread (issue 22): each page is loaded in turn with and
 * without the extension, alternating, in one run, and the DevTools Protocol's
 * `Performance.getMetrics` is read a while after the load event (the background reads the page
 * after it, so the page-load figure alone never shows its cost). ScriptDuration is the time spent
 * running JavaScript on the page's main thread (the page's own and any the extension runs there),
 * TaskDuration all the main thread's work; the extra is the median with minus the median without.
 */
import type { BrowserContext } from 'playwright-core';
import { add, round, stats } from './rows';

/** A page the bench loads, and the extra script time it may cost (bench/budgets.json). */
export interface PageCase {
  label: string;
  url: string;
  budgetMs?: number;
}

/** One load's figures, in milliseconds. */
export interface LoadSample {
  scriptMs: number;
  taskMs: number;
  loadMs: number;
}

/** The figures of one page, with and without the extension. */
export interface MainThreadResult {
  page: PageCase;
  with: LoadSample[];
  without: LoadSample[];
}

/** Loads `url` in a new tab of `context` and reads its main thread's totals `settleMs` after the load event. */
export async function measureLoad(context: BrowserContext, url: string, settleMs: number): Promise<LoadSample> {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  // The agent counts only while enabled, so it is enabled before the navigation starts.
  await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
  await page.goto(url, { waitUntil: 'load' });
  const loadMs = await page.evaluate(() => {
    const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
    return nav.loadEventEnd - nav.startTime;
  });
  await page.waitForTimeout(settleMs);
  const { metrics } = await cdp.send('Performance.getMetrics');
  const ms = (name: string) => (metrics.find((m) => m.name === name)?.value ?? 0) * 1000;
  const sample = { scriptMs: ms('ScriptDuration'), taskMs: ms('TaskDuration'), loadMs };
  await cdp.detach();
  await page.close();
  return sample;
}

/**
 * Loads each page `loads` times in each browser, alternating which goes first so that a busy
 * moment of a shared machine falls on both; one load each first, not counted, warms the caches.
 */
export async function measureMainThread(
  withExtension: BrowserContext,
  without: BrowserContext,
  pages: readonly PageCase[],
  loads: number,
  settleMs: number,
): Promise<MainThreadResult[]> {
  const results: MainThreadResult[] = [];
  for (const page of pages) {
    const result: MainThreadResult = { page, with: [], without: [] };
    await measureLoad(withExtension, page.url, 200);
    await measureLoad(without, page.url, 200);
    for (let i = 0; i < loads; i++) {
      const order = i % 2 === 0 ? ([withExtension, without] as const) : ([without, withExtension] as const);
      for (const context of order)
        (context === withExtension ? result.with : result.without).push(await measureLoad(context, page.url, settleMs));
    }
    results.push(result);
  }
  return results;
}

/** The extra a figure costs with the extension: medians, their difference and ratio, and the quartiles of each. */
export function extraOf(result: MainThreadResult, key: keyof LoadSample) {
  const w = stats(result.with.map((s) => s[key]));
  const wo = stats(result.without.map((s) => s[key]));
  return { with: w, without: wo, extra: w.median - wo.median, ratio: wo.median === 0 ? 0 : w.median / wo.median };
}

/**
 * Adds each page's figures to the bench's table, its budget beside the extra script time, and
 * returns the pages whose extra script time is over `failAboveMs` (CI fails on them).
 */
export function reportMainThread(results: readonly MainThreadResult[], failAboveMs: number): string[] {
  const over: string[] = [];
  const range = (s: { p25: number; p75: number }) => `${round(s.p25)}–${round(s.p75)}`;
  for (const result of results) {
    const runs = result.with.length;
    const label = result.page.label;
    for (const [key, name] of [
      ['scriptMs', 'script'],
      ['taskMs', 'task'],
    ] as const) {
      const x = extraOf(result, key);
      add(
        `main thread: extra ${name} time, ${label}`,
        x.extra,
        'ms',
        x.without.median,
        runs,
        `with ${round(x.with.median)} (p25–p75 ${range(x.with)}), without ${round(x.without.median)} (${range(x.without)}); ratio ${round(x.ratio, 3)}`,
        'baseline: the same page without the extension, alternating, in one run; Performance.getMetrics, thread time',
        key === 'scriptMs' ? result.page.budgetMs : undefined,
      );
      if (key === 'scriptMs' && result.page.budgetMs !== undefined && x.extra > failAboveMs)
        over.push(`${label}: ${round(x.extra)} ms extra script time, over ${failAboveMs} ms`);
    }
    const load = extraOf(result, 'loadMs');
    add(
      `page load, ${label}, with the extension`,
      load.with.median,
      'ms',
      load.without.median,
      runs,
      `with p25–p75 ${range(load.with)}; without ${range(load.without)} ms`,
      'baseline: the same browser build without the extension, alternating',
    );
  }
  return over;
}
