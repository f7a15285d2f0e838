/** 未报机构: facilities open in the period with no submitted report, each with a link to fill it in. */
import { EditOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import type { TableColumnsType } from 'antd';
import { Link } from 'react-router-dom';
import { FACILITY_TYPE_NAMES, type FacilityType } from '../../../domain/facility.js';
import { useI18n } from '../../shared/i18n.js';
import { PagedTable, usePaging } from '../../shared/paged-table.js';
import { useAsync } from '../../shared/use-async.js';
import { completenessApi, type MissingFacility } from './approval-api.js';

export function CompletenessMissing({ period, area }: { period: string; area?: string }) {
  const { t, pick } = useI18n();
  const paging = usePaging(`${period}|${area}`);
  const { page, pageSize } = paging;
  const { data, loading, error } = useAsync(`${period}|${area}|${page}|${pageSize}`, () =>
    completenessApi.missing(period, area, page, pageSize),
  );

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
      <PagedTable<MissingFacility>
        data-testid="completeness-missing"
        size="small"
        rowKey="code"
        columns={columns}
        data={data}
        loading={loading}
        error={error}
        paging={paging}
      />
    </div>
  );
}
