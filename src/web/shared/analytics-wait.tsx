/**
 * While the analytics tables are being built (a restart without them takes a minute on the
 * national store), every page that waits says so — with how far the build is and an estimate of
 * the time left — instead of a bare spinner. Asks GET /api/analytics/status once, then every two
 * seconds until the tables are ready.
 */
import { Alert, Progress } from 'antd';
import { useEffect, useState } from 'react';
import type { EngineStatusAnswer } from '../../domain/api/indicators.js';
import { api } from './api.js';
import { useI18n } from './i18n.js';

export function AnalyticsWaitNotice({ style }: { style?: React.CSSProperties }) {
  const { t } = useI18n();
  const [status, setStatus] = useState<EngineStatusAnswer | null>(null);
  useEffect(() => {
    let live = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let starting = 0;
    const ask = () =>
      api.get<EngineStatusAnswer>('/api/analytics/status', undefined, { quiet401: true }).then(
        (s) => {
          if (!live) return;
          setStatus(s);
          // Building: every 2 s until done. Not started yet (it starts with the first figure asked for): look again a few times.
          if (s.state === 'building') timer = setTimeout(ask, 2_000);
          else if (s.state === 'starting' && ++starting < 12) timer = setTimeout(ask, 5_000);
        },
        () => undefined, // a page without analytics access (a facility reporter) has nothing to wait for
      );
    void ask();
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, []);
  if (!status || status.state !== 'building') return null;
  return (
    <Alert
      type="info"
      showIcon
      data-testid="analytics-building"
      style={{ marginBottom: 12, ...style }}
      title={t('engine.building')}
      description={
        <div>
          <Progress percent={status.percent ?? 0} size="small" status="active" style={{ maxWidth: 420 }} />
          {status.etaSeconds !== null ? t('engine.eta', { s: status.etaSeconds }) : t('engine.etaUnknown')}
        </div>
      }
    />
  );
}
