/**
 * The survey's politeness (issue 29 part 2): at most one request every `hostIntervalMs` to any one
 * host, and at most `hostsAtOnce` organisations read at once. The clock and the timer are
 * injected, so tests run in no time.
 */

export interface SchedulerClock {
  /** Milliseconds, any epoch. */
  now(): number;
  sleep(ms: number): Promise<void>;
}

/** Hands out request slots per host: each caller waits until its host's last request is `intervalMs` old. */
export function createHostSlots(clock: SchedulerClock, intervalMs: number) {
  /** When each host's next request may go. Taken synchronously, so callers queue in order. */
  const nextAt = new Map<string, number>();
  return {
    /** Resolves when a request to `host` may go, and books the slot after it. */
    async slot(host: string): Promise<void> {
      const now = clock.now();
      const at = Math.max(now, nextAt.get(host) ?? now);
      nextAt.set(host, at + intervalMs);
      if (at > now) await clock.sleep(at - now);
    },
  };
}

/**
 * Works through `items` with at most `atOnce` at a time, in order, until `keepGoing` says stop:
 * work already started finishes (its result is kept), none is started after.
 */
export async function runPool<T>(
  items: readonly T[],
  atOnce: number,
  work: (item: T) => Promise<void>,
  keepGoing: () => boolean,
): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (keepGoing() && next < items.length) {
      const item = items[next++] as T;
      await work(item);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(atOnce, items.length)) }, worker));
}
