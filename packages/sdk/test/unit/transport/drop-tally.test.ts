import { afterEach, describe, expect, it, vi } from 'vitest';
import { createDropTally } from '../../../src/transport/drop-tally';
import { createLogger } from '../../../src/logger';

afterEach(() => vi.useRealTimers());

describe('createDropTally', () => {
  it('tells the first drop at once, then one summary a minute, never one line per drop', () => {
    vi.useFakeTimers();
    const lines: string[] = [];
    const tally = createDropTally(createLogger('k', (line) => lines.push(line)));
    for (let i = 0; i < 10_000; i++) tally.count('repeat_collapsed');
    for (let i = 0; i < 7; i++) tally.count('queue_full');
    expect(lines).toHaveLength(1);
    vi.advanceTimersByTime(60_000);
    expect(lines).toHaveLength(2);
    expect(lines[1]).toMatch(/9999 repeats of one error collapsed.*; 7 dropped because the delivery queue was full/);
    vi.advanceTimersByTime(600_000);
    expect(lines).toHaveLength(2);
    tally.count('queue_full');
    vi.advanceTimersByTime(60_000);
    expect(lines[2]).toMatch(/^\[sentinel-sdk\] reports not sent in the last minute: 1 dropped/);
  });
});
