/** @module The spans of text to replace, collected from every rule, then applied in one pass. */

/**
 * Spans found in one text, all measured on that original text. Rules add spans in any order
 * and may overlap; {@link Redactions.apply} merges overlapping spans into one, whose
 * placeholder is that of the span starting first (of those starting together, the one added
 * first), so a placeholder is never nested in another or cut in half.
 */
export class Redactions {
  private readonly starts: number[] = [];
  private readonly ends: number[] = [];
  private readonly texts: string[] = [];

  /** Records that `[start, end)` becomes `placeholder`. Empty spans are ignored. */
  add(start: number, end: number, placeholder: string): void {
    if (end > start) {
      this.starts.push(start);
      this.ends.push(end);
      this.texts.push(placeholder);
    }
  }

  /** The spans inside `[start, end)`, moved to start at 0, in the order they were added; `undefined` when one reaches across either end. */
  within(start: number, end: number): Redactions | undefined {
    const inside = new Redactions();
    for (let k = 0; k < this.starts.length; k++) {
      const from = this.starts[k]!;
      const to = this.ends[k]!;
      if (from >= end || to <= start) continue;
      if (from < start || to > end) return undefined;
      inside.add(from - start, to - start, this.texts[k]!);
    }
    return inside;
  }

  /** `text` with every recorded span replaced. */
  apply(text: string): string {
    const { starts, ends, texts } = this;
    const count = starts.length;
    if (count === 0) return text;
    const order = sortedOrder(starts);
    let out = '';
    let copied = 0;
    let k = 0;
    while (k < count) {
      const first = order === undefined ? k : order[k]!;
      let start = starts[first]!;
      let end = ends[first]!;
      // A placeholder already carries brackets: `[2001:db8::1]:80` becomes `[IP_ADDRESS]:80`, not `[[IP_ADDRESS]]:80`.
      for (let widened = false; ; ) {
        for (k++; k < count; k++) {
          const next = order === undefined ? k : order[k]!;
          if (starts[next]! >= end) break;
          end = Math.max(end, ends[next]!);
        }
        if (widened || text.charCodeAt(start - 1) !== 91 || text.charCodeAt(end) !== 93 || start - 1 < copied) break;
        widened = true;
        start--;
        end++;
        k--;
      }
      out += text.slice(copied, start) + texts[first]!;
      copied = end;
    }
    return out + text.slice(copied);
  }
}

/** Up to this many ascending runs of spans (one or so per rule) are merged; more are sorted. */
const MAX_MERGED_RUNS = 16;

/** Span indices by start, then insertion; `undefined` when the rules added them in that order already. */
function sortedOrder(starts: readonly number[]): ArrayLike<number> | undefined {
  // Each rule adds its spans in order, so the list is a few ascending runs, one after another.
  const runs = [0];
  for (let i = 1; i < starts.length; i++) if (starts[i]! < starts[i - 1]!) runs.push(i);
  if (runs.length === 1) return undefined;
  if (runs.length > MAX_MERGED_RUNS) return Array.from(starts.keys()).sort((a, b) => starts[a]! - starts[b]! || a - b);
  // Merges the runs, each from its head; on equal starts the earlier run, added first, comes first.
  const heads = runs.slice();
  const order = new Uint32Array(starts.length);
  for (let k = 0; k < order.length; k++) {
    let best = -1;
    for (let r = 0; r < heads.length; r++) {
      if (heads[r]! < (runs[r + 1] ?? starts.length) && (best === -1 || starts[heads[r]!]! < starts[heads[best]!]!)) best = r;
    }
    order[k] = heads[best]!++;
  }
  return order;
}
