/** The page's URL query and a setter of several parameters at once (empty or undefined removes one). */
import { useCallback } from 'react';
import { useSearchParams } from 'react-router-dom';

export type QueryPatch = Record<string, string | number | undefined>;

export function useQueryParams(): [URLSearchParams, (patch: QueryPatch) => void] {
  const [params, setParams] = useSearchParams();
  const update = useCallback(
    (patch: QueryPatch) =>
      setParams((p) => {
        for (const [k, v] of Object.entries(patch)) {
          if (v === undefined || v === '') p.delete(k);
          else p.set(k, String(v));
        }
        return p;
      }),
    [setParams],
  );
  return [params, update];
}
