/** /approval (审核): reports of an area and year; approve at the caller's level, return with a reason, or approve all. */
import { CheckCircleOutlined, CheckOutlined, RollbackOutlined } from '@ant-design/icons';
import { App, Button, Select, Space, Tag, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';

import { useUser } from '../../app/auth.js';
import { errorText } from '../../shared/api.js';
import { DivisionSelect } from '../../shared/division-select.js';
import { useI18n, type MessageKey } from '../../shared/i18n.js';
import { PageTitle } from '../../shared/page-title.js';
import { queryPaging } from '../../shared/paged-table.js';
import { PeriodSelect, periodOr } from '../../shared/period-select.js';
import { useAsync } from '../../shared/use-async.js';
import { useQueryParams } from '../../shared/use-query-params.js';
import { REPORT_STATUSES, type ReportStatus } from '../data-entry/report-api.js';
import { useStatusLabel } from '../data-entry/report-status-tag.js';
import { divisionApi } from '../org-units/org-units-api.js';
import { approvalApi, type ApprovalRow } from './approval-api.js';
import { ApprovalReturnModal } from './approval-return-modal.js';
import { ApprovalTable } from './approval-table.js';

export function ApprovalPage() {
  const user = useUser();
  const { t, lang } = useI18n();
  const { message, modal } = App.useApp();
  const statusLabel = useStatusLabel();
  const [params, update] = useQueryParams();
  const period = periodOr(params.get('period'), 'collecting');
  const scopeArea = user.scopeLevel === null ? undefined : user.scopeCode;
  const area = params.get('area') || scopeArea;
  const status = REPORT_STATUSES.includes(params.get('status') as ReportStatus) ? (params.get('status') as ReportStatus) : undefined;
  const paging = queryPaging(params, update);
  const query = { period, area: area === user.scopeCode ? undefined : area, status, page: paging.page, pageSize: paging.pageSize };
  const queryKey = JSON.stringify(query);
  const reports = useAsync(queryKey, () => approvalApi.list(query));
  const [selected, setSelected] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const [returning, setReturning] = useState<ApprovalRow[] | null>(null);
  const [areaName, setAreaName] = useState<string>(user.scopeName);

  useEffect(() => setSelected([]), [queryKey]);

  useEffect(() => {
    if (!area || area === user.scopeCode) return setAreaName(user.scopeName);
    let live = true;
    divisionApi.get(area).then((r) => live && setAreaName(r.division.name)).catch(() => live && setAreaName(area));
    return () => {
      live = false;
    };
  }, [area, user.scopeCode, user.scopeName]);

  const rows = reports.data?.items ?? [];
  const chosen = useMemo(() => rows.filter((r) => selected.includes(r.facilityCode)), [rows, selected]);
  const toApprove = chosen.filter((r) => r.canApprove);
  const toReturn = chosen.filter((r) => r.canReturn);
  const level = user.scopeLevel === null ? null : Math.min(3, user.scopeLevel);

  const act = async (run: () => Promise<number>, done: MessageKey) => {
    setBusy(true);
    try {
      const n = await run();
      message.success(t(done, { n }));
      setReturning(null);
      setSelected([]);
      reports.reload();
    } catch (err) {
      message.error(errorText(err, lang));
    } finally {
      setBusy(false);
    }
  };

  const approve = (list: ApprovalRow[]) =>
    void act(async () => (await approvalApi.approve(period, list.map((r) => r.facilityCode))).approved, 'appr.approvedMsg');

  const approveAll = () =>
    modal.confirm({
      title: t('appr.allTitle'),
      content: t('appr.allConfirm', { area: areaName, period }),
      okText: t('appr.all'),
      cancelText: t('common.cancel'),
      okButtonProps: { 'data-testid': 'approval-approve-all-confirm' },
      onOk: () => act(async () => (await approvalApi.approveAll(period, area === user.scopeCode ? undefined : area)).approved, 'appr.approvedMsg'),
    });

  return (
    <div>
      <PageTitle
        extra={
          level !== null ? (
            <Typography.Text type="secondary" data-testid="approval-level">
              {t('appr.yourLevel')} <Tag color="green">{t(`appr.level.${level}` as MessageKey)}</Tag>
            </Typography.Text>
          ) : null
        }
      >
        {t('nav.approval')}
      </PageTitle>
      <div style={{ background: '#fff', padding: 16, borderRadius: 8 }}>
        <Space wrap size={[12, 12]} style={{ marginBottom: 12 }}>
          <PeriodSelect data-testid="approval-period" value={period} onChange={(p) => update({ period: p, page: undefined })} />
          {scopeArea ? (
            <DivisionSelect
              data-testid="approval-area"
              value={area}
              style={{ width: 240 }}
              fixedOptions={[{ code: user.scopeCode, name: user.scopeName, level: user.scopeLevel ?? 0 }]}
              onChange={(code, hit) => {
                if (hit) setAreaName(hit.name);
                update({ area: code && code !== scopeArea ? code : undefined, page: undefined });
              }}
            />
          ) : null}
          <Select<ReportStatus>
            data-testid="approval-status-filter"
            value={status}
            allowClear
            placeholder={t('appr.statusAll')}
            style={{ width: 150 }}
            options={REPORT_STATUSES.map((s) => ({ value: s, label: s === 'APPROVED' ? t('appr.statusApproved') : statusLabel(s) }))}
            onChange={(s) => update({ status: s, page: undefined })}
          />
          <div style={{ flex: 1 }} />
          <Button
            type="primary"
            icon={<CheckOutlined />}
            disabled={!toApprove.length || busy}
            onClick={() => approve(toApprove)}
            data-testid="approval-approve"
          >
            {t('appr.approve')}
            {toApprove.length ? ` (${toApprove.length})` : ''}
          </Button>
          <Button danger icon={<RollbackOutlined />} disabled={!toReturn.length || busy} onClick={() => setReturning(toReturn)} data-testid="approval-return">
            {t('appr.return')}
            {toReturn.length ? ` (${toReturn.length})` : ''}
          </Button>
          <Button icon={<CheckCircleOutlined />} disabled={busy} onClick={approveAll} data-testid="approval-approve-all">
            {t('appr.all')}
          </Button>
        </Space>
        <ApprovalTable
          data={reports.data}
          loading={reports.loading}
          error={reports.error}
          paging={paging}
          period={period}
          selected={selected}
          busy={busy}
          onSelect={setSelected}
          onApprove={approve}
          onReturn={(list) => setReturning(list)}
        />
      </div>
      <ApprovalReturnModal
        names={returning ? returning.map((r) => r.facilityName) : null}
        busy={busy}
        onCancel={() => setReturning(null)}
        onOk={(reason) =>
          void act(
            async () => (await approvalApi.returnReports(period, (returning ?? []).map((r) => r.facilityCode), reason)).returned,
            'appr.returnedMsg',
          )
        }
      />
    </div>
  );
}
