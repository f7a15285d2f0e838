/**
 * 差距清单: the facilities (or counties, for county-share indicators) of an area that fall short
 * of an indicator's target, paged by the server, worst first; export of every row to Excel.
 */
import { Alert, App, Button, Select, Space, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { FACILITY_TYPE_NAMES, type FacilityType } from '../../../domain/facility.js';
import type { Indicator } from '../../../domain/indicator.js';
import { levelOfCode } from '../../../domain/org-unit.js';
import { errorText } from '../../shared/api.js';
import { saveBlob } from '../../shared/download.js';
import { formatNumber } from '../../shared/format.js';
import { useI18n } from '../../shared/i18n.js';
import { PagedTable, usePaging } from '../../shared/paged-table.js';
import { useAsync } from '../../shared/use-async.js';
import { analyticsApi, type GapItem } from './analytics-api.js';
import { GapValue, gapSortValue } from './gap-value.js';
import { targetText } from './indicator-meta.js';

const PATH_COLUMNS = [
  { level: 1, key: 'provinceName', title: 'gap.province' },
  { level: 2, key: 'cityName', title: 'gap.city' },
  { level: 3, key: 'countyName', title: 'gap.countyCol' },
  { level: 4, key: 'townshipName', title: 'gap.township' },
] as const;

interface GapPage {
  items: GapItem[];
  total: number;
  key: string;
}

export function GapList(props: {
  /** The indicator chosen, when it has no target (so no gap list): said above the list. */
  untargeted?: Indicator | null;
  indicators: Indicator[];
  indicator: Indicator | null;
  area: string;
  period: string;
  onIndicator: (code: string) => void;
  /** The link that drills into a county (county-share indicators). */
  areaHref: (code: string) => string;
}) {
  const { t, pick, lang } = useI18n();
  const { message } = App.useApp();
  const ind = props.indicator;
  const [exporting, setExporting] = useState(false);
  // A sub-area of the view to narrow the list to (a county of the province, a township of the county).
  const viewLevel = levelOfCode(props.area) ?? 0; // CN: the country
  const [within, setWithin] = useState<{ base: string; code: string } | null>(null);
  const subArea = within && within.base === `${ind?.code}|${props.period}|${props.area}` ? within.code : null;
  const areas = useAsync(ind ? `${ind.code}|${props.period}|${props.area}` : null, () =>
    ind && viewLevel < 4 ? analyticsApi.gapAreas({ indicator: ind.code, period: props.period, area: props.area }) : Promise.resolve(null),
  );
  const query = ind ? { indicator: ind.code, period: props.period, area: subArea ?? props.area } : null;
  const key = query ? `${query.indicator}|${query.period}|${query.area}` : '';
  const paging = usePaging(key);
  const { page, pageSize } = paging;
  const { data, loading, error } = useAsync(query && `${key}|${page}|${pageSize}`, () =>
    analyticsApi.gaps({ ...query!, page, pageSize }).then((r): GapPage => ({ items: r.items, total: r.total, key })),
  );

  const exportAll = async () => {
    if (!query || !ind) return;
    setExporting(true);
    try {
      const { blob, fileName } = await analyticsApi.exportGaps(query);
      saveBlob(blob, fileName ?? `${t('ind.tabGaps')}-${ind.code}-${props.period}.xlsx`);
      message.success(t('ind.exported'));
    } catch (e) {
      message.error(errorText(e, lang));
    } finally {
      setExporting(false);
    }
  };

  const county = ind?.kind === 'COUNTY_SHARE';
  const columns: TableColumnsType<GapItem> = [
    { title: t('gap.code'), dataIndex: 'code', width: 190, render: (v: string) => <Typography.Text copyable={{ text: v }}>{v}</Typography.Text> },
    {
      title: t('gap.name'),
      dataIndex: 'name',
      render: (v: string, r) =>
        r.type ? (
          <Link to={`/facilities/${encodeURIComponent(r.code)}`} data-testid="gap-facility" data-code={r.code}>
            {v}
          </Link>
        ) : (
          <Link to={props.areaHref(r.code)} data-testid="gap-county" data-code={r.code}>
            {v}
          </Link>
        ),
    },
    {
      title: t('gap.type'),
      dataIndex: 'type',
      width: 170,
      render: (v: string | null) => (v ? pick(FACILITY_TYPE_NAMES[v as FacilityType], v) : t('gap.county')),
    },
    // The path below the view: 省 for the country, 市 for a province, 县 for a city, 乡镇 for a county — to tell apart and filter by.
    ...PATH_COLUMNS.filter((c) => c.level > viewLevel && !county).map((c) => ({
      title: t(c.title),
      key: c.key,
      width: 120,
      ellipsis: true,
      render: (_: unknown, r: GapItem) => r[c.key] ?? '–',
    })),
    { title: t('gap.division'), dataIndex: 'divisionName', render: (v: string, r) => v || r.divisionCode },
    {
      title: county ? t('gap.valueCounty') : t('gap.value'),
      key: 'value',
      width: 210,
      sorter: (a, b) => gapSortValue(a) - gapSortValue(b),
      render: (_, r) => (ind ? <GapValue item={r} indicator={ind} /> : null),
    },
  ];

  const shown = data && data.key === key ? data : null;
  return (
    <div data-testid="gap-list">
      <Space wrap style={{ marginBottom: 12, width: '100%', justifyContent: 'space-between' }}>
        <Space wrap>
          <Typography.Text>{t('gap.indicator')}</Typography.Text>
          <Select<string>
            data-testid="gap-indicator"
            value={ind?.code}
            onChange={props.onIndicator}
            style={{ width: 460, maxWidth: '60vw' }}
            showSearch={{ optionFilterProp: 'label' }}
            placeholder={t('gap.noTargets')}
            options={props.indicators.map((i) => ({ value: i.code, label: `${pick(i.name)}（${targetText(i) ?? ''}）` }))}
          />
          {shown ? (
            <Typography.Text strong data-testid="gap-total" data-total={shown.total}>
              {t(county ? 'gap.countCounties' : 'gap.count', { n: formatNumber(shown.total) })}
            </Typography.Text>
          ) : null}
        </Space>
        {areas.data && areas.data.items.length > 0 ? (
          <Select<string>
            data-testid="gap-area"
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            value={subArea ?? undefined}
            onChange={(code) => setWithin(code ? { base: `${ind?.code}|${props.period}|${props.area}`, code } : null)}
            placeholder={t(areas.data.level === 'township' ? 'gap.allTownships' : areas.data.level === 'city' ? 'gap.allCities' : 'gap.allCounties')}
            style={{ width: 240, maxWidth: '80vw' }}
            options={areas.data.items.map((a) => ({ value: a.areaCode, label: t('gap.areaCount', { name: a.areaName, n: formatNumber(a.gaps) }) }))}
          />
        ) : null}
        <Button icon={<DownloadOutlined />} onClick={exportAll} loading={exporting} disabled={!ind} data-testid="gap-export">
          {t('ind.export')}
        </Button>
      </Space>
      {props.untargeted ? (
        <Alert type="info" showIcon style={{ marginBottom: 12 }} data-testid="gap-untargeted" title={t('gap.untargeted', { name: pick(props.untargeted.name) })} />
      ) : null}
      <PagedTable<GapItem>
        data-testid="gap-table"
        size="small"
        rowKey="code"
        columns={columns}
        data={shown}
        loading={loading}
        error={error}
        paging={paging}
        locale={{ emptyText: loading ? ' ' : t('gap.none') }}
        scroll={{ x: 960 }}
      />
    </div>
  );
}
