/** Compact before/after view of an audit record: one row per key, changed keys highlighted. */
import { Typography } from 'antd';
import { compactJson } from '../../shared/format.js';
import { useI18n } from '../../shared/i18n.js';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

export interface DiffRow {
  key: string;
  before: unknown;
  after: unknown;
  changed: boolean;
}

/** Key-by-key comparison; a non-object side counts as the single key "value". */
export function diffRows(before: unknown, after: unknown): DiffRow[] {
  const b: Obj = isObj(before) ? before : before === null || before === undefined ? {} : { value: before };
  const a: Obj = isObj(after) ? after : after === null || after === undefined ? {} : { value: after };
  const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])];
  return keys.map((key) => ({
    key,
    before: b[key],
    after: a[key],
    changed: JSON.stringify(b[key]) !== JSON.stringify(a[key]),
  }));
}

export function changedCount(before: unknown, after: unknown): number {
  return diffRows(before, after).filter((r) => r.changed).length;
}

const cell: React.CSSProperties = {
  padding: '3px 10px',
  borderBottom: '1px solid #f0f0f0',
  fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace',
  fontSize: 12,
  verticalAlign: 'top',
  wordBreak: 'break-all',
};

export function JsonDiff({ before, after }: { before: unknown; after: unknown }) {
  const { t } = useI18n();
  const rows = diffRows(before, after);
  if (rows.length === 0) return <Typography.Text type="secondary">{t('audit.noChange')}</Typography.Text>;
  return (
    <table data-testid="audit-diff" style={{ borderCollapse: 'collapse', width: '100%', background: '#fff' }}>
      <thead>
        <tr style={{ background: '#fafafa', textAlign: 'left' }}>
          <th style={{ ...cell, width: 200 }}>{t('audit.field')}</th>
          <th style={cell}>{t('audit.before')}</th>
          <th style={cell}>{t('audit.after')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.key} data-changed={r.changed ? 'true' : undefined} style={r.changed ? { background: '#fffbe6' } : undefined}>
            <td style={{ ...cell, fontWeight: r.changed ? 600 : 400 }}>{r.key}</td>
            <td style={{ ...cell, color: r.changed ? '#cf1322' : '#8c8c8c' }}>{compactJson(r.before)}</td>
            <td style={{ ...cell, color: r.changed ? '#1f7a5a' : '#8c8c8c' }}>{compactJson(r.after)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
