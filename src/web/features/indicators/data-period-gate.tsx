/**
 * Pages of figures open on the latest year that holds reports (the demo stops at 2024; a real
 * store may be a year behind the calendar): without a year in the URL, the gate asks the server
 * which years have data and puts the latest into the URL before the page renders.
 */
import { Spin } from 'antd';
import { useEffect, useState, type ReactNode } from 'react';
import { useSearchParams } from 'react-router-dom';
import { api } from '../../shared/api.js';
import { defaultPeriod, PERIODS } from '../../shared/period-select.js';

let cached: Promise<string[]> | null = null;

/** The years with reports (fetched once per page load; the calendar's default if the call fails). */
export function dataPeriods(): Promise<string[]> {
  cached ??= api
    .get<{ periods: string[] }>('/api/analytics/periods')
    .then((r) => r.periods.filter((p) => PERIODS.includes(p)))
    .catch(() => {
      cached = null;
      return [defaultPeriod()];
    });
  return cached;
}

export function DataPeriodGate({ param, skipIf, children }: { param: 'period' | 'periods'; skipIf?: string; children: ReactNode }) {
  const [params, setParams] = useSearchParams();
  const present = params.get(param) !== null || (skipIf !== undefined && params.get(skipIf) !== null);
  const [ready, setReady] = useState(present);

  useEffect(() => {
    if (present) return setReady(true);
    let live = true;
    void dataPeriods().then((years) => {
      if (!live) return;
      const latest = years[years.length - 1] ?? defaultPeriod();
      const value = param === 'period' ? latest : years.slice(-2).join(',') || latest;
      setParams(
        (p) => {
          p.set(param, value);
          return p;
        },
        { replace: true },
      );
      setReady(true);
    });
    return () => {
      live = false;
    };
  }, [present, param, setParams]);

  if (!ready || !present)
    return (
      <div style={{ minHeight: 320, display: 'flex', alignItems: 'center', justifyContent: 'center' }}>
        <Spin />
      </div>
    );
  return <>{children}</>;
}
