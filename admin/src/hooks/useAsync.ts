import { useCallback, useEffect, useState, type DependencyList } from "react";
import { ApiError, unexpectedErrorMessage } from "../request";

export interface AsyncState<T> {
  data: T | undefined;
  error: ApiError | null;
  loading: boolean;
  reload: () => void;
  setData: (data: T) => void;
}

export function asApiError(error: unknown): ApiError {
  return error instanceof ApiError ? error : new ApiError("CLIENT_ERROR", unexpectedErrorMessage, 0);
}

/** Loads data for a page section and exposes loading / error / retry, dropping answers that arrive late. */
export function useAsync<T>(load: () => Promise<T>, deps: DependencyList): AsyncState<T> {
  const [data, setData] = useState<T | undefined>(undefined);
  const [error, setError] = useState<ApiError | null>(null);
  const [loading, setLoading] = useState(true);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let current = true;
    setLoading(true);
    setError(null);
    load()
      .then((result) => {
        if (current) setData(result);
      })
      .catch((caught: unknown) => {
        if (current) setError(asApiError(caught));
      })
      .finally(() => {
        if (current) setLoading(false);
      });
    return () => {
      current = false;
    };
    // The caller names what the load depends on (deps), like useEffect itself.
  }, [...deps, attempt]);

  const reload = useCallback(() => setAttempt((value) => value + 1), []);
  return { data, error, loading, reload, setData };
}
