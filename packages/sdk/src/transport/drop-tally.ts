/** @module Counts of reports not sent, told in one warning a minute rather than one per report. */
import type { Logger } from '../logger';

const PERIOD_MS = 60_000;

/** Why a report was not sent, as counted. */
export type DropReason = 'repeat_collapsed' | 'queue_full';

const DESCRIPTION: Record<DropReason, string> = {
  repeat_collapsed: 'repeats of one error collapsed (at most 5 reports of one error a minute are sent)',
  queue_full: 'dropped because the delivery queue was full (the gateway is slow or down)',
};

export interface DropTally {
  count(reason: DropReason): void;
}

/**
 * Creates a tally. The first drop is told at once; after that the counts are told once a minute
 * while drops go on, by an unref'd timer that never keeps the process alive.
 */
export function createDropTally(logger: Logger): DropTally {
  const counts = new Map<DropReason, number>();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let told = false;

  const tell = (): void => {
    timer = undefined;
    if (counts.size === 0) return;
    const parts = [...counts].map(([reason, n]) => `${n} ${DESCRIPTION[reason]}`);
    counts.clear();
    logger.print(`reports not sent in the last minute: ${parts.join('; ')}`);
    schedule();
  };
  const schedule = (): void => {
    timer = setTimeout(tell, PERIOD_MS);
    (timer as { unref?: () => void }).unref?.();
  };

  return {
    count(reason) {
      if (!told) {
        told = true;
        logger.print(`a report was not sent: ${DESCRIPTION[reason]}; counts follow once a minute while this goes on`);
        schedule();
        return;
      }
      counts.set(reason, (counts.get(reason) ?? 0) + 1);
      if (timer === undefined) schedule();
    },
  };
}
