/**
 * The indicator cards: first the 五个全覆盖 in their four groups (each with a heading), then the
 * other targets and monitored indicators. Skeletons of the same size while loading.
 */
import { Col, Row, Typography } from 'antd';
import type { Indicator } from '../../../domain/indicator.js';
import { useI18n } from '../../shared/i18n.js';
import type { IndicatorRow } from './analytics-api.js';
import { DashboardCard, DashboardCardSkeleton } from './dashboard-card.js';
import { COVERAGE_GROUPS, GROUP_KEYS, otherIndicators } from './dashboard-data.js';

export interface DashboardCardsProps {
  indicators: Indicator[] | null;
  rows: IndicatorRow[] | null;
  selected: string | undefined;
  onSelect: (code: string) => void;
  /** True while newer values load: the old ones are dimmed. */
  stale?: boolean;
}

/** Card widths: 4 a row on a 1280-px laptop, 6 on a 1920-px wall screen. */
const CARD = { xs: 24, sm: 12, lg: 8, xl: 6, xxl: 4 } as const;
const SKELETONS = 6;

function Heading({ children }: { children: React.ReactNode }) {
  return (
    <Typography.Title level={5} style={{ margin: '4px 0 8px', fontSize: 15 }}>
      {children}
    </Typography.Title>
  );
}

export function DashboardCards({ indicators, rows, selected, onSelect, stale }: DashboardCardsProps) {
  const { t } = useI18n();
  const byCode = new Map((indicators ?? []).map((i) => [i.code, i]));
  const rowOf = new Map((rows ?? []).map((r) => [r.indicator, r]));
  const ready = indicators !== null && rows !== null;
  const card = (ind: Indicator) =>
    ready ? <DashboardCard indicator={ind} row={rowOf.get(ind.code)} selected={selected === ind.code} onSelect={onSelect} /> : <DashboardCardSkeleton />;

  const groups = COVERAGE_GROUPS.map((g) => ({ ...g, items: g.codes.flatMap((c) => (byCode.has(c) ? [byCode.get(c)!] : [])) })).filter(
    (g) => !indicators || g.items.length > 0,
  );
  const others = indicators ? otherIndicators(indicators) : [];

  return (
    <div data-testid="indicator-cards" data-loading={!ready || stale ? 'true' : 'false'} style={{ opacity: stale ? 0.55 : 1, transition: 'opacity .2s' }}>
      <Heading>{t('dash.fiveCoverages')}</Heading>
      <Row gutter={[12, 12]}>
        {groups.map((g) => {
          const n = Math.max(1, indicators ? g.items.length : g.codes.length);
          return (
            <Col key={g.key} xs={24} sm={Math.min(24, 12 * n)} lg={Math.min(24, 8 * n)} xl={6 * n} xxl={4 * n} data-group={g.key}>
              <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12, marginBottom: 4, borderLeft: '3px solid #1f7a5a', paddingLeft: 6 }}>
                {t(GROUP_KEYS[g.key])}
              </Typography.Text>
              <Row gutter={[12, 12]}>
                {(indicators ? g.items : g.codes.map(() => null)).map((ind, k) => (
                  <Col key={ind?.code ?? k} span={24 / n}>
                    {ind ? card(ind) : <DashboardCardSkeleton />}
                  </Col>
                ))}
              </Row>
            </Col>
          );
        })}
      </Row>
      <div style={{ height: 16 }} />
      <Heading>{t('dash.otherTargets')}</Heading>
      <Row gutter={[12, 12]}>
        {(indicators ? others : Array.from({ length: SKELETONS }, () => null)).map((ind, k) => (
          <Col key={ind?.code ?? k} {...CARD}>
            {ind ? card(ind) : <DashboardCardSkeleton />}
          </Col>
        ))}
      </Row>
    </div>
  );
}
