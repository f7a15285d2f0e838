/** Loading data in a component: one request per key, stale answers dropped, loading and error state. */
import { useCallback, useEffect, useState } from 'react';

export interface Async<T> {
  /**
   * The last answer, kept while the next one loads and after a failure (null before the first);
   * with `keep: false`, only the current request's answer (null while it loads or when it failed).
   */
  data: T | null;
  /** The failure of the current request, if it failed. */
  error: unknown;
  /** A request for the current key (or a reload) is under way. */
  loading: boolean;
  /** Runs the request again for the same key. */
  reload: () => void;
}

/**
 * Runs `load` when `key` changes (null: nothing to load) and on `reload()`. `key` stands for
 * everything `load` depends on (`load` may be a new closure on every render). The answer of a
 * request that was overtaken, or of an unmounted component, is dropped; `signal` is aborted then.
 */
export function useAsync<T>(key: string | null, load: (signal: AbortSignal) => Promise<T>, options: { keep?: boolean } = {}): Async<T> {
  const { keep = true } = options;
  const [version, setVersion] = useState(0);
  const [state, setState] = useState<{ key: string | null; version: number; data: T | null; error: unknown }>({
    key: null,
    version: -1,
    data: null,
    error: null,
  });

  useEffect(() => {
    if (key === null) return;
    const ctrl = new AbortController();
    load(ctrl.signal).then(
      (data) => !ctrl.signal.aborted && setState({ key, version, data, error: null }),
      (error: unknown) => !ctrl.signal.aborted && setState((s) => ({ key, version, data: s.data, error })),
    );
    return () => ctrl.abort();
    // `key` stands for everything `load` depends on.
  }, [key, version]);

  const reload = useCallback(() => setVersion((v) => v + 1), []);
  const settled = key !== null && state.key === key && state.version === version;
  const error = settled ? state.error : null;
  const data = keep || (settled && !error) ? state.data : null;
  return { data, error, loading: key !== null && !settled, reload };
}
