/** /facilities: the facility registry with server-side paging, detail drawer and (for admins) edits. */
import { EditOutlined, PlusOutlined, StopOutlined } from '@ant-design/icons';
import { App, Button, Space, Tag, Tooltip } from 'antd';
import type { TableColumnsType } from 'antd';
import { useCallback, useMemo, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { FACILITY_TYPES, FACILITY_TYPE_NAMES, OWNERSHIP_NAMES, type FacilityType } from '../../../domain/facility.js';
import { NATION_CODE } from '../../../domain/org-unit.js';
import { isAdmin, useUser } from '../../app/auth.js';
import { formatDate } from '../../shared/format.js';
import { useI18n } from '../../shared/i18n.js';
import { PageTitle } from '../../shared/page-title.js';
import { PagedTable, queryPaging } from '../../shared/paged-table.js';
import { useAsync } from '../../shared/use-async.js';
import { FacilityCloseModal } from './facility-close-modal.js';
import { FacilityDrawer } from './facility-drawer.js';
import { FacilityFilters, type FacilityFilterValues, type FacilityStatus } from './facility-filters.js';
import { FacilityFormModal } from './facility-form-modal.js';
import { facilityApi, type DivisionDto, type FacilityDto } from './org-units-api.js';

const STATUSES: FacilityStatus[] = ['all', 'open', 'closed'];

export function FacilitiesPage() {
  const user = useUser();
  const admin = isAdmin(user);
  const { t, pick } = useI18n();
  const { message } = App.useApp();
  const [params, setParams] = useSearchParams();

  const filters: FacilityFilterValues = {
    area: params.get('area') || undefined,
    type: (FACILITY_TYPES as readonly string[]).includes(params.get('type') ?? '') ? (params.get('type') as FacilityType) : undefined,
    q: params.get('q') || undefined,
    status: STATUSES.includes(params.get('status') as FacilityStatus) ? (params.get('status') as FacilityStatus) : 'all',
  };

  const update = useCallback(
    (patch: Record<string, string | number | undefined>) =>
      setParams((p) => {
        for (const [k, v] of Object.entries(patch)) {
          if (v === undefined || v === '' || (k === 'status' && v === 'all')) p.delete(k);
          else p.set(k, String(v));
        }
        return p;
      }),
    [setParams],
  );
  const paging = queryPaging(params, update);
  // The query string stands for every filter and the page.
  const list = useAsync(params.toString(), (signal) => facilityApi.list({ ...filters, page: paging.page, pageSize: paging.pageSize }, signal));

  const [detail, setDetail] = useState<string | null>(null);
  const [detailVersion, setDetailVersion] = useState(0);
  const [editing, setEditing] = useState<FacilityDto | null | undefined>(undefined); // undefined: closed, null: new
  const [closing, setClosing] = useState<FacilityDto | null>(null);

  const scopeRoot: DivisionDto | undefined =
    user.scopeLevel === null ? undefined : { code: user.scopeCode, name: user.scopeName, level: user.scopeLevel ?? 0 };

  const afterSave = (f: FacilityDto, text: string) => {
    message.success(text);
    setEditing(undefined);
    setClosing(null);
    list.reload();
    setDetailVersion((n) => n + 1);
    if (detail && detail !== f.code) setDetail(f.code);
  };

  const columns = useMemo<TableColumnsType<FacilityDto>>(
    () => [
      { title: t('fac.code'), dataIndex: 'code', width: 160, ellipsis: { showTitle: true } },
      { title: t('fac.name'), dataIndex: 'name', ellipsis: { showTitle: true } },
      { title: t('fac.type'), dataIndex: 'type', width: 140, render: (v: FacilityType) => pick(FACILITY_TYPE_NAMES[v], v) },
      {
        title: t('fac.division'),
        dataIndex: 'divisionName',
        width: 140,
        ellipsis: { showTitle: true },
        render: (v: string | undefined, r) => v ?? r.divisionCode,
      },
      {
        title: t('fac.ownership'),
        dataIndex: 'ownership',
        width: 96,
        render: (v: FacilityDto['ownership']) => pick(OWNERSHIP_NAMES[v], v),
      },
      { title: t('fac.opened'), dataIndex: 'opened', width: 104, render: formatDate },
      {
        title: t('fac.closed'),
        dataIndex: 'closed',
        width: 140,
        render: (v: string | null) =>
          v ? (
            <Tag color="red" style={{ marginInlineEnd: 0 }} data-testid="facility-closed-tag">
              {t('fac.closedTag')} {formatDate(v)}
            </Tag>
          ) : null,
      },
      ...(admin
        ? [
            {
              title: t('common.actions'),
              key: 'actions',
              width: 76,
              render: (_: unknown, r: FacilityDto) => (
                <Space size={2} onClick={(e) => e.stopPropagation()}>
                  <Tooltip title={t('common.edit')}>
                    <Button type="text" size="small" icon={<EditOutlined />} aria-label={t('common.edit')} onClick={() => setEditing(r)} data-testid="facility-edit" />
                  </Tooltip>
                  {!r.closed && (
                    <Tooltip title={t('fac.close')}>
                      <Button type="text" size="small" danger icon={<StopOutlined />} aria-label={t('fac.close')} onClick={() => setClosing(r)} data-testid="facility-close" />
                    </Tooltip>
                  )}
                </Space>
              ),
            },
          ]
        : []),
    ],
    [t, pick, admin],
  );

  return (
    <div>
      <PageTitle
        extra={
          admin ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing(null)} data-testid="facility-add">
              {t('fac.add')}
            </Button>
          ) : null
        }
      >
        {t('nav.facilities')}
      </PageTitle>
      <div style={{ background: '#fff', padding: 16, borderRadius: 8 }}>
        <FacilityFilters
          value={filters}
          scopeRoot={scopeRoot}
          onChange={(patch) => update({ ...patch, page: undefined })}
          onReset={() => setParams(new URLSearchParams())}
        />
        <PagedTable<FacilityDto>
          data-testid="facility-table"
          rowKey="code"
          size="middle"
          columns={columns}
          data={list.data}
          loading={list.loading}
          error={list.error}
          paging={paging}
          pageSizeOptions={[20, 50, 100, 200]}
          rowClassName={() => 'gtcm-clickable-row'}
          onRow={(r) => ({ onClick: () => setDetail(r.code) })}
          scroll={{ x: 960 }}
        />
      </div>
      <FacilityDrawer
        code={detail}
        version={detailVersion}
        canEdit={admin}
        onClose={() => setDetail(null)}
        onEdit={(f) => setEditing(f)}
        onCloseFacility={(f) => setClosing(f)}
      />
      <FacilityFormModal
        open={editing !== undefined}
        facility={editing}
        defaultDivision={filters.area && filters.area !== NATION_CODE ? filters.area : undefined}
        onClose={() => setEditing(undefined)}
        onSaved={(f) => afterSave(f, editing ? t('fac.saved') : t('fac.created'))}
      />
      <FacilityCloseModal facility={closing} onClose={() => setClosing(null)} onSaved={(f) => afterSave(f, t('fac.closedOk'))} />
    </div>
  );
}
