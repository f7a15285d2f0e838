/**
 * /definitions (数据字典与指标口径, printable): the same rows as the two Excel files, made from the
 * metadata the platform runs on, on A4 paper — 打印 / 另存为 PDF gives the PDF to hand out.
 */
import { ArrowLeftOutlined, PrinterOutlined } from '@ant-design/icons';
import { Button, Skeleton } from 'antd';
import { Link } from 'react-router-dom';
import type { DefinitionsAnswer } from '../../../domain/api/platform.js';
import { api } from '../../shared/api.js';
import { ErrorAlert } from '../../shared/error-alert.js';
import { formatDate } from '../../shared/format.js';
import { useI18n } from '../../shared/i18n.js';
import { useAsync } from '../../shared/use-async.js';
import { REPORT_CSS } from '../indicators/report-styles.js';

/** The columns that fit A4 portrait (the Excel files have them all). */
const DICTIONARY_COLUMNS = ['code', 'name', 'value_type', 'options', 'applies_to', 'required_for', 'help'];
const INDICATOR_COLUMNS = ['name', 'kind', 'definition', 'types', 'targets', 'source'];

function DefinitionTable({ table, keys, testId }: { table: DefinitionsAnswer['dictionary']; keys: string[]; testId: string }) {
  const columns = keys.flatMap((k) => table.columns.filter((c) => c.key === k));
  // The Excel files' column widths, as shares of the paper's width.
  const total = columns.reduce((n, c) => n + (c.width ?? 12), 0);
  return (
    <table className="ar-table" data-testid={testId}>
      <colgroup>
        {columns.map((c) => (
          <col key={c.key} style={{ width: `${(((c.width ?? 12) / total) * 100).toFixed(1)}%` }} />
        ))}
      </colgroup>
      <thead>
        <tr>
          {columns.map((c) => (
            <th key={c.key}>{c.header}</th>
          ))}
        </tr>
      </thead>
      <tbody>
        {table.rows.map((r, i) => (
          <tr key={i}>
            {columns.map((c) => (
              <td key={c.key}>{r[c.key] === null || r[c.key] === undefined ? '' : String(r[c.key])}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function DefinitionsPage() {
  const { t } = useI18n();
  const defs = useAsync('definitions', () => api.get<DefinitionsAnswer>('/api/metadata/definitions'));
  return (
    <div className="ar-root" data-testid="definitions-page">
      <style>{REPORT_CSS}</style>
      <div className="ar-toolbar">
        <Link to="/help">
          <ArrowLeftOutlined /> {t('nav.help')}
        </Link>
        <span className="ar-spacer" />
        <Button type="primary" icon={<PrinterOutlined />} onClick={() => window.print()} disabled={!defs.data} data-testid="definitions-print">
          {t('help.print')}
        </Button>
      </div>
      <article className="ar-paper" data-testid="definitions-paper" data-ready={defs.data ? 'true' : 'false'}>
        <ErrorAlert error={defs.error} onRetry={defs.reload} />
        <h1>{t('help.defsTitle')}</h1>
        <div className="ar-meta">
          {t('app.title')} · {formatDate(new Date().toISOString())}
        </div>
        {defs.data ? (
          <>
            <h2>{t('help.dictTitle')}</h2>
            <DefinitionTable table={defs.data.dictionary} keys={DICTIONARY_COLUMNS} testId="definitions-dictionary" />
            <h2 className="ar-break">{t('help.defTitle')}</h2>
            <DefinitionTable table={defs.data.indicators} keys={INDICATOR_COLUMNS} testId="definitions-indicators" />
          </>
        ) : (
          <Skeleton active paragraph={{ rows: 12 }} />
        )}
      </article>
    </div>
  );
}
