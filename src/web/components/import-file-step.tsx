/** Step ① of the import: the file (CSV or XLSX), strict or partial mode, and the template. */
import { EyeOutlined, InboxOutlined } from '@ant-design/icons';
import { Button, Card, Radio, Space, Typography, Upload } from 'antd';
import type { ImportMode } from '../endpoints-collect.js';
import { useI18n } from '../i18n.js';
import { ImportTemplate } from './import-template.js';

export const IMPORT_ACCEPT = '.csv,.xlsx';
const MAX_BYTES = 50 * 1024 * 1024;

export function ImportFileStep(props: {
  file: File | null;
  mode: ImportMode;
  busy: boolean;
  onFile: (file: File | null) => void;
  onMode: (mode: ImportMode) => void;
  onPreview: () => void;
  onRejectFile: (reason: string) => void;
}) {
  const { t } = useI18n();
  const { file } = props;
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
            else if (f.size > MAX_BYTES) props.onRejectFile(t('import.tooBig'));
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
