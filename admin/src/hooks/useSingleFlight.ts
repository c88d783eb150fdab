import { useState } from "react";

export type RunOnce = (key: string, work: () => Promise<unknown>) => Promise<void>;

/**
 * Lets one write run at a time: a second click while the first request is still out is ignored rather
 * than sent again (two accepts, two saved replies). `onBusy` hears which key is running, or null when
 * none is, for loading states. A failed write rejects as usual and frees the slot.
 */
export function singleFlight(onBusy: (key: string | null) => void): RunOnce {
  let running: string | null = null;
  return async (key, work) => {
    if (running !== null) return;
    running = key;
    onBusy(key);
    try {
      await work();
    } finally {
      running = null;
      onBusy(null);
    }
  };
}

/** singleFlight for a component: `busyKey` drives loading / disabled buttons, `run` guards the write. */
export function useSingleFlight(): { busyKey: string | null; run: RunOnce } {
  const [busyKey, setBusyKey] = useState<string | null>(null);
  const [run] = useState(() => singleFlight(setBusyKey));
  return { busyKey, run };
}
