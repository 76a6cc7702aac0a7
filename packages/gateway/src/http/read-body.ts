/** @module Reads a request body as text, refusing to hold more than a size limit. */

/**
 * Reads the body of a request, stopping as soon as it exceeds `maxBytes`.
 * A declared `Content-Length` over the limit is refused before reading anything;
 * a chunked body is counted chunk by chunk and abandoned at the limit.
 *
 * @param request - the incoming request
 * @param maxBytes - largest body accepted
 * @returns the body as UTF-8 text, or `undefined` when it is too large
 */
export async function readBodyText(request: Request, maxBytes: number): Promise<string | undefined> {
  const declared = request.headers.get('content-length');
  if (declared !== null && !request.headers.has('transfer-encoding')) {
    // Node's HTTP parser delivers exactly Content-Length bytes, so this read is bounded.
    return Number(declared) > maxBytes ? undefined : request.text();
  }
  if (!request.body) return '';
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      reader.releaseLock();
      return undefined;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}
