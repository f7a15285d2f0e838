/**
 * A division chooser that searches the server as you type (name or code fragment). Usable as a
 * Form control (value / onChange with the division code). `fixedOptions` are always offered
 * (e.g. the caller's own scope, which the search may not return).
 */
import { Select, Spin, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { LEVEL_NAMES, type DivisionLevel } from '../../domain/org-unit.js';
import { divisionApi, type DivisionDto, type DivisionSearchHit } from '../features/org-units/org-units-api.js';
import { useI18n } from './i18n.js';
import { useAsync } from './use-async.js';
import { useDivisionSearch } from './use-division-search.js';

export interface DivisionSelectProps {
  id?: string;
  value?: string | null;
  onChange?: (code: string | undefined, hit?: DivisionDto) => void;
  placeholder?: string;
  allowClear?: boolean;
  /** Only divisions of this level can be chosen (others are shown disabled). */
  level?: number;
  fixedOptions?: DivisionDto[];
  style?: React.CSSProperties;
  status?: 'error' | 'warning';
  'data-testid'?: string;
}

export function DivisionSelect(props: DivisionSelectProps) {
  const { value, onChange, level, fixedOptions = [] } = props;
  const { t, pick } = useI18n();
  const { hits, loading, query, search } = useDivisionSearch(30);
  const [known, setKnown] = useState<Record<string, DivisionDto>>({});

  // A value set from outside (URL, record being edited) needs its name for the label.
  const unknown = value && !known[value] && !fixedOptions.some((d) => d.code === value) ? value : null;
  const lookup = useAsync(
    unknown,
    () => divisionApi.get(unknown!).then((r) => r.division, (): DivisionDto => ({ code: unknown!, name: unknown!, level: 0 })),
    { keep: false },
  );
  const current = value ? (known[value] ?? lookup.data) : null;

  const options = useMemo(() => {
    const list: (DivisionDto | DivisionSearchHit)[] = [];
    const seen = new Set<string>();
    const add = (d: DivisionDto | DivisionSearchHit) => {
      if (seen.has(d.code)) return;
      seen.add(d.code);
      list.push(d);
    };
    if (!query) fixedOptions.forEach(add);
    hits.forEach(add);
    if (current) add(current);
    return list.map((d) => ({
      value: d.code,
      label: d.name,
      disabled: level !== undefined && d.level !== level,
      division: d,
      path: 'pathNames' in d ? d.pathNames : '',
    }));
  }, [hits, query, fixedOptions, current, level]);

  const levelName = (l: number) => (l >= 1 && l <= 5 ? pick(LEVEL_NAMES[l as DivisionLevel]) : t('div.nation'));

  return (
    <Select<string>
      id={props.id}
      data-testid={props['data-testid']}
      value={value ?? undefined}
      placeholder={props.placeholder ?? t('fac.areaPlaceholder')}
      allowClear={props.allowClear}
      status={props.status}
      style={props.style}
      showSearch={{ onSearch: search, filterOption: false }}
      notFoundContent={loading ? <Spin size="small" /> : query ? t('div.noResults') : null}
      options={options}
      popupMatchSelectWidth={360}
      onChange={(code) => {
        const opt = options.find((o) => o.value === code);
        if (opt) setKnown((k) => ({ ...k, [opt.value]: opt.division }));
        onChange?.(code ?? undefined, opt?.division);
      }}
      optionRender={(opt) => {
        const d = opt.data as (typeof options)[number];
        return (
          <div style={{ display: 'flex', gap: 8, alignItems: 'baseline' }}>
            <span style={{ flex: 'none' }}>{d.division.name}</span>
            <Typography.Text type="secondary" ellipsis style={{ fontSize: 12, flex: 1 }}>
              {d.path || d.division.code}
            </Typography.Text>
            <Typography.Text type="secondary" style={{ fontSize: 12, flex: 'none' }}>
              {levelName(d.division.level)}
            </Typography.Text>
          </div>
        );
      }}
    />
  );
}
