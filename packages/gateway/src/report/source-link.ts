/** @module Links a stack frame to its line in the repository on GitHub. */
import type { StackFrame } from './stack-frames.js';

/** Every link {@link sourceLink} returns starts with this. */
export const GITHUB_BLOB_PREFIX = 'https://github.com/';

// `owner/repo`; a repository named `.` or `..` would step out of the owner's path.
const GITHUB_REPO = /^[\w-]+\/(?!\.\.?$)[\w.-]+$/;
// `node:`, `file:`, `webpack:`, `javascript:`, and drive letters (`C:`): not a path in the repository.
const SCHEME = /^[a-z][a-z\d+.-]*:/i;
// Backslashes (Windows paths), control characters, and lone surrogates, which cannot be URL-encoded.
const UNSAFE_CHARACTER = /[\\\p{Cc}\p{Cs}]/u;
const UNLINKED_SEGMENTS: ReadonlySet<string> = new Set(['', '.', '..', 'node_modules']);

/**
 * Builds the GitHub address of the line a frame points at, for frames that name a file by its
 * path relative to the repository root. Everything else gets no link: runtime and dependency
 * frames, absolute paths and URLs, and any path that could leave the repository
 * (`..`, empty segments) or carry something other than a path.
 *
 * @param githubRepo - the report's `owner/repo`
 * @param frame - a parsed frame
 * @returns `https://github.com/<owner>/<repo>/blob/HEAD/<path>#L<line>`, or `undefined`
 * @example
 * sourceLink('acme/shop', frame); // 'https://github.com/acme/shop/blob/HEAD/src/orders/place.ts#L14'
 */
export function sourceLink(githubRepo: string, frame: StackFrame): string | undefined {
  const { file, line } = frame;
  if (!frame.inApp || line === undefined || !Number.isSafeInteger(line) || line < 1) return undefined;
  if (!GITHUB_REPO.test(githubRepo) || SCHEME.test(file) || UNSAFE_CHARACTER.test(file)) return undefined;
  const segments = file.split('/');
  if (segments.some((segment) => UNLINKED_SEGMENTS.has(segment))) return undefined;
  return `${GITHUB_BLOB_PREFIX}${githubRepo}/blob/HEAD/${segments.map(encodeURIComponent).join('/')}#L${line}`;
}
