/** @module Assembles the web page: one HTML document with its script and style inlined. */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';

/** The page and the policy that admits exactly its own inline script and style. */
export interface RenderedPage {
  html: string;
  contentSecurityPolicy: string;
}

const ASSETS = new URL('./assets/', import.meta.url);
const STYLE_SLOT = '/*__STYLE__*/';
const SCRIPT_SLOT = '/*__SCRIPT__*/';

function readAsset(name: string): string {
  return readFileSync(new URL(name, ASSETS), 'utf8');
}

function sourceHash(source: string): string {
  return `'sha256-${createHash('sha256').update(source).digest('base64')}'`;
}

/**
 * Reads the page's assets and inlines script and style into the document. The
 * Content-Security-Policy lists their hashes instead of allowing inline code at large,
 * so markup smuggled into a report could not run even if it reached the DOM.
 *
 * @returns the document and its Content-Security-Policy header value
 */
export function renderPage(): RenderedPage {
  const style = readAsset('app.css');
  const script = readAsset('app.js');
  // Function replacers: the sources may contain `$&`-like sequences that string replacement would expand.
  const html = readAsset('index.html')
    .replace(STYLE_SLOT, () => style)
    .replace(SCRIPT_SLOT, () => script);
  const contentSecurityPolicy = [
    "default-src 'none'",
    `script-src ${sourceHash(script)}`,
    `style-src ${sourceHash(style)}`,
    "connect-src 'self'",
    'img-src data:',
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
  return { html, contentSecurityPolicy };
}
