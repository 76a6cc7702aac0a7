import { describe, expect, it } from 'vitest';
import { createCommitBatcher } from '../src/store/commit-batcher.js';

function recorder(failOn?: (item: number) => boolean) {
  const transactions: number[][] = [];
  const commit = (items: number[]): number[] => {
    if (failOn && items.some(failOn)) throw new Error('constraint failed');
    transactions.push(items);
    return items.map((item) => item * 10);
  };
  return { transactions, commitAll: commit, commitOne: (item: number) => commit([item])[0] as number };
}

describe('createCommitBatcher', () => {
  it('commits the writes of one event-loop turn in one transaction', async () => {
    const { transactions, commitAll, commitOne } = recorder();
    const batcher = createCommitBatcher(commitAll, commitOne);
    const results = await Promise.all([1, 2, 3].map((item) => batcher.submit(item)));
    expect(results).toEqual([10, 20, 30]);
    expect(transactions).toEqual([[1, 2, 3]]);
    await batcher.submit(4);
    expect(transactions).toEqual([[1, 2, 3], [4]]);
  });

  it('commits at once when the batch is full', async () => {
    const { transactions, commitAll, commitOne } = recorder();
    const batcher = createCommitBatcher(commitAll, commitOne, 2);
    const pending = [1, 2, 3].map((item) => batcher.submit(item));
    expect(transactions).toEqual([[1, 2]]);
    await Promise.all(pending);
    expect(transactions).toEqual([[1, 2], [3]]);
  });

  it('retries a failed batch one write at a time, so only the bad write fails', async () => {
    const { transactions, commitAll, commitOne } = recorder((item) => item === 2);
    const batcher = createCommitBatcher(commitAll, commitOne);
    const results = await Promise.allSettled([1, 2, 3].map((item) => batcher.submit(item)));
    expect(results.map((result) => result.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(transactions).toEqual([[1], [3]]);
  });

  it('commits what is queued when flushed', () => {
    const { transactions, commitAll, commitOne } = recorder();
    const batcher = createCommitBatcher(commitAll, commitOne);
    void batcher.submit(1);
    batcher.flush();
    expect(transactions).toEqual([[1]]);
  });
});
