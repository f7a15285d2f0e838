/** Renders its children once the reporting periods are loaded for the user (GET /api/periods). */
import { Button, Result, Spin } from 'antd';
import { useState, type ReactNode } from 'react';
import { useI18n } from './i18n.js';
import { loadPeriods } from './periods.js';
import { useAsync } from './use-async.js';

export function PeriodsGate({ userKey, children }: { userKey: string; children: ReactNode }) {
  const { t } = useI18n();
  const [attempt, setAttempt] = useState(0);
  const { data, error } = useAsync(`${userKey}#${attempt}`, () => loadPeriods(userKey), { keep: false });
  if (data) return <>{children}</>;
  if (error)
    return (
      <Result
        status="warning"
        title={t('period.loadFailed')}
        extra={
          <Button type="primary" onClick={() => setAttempt((a) => a + 1)}>
            {t('common.retry')}
          </Button>
        }
      />
    );
  return (
    <div style={{ minHeight: '60vh', display: 'flex', alignItems: 'center', justifyContent: 'center' }}>
      <Spin size="large" />
    </div>
  );
}
