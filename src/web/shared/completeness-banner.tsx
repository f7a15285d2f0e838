/**
 * The banner over figures whose reporting is incomplete: "数据不完整（已报 x%），仅供参考" below
 * the completeness threshold, and "targets not assessed" below half of it (domain/completeness.ts).
 */
import { Alert } from 'antd';
import type { IndicatorRow } from '../../domain/indicator.js';
import { completenessLevel, completenessRate } from '../../domain/completeness.js';
import { formatPercent } from './format.js';
import { useI18n } from './i18n.js';
import { reportingPeriods } from './periods.js';

/** The area's completeness from its rows: the indicator expecting the most reports covers every grassroots type. */
export function areaCompleteness(rows: IndicatorRow[] | null | undefined): { expected: number; reported: number } | null {
  const widest = (rows ?? []).reduce<IndicatorRow | null>((a, r) => (!a || r.expectedReports > a.expectedReports ? r : a), null);
  return widest ? { expected: widest.expectedReports, reported: widest.reportedReports } : null;
}

export function CompletenessBanner({ counts, style }: { counts: { expected: number; reported: number } | null; style?: React.CSSProperties }) {
  const { t } = useI18n();
  if (!counts || counts.expected === 0) return null;
  const rate = completenessRate(counts.reported, counts.expected);
  const level = completenessLevel(rate, reportingPeriods().completenessEnough);
  if (level === 'enough') return null;
  return (
    <Alert
      type="warning"
      showIcon
      data-testid="completeness-banner"
      data-level={level}
      style={{ marginBottom: 12, ...style }}
      title={t('period.incomplete', { rate: formatPercent(rate) })}
      description={level === 'insufficient' ? t('period.noTargets') : undefined}
    />
  );
}
