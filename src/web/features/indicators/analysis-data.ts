/**
 * Data for the analysis view and the annual report: the indicator metadata (loaded once per page
 * load) and a small loader hook with loading/error state that ignores stale answers.
 */
import { useEffect, useMemo, useState } from 'react';
import type { Indicator } from '../../../domain/indicator.js';
import { loadIndicators } from './analytics-api.js';

export interface IndicatorMeta {
  list: Indicator[];
  byCode: Map<string, Indicator>;
}

/** The indicators (GET /api/indicators): null while loading. */
export function useIndicators(): { meta: IndicatorMeta | null; error: unknown } {
  const [list, setList] = useState<Indicator[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    let live = true;
    loadIndicators()
      .then((l) => live && setList(l))
      .catch((e) => live && setError(e));
    return () => {
      live = false;
    };
  }, []);
  const meta = useMemo(() => (list ? { list, byCode: new Map(list.map((i) => [i.code, i])) } : null), [list]);
  return { meta, error };
}

export interface Loaded<T> {
  data: T | null;
  loading: boolean;
  error: unknown;
  reload: () => void;
}

/**
 * Runs `load` whenever `key` changes (null: nothing to load). `data` keeps the last answer while the
 * next one loads, so the layout does not jump.
 */
export function useLoad<T>(key: string | null, load: () => Promise<T>): Loaded<T> {
  const [data, setData] = useState<T | null>(null);
  const [loading, setLoading] = useState(key !== null);
  const [error, setError] = useState<unknown>(null);
  const [version, setVersion] = useState(0);
  useEffect(() => {
    if (key === null) {
      setLoading(false);
      return;
    }
    let live = true;
    setLoading(true);
    setError(null);
    load()
      .then((d) => live && setData(d))
      .catch((e) => {
        if (!live) return;
        setError(e);
        setData(null);
      })
      .finally(() => live && setLoading(false));
    return () => {
      live = false;
    };
    // `key` stands for everything `load` depends on.
  }, [key, version]);
  return { data, loading, error, reload: () => setVersion((v) => v + 1) };
}
