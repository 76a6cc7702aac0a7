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

  /** `text` with every recorded span replaced. */
  apply(text: string): string {
    const { starts, ends, texts } = this;
    const count = starts.length;
    if (count === 0) return text;
    const order = sortedOrder(starts);
    const span = (k: number): number => (order === undefined ? k : order[k]!);
    let out = '';
    let copied = 0;
    let k = 0;
    while (k < count) {
      const first = span(k);
      let start = starts[first]!;
      let end = ends[first]!;
      for (k++; k < count && starts[span(k)]! < end; k++) end = Math.max(end, ends[span(k)]!);
      // A placeholder already carries brackets: `[2001:db8::1]:80` becomes `[IP_ADDRESS]:80`, not `[[IP_ADDRESS]]:80`.
      if (text.charCodeAt(start - 1) === 91 && text.charCodeAt(end) === 93 && start - 1 >= copied) {
        start--;
        end++;
        for (; k < count && starts[span(k)]! < end; k++) end = Math.max(end, ends[span(k)]!);
      }
      out += text.slice(copied, start) + texts[first]!;
      copied = end;
    }
    return out + text.slice(copied);
  }
}

/** Span indices by start, then insertion; `undefined` when the rules added them in that order already, as they mostly do. */
function sortedOrder(starts: readonly number[]): number[] | undefined {
  let sorted = true;
  for (let i = 1; i < starts.length && sorted; i++) sorted = starts[i - 1]! <= starts[i]!;
  if (sorted) return undefined;
  return Array.from(starts.keys()).sort((a, b) => starts[a]! - starts[b]! || a - b);
}
