/**
 * Pages of figures open on the period the server names for figures (GET /api/periods, `figures`):
 * without a period in the URL, the gate puts it there before the page renders, so that the
 * address always says which year is shown.
 */
import { useEffect, type ReactNode } from 'react';
import { useSearchParams } from 'react-router-dom';
import { defaultPeriod, periodCodes } from '../../shared/periods.js';

/** The figures period and the one before it (for multi-period views). */
export function figurePeriods(): string[] {
  const codes = periodCodes();
  const last = defaultPeriod('figures');
  const i = codes.indexOf(last);
  return i > 0 ? [codes[i - 1], last] : [last];
}

export function DataPeriodGate({ param, skipIf, children }: { param: 'period' | 'periods'; skipIf?: string; children: ReactNode }) {
  const [params, setParams] = useSearchParams();
  const present = params.get(param) !== null || (skipIf !== undefined && params.get(skipIf) !== null);

  useEffect(() => {
    if (present) return;
    const value = param === 'period' ? defaultPeriod('figures') : figurePeriods().join(',');
    setParams(
      (p) => {
        p.set(param, value);
        return p;
      },
      { replace: true },
    );
  }, [present, param, setParams]);

  return present ? <>{children}</> : null;
}
