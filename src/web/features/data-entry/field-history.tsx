/** The value history of one field: an icon that opens a popover (time, user, before → after). */
import { ArrowRightOutlined, HistoryOutlined } from '@ant-design/icons';
import { Button, ConfigProvider, Empty, Popover, Spin, Tooltip, Typography } from 'antd';
import { useCallback, useRef, useState } from 'react';
import type { DataElement, OptionSet } from '../../../domain/program.js';
import { errorText } from '../../shared/api.js';
import { formatDateTime } from '../../shared/format.js';
import { useI18n } from '../../shared/i18n.js';
import { reportApi, type HistoryEntry } from './report-api.js';
import { formatValue } from './report-values.js';

export interface ReportHistory {
  items: HistoryEntry[] | null;
  loading: boolean;
  error: unknown;
  load: () => void;
}

/** The report's history, fetched the first time a popover opens; `invalidate` after a save. */
export function useReportHistory(period: string, facility: string) {
  const [items, setItems] = useState<HistoryEntry[] | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const pending = useRef(false);
  const load = useCallback(() => {
    if (pending.current) return;
    pending.current = true;
    setLoading(true);
    setError(null);
    reportApi
      .history(period, facility)
      .then((r) => setItems(r.items))
      .catch(setError)
      .finally(() => {
        pending.current = false;
        setLoading(false);
      });
  }, [period, facility]);
  const invalidate = useCallback(() => setItems(null), []);
  return { history: { items, loading, error, load } satisfies ReportHistory, invalidate };
}

export function FieldHistory(props: {
  code: string;
  element: DataElement | undefined;
  optionSets: Map<string, OptionSet>;
  history: ReportHistory;
}) {
  const { t, lang } = useI18n();
  const { history, code } = props;
  const entries = (history.items ?? []).filter((h) => h.element === code);
  const fmt = (v: HistoryEntry['before']) => formatValue(v, props.element, props.optionSets, lang);

  const content = (
    <div style={{ width: 360, maxHeight: 320, overflowY: 'auto' }} data-testid="entry-history">
      {history.error ? (
        <Typography.Text type="danger">{errorText(history.error, lang)}</Typography.Text>
      ) : history.items === null || history.loading ? (
        <Spin size="small" />
      ) : entries.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('entry.historyEmpty')} />
      ) : (
        entries.map((h, i) => (
          <div key={`${h.at}-${i}`} style={{ padding: '6px 0', borderBottom: i < entries.length - 1 ? '1px solid #f0f0f0' : undefined }}>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {formatDateTime(h.at)} · {h.actor}
            </Typography.Text>
            <div>
              <Typography.Text delete={h.before !== undefined && h.before !== null} type="secondary">
                {fmt(h.before)}
              </Typography.Text>
              <ArrowRightOutlined style={{ margin: '0 8px', fontSize: 11, color: '#999' }} />
              <Typography.Text strong>{fmt(h.after)}</Typography.Text>
            </div>
          </div>
        ))
      )}
    </div>
  );

  // The history stays readable when the form is read-only (a disabled form disables its buttons).
  return (
    <ConfigProvider componentDisabled={false}>
      <Popover
        trigger="click"
        placement="left"
        title={t('entry.history')}
        content={content}
        onOpenChange={(open) => {
          if (open && history.items === null) history.load();
        }}
      >
        <Tooltip title={t('entry.history')}>
          <Button
            type="text"
            size="small"
            icon={<HistoryOutlined />}
            aria-label={t('entry.history')}
            data-testid={`entry-history-${code}`}
          />
        </Tooltip>
      </Popover>
    </ConfigProvider>
  );
}
