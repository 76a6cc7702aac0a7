/** @module One HTTP POST to the gateway over the web-standard `fetch`, for runtimes without `node:http`. */
import type { Send } from './http-send';

/** Bytes of an answer read, at most: enough for an `exception_id`, bounded against a huge answer. */
const MAX_ANSWER_BYTES = 65_536;

/**
 * Creates a sender on `fetch`. A request without an answer within its `timeoutMs` is aborted
 * and rejects with `code: 'ETIMEDOUT'`; a network failure rejects with the runtime's error code
 * where it gives one, as the `node:http` sender does.
 */
export function createFetchSend(fetchFn: typeof fetch = (input, init) => fetch(input, init)): Send {
  return async (request) => {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), request.timeoutMs);
    try {
      const res = await fetchFn(request.url, { method: 'POST', headers: request.headers, body: request.body, signal: controller.signal });
      return { status: res.status, retryAfter: res.headers.get('retry-after') ?? undefined, body: await readCapped(res) };
    } catch (error) {
      if (controller.signal.aborted) throw Object.assign(new Error(`no answer within ${request.timeoutMs} ms`), { code: 'ETIMEDOUT' });
      const code = (error as { cause?: { code?: unknown } } | null)?.cause?.code;
      throw typeof code === 'string' ? Object.assign(new Error(code), { code }) : error;
    } finally {
      clearTimeout(timer);
    }
  };
}

async function readCapped(res: Response): Promise<string> {
  if (!res.body) return '';
  const reader = res.body.getReader();
  const decoder = new TextDecoder();
  let text = '';
  let size = 0;
  while (size < MAX_ANSWER_BYTES) {
    const { done, value } = await reader.read();
    if (done) return text + decoder.decode();
    const chunk = value.subarray(0, MAX_ANSWER_BYTES - size);
    size += value.length;
    text += decoder.decode(chunk, { stream: true });
  }
  void reader.cancel().catch(() => undefined);
  return text + decoder.decode();
}
