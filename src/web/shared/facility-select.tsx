/**
 * A facility chooser that searches the server (name or code) within the caller's scope. A value set
 * from outside (URL) is looked up for its label; with `browse`, opening it lists the first facilities.
 */
import { Select, Spin, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { FACILITY_TYPE_NAMES, type FacilityType } from '../../domain/facility.js';
import { facilityApi, type FacilityDto } from '../features/org-units/org-units-api.js';
import { useI18n } from './i18n.js';
import { useAsync } from './use-async.js';

export function FacilitySelect(props: {
  id?: string;
  value?: string;
  onChange?: (code: string | undefined, facility?: FacilityDto) => void;
  placeholder?: string;
  status?: 'open' | 'closed' | 'all';
  /** Only facilities of this type. */
  type?: FacilityType;
  browse?: boolean;
  style?: React.CSSProperties;
  'data-testid'?: string;
}) {
  const { t, pick } = useI18n();
  const { value, status = 'open' } = props;
  const [items, setItems] = useState<FacilityDto[]>([]);
  const [known, setKnown] = useState<Record<string, FacilityDto>>({});
  const [loading, setLoading] = useState(false);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const ctrl = useRef<AbortController | null>(null);

  useEffect(() => () => {
    clearTimeout(timer.current);
    ctrl.current?.abort();
  }, []);

  // A value set from outside (URL, user being edited) needs its name for the label.
  const unknown = value && !known[value] && !items.some((f) => f.code === value) ? value : null;
  const lookup = useAsync(unknown, () => facilityApi.get(unknown!).then((r) => r.facility), { keep: false });
  const current = value ? (known[value] ?? lookup.data) : null;

  const run = (q: string, delay: number) => {
    clearTimeout(timer.current);
    ctrl.current?.abort();
    setLoading(true);
    timer.current = setTimeout(() => {
      const c = new AbortController();
      ctrl.current = c;
      facilityApi
        .list({ q: q || undefined, status, type: props.type, pageSize: 20 }, c.signal)
        .then((r) => !c.signal.aborted && setItems(r.items))
        .catch(() => !c.signal.aborted && setItems([]))
        .finally(() => !c.signal.aborted && setLoading(false));
    }, delay);
  };

  const search = (text: string) => {
    const q = text.trim();
    if (!q && !props.browse) {
      clearTimeout(timer.current);
      ctrl.current?.abort();
      setLoading(false);
      return setItems([]);
    }
    run(q, 250);
  };

  const list = [...items];
  if (current && !list.some((f) => f.code === value)) list.push(current);

  return (
    <Select<string>
      id={props.id}
      data-testid={props['data-testid']}
      value={value}
      style={props.style}
      onChange={(v) => {
        const f = list.find((x) => x.code === v);
        if (f) setKnown((k) => ({ ...k, [f.code]: f }));
        props.onChange?.(v, f);
      }}
      onOpenChange={(open) => {
        if (open && props.browse && items.length === 0) run('', 0);
      }}
      showSearch={{ onSearch: search, filterOption: false }}
      placeholder={props.placeholder ?? t('user.scopeFacility')}
      notFoundContent={loading ? <Spin size="small" /> : null}
      popupMatchSelectWidth={420}
      options={list.map((f) => ({ value: f.code, label: `${f.name}（${f.code}）`, facility: f }))}
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
