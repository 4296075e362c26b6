/// <reference types="chrome" />
/**
 * The live figures a test browser keeps (issue 19), read and changed from its service worker:
 * IndexedDB `liveAnswers` and `livePoints` (lib/browser/db.ts).
 */
import { formatFactTime } from '../../../lib/format';
import type { ExtensionBrowser } from './extension-browser';

/**
 * Works on the live figures this browser keeps: `clear` forgets them; `age` moves every answer,
 * wait and daily point two days back, as if the user had asked two days ago.
 */
export async function liveStores(browser: ExtensionBrowser, what: 'clear' | 'age'): Promise<void> {
  const worker = await browser.serviceWorker();
  await worker.evaluate(async (action) => {
    const done = <T>(request: IDBRequest<T>) =>
      new Promise<T>((resolve, reject) => {
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
    // Opening a database that does not exist yet would create it empty, and the extension's own
    // upgrade would then skip its stores (a race a slow machine loses): nothing there, nothing to do.
    if (!(await indexedDB.databases()).some((d) => d.name === 'nhs-social-lens')) return;
    const db = await done(indexedDB.open('nhs-social-lens'));
    const tx = db.transaction(['liveAnswers', 'livePoints'], 'readwrite');
    const answersStore = tx.objectStore('liveAnswers');
    const points = tx.objectStore('livePoints');
    const back = (iso: string) => new Date(Date.parse(iso) - 2 * 86_400_000).toISOString();
    if (action === 'clear') {
      answersStore.clear();
      points.clear();
    } else {
      type Answer = { at: string; problem?: { retryAt?: string } };
      const shift = (answer: Answer | undefined) => {
        if (answer === undefined) return;
        answer.at = back(answer.at);
        if (answer.problem?.retryAt) answer.problem.retryAt = back(answer.problem.retryAt);
      };
      for (const record of (await done(answersStore.getAll())) as { last: Answer; good?: Answer }[]) {
        shift(record.last);
        shift(record.good);
        answersStore.put(record);
      }
      for (const point of (await done(points.getAll())) as { key: string; day: string; followers: number }[]) {
        points.delete([point.key, point.day]);
        points.put({ ...point, day: back(`${point.day}T12:00:00Z`).slice(0, 10) });
      }
    }
    await new Promise((resolve) => {
      tx.oncomplete = resolve;
    });
    db.close();
  }, what);
}

/** The time the worker stored for an account's last answer, as the popup shows it. */
export async function shownTime(browser: ExtensionBrowser, key: string): Promise<string> {
  const worker = await browser.serviceWorker();
  const at = await worker.evaluate(async (k) => {
    const db = await new Promise<IDBDatabase>((resolve) => {
      const r = indexedDB.open('nhs-social-lens');
      r.onsuccess = () => resolve(r.result);
    });
    const record = await new Promise<{ good?: { at: string } }>((resolve) => {
      const r = db.transaction('liveAnswers').objectStore('liveAnswers').get(k);
      r.onsuccess = () => resolve(r.result);
    });
    db.close();
    return record.good?.at ?? '';
  }, key);
  return formatFactTime(at);
}
