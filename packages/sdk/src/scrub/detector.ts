/** @module The anchor-driven scan that runs every rule over a text. */
import type { Redactions } from './redactions';

/**
 * One rule. The scan finds each anchor (a character found with `indexOf`, or a match of a
 * global regex) and calls `detect` there; `detect` looks around the anchor, records any
 * redaction and returns where its next anchor may be looked for. A rule that has read a run
 * of text returns the end of that run, so no character is read more than a bounded number
 * of times: that keeps every rule linear.
 */
export interface Detector {
  /** A string searched for with `indexOf` (best a single rare character), or a global regex whose matches start at the anchors. */
  readonly anchor: string | RegExp;
  /** A character every match of a regex anchor holds: a text without it skips the regex scan, for the price of an `indexOf`. */
  readonly requires?: string;
  /**
   * Where the match of a regex anchor that ends at `end` starts, when that can be told from the
   * text: the scan then uses `test`, which builds no match object, instead of `exec`.
   */
  readonly anchorStart?: (text: string, end: number) => number;
  /** Looks for a redaction at anchor `at`; returns an index greater than `at`. */
  detect(text: string, at: number, found: Redactions): number;
}

/**
 * The anchor of the number rules (card numbers and IPv4), shared so that digits are scanned
 * once: a digit followed by three digits, a digit or separator, and a digit; or the last digit
 * of the first part of a dotted quad. Each rule passes over the other's runs in one step.
 */
export const NUMBER_ANCHOR = /\d(?:\d\d\d[\d -]\d|\.\d{1,3}\.\d{1,3}\.\d)/g;

/**
 * Start of a {@link NUMBER_ANCHOR} match that ends at `end`: six characters back, or, for a
 * dotted quad (which ends with a dot and a digit), the digit before the third dot back.
 */
export function numberAnchorStart(text: string, end: number): number {
  if (text.charCodeAt(end - 2) !== 46) return end - 6;
  let i = end - 2;
  for (let dots = 1; dots < 3; ) if (text.charCodeAt(--i) === 46) dots++;
  return i - 1;
}

interface AnchorGroup {
  readonly anchor: string | RegExp;
  readonly requires: string | undefined;
  readonly start: ((text: string, end: number) => number) | undefined;
  readonly detectors: readonly Detector[];
}

/** Groups detectors that share an anchor, so the anchor is searched for once. Built once per rule set. */
export function groupByAnchor(detectors: readonly Detector[]): readonly AnchorGroup[] {
  const groups = new Map<string | RegExp, Detector[]>();
  for (const detector of detectors) {
    const group = groups.get(detector.anchor);
    if (group) group.push(detector);
    else groups.set(detector.anchor, [detector]);
  }
  return [...groups].map(([anchor, members]) => ({ anchor, requires: members[0]!.requires, start: members[0]!.anchorStart, detectors: members }));
}

/** Runs every group over `text`, recording redactions in `found`. */
export function detectAll(text: string, groups: readonly AnchorGroup[], found: Redactions): void {
  for (const { anchor, requires, start, detectors } of groups) {
    if (requires !== undefined && !text.includes(requires)) continue;
    const code = typeof anchor === 'string' && anchor.length === 1 ? anchor.charCodeAt(0) : -1;
    const only = detectors.length === 1 ? detectors[0]! : undefined;
    const resume: number[] = new Array<number>(detectors.length).fill(0);
    for (let at = find(text, anchor, start, 0); at !== -1; ) {
      let next = Number.POSITIVE_INFINITY;
      if (only !== undefined) {
        next = only.detect(text, at, found);
      } else {
        for (let k = 0; k < detectors.length; k++) {
          if (resume[k]! <= at) resume[k] = detectors[k]!.detect(text, at, found);
          next = Math.min(next, resume[k]!);
        }
      }
      // Dense anchors (`a@a@a@…`) are cheaper to step onto than to search for.
      at = text.charCodeAt(next) === code ? next : text.charCodeAt(next + 1) === code ? next + 1 : find(text, anchor, start, next);
    }
  }
}

function find(text: string, anchor: string | RegExp, start: ((text: string, end: number) => number) | undefined, from: number): number {
  if (typeof anchor === 'string') return text.indexOf(anchor, from);
  if (from >= text.length) return -1;
  anchor.lastIndex = from;
  if (start !== undefined) return anchor.test(text) ? start(text, anchor.lastIndex) : -1;
  const match = anchor.exec(text);
  return match === null ? -1 : match.index;
}
