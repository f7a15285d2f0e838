/** Small pieces the assistance pages share: bands, statuses, years, the phone breakpoint. */
import { Grid, Tag } from 'antd';
import { BAND_NAMES, PAIRING_STATUS_NAMES, UNIT_STATUS_NAMES, type Band, type PairingStatus, type UnitStatus } from '../../../domain/assistance/assistance.js';
import { useI18n } from '../../shared/i18n.js';

const BAND_COLOR: Record<Band, string> = { EXCELLENT: 'green', GOOD: 'blue', FAIR: 'gold', POOR: 'red' };
const UNIT_STATUS_COLOR: Record<UnitStatus, string> = { PLANNED: 'default', BUILDING: 'processing', OPERATING: 'success', CLOSED: 'default' };

export function BandTag({ band, score }: { band: Band | null; score?: number | null }) {
  const { pick } = useI18n();
  if (!band) return <>—</>;
  return <Tag color={BAND_COLOR[band]}>{pick(BAND_NAMES[band])}{score !== undefined && score !== null ? ` ${score}` : ''}</Tag>;
}

export function PairingStatusTag({ status }: { status: PairingStatus }) {
  const { pick } = useI18n();
  return <Tag color={status === 'ACTIVE' ? 'green' : 'default'}>{pick(PAIRING_STATUS_NAMES[status])}</Tag>;
}

export function UnitStatusTag({ status }: { status: UnitStatus }) {
  const { pick } = useI18n();
  return <Tag color={UNIT_STATUS_COLOR[status]}>{pick(UNIT_STATUS_NAMES[status])}</Tag>;
}

export const span = (start: number, end: number | null, now: string) => `${start}–${end ?? now}`;
export const nf = (n: number) => n.toLocaleString('zh-CN');
export const usePhone = () => Grid.useBreakpoint().md === false;
/** The years a report may be entered for: 2016 to this year. */
export const YEAR_OPTIONS = Array.from({ length: new Date().getFullYear() - 2015 }, (_, i) => new Date().getFullYear() - i);
