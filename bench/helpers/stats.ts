/** Figures every benchmark prints: the median of its samples, and the machine it ran on. */
import { cpus, loadavg } from 'node:os';

/** The middle sample (of an even count, the upper of the two middle ones). */
export function median(xs: readonly number[]): number {
  return [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
}

/** When and where a run happened: time, Node.js version, CPUs, load averages over 1, 5 and 15 minutes. */
export function describeMachine(): string {
  return `${new Date().toISOString()}, Node ${process.version}, ${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, load average ${loadavg().map((l) => l.toFixed(2)).join(' ')}`;
}
