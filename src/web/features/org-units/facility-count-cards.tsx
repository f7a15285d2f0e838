/** A row of statistic cards: open facilities in total and by facility type. */
import { Card, Skeleton, Statistic } from 'antd';
import { FACILITY_TYPES, FACILITY_TYPE_NAMES } from '../../../domain/facility.js';
import { formatNumber } from '../../shared/format.js';
import { useI18n } from '../../shared/i18n.js';
import type { FacilityCounts } from './org-units-api.js';

export function FacilityCountCards({ counts, loading }: { counts: FacilityCounts | null; loading: boolean }) {
  const { t, pick } = useI18n();
  const cells = [
    { key: 'total', title: t('div.facilityTotal'), value: counts?.total, strong: true },
    ...FACILITY_TYPES.map((type) => ({
      key: type,
      title: pick(FACILITY_TYPE_NAMES[type]),
      value: counts ? (counts.byType[type] ?? 0) : undefined,
      strong: false,
    })),
  ];
  return (
    <div data-testid="facility-counts" style={{ display: 'grid', gridTemplateColumns: 'repeat(6, minmax(0, 1fr))', gap: 10 }}>
      {cells.map((c) => (
        <Card
          key={c.key}
          size="small"
          data-type={c.key}
          style={c.strong ? { background: '#eef6f2', borderColor: '#cfe5da' } : undefined}
          styles={{ body: { padding: '10px 12px', minHeight: 84 } }}
        >
          {loading || c.value === undefined ? (
            <Skeleton active paragraph={false} title={{ width: '80%' }} style={{ marginTop: 18 }} />
          ) : (
            <Statistic
              title={<span style={{ fontSize: 12, lineHeight: '16px', display: 'block', minHeight: 32 }}>{c.title}</span>}
              value={c.value}
              formatter={(v) => formatNumber(Number(v))}
              styles={{ content: { fontSize: 20, color: c.strong ? '#1f7a5a' : undefined, fontWeight: c.strong ? 600 : 500 } }}
            />
          )}
        </Card>
      ))}
    </div>
  );
}
