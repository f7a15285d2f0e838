/** Right-hand panel of the hierarchy page: where the division sits, what it is, and its facilities. */
import { MedicineBoxOutlined, ReloadOutlined } from '@ant-design/icons';
import { Breadcrumb, Button, Card, Skeleton, Space, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { KIND_NAMES, LEVEL_NAMES, NATION_CODE, type DivisionLevel } from '../../../domain/org-unit.js';
import { ErrorAlert } from '../../shared/error-alert.js';
import { useI18n } from '../../shared/i18n.js';
import { useAsync } from '../../shared/use-async.js';
import { DivisionChildrenTable } from './division-children-table.js';
import { FacilityCountCards } from './facility-count-cards.js';
import { divisionApi, type DivisionDto } from './org-units-api.js';

export interface DivisionPanelProps {
  code: string;
  root: DivisionDto;
  rootPath: DivisionDto[];
  onSelect: (code: string) => void;
}

interface Info {
  division: DivisionDto;
  path: DivisionDto[];
}

export function DivisionPanel({ code, root, rootPath, onSelect }: DivisionPanelProps) {
  const { t, pick } = useI18n();
  const info = useAsync(`${code}|${root.code}`, (): Promise<Info> =>
    code === root.code ? Promise.resolve({ division: root, path: rootPath }) : divisionApi.get(code),
  );
  const facilityCounts = useAsync(code, () => divisionApi.facilityCounts(code));
  const error = info.error ?? facilityCounts.error;
  const counts = facilityCounts.error ? null : facilityCounts.data;
  const countsLoading = facilityCounts.loading;
  const retry = () => {
    info.reload();
    facilityCounts.reload();
  };
  const current = info.data && info.data.division.code === code ? info.data : null;

  const levelLabel = (level: number) =>
    level >= 1 && level <= 5 ? pick(LEVEL_NAMES[level as DivisionLevel]) : t('div.nationLevel');

  // Breadcrumb: ancestors (those inside the caller's tree are clickable), then the division itself.
  const crumbs = (() => {
    if (!current) return [];
    const path = [...current.path];
    if (root.code === NATION_CODE && code !== NATION_CODE && path[0]?.code !== NATION_CODE) path.unshift(root);
    return [
      ...path.map((d) => {
        const inTree = d.level >= root.level && d.code !== code;
        return {
          key: d.code,
          title: inTree ? (
            <a onClick={() => onSelect(d.code)} data-code={d.code}>
              {d.name}
            </a>
          ) : (
            d.name
          ),
        };
      }),
      { key: code, title: current.division.name },
    ];
  })();

  return (
    <Card
      data-testid="division-panel"
      style={{ minHeight: '100%' }}
      styles={{ body: { display: 'flex', flexDirection: 'column', gap: 16 } }}
    >
      <ErrorAlert
        error={error}
        action={<Button size="small" icon={<ReloadOutlined />} onClick={retry}>{t('common.retry')}</Button>}
      />
      {current ? (
        <div>
          {crumbs.length > 1 ? <Breadcrumb items={crumbs} data-testid="division-breadcrumb" /> : null}
          <div style={{ display: 'flex', alignItems: 'center', marginTop: crumbs.length > 1 ? 8 : 0, gap: 12 }}>
            <Typography.Title level={3} style={{ margin: 0 }} data-testid="division-name">
              {current.division.name}
            </Typography.Title>
            <Space size={6} wrap>
              <Tag>{current.division.code}</Tag>
              <Tag color="green">{levelLabel(current.division.level)}</Tag>
              {current.division.kind && current.division.kind !== 'NATION' ? (
                <Tag color="blue">{pick(KIND_NAMES[current.division.kind], current.division.kind)}</Tag>
              ) : null}
            </Space>
            <div style={{ flex: 1 }} />
            <Link to={`/facilities?area=${encodeURIComponent(code)}`} data-testid="view-facilities">
              <Button type="primary" ghost icon={<MedicineBoxOutlined />}>
                {t('div.viewFacilities')}
              </Button>
            </Link>
          </div>
        </div>
      ) : (
        <Skeleton active paragraph={{ rows: 1 }} style={{ minHeight: 72 }} />
      )}
      <div>
        <Typography.Text type="secondary" style={{ display: 'block', marginBottom: 8, fontSize: 12 }}>
          {t('div.openFacilities')}
        </Typography.Text>
        <FacilityCountCards counts={countsLoading ? null : counts} loading={countsLoading} />
      </div>
      {(countsLoading || (counts && counts.children.length > 0)) && (
        <div>
          <Typography.Title level={5} style={{ marginTop: 0 }}>
            {t('div.children')}
          </Typography.Title>
          <DivisionChildrenTable rows={counts?.children ?? []} loading={countsLoading} onPick={onSelect} />
        </div>
      )}
    </Card>
  );
}
