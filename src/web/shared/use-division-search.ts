/** Debounced, abortable search of divisions within the caller's scope. */
import { useCallback, useEffect, useRef, useState } from 'react';
import { divisionApi, type DivisionSearchHit } from '../features/org-units/org-units-api.js';

export function useDivisionSearch(limit = 20, delayMs = 250) {
  const [hits, setHits] = useState<DivisionSearchHit[]>([]);
  const [loading, setLoading] = useState(false);
  const [query, setQuery] = useState('');
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const abort = useRef<AbortController | null>(null);

  const search = useCallback(
    (text: string) => {
      const q = text.trim();
      setQuery(q);
      clearTimeout(timer.current);
      abort.current?.abort();
      if (!q) {
        setHits([]);
        setLoading(false);
        return;
      }
      setLoading(true);
      timer.current = setTimeout(() => {
        const ctrl = new AbortController();
        abort.current = ctrl;
        divisionApi
          .search(q, limit, ctrl.signal)
          .then((r) => {
            if (!ctrl.signal.aborted) setHits(r.items);
          })
          .catch(() => {
            if (!ctrl.signal.aborted) setHits([]);
          })
          .finally(() => {
            if (!ctrl.signal.aborted) setLoading(false);
          });
      }, delayMs);
    },
    [limit, delayMs],
  );

  useEffect(
    () => () => {
      clearTimeout(timer.current);
      abort.current?.abort();
    },
    [],
  );

  return { hits, loading, query, search };
}
