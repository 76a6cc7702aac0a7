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
  /** A string searched for with `indexOf` (best rare, or long), or a global regex whose matches start at the anchors. */
  readonly anchor: string | RegExp;
  /** Required with a regex anchor: where its match that ends at `end` starts, told from the text (so the scan uses `test`, which builds no match object). */
  readonly anchorStart?: (text: string, end: number) => number;
  /** Looks for a redaction at anchor `at`; returns an index greater than `at`. Called as a plain function, without `this`. */
  readonly detect: Detect;
}

type Detect = (text: string, at: number, found: Redactions) => number;

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
  return text.charCodeAt(end - 2) !== 46 ? end - 6 : text.lastIndexOf('.', text.lastIndexOf('.', end - 3) - 1) - 1;
}

/**
 * From this length on, a text is searched with a compilation of a regex anchor of its own. V8
 * compiles a regex to machine code on its first run over a text this long
 * (`JSRegExp::kTierUpForSubjectLengthValue`), and tunes the code's skip-ahead to the
 * characters of the middle of that text (irregexp samples 128): tuned on a digit-rich error
 * message, the number anchor scans a stack trace four times slower than tuned on a stack
 * trace. With two compilations, short texts never tune the one that long texts use.
 */
const LONG_TEXT = 1000;

interface AnchorGroup {
  readonly anchor: string | RegExp;
  /** The anchor searched for in long texts: the same pattern, compiled apart. */
  readonly long: string | RegExp;
  /** The anchor's character code when it is a single character, else -1. */
  readonly code: number;
  readonly start: ((text: string, end: number) => number) | undefined;
  readonly detects: readonly Detect[];
}

/** Groups detectors that share an anchor, so the anchor is searched for once. Built once per rule set. */
export function groupByAnchor(detectors: readonly Detector[]): readonly AnchorGroup[] {
  const groups = new Map<string | RegExp, Detector[]>();
  for (const detector of detectors) {
    const group = groups.get(detector.anchor);
    if (group) group.push(detector);
    else groups.set(detector.anchor, [detector]);
  }
  return [...groups].map(([anchor, members]) => ({
    anchor,
    long: typeof anchor === 'string' ? anchor : new RegExp(`(?:${anchor.source})`, anchor.flags),
    code: typeof anchor === 'string' && anchor.length === 1 ? anchor.charCodeAt(0) : -1,
    start: members[0]!.anchorStart,
    detects: members.map((member) => member.detect),
  }));
}

/** Where each detector of the group being scanned may next be called; shared, as scans never nest. */
const resume: number[] = [];

/** Runs every group over `text`, recording redactions in `found`. Allocates nothing itself. */
export function detectAll(text: string, groups: readonly AnchorGroup[], found: Redactions): void {
  for (const group of groups) {
    const { code, start, detects } = group;
    const anchor = text.length < LONG_TEXT ? group.anchor : group.long;
    const only = detects.length === 1 ? detects[0] : undefined;
    for (let k = 0; k < detects.length; k++) resume[k] = 0;
    for (let at = find(text, anchor, start, 0); at !== -1; ) {
      let next: number;
      if (only !== undefined) {
        next = only(text, at, found);
      } else {
        next = Number.POSITIVE_INFINITY;
        for (let k = 0; k < detects.length; k++) {
          if (resume[k]! <= at) resume[k] = detects[k]!(text, at, found);
          if (resume[k]! < next) next = resume[k]!;
        }
      }
      // Dense anchors (`a@a@a@…`) are cheaper to step onto than to search for.
      at = text.charCodeAt(next) === code ? next : text.charCodeAt(next + 1) === code ? next + 1 : find(text, anchor, start, next);
    }
  }
}

function find(text: string, anchor: string | RegExp, start: ((text: string, end: number) => number) | undefined, from: number): number {
  if (typeof anchor === 'string') return text.indexOf(anchor, from);
  anchor.lastIndex = from;
  return anchor.test(text) ? start!(text, anchor.lastIndex) : -1;
}
