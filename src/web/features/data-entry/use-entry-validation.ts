/**
 * Validation as you type: values are sent to POST /api/reports/validate ~400 ms after the last
 * change; an older answer never overwrites a newer one. `now` validates at once (on load, before submit).
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { DataValues } from '../../../domain/program.js';
import { reportApi, type Validation, type Violation } from './report-api.js';

export interface FieldIssues {
  errors: Violation[];
  warnings: Violation[];
}

export function useEntryValidation(period: string, facility: string, delayMs = 400) {
  const [validation, setValidation] = useState<Validation | null>(null);
  const [checking, setChecking] = useState(false);
  const [failed, setFailed] = useState<unknown>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const ctrl = useRef<AbortController | null>(null);

  const cancel = useCallback(() => {
    clearTimeout(timer.current);
    ctrl.current?.abort();
  }, []);

  useEffect(() => cancel, [cancel]);

  const now = useCallback(
    async (values: DataValues): Promise<Validation | null> => {
      cancel();
      const c = new AbortController();
      ctrl.current = c;
      setChecking(true);
      try {
        const r = await reportApi.validate(period, facility, values, c.signal);
        if (c.signal.aborted) return null;
        setValidation(r.validation);
        setFailed(null);
        return r.validation;
      } catch (err) {
        if (!c.signal.aborted) setFailed(err);
        return null;
      } finally {
        if (!c.signal.aborted) setChecking(false);
      }
    },
    [period, facility, cancel],
  );

  const schedule = useCallback(
    (values: DataValues) => {
      cancel();
      setChecking(true);
      timer.current = setTimeout(() => void now(values), delayMs);
    },
    [now, cancel, delayMs],
  );

  /** Violations by element code (a rule over two elements shows under both). */
  const byElement = useMemo(() => {
    const map = new Map<string, FieldIssues>();
    const add = (v: Violation, kind: keyof FieldIssues) => {
      for (const code of v.elements ?? []) {
        const entry = map.get(code) ?? { errors: [], warnings: [] };
        entry[kind].push(v);
        map.set(code, entry);
      }
    };
    validation?.errors.forEach((v) => add(v, 'errors'));
    validation?.warnings.forEach((v) => add(v, 'warnings'));
    return map;
  }, [validation]);

  return { validation, setValidation, checking, failed, schedule, now, cancel, byElement };
}
