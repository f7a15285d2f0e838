/** The numbers of an import (rows, new, updated, unchanged, rejected) and its rejected rows and warnings. */
import { DownloadOutlined } from '@ant-design/icons';
import { Button, Card, Statistic, Table, Tabs, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { csvBlob, saveBlob } from '../../shared/download.js';
import { formatNumber } from '../../shared/format.js';
import { useI18n } from '../../shared/i18n.js';
import type { ImportIssue, ImportSummary } from './import-api.js';

export function ImportStats({ summary, dryRun }: { summary: ImportSummary; dryRun: boolean }) {
  const { t } = useI18n();
  const cells = [
    { key: 'rows', title: t('import.rows'), value: summary.rows, color: undefined },
    { key: 'inserted', title: dryRun ? t('import.willInsert') : t('import.inserted'), value: summary.inserted, color: '#1f7a5a' },
    { key: 'updated', title: dryRun ? t('import.willUpdate') : t('import.updated'), value: summary.updated, color: '#1677ff' },
    { key: 'unchanged', title: t('import.unchanged'), value: summary.unchanged, color: '#8c8c8c' },
    { key: 'rejected', title: t('import.rejected'), value: summary.rejected, color: summary.rejected ? '#cf1322' : '#8c8c8c' },
    { key: 'skipped', title: t('import.skipped'), value: summary.skipped, color: '#8c8c8c' },
  ];
  return (
    <div data-testid="import-summary" style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(110px, 1fr))', gap: 10 }}>
      {cells.map((c) => (
        <Card key={c.key} size="small" data-stat={c.key} styles={{ body: { padding: '10px 12px' } }}>
          <Statistic
            title={c.title}
            value={c.value}
            formatter={(v) => formatNumber(Number(v))}
            styles={{ content: { fontSize: 22, color: c.color, fontWeight: 600 } }}
          />
        </Card>
      ))}
    </div>
  );
}

function useIssueColumns(withFacility: boolean): TableColumnsType<ImportIssue> {
  const { t, lang } = useI18n();
  return [
    { title: t('import.row'), dataIndex: 'row', width: 70, align: 'right', sorter: (a, b) => (a.row ?? 0) - (b.row ?? 0), render: (v?: number | null) => v ?? '–' },
    { title: t('import.letter'), dataIndex: 'columnLetter', width: 64, render: (v?: string | null) => v || '–' },
    ...(withFacility ? [{ title: t('fac.code'), dataIndex: 'facilityCode', width: 170, render: (v?: string | null) => v ?? '–' }] : []),
    { title: t('import.column'), key: 'column', width: 180, ellipsis: true, render: (_: unknown, r: ImportIssue) => r.header || r.column || '–' },
    { title: t('import.code'), dataIndex: 'code', width: 116, render: (v: string) => <Tag style={{ marginInlineEnd: 0 }}>{v}</Tag> },
    { title: t('import.message'), key: 'message', render: (_, r) => (lang === 'en' ? (r.messageEn ?? r.message) : r.message) },
  ];
}

export function ImportIssues({ summary }: { summary: ImportSummary }) {
  const { t, lang } = useI18n();
  const plain = useIssueColumns(false);
  const withFacility = useIssueColumns(true);
  const keyed = (list: ImportIssue[]) => list.map((x, i) => ({ ...x, key: i }));
  const exportCsv = () => {
    const rows = [
      [t('import.row'), t('import.letter'), t('fac.code'), t('import.column'), t('import.code'), t('import.message')],
      ...summary.errors.map((e) => [e.row, e.columnLetter ?? '', e.facilityCode ?? '', e.header ?? e.column ?? '', e.code, lang === 'en' ? (e.messageEn ?? e.message) : e.message]),
    ];
    saveBlob(csvBlob(rows), 'import-errors.csv');
  };
  const errorsTotal = summary.errorsTotal ?? summary.errors.length;
  const warningsTotal = summary.warningsTotal ?? summary.warnings.length;
  const table = (list: ImportIssue[], total: number, testid: string) => (
    <>
      {total > list.length ? (
        <Typography.Paragraph type="secondary" data-testid={`${testid}-truncated`} style={{ marginBottom: 8 }}>
          {t('import.truncated', { n: formatNumber(list.length), total: formatNumber(total) })}
        </Typography.Paragraph>
      ) : null}
      <Table<ImportIssue & { key: number }>
        data-testid={testid}
        size="small"
        columns={(list.some((x) => x.facilityCode) ? withFacility : plain) as TableColumnsType<ImportIssue & { key: number }>}
        dataSource={keyed(list)}
        pagination={{ pageSize: 10, showSizeChanger: true, pageSizeOptions: [10, 50, 200], hideOnSinglePage: false, showTotal: (n) => t('common.totalItems', { n: formatNumber(n) }) }}
      />
    </>
  );
  return (
    <Tabs
      defaultActiveKey={summary.errors.length || !summary.warnings.length ? 'errors' : 'warnings'}
      tabBarExtraContent={
        summary.errors.length ? (
          <Button size="small" icon={<DownloadOutlined />} onClick={exportCsv} data-testid="import-errors-csv">
            {t('import.exportErrors')}
          </Button>
        ) : null
      }
      items={[
        { key: 'errors', label: t('import.errorsTab', { n: formatNumber(errorsTotal) }), children: table(summary.errors, errorsTotal, 'import-errors') },
        { key: 'warnings', label: t('import.warningsTab', { n: formatNumber(warningsTotal) }), children: table(summary.warnings, warningsTotal, 'import-warnings') },
      ]}
    />
  );
}
