/**
 * One download with a deadline and a size cap (issue 27), for every reader of an answer in the
 * browser: the index refresh, the site reader and the live figures' JSON GET. The rules:
 *
 * - one deadline covers the answer and its body together, raced against every wait, so it holds
 *   even when `fetch` ignores its abort signal and when a body trickles in a byte at a time;
 * - the cap is checked against Content-Length before a byte is read (a larger answer is refused
 *   unread) and again while the body streams (the stream is cancelled at the cap: never a
 *   half-read answer taken for a whole one);
 * - a body is read only when the caller wants it (`wantBody`), else cancelled unread;
 * - every end is one outcome, never a throw.
 */

export interface CappedFetchRequest {
  fetch: typeof fetch;
  url: string;
  /** Everything but the signal, which this sets. */
  init?: Omit<RequestInit, 'signal'>;
  /** The longest the answer and its body may take together. */
  timeoutMs: number;
  /** The most bytes of a body read; one more and the answer is refused. */
  maxBytes: number;
  /** A caller's own deadline (a read of several pages): aborting it ends this download as a timeout. */
  signal?: AbortSignal;
  /** Whether this answer's body is wanted (by its status and headers); default: always. */
  wantBody?: (response: Response) => boolean;
}

export type CappedFetch =
  /** An answer; `body` is undefined when it was not wanted (and cancelled unread). */
  | { ok: true; response: Response; body: Uint8Array | undefined }
  /** No answer, or no whole body, before the deadline. */
  | { ok: false; problem: 'timeout'; stage: 'answer' | 'body' }
  /** `fetch` failed: no network, a refused connection, a refused redirect. */
  | { ok: false; problem: 'unreachable' }
  /** The body broke off. */
  | { ok: false; problem: 'broken'; response: Response }
  /** Larger than the cap: said so in Content-Length (`declared`), or found so while reading. */
  | { ok: false; problem: 'too-large'; response: Response; declared: boolean };

/** Downloads `url` by the rules above. */
export async function cappedFetch(request: CappedFetchRequest): Promise<CappedFetch> {
  const controller = new AbortController();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let onOuterAbort: (() => void) | undefined;
  const deadline = new Promise<never>((_resolve, reject) => {
    const stop = () => {
      controller.abort();
      reject(new Error('timeout'));
    };
    timer = setTimeout(stop, request.timeoutMs);
    if (request.signal?.aborted) stop();
    onOuterAbort = stop;
    request.signal?.addEventListener('abort', stop);
  });
  deadline.catch(() => undefined); // raced below; never left unhandled
  let reader: ReadableStreamDefaultReader<Uint8Array> | undefined;
  try {
    let response: Response;
    try {
      response = await Promise.race([request.fetch(request.url, { ...request.init, signal: controller.signal }), deadline]);
    } catch {
      return controller.signal.aborted ? { ok: false, problem: 'timeout', stage: 'answer' } : { ok: false, problem: 'unreachable' };
    }
    if (!(request.wantBody?.(response) ?? true)) {
      cancel(response.body);
      return { ok: true, response, body: undefined };
    }
    const declared = Number(response.headers.get('content-length') ?? Number.NaN);
    if (declared > request.maxBytes) {
      cancel(response.body);
      return { ok: false, problem: 'too-large', response, declared: true };
    }
    if (response.body === null) return { ok: true, response, body: new Uint8Array(0) };
    reader = response.body.getReader();
    const chunks: Uint8Array[] = [];
    let total = 0;
    try {
      for (;;) {
        const { done, value } = await Promise.race([reader.read(), deadline]);
        if (done) break;
        total += value.byteLength;
        if (total > request.maxBytes) return { ok: false, problem: 'too-large', response, declared: false };
        chunks.push(value);
      }
    } catch {
      return controller.signal.aborted ? { ok: false, problem: 'timeout', stage: 'body' } : { ok: false, problem: 'broken', response };
    }
    reader = undefined;
    return { ok: true, response, body: joined(chunks, total) };
  } finally {
    clearTimeout(timer);
    if (onOuterAbort) request.signal?.removeEventListener('abort', onOuterAbort);
    // An abandoned body is cancelled, so the connection is let go rather than left reading.
    if (reader !== undefined) {
      controller.abort();
      reader.cancel().catch(() => undefined);
    }
  }
}

/** A body as text (UTF-8, as the pages and platforms read here send it). */
export function bodyText(body: Uint8Array | undefined): string {
  return body === undefined ? '' : new TextDecoder().decode(body);
}

/** Lets an unwanted body go, without waiting on it: a stream's cancel is not raced by the deadline. */
function cancel(body: ReadableStream<Uint8Array> | null): void {
  body?.cancel().catch(() => undefined);
}

function joined(chunks: readonly Uint8Array[], total: number): Uint8Array {
  const out = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return out;
}
