import { useCallback, useEffect, useRef, useState } from "react";
import { ApiError, NETWORK_ERROR } from "./http";

/** A GET whose result a screen shows; `reload` runs it again (after a network error, say). */
export interface Query<T> {
  data: T | undefined;
  error: ApiError | undefined;
  loading: boolean;
  reload: () => void;
}

function asApiError(error: unknown): ApiError {
  return error instanceof ApiError ? error : new ApiError(0, NETWORK_ERROR, String(error));
}

/** Runs `load` whenever `key` changes (null = not yet); the last answer wins. */
export function useQuery<T>(key: string | null, load: (signal: AbortSignal) => Promise<T>): Query<T> {
  const [state, setState] = useState<{ key: string | null; data?: T; error?: ApiError }>({ key: null });
  const [attempt, setAttempt] = useState(0);
  const loadRef = useRef(load);
  loadRef.current = load;

  // biome-ignore lint/correctness/useExhaustiveDependencies: attempt re-runs the same request on reload.
  useEffect(() => {
    if (key === null) return;
    const controller = new AbortController();
    setState((previous) => (previous.key === key ? previous : { key }));
    loadRef.current(controller.signal).then(
      (data) => {
        if (!controller.signal.aborted) setState({ key, data });
      },
      (error: unknown) => {
        if (!controller.signal.aborted) setState({ key, error: asApiError(error) });
      },
    );
    return () => controller.abort();
  }, [key, attempt]);

  const current = state.key === key ? state : { key };
  return {
    data: current.data,
    error: current.error,
    loading: key !== null && current.data === undefined && current.error === undefined,
    reload: useCallback(() => setAttempt((n) => n + 1), []),
  };
}

/** A request a button starts; `run` resolves with the result or rejects with the ApiError. */
export interface Action<A extends unknown[], T> {
  run: (...args: A) => Promise<T>;
  pending: boolean;
}

export function useAction<A extends unknown[], T>(perform: (...args: A) => Promise<T>): Action<A, T> {
  const [pending, setPending] = useState(false);
  const performRef = useRef(perform);
  performRef.current = perform;
  const run = useCallback(async (...args: A) => {
    setPending(true);
    try {
      return await performRef.current(...args);
    } catch (error) {
      throw asApiError(error);
    } finally {
      setPending(false);
    }
  }, []);
  return { run, pending };
}
