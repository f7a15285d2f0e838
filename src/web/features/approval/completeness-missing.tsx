/** 未报机构: facilities open in the period with no submitted report, each with a link to fill it in. */
import { EditOutlined } from '@ant-design/icons';
import { Alert, Button, Table } from 'antd';
import type { TableColumnsType } from 'antd';
import { useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { FACILITY_TYPE_NAMES, type FacilityType } from '../../../domain/facility.js';
import { errorText } from '../../shared/api.js';
import { formatNumber } from '../../shared/format.js';
import { useI18n } from '../../shared/i18n.js';
import { completenessApi, type MissingFacility } from './approval-api.js';

export function CompletenessMissing({ period, area }: { period: string; area?: string }) {
  const { t, lang, pick } = useI18n();
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const [data, setData] = useState<{ items: MissingFacility[]; total: number } | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => setPage(1), [period, area]);

  useEffect(() => {
    let live = true;
    setLoading(true);
    setError(null);
    completenessApi
      .missing(period, area, page, pageSize)
      .then((r) => live && setData(r))
      .catch((e) => live && setError(e))
      .finally(() => live && setLoading(false));
    return () => {
      live = false;
    };
  }, [period, area, page, pageSize]);

  const columns: TableColumnsType<MissingFacility> = [
    { title: t('fac.code'), dataIndex: 'code', width: 170 },
    { title: t('fac.name'), dataIndex: 'name', ellipsis: true },
    { title: t('fac.type'), dataIndex: 'type', width: 150, render: (v: FacilityType) => pick(FACILITY_TYPE_NAMES[v], v) },
    { title: t('fac.division'), dataIndex: 'divisionName', width: 180, ellipsis: true, render: (v: string | undefined, r) => v ?? r.divisionCode },
    {
      title: t('common.actions'),
      key: 'go',
      width: 110,
      render: (_, r) => (
        <Link to={`/entry?facility=${encodeURIComponent(r.code)}&period=${encodeURIComponent(period)}`}>
          <Button size="small" type="primary" ghost icon={<EditOutlined />} data-testid="completeness-fill">
            {t('compl.fill')}
          </Button>
        </Link>
      ),
    },
  ];

  return (
    <div>
      {error ? <Alert type="error" showIcon title={errorText(error, lang)} style={{ marginBottom: 12 }} /> : null}
      <Table<MissingFacility>
        data-testid="completeness-missing"
        size="small"
        rowKey="code"
        columns={columns}
        dataSource={data?.items ?? []}
        loading={loading}
        pagination={{
          current: page,
          pageSize,
          total: data?.total ?? 0,
          showSizeChanger: true,
          pageSizeOptions: [20, 50, 100],
          showTotal: (n) => t('common.totalItems', { n: formatNumber(n) }),
          onChange: (p, s) => {
            setPage(s !== pageSize ? 1 : p);
            setPageSize(s);
          },
        }}
      />
    </div>
  );
}
