/** Step ① of the import: the file (CSV or XLSX, within the server's limits), strict or partial mode, and the template. */
import { EyeOutlined, InboxOutlined } from '@ant-design/icons';
import { Button, Card, Radio, Space, Typography, Upload } from 'antd';
import { formatNumber } from '../../shared/format.js';
import { useI18n } from '../../shared/i18n.js';
import type { ImportLimits, ImportMode } from './import-api.js';
import { ImportTemplate } from './import-template.js';

export const IMPORT_ACCEPT = '.csv,.xlsx';

export function ImportFileStep(props: {
  file: File | null;
  mode: ImportMode;
  /** The server's bounds (GET /api/imports/limits); null until loaded, when the server alone checks. */
  limits: ImportLimits | null;
  busy: boolean;
  onFile: (file: File | null) => void;
  onMode: (mode: ImportMode) => void;
  onPreview: () => void;
  onRejectFile: (reason: string) => void;
}) {
  const { t } = useI18n();
  const { file, limits } = props;
  return (
    <div style={{ display: 'grid', gridTemplateColumns: 'minmax(0, 3fr) minmax(280px, 2fr)', gap: 16 }}>
      <Card size="small" title={t('import.step.file')}>
        <Upload.Dragger
          data-testid="import-file"
          accept={IMPORT_ACCEPT}
          maxCount={1}
          multiple={false}
          fileList={file ? [{ uid: 'import', name: file.name, size: file.size, status: 'done' }] : []}
          beforeUpload={(f) => {
            if (!/\.(csv|xlsx)$/i.test(f.name)) props.onRejectFile(t('import.badType'));
            else if (limits && f.size > limits.uploadBytes) props.onRejectFile(t('import.tooBig', { limit: limits.uploadText }));
            else props.onFile(f);
            return Upload.LIST_IGNORE;
          }}
          onRemove={() => {
            props.onFile(null);
            return true;
          }}
        >
          <p className="ant-upload-drag-icon">
            <InboxOutlined />
          </p>
          <p className="ant-upload-text">{t('import.drop')}</p>
          <p className="ant-upload-hint">{t('import.dropHint')}</p>
          {limits ? (
            <p className="ant-upload-hint" data-testid="import-limits">
              {t('import.limits', { size: limits.uploadText, rows: formatNumber(limits.rows) })}
            </p>
          ) : null}
        </Upload.Dragger>
        <div style={{ marginTop: 16 }}>
          <Typography.Text strong>{t('import.mode')}</Typography.Text>
          <Radio.Group
            data-testid="import-mode"
            value={props.mode}
            onChange={(e) => props.onMode(e.target.value as ImportMode)}
            style={{ display: 'flex', flexDirection: 'column', gap: 6, marginTop: 8 }}
          >
            <Radio value="strict" data-testid="import-mode-strict">
              <Typography.Text>{t('import.mode.strict')}</Typography.Text>
              <Typography.Text type="secondary" style={{ marginInlineStart: 8, fontSize: 12 }}>
                {t('import.mode.strictHint')}
              </Typography.Text>
            </Radio>
            <Radio value="partial" data-testid="import-mode-partial">
              <Typography.Text>{t('import.mode.partial')}</Typography.Text>
              <Typography.Text type="secondary" style={{ marginInlineStart: 8, fontSize: 12 }}>
                {t('import.mode.partialHint')}
              </Typography.Text>
            </Radio>
          </Radio.Group>
        </div>
        <Space style={{ marginTop: 16 }}>
          <Button type="primary" icon={<EyeOutlined />} disabled={!file} loading={props.busy} onClick={props.onPreview} data-testid="import-preview">
            {t('import.previewButton')}
          </Button>
          <Typography.Text type="secondary">{t('import.previewHint')}</Typography.Text>
        </Space>
      </Card>
      <Card size="small" title={t('import.templateTitle')}>
        <ImportTemplate />
        <Typography.Paragraph type="secondary" style={{ marginTop: 16, marginBottom: 0, fontSize: 12 }}>
          {t('import.formatHint')}
        </Typography.Paragraph>
      </Card>
    </div>
  );
}
