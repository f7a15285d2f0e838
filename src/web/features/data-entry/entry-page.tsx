/** /entry (数据填报): pick a facility and a year, then fill, save and submit its GTCM_ANNUAL report. */
import { App, Card, Empty, Skeleton, Space, Typography } from 'antd';
import { useCallback, useEffect, useRef } from 'react';
import { useSearchParams } from 'react-router-dom';
import { useUser } from '../../app/auth.js';
import { ErrorAlert } from '../../shared/error-alert.js';
import { FacilitySelect } from '../../shared/facility-select.js';
import { useI18n } from '../../shared/i18n.js';
import { PageTitle } from '../../shared/page-title.js';
import { PeriodSelect, periodOr } from '../../shared/period-select.js';
import { useAsync } from '../../shared/use-async.js';
import { useDataSetMeta } from '../../shared/use-metadata.js';
import { EntryReport } from './entry-report.js';
import { reportApi } from './report-api.js';

export function EntryPage() {
  const user = useUser();
  const { t, pick } = useI18n();
  const { modal } = App.useApp();
  const [params, setParams] = useSearchParams();
  const facility = params.get('facility') || (user.scopeLevel === null ? user.scopeCode : undefined);
  const period = periodOr(params.get('period'), 'collecting');
  const { meta, error: metaError } = useDataSetMeta();
  const report = useAsync(facility ? `${facility}|${period}` : null, () => reportApi.get(period, facility!), { keep: false });
  const { data: answer, loading, error } = report;
  const dirty = useRef(false);

  // Another facility or year, or the report read again, starts from an unchanged form.
  useEffect(() => {
    dirty.current = false;
  }, [facility, period]);
  const reload = () => {
    dirty.current = false;
    report.reload();
  };

  /** Changes facility or year, asking first when the form has unsaved changes. */
  const go = useCallback(
    (patch: { facility?: string; period?: string }) => {
      const apply = () =>
        setParams((p) => {
          if (patch.facility !== undefined) p.set('facility', patch.facility);
          if (patch.period !== undefined) p.set('period', patch.period);
          return p;
        });
      if (!dirty.current) return apply();
      modal.confirm({
        title: t('entry.leaveTitle'),
        content: t('entry.leaveContent'),
        okText: t('entry.leaveOk'),
        cancelText: t('common.cancel'),
        onOk: apply,
      });
    },
    [setParams, modal, t],
  );

  const onDirtyChange = useCallback((d: boolean) => {
    dirty.current = d;
  }, []);

  const dataSetName = meta ? pick(meta.dataSet.name) : '';

  return (
    <div>
      <PageTitle>{t('nav.entry')}</PageTitle>
      <Card size="small" style={{ marginBottom: 12 }}>
        <Space wrap size={[16, 8]} align="center">
          <Space size={8}>
            <Typography.Text>{t('entry.facility')}</Typography.Text>
            <FacilitySelect
              data-testid="entry-facility"
              value={facility}
              status="all"
              browse
              placeholder={t('entry.facilityPlaceholder')}
              style={{ width: 360, maxWidth: 'calc(100vw - 110px)' }}
              onChange={(code) => code && go({ facility: code })}
            />
          </Space>
          <Space size={8}>
            <Typography.Text>{t('entry.period')}</Typography.Text>
            <PeriodSelect data-testid="entry-period" value={period} onChange={(p) => go({ period: p })} />
          </Space>
          {dataSetName ? <Typography.Text type="secondary">{dataSetName}</Typography.Text> : null}
        </Space>
      </Card>
      <ErrorAlert error={metaError} style={{ marginBottom: 12 }} />
      {!facility ? (
        <Card>
          <Empty description={t('entry.pickFacility')} />
        </Card>
      ) : error ? (
        <ErrorAlert error={error} onRetry={reload} data-testid="entry-error" />
      ) : loading || !answer || !meta ? (
        <Card>
          <Skeleton active paragraph={{ rows: 10 }} />
        </Card>
      ) : (
        <EntryReport
          key={`${facility}/${period}`}
          answer={answer}
          meta={meta}
          facility={facility}
          period={period}
          onDirtyChange={onDirtyChange}
          onReload={reload}
        />
      )}
    </div>
  );
}
