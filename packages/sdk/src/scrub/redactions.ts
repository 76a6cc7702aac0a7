/** @module The spans of text to replace, collected from every rule, then applied in one pass. */

/**
 * Spans found in one text, all measured on that original text. Rules add spans in any order
 * and may overlap; {@link Redactions.apply} merges overlapping spans into one (the earliest,
 * then longest, then first added wins the placeholder), so a placeholder is never nested in
 * another or cut in half.
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
    const count = this.starts.length;
    if (count === 0) return text;
    const order = this.sortedOrder();
    let out = '';
    let copied = 0;
    let k = 0;
    while (k < count) {
      const first = order[k]!;
      let start = this.starts[first]!;
      let end = this.ends[first]!;
      for (k++; k < count && this.starts[order[k]!]! < end; k++) end = Math.max(end, this.ends[order[k]!]!);
      // A placeholder already carries brackets: `[2001:db8::1]:80` becomes `[IP_ADDRESS]:80`, not `[[IP_ADDRESS]]:80`.
      if (text.charCodeAt(start - 1) === 91 && text.charCodeAt(end) === 93 && start - 1 >= copied) {
        start--;
        end++;
        while (k < count && this.starts[order[k]!]! < end) end = Math.max(end, this.ends[order[k++]!]!);
      }
      out += text.slice(copied, start) + this.texts[first]!;
      copied = end;
    }
    return out + text.slice(copied);
  }

  /** Indices by start ascending, then end descending, then insertion; rules mostly add in order, so sorting is often skipped. */
  private sortedOrder(): number[] {
    const { starts, ends } = this;
    const order = Array.from({ length: starts.length }, (_, i) => i);
    let sorted = true;
    for (let i = 1; i < starts.length && sorted; i++) {
      sorted = starts[i - 1]! < starts[i]! || (starts[i - 1] === starts[i] && ends[i - 1]! >= ends[i]!);
    }
    if (!sorted) order.sort((a, b) => starts[a]! - starts[b]! || ends[b]! - ends[a]! || a - b);
    return order;
  }
}
