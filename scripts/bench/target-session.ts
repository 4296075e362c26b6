/**
 * The DevTools Protocol on a target Playwright gives no session for (the extension's service
 * worker): reached through a page's session with `Target.attachToTarget` (not flattened), each
 * command sent with `Target.sendMessageToTarget` and answered by `Target.receivedMessageFromTarget`.
 */
import type { CDPSession } from 'playwright-core';

/** A command sender for one target. */
export interface TargetSession {
  send<T = Record<string, unknown>>(method: string, params?: Record<string, unknown>): Promise<T>;
  detach(): Promise<void>;
}

/** Attaches to the first target of `type` (such as `service_worker`) whose address starts with `urlPrefix`. */
export async function attachToTarget(page: CDPSession, type: string, urlPrefix: string): Promise<TargetSession> {
  const { targetInfos } = (await page.send('Target.getTargets')) as { targetInfos: { targetId: string; type: string; url: string }[] };
  const target = targetInfos.find((t) => t.type === type && t.url.startsWith(urlPrefix));
  if (target === undefined) throw new Error(`no ${type} target at ${urlPrefix}`);
  const { sessionId } = (await page.send('Target.attachToTarget', { targetId: target.targetId, flatten: false })) as { sessionId: string };
  let next = 0;
  const pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  const listener = (event: { sessionId?: string; message: string }) => {
    if (event.sessionId !== sessionId) return;
    const message = JSON.parse(event.message) as { id?: number; result?: unknown; error?: { message: string } };
    const waiting = message.id === undefined ? undefined : pending.get(message.id);
    if (waiting === undefined || message.id === undefined) return;
    pending.delete(message.id);
    if (message.error) waiting.reject(new Error(message.error.message));
    else waiting.resolve(message.result);
  };
  page.on('Target.receivedMessageFromTarget', listener);
  return {
    send<T>(method: string, params: Record<string, unknown> = {}) {
      const id = ++next;
      return new Promise<T>((resolve, reject) => {
        pending.set(id, { resolve: (value) => resolve(value as T), reject });
        page.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method, params }) }).catch(reject);
      });
    },
    async detach() {
      page.off('Target.receivedMessageFromTarget', listener);
      await page.send('Target.detachFromTarget', { sessionId });
    },
  };
}

/** The JavaScript heap in use after a full garbage collection, in bytes (through a page's session or a target's). */
export async function heapAfterGc(session: {
  send(method: 'HeapProfiler.collectGarbage' | 'Runtime.getHeapUsage'): Promise<unknown>;
}): Promise<number> {
  await session.send('HeapProfiler.collectGarbage');
  return ((await session.send('Runtime.getHeapUsage')) as { usedSize: number }).usedSize;
}
