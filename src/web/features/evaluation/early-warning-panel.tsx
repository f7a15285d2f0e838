/**
 * The 复审预警 tab of /evaluation: units holding the standard's title whose automatic total for the
 * chosen year is below the pass line (or whose data fire a veto), before their re-review; the
 * nation records the re-review's outcome — a failed one withdraws the title with the year.
 */
import { App as AntApp, Button, Input, Modal, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useUser } from '../../app/auth.js';
import { errorText } from '../../shared/api.js';
import { DivisionSelect } from '../../shared/division-select.js';
import { ErrorAlert } from '../../shared/error-alert.js';
import { useI18n } from '../../shared/i18n.js';
import { PeriodSelect, periodOr } from '../../shared/period-select.js';
import { useAsync } from '../../shared/use-async.js';
import { useQueryParams } from '../../shared/use-query-params.js';
import { reviewApi, type AtRiskView } from './evaluation-api.js';

export function EarlyWarningPanel({ standard }: { standard: string }) {
  const user = useUser();
  const { t, lang } = useI18n();
  const { message } = AntApp.useApp();
  const [params, update] = useQueryParams();
  const period = periodOr(params.get('period'), 'figures');
  const area = params.get('area') || undefined;
  const list = useAsync(`${standard}|${period}|${area}`, () => reviewApi.earlyWarning(standard, period, area));
  const [ask, setAsk] = useState<null | { subject: AtRiskView; passed: boolean }>(null);
  const [note, setNote] = useState('');
  const nation = user.scopeLevel === 0 && (user.role === 'AREA_ADMIN' || user.role === 'SYSTEM_ADMIN');
  const year = Number(period.slice(0, 4)) + 1;

  return (
    <div>
      <Space wrap style={{ marginBottom: 12 }}>
        <PeriodSelect data-testid="eval-warn-period" value={period} onChange={(p) => update({ period: p })} />
        <DivisionSelect value={area ?? null} onChange={(c) => update({ area: c })} style={{ width: 200 }} placeholder={t('eval.area')} allowClear />
        {list.data ? <Typography.Text type="secondary">{t('eval.holders', { n: list.data.holders, at: list.data.items.length })}</Typography.Text> : null}
      </Space>
      <ErrorAlert error={list.error} onRetry={list.reload} style={{ marginBottom: 8 }} />
      <Table<AtRiskView>
        size="small"
        rowKey="subjectCode"
        loading={list.loading}
        dataSource={list.data?.items ?? []}
        data-testid="eval-warnings"
        locale={{ emptyText: t('eval.noWarnings') }}
        columns={[
          { title: t('eval.subject'), dataIndex: 'subjectName' },
          { title: t('eval.granted'), dataIndex: 'granted', width: 90 },
          { title: t('eval.reviewDue'), dataIndex: 'reviewDue', width: 90 },
          { title: t('eval.autoTotal'), key: 'total', width: 130, render: (_, r) => <span data-testid="eval-warn-total">{r.automaticTotal} / {r.passLine}</span> },
          { title: t('eval.vetoes'), key: 'vetoes', width: 90, render: (_, r) => r.vetoes.map((v) => <Tag color="red" key={v}>{v}</Tag>) },
          ...(nation
            ? [{
                title: t('eval.reReview'),
                key: 'act',
                width: 230,
                render: (_: unknown, r: AtRiskView) =>
                  r.withdrawn !== null ? (
                    <Tag data-testid="eval-withdrawn">{t('eval.withdrawn', { year: r.withdrawn })}</Tag>
                  ) : (
                  <Space size={4}>
                    <Button size="small" onClick={() => { setNote(''); setAsk({ subject: r, passed: true }); }}>{t('eval.reReviewPass')}</Button>
                    <Button size="small" danger onClick={() => { setNote(''); setAsk({ subject: r, passed: false }); }} data-testid="eval-withdraw">{t('eval.reReviewFail')}</Button>
                  </Space>
                  ),
              }]
            : []),
        ]}
      />
      <Modal
        open={ask !== null}
        title={ask ? `${ask.subject.subjectName} · ${ask.passed ? t('eval.reReviewPass') : t('eval.reReviewFail')}（${year}）` : ''}
        okButtonProps={{ disabled: !note.trim(), danger: ask ? !ask.passed : false, 'data-testid': 'eval-withdraw-ok' } as never}
        onCancel={() => setAsk(null)}
        onOk={async () => {
          const a = ask!;
          setAsk(null);
          try {
            await reviewApi.reReview({ standard, subjectCode: a.subject.subjectCode, year, passed: a.passed, note });
            message.success(a.passed ? t('eval.reReviewPass') : t('eval.withdrawn', { year }));
            list.reload();
          } catch (e) {
            message.error(errorText(e, lang));
          }
        }}
        destroyOnHidden
      >
        <Input.TextArea rows={3} value={note} onChange={(e) => setNote(e.target.value)} placeholder={t('eval.note')} data-testid="eval-withdraw-note" />
      </Modal>
    </div>
  );
}
