/** @module Tells live pages that reports arrived, at most once per interval. */

/** What a subscriber hears: how many reports were stored since the previous notice. */
export interface Change {
  reports: number;
}

/** Subscriber callbacks of a {@link ChangeFeed}. */
export interface ChangeSubscriber {
  onChange(change: Change): void;
  /** The feed closed (the gateway is shutting down). */
  onClose(): void;
}

/** A coalescing publish/subscribe channel for "reports were stored". */
export interface ChangeFeed {
  /** Notes one stored report. Cheap: notices go out at most once per interval. */
  publish(): void;
  /** Registers a subscriber; returns the function that removes it. */
  subscribe(subscriber: ChangeSubscriber): () => void;
  /** Drops pending notices and closes every subscriber. */
  close(): void;
}

/** Default delay between notices; keeps a page at four refreshes a second under load. */
export const DEFAULT_CHANGE_INTERVAL_MS = 250;

/**
 * Creates a change feed. Under heavy ingest many reports collapse into one notice,
 * so the cost per report stays a counter increment.
 *
 * @param intervalMs - longest wait between a report and its notice
 * @returns the feed
 */
export function createChangeFeed(intervalMs = DEFAULT_CHANGE_INTERVAL_MS): ChangeFeed {
  const subscribers = new Set<ChangeSubscriber>();
  let pending = 0;
  let timer: NodeJS.Timeout | undefined;

  function deliver(): void {
    timer = undefined;
    const change = { reports: pending };
    pending = 0;
    for (const subscriber of subscribers) subscriber.onChange(change);
  }

  return {
    publish() {
      if (subscribers.size === 0) return;
      pending += 1;
      timer ??= setTimeout(deliver, intervalMs).unref();
    },
    subscribe(subscriber) {
      subscribers.add(subscriber);
      return () => subscribers.delete(subscriber);
    },
    close() {
      clearTimeout(timer);
      timer = undefined;
      pending = 0;
      for (const subscriber of subscribers) subscriber.onClose();
      subscribers.clear();
    },
  };
}
