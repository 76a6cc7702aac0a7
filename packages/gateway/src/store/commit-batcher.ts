/** @module Group commit: writes submitted in one turn of the event loop share one transaction. */

/** Queues writes and commits them together. */
export interface CommitBatcher<Item, Result> {
  /** Queues a write; resolves with its result once committed, rejects if it failed. */
  submit(item: Item): Promise<Result>;
  /** Commits everything queued, now. */
  flush(): void;
}

interface Pending<Item, Result> {
  item: Item;
  resolve(result: Result): void;
  reject(error: unknown): void;
}

/** Default largest number of writes per transaction. */
export const DEFAULT_MAX_BATCH = 512;

/**
 * Creates a batcher. A commit costs far more than a row, so under concurrent load one
 * transaction per event-loop turn multiplies throughput, while a lone write still commits
 * within the same turn. If a batch fails, its writes are retried one by one, so one bad
 * write fails alone.
 *
 * @param commitAll - writes all items in one transaction, returning their results in order
 * @param commitOne - writes one item in its own transaction
 * @param maxBatch - a batch this large is committed without waiting for the turn to end
 * @returns the batcher
 */
export function createCommitBatcher<Item, Result>(
  commitAll: (items: Item[]) => Result[],
  commitOne: (item: Item) => Result,
  maxBatch = DEFAULT_MAX_BATCH,
): CommitBatcher<Item, Result> {
  let queue: Pending<Item, Result>[] = [];
  let scheduled: NodeJS.Immediate | undefined;

  function flush(): void {
    if (scheduled) clearImmediate(scheduled);
    scheduled = undefined;
    const batch = queue;
    queue = [];
    if (batch.length === 0) return;
    let results: Result[];
    try {
      results = commitAll(batch.map((pending) => pending.item));
    } catch {
      for (const pending of batch) {
        try {
          pending.resolve(commitOne(pending.item));
        } catch (error) {
          pending.reject(error);
        }
      }
      return;
    }
    batch.forEach((pending, i) => pending.resolve(results[i] as Result));
  }

  return {
    submit(item) {
      return new Promise<Result>((resolve, reject) => {
        queue.push({ item, resolve, reject });
        if (queue.length >= maxBatch) flush();
        else scheduled ??= setImmediate(flush);
      });
    },
    flush,
  };
}
