/** The reporting period picker: the periods from the server (newest first), the one being collected marked. */
import { Select } from 'antd';
import { useI18n } from './i18n.js';
import { periodCodes, reportingPeriods } from './periods.js';

export { defaultPeriod, periodOr } from './periods.js';

/** Options for a period select, newest first; the period being collected says so. */
export function usePeriodOptions(): { value: string; label: string }[] {
  const { t } = useI18n();
  const { collecting } = reportingPeriods();
  return [...periodCodes()].reverse().map((p) => ({
    value: p,
    label: p === collecting ? t('period.collecting', { year: p }) : t('period.year', { year: p }),
  }));
}

export function PeriodSelect(props: {
  id?: string;
  value?: string;
  onChange?: (period: string) => void;
  'data-testid'?: string;
  style?: React.CSSProperties;
}) {
  const options = usePeriodOptions();
  return (
    <Select<string>
      id={props.id}
      data-testid={props['data-testid']}
      value={props.value}
      onChange={(v) => props.onChange?.(v)}
      style={{ width: 140, ...props.style }}
      popupMatchSelectWidth={false}
      options={options}
    />
  );
}
