/**
 * Extra text scrubbed past a cap, so that a secret straddling the cut is seen whole by the
 * scrubber before the cut is made.
 */
export const SCRUB_MARGIN = 4096;

const TRUNCATED = ' …[truncated]';
/**
 * How far back a cut looks for a word boundary. Secrets shorter than the margin that straddle
 * the cap were already redacted whole; this only keeps the cut from ending mid-token.
 */
const MAX_BACKOFF = 256;
/** Characters that can end a secret-free cut: whitespace, quotes, brackets and separators. */
const BOUNDARY = /[\s"'`,;()<>[\]{}|]/;

/**
 * Scrubs `text` and caps the result at `cap` characters (plus a short truncation marker).
 * When it has to cut, it cuts after the last boundary character close before the cap, so the
 * partial token at the cut is dropped whole; a token longer than that is cut at the cap.
 */
export function scrubCapped(text: string, cap: number, scrub: (s: string) => string): string {
  const window = scrubWindow(text, cap);
  return capScrubbed(scrub(window), cap, window.length < text.length);
}

/** The part of `text` scrubbed before a cut at `cap`: all of it, or the cap and a margin. */
export function scrubWindow(text: string, cap: number): string {
  return text.length > cap + SCRUB_MARGIN ? sliceWhole(text, cap + SCRUB_MARGIN) : text;
}

/** Caps the scrubbed window of a text at `cap`; `cut` tells that the window left part of the text out. */
export function capScrubbed(scrubbed: string, cap: number, cut: boolean): string {
  if (scrubbed.length <= cap && !cut) return scrubbed;
  const hardEnd = Math.min(cap, scrubbed.length);
  let end = hardEnd;
  while (end > hardEnd - MAX_BACKOFF && end > 0 && !BOUNDARY.test(scrubbed.charAt(end - 1))) end--;
  return (BOUNDARY.test(scrubbed.charAt(end - 1)) ? scrubbed.slice(0, end) : sliceWhole(scrubbed, hardEnd)) + TRUNCATED;
}

/** Cuts at `end` without splitting a surrogate pair. */
function sliceWhole(text: string, end: number): string {
  const code = text.charCodeAt(end - 1);
  return text.slice(0, code >= 0xd800 && code <= 0xdbff ? end - 1 : end);
}
