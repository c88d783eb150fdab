import { useState } from "react";
import type { ApiError } from "../request";
import { asApiError } from "./useAsync";

export interface Submission<Args extends unknown[]> {
  /** A write is on its way: drives the button's loading state and disables a second click. */
  busy: boolean;
  /** The arguments of the write on its way (which of several buttons is busy), null when idle. */
  running: Args | null;
  /** The last refusal (already shown by the request wrapper unless the call was silent). */
  error: ApiError | null;
  /** Runs the write; never rejects. True when it succeeded. */
  run: (...args: Args) => Promise<boolean>;
}

/**
 * The admin's one save block: busy while a write runs, the refusal kept, never an unhandled rejection.
 * Components call `run` instead of repeating try / catch / finally around their writes.
 */
export function useSubmit<Args extends unknown[]>(work: (...args: Args) => Promise<unknown>): Submission<Args> {
  const [running, setRunning] = useState<Args | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const run = async (...args: Args): Promise<boolean> => {
    setRunning(args);
    setError(null);
    try {
      await work(...args);
      return true;
    } catch (caught) {
      setError(asApiError(caught));
      return false;
    } finally {
      setRunning(null);
    }
  };
  return { busy: running !== null, running, error, run };
}
