/**
 * 示范县创建进展: the newest cycle's applications in the user's area by stage for each child area
 * (the nation: by province) as a stacked bar, with the totals — on the dashboard and on the 概览
 * tab of /evaluation — and, on the tab, the named counties on the map (the live indicator
 * 全国基层中医药工作示范县占比, which counts the titles naming grants).
 */
import { Card, Empty, Space, Statistic, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { EChart, type EChartsOption } from '../../shared/charts/echart.js';
import { ErrorAlert } from '../../shared/error-alert.js';
import { useI18n, type MessageKey } from '../../shared/i18n.js';
import { periodOr } from '../../shared/period-select.js';
import { useAsync } from '../../shared/use-async.js';
import { DashboardChildren } from '../indicators/dashboard-children.js';
import { loadIndicators } from '../indicators/dashboard-data.js';
import { STAGE_COLORS } from './applications-panel.js';
import { reviewApi, type OverviewAnswer } from './evaluation-api.js';

const STAGES = ['SELF', 'CITY', 'PROVINCE', 'NATIONAL', 'PUBLICITY', 'NAMED', 'REJECTED'] as const;
const COLORS: Record<string, string> = { SELF: '#bfbfbf', CITY: '#36cfc9', PROVINCE: '#4096ff', NATIONAL: '#2f54eb', PUBLICITY: '#faad14', NAMED: '#389e0d', REJECTED: '#cf1322' };
export const DEMO_INDICATOR = 'demonstration_county_share';

function useNewestOverview() {
  const cycles = useAsync('cycles', () => reviewApi.cycles());
  const newest = cycles.data?.items[cycles.data.items.length - 1]?.code ?? null;
  const overview = useAsync(newest ? `overview|${newest}` : null, () => reviewApi.overview(newest!));
  return { overview, error: cycles.error ?? overview.error, none: cycles.data !== null && cycles.data !== undefined && !newest };
}

function StageBars({ o }: { o: OverviewAnswer }) {
  const { t } = useI18n();
  const present = STAGES.filter((s) => o.totals[s]);
  const rows = [...o.rows].reverse();
  const option: EChartsOption = {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { top: 0, data: present.map((s) => t(`eval.stage.${s}` as MessageKey)) },
    grid: { left: 8, right: 16, top: 32, bottom: 8, containLabel: true },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', data: rows.map((r) => r.name) },
    series: present.map((s) => ({ name: t(`eval.stage.${s}` as MessageKey), type: 'bar', stack: 'all', itemStyle: { color: COLORS[s] ?? STAGE_COLORS[s] }, data: rows.map((r) => r.counts[s] ?? 0) })),
  };
  return <EChart option={option} style={{ height: Math.max(160, 28 * rows.length + 60) }} data-testid="eval-overview-chart" />;
}

/** The card on the dashboard: the stages at a glance and the bar by child area. */
export function EvaluationOverviewCard() {
  const { t } = useI18n();
  const { overview, error, none } = useNewestOverview();
  const o = overview.data;
  if (none) return null;
  return (
    <Card size="small" title={o ? `${t('eval.overview')} · ${o.cycle.name}` : t('eval.overview')} data-testid="eval-overview"
      extra={<Space><Link to={`/dashboard?indicator=${DEMO_INDICATOR}`}>{t('eval.namedOnMap')}</Link><Link to="/evaluation?tab=overview">{t('eval.more')}</Link></Space>}>
      <ErrorAlert error={error} small />
      {o ? (
        <>
          <Space wrap size="large" style={{ marginBottom: 8 }}>
            {STAGES.filter((s) => o.totals[s]).map((s) => <Statistic key={s} title={t(`eval.stage.${s}` as MessageKey)} value={o.totals[s]} />)}
          </Space>
          {o.rows.length ? <StageBars o={o} /> : <Empty description={t('eval.noApplications')} />}
        </>
      ) : null}
    </Card>
  );
}

/** The 概览 tab: the same figures, and the named counties on the map of the user's area. */
export function EvaluationOverviewTab({ area }: { area: string }) {
  const { t } = useI18n();
  const indicators = useAsync('indicators', loadIndicators);
  const demo = indicators.data?.find((i) => i.code === DEMO_INDICATOR);
  return (
    <Space direction="vertical" style={{ width: '100%' }} size={12}>
      <EvaluationOverviewCard />
      {demo ? (
        <div>
          <Typography.Title level={5}>{t('eval.namedMap')}</Typography.Title>
          <DashboardChildren area={area} period={periodOr(null, 'figures')} indicator={demo} onPick={() => undefined} trend={null} />
        </div>
      ) : null}
    </Space>
  );
}
