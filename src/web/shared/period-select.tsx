/** The reporting year: 2021–2025, by default the last full year. */
import { Select } from 'antd';
import { useI18n } from './i18n.js';

export const PERIODS = ['2021', '2022', '2023', '2024', '2025'];

export function defaultPeriod(now = new Date()): string {
  const last = String(now.getFullYear() - 1);
  if (last < PERIODS[0]) return PERIODS[0];
  return PERIODS.includes(last) ? last : PERIODS[PERIODS.length - 1];
}

/** A period from the URL when valid, else the default. */
export function periodOr(value: string | null | undefined): string {
  return value && PERIODS.includes(value) ? value : defaultPeriod();
}

export function PeriodSelect(props: {
  id?: string;
  value?: string;
  onChange?: (period: string) => void;
  'data-testid'?: string;
  style?: React.CSSProperties;
}) {
  const { t } = useI18n();
  return (
    <Select<string>
      id={props.id}
      data-testid={props['data-testid']}
      value={props.value}
      onChange={(v) => props.onChange?.(v)}
      style={{ width: 120, ...props.style }}
      options={[...PERIODS].reverse().map((p) => ({ value: p, label: t('period.year', { year: p }) }))}
    />
  );
}
