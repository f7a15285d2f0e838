/** The reporting period picker: the periods from the server (newest first), the one being collected marked. */
import { Select } from 'antd';
import { useI18n } from './i18n.js';
import { formatPercent } from './format.js';
import { reportingPeriods, type PeriodPurpose } from './periods.js';

export { defaultPeriod, periodOr } from './periods.js';

/**
 * Options for a period select, newest first. On collection pages the period being collected says
 * so; on figure pages the periods newer than the one figures open on say how far reporting is
 * ("2025年（填报中 12.0%）").
 */
export function usePeriodOptions(purpose: PeriodPurpose = 'collecting'): { value: string; label: string }[] {
  const { t } = useI18n();
  const { collecting, figures, periods } = reportingPeriods();
  return [...periods].reverse().map(({ code, completeness }) => {
    if (purpose === 'figures' && code > figures && completeness !== null)
      return { value: code, label: t('period.collectingRate', { year: code, rate: formatPercent(completeness) }) };
    if (purpose === 'collecting' && code === collecting) return { value: code, label: t('period.collecting', { year: code }) };
    return { value: code, label: t('period.year', { year: code }) };
  });
}

export function PeriodSelect(props: {
  id?: string;
  value?: string;
  onChange?: (period: string) => void;
  'data-testid'?: string;
  style?: React.CSSProperties;
  /** Figure pages mark the periods still being collected with their completeness. */
  purpose?: PeriodPurpose;
}) {
  const options = usePeriodOptions(props.purpose);
  return (
    <Select<string>
      id={props.id}
      data-testid={props['data-testid']}
      value={props.value}
      onChange={(v) => props.onChange?.(v)}
      style={{ width: 160, ...props.style }}
      popupMatchSelectWidth={false}
      options={options}
    />
  );
}
