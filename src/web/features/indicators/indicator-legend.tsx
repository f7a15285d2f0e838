/** The colour legend of target status: 达标 / 接近 / 差距较大 / 无数据. */
import { Space, Typography } from 'antd';
import { useI18n, type MessageKey } from '../../shared/i18n.js';
import { STATUS_BG, STATUS_COLORS, type StatusBand } from './indicator-status.js';

const BANDS: StatusBand[] = ['met', 'near', 'far', 'none'];

export function IndicatorLegend() {
  const { t } = useI18n();
  return (
    <Space size={16} wrap data-testid="indicator-legend" aria-label={t('ind.legend')}>
      <Typography.Text type="secondary">{t('ind.legend')}</Typography.Text>
      {BANDS.map((b) => (
        <Space key={b} size={6} data-band={b}>
          <span
            aria-hidden
            style={{
              display: 'inline-block',
              width: 28,
              height: 16,
              borderRadius: 3,
              background: STATUS_BG[b],
              border: `1px solid ${STATUS_COLORS[b]}`,
              borderLeftWidth: 4,
            }}
          />
          <Typography.Text>{t(`ind.band.${b}` as MessageKey)}</Typography.Text>
        </Space>
      ))}
    </Space>
  );
}
