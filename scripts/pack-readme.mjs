// Writes the README that ships in the sentinel-sdk tarball: the repository's README, with the
// links and images that point at files outside the package turned into plain text (on a
// package page they would lead nowhere). Run from packages/sdk by its `prepack` script.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** A markdown image or link whose target is a relative path (not a URL, an anchor or mail). */
const RELATIVE = /(!?)\[([^\]]*)\]\((?![a-z][a-z0-9+.-]*:|#)[^)\s]+\)/gi;

/** `markdown` with each relative image dropped and each relative link reduced to its text. */
export function packedReadme(markdown) {
  return markdown.replace(RELATIVE, (_, image, text) => (image ? '' : text));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [source, target] = process.argv.slice(2);
  writeFileSync(target, packedReadme(readFileSync(source, 'utf8')));
}
