/** A facility chooser that searches the server (name or code) within the caller's scope. */
import { Select, Spin, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { FACILITY_TYPE_NAMES } from '../../domain/facility.js';
import { facilityApi, type FacilityDto } from '../endpoints.js';
import { useI18n } from '../i18n.js';

export function FacilitySelect(props: { id?: string; value?: string; onChange?: (code: string | undefined) => void }) {
  const { t, pick } = useI18n();
  const [items, setItems] = useState<FacilityDto[]>([]);
  const [loading, setLoading] = useState(false);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const ctrl = useRef<AbortController | null>(null);

  useEffect(() => () => {
    clearTimeout(timer.current);
    ctrl.current?.abort();
  }, []);

  const search = (text: string) => {
    clearTimeout(timer.current);
    ctrl.current?.abort();
    const q = text.trim();
    if (!q) return setItems([]);
    setLoading(true);
    timer.current = setTimeout(() => {
      const c = new AbortController();
      ctrl.current = c;
      facilityApi
        .list({ q, status: 'open', pageSize: 20 }, c.signal)
        .then((r) => !c.signal.aborted && setItems(r.items))
        .catch(() => !c.signal.aborted && setItems([]))
        .finally(() => !c.signal.aborted && setLoading(false));
    }, 250);
  };

  return (
    <Select<string>
      id={props.id}
      value={props.value}
      onChange={(v) => props.onChange?.(v)}
      showSearch={{ onSearch: search, filterOption: false }}
      placeholder={t('user.scopeFacility')}
      notFoundContent={loading ? <Spin size="small" /> : null}
      popupMatchSelectWidth={420}
      options={items.map((f) => ({ value: f.code, label: `${f.name}（${f.code}）`, facility: f }))}
      optionRender={(opt) => {
        const f = (opt.data as { facility: FacilityDto }).facility;
        return (
          <div style={{ display: 'flex', gap: 8 }}>
            <span>{f.name}</span>
            <Typography.Text type="secondary" style={{ fontSize: 12 }} ellipsis>
              {pick(FACILITY_TYPE_NAMES[f.type])} · {f.divisionName ?? f.divisionCode} · {f.code}
            </Typography.Text>
          </div>
        );
      }}
    />
  );
}
