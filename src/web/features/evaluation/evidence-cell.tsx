/**
 * The evidence of one item on the score sheet: its files (open or save under the uploaded name),
 * what the standard asks for and is still missing, and — for the level acting now — upload, pick a
 * file attached in an earlier cycle (linked, not stored again) and remove what this stage attached.
 */
import { DeleteOutlined, PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import { App as AntApp, Button, Dropdown, Space, Tag, Tooltip, Upload } from 'antd';
import { useState } from 'react';
import type { StandardItem } from '../../../domain/evaluation/standard.js';
import { errorText } from '../../shared/api.js';
import { useI18n } from '../../shared/i18n.js';
import { reviewApi, type EvidenceDto } from './evaluation-api.js';

export interface EvidenceCellProps {
  applicationId: number;
  item: StandardItem;
  files: EvidenceDto[];
  /** The stage acting now, if the user's level acts: it may upload and remove what it attached. */
  acting: string | null;
  earlier: EvidenceDto[];
  limit: { bytes: number; text: string } | null;
  onChange: () => void;
}

export function EvidenceCell({ applicationId, item, files, acting, earlier, limit, onChange }: EvidenceCellProps) {
  const { t, pick, lang } = useI18n();
  const { message } = AntApp.useApp();
  const [busy, setBusy] = useState(false);
  const run = async (fn: () => Promise<unknown>, ok?: string) => {
    setBusy(true);
    try {
      await fn();
      if (ok) message.success(ok);
      onChange();
    } catch (e) {
      message.error(errorText(e, lang));
    } finally {
      setBusy(false);
    }
  };
  const missing = item.evidence.length && !files.length ? item.evidence.map((k) => pick(k)).join('、') : null;
  const reusable = earlier.filter((e) => !files.some((f) => f.sha256 === e.sha256));
  return (
    <Space direction="vertical" size={2} data-testid={`eval-evidence-${item.code}`}>
      {files.map((f) => (
        <Space key={f.id} size={4}>
          <a href={reviewApi.evidenceUrl(f.id)} target="_blank" rel="noreferrer" data-testid="eval-evidence-file">
            <PaperClipOutlined /> {f.filename}
          </a>
          {acting && f.stage === acting ? (
            <Tooltip title={t('eval.detach')}>
              <Button type="text" size="small" icon={<DeleteOutlined />} aria-label={t('eval.detach')} onClick={() => void run(() => reviewApi.detach(f.id))} data-testid="eval-evidence-remove" />
            </Tooltip>
          ) : null}
        </Space>
      ))}
      {missing ? <Tag color="orange" data-testid="eval-evidence-missing">{t('eval.evidenceMissing', { kinds: missing })}</Tag> : null}
      {acting ? (
        <Space size={4} wrap>
          <Tooltip title={limit ? t('eval.attachHint', { limit: limit.text }) : undefined}>
            <Upload
              showUploadList={false}
              accept=".pdf,.jpg,.jpeg,.png,.docx,.xlsx"
              beforeUpload={(file) => {
                if (limit && file.size > limit.bytes) {
                  message.error(t('eval.tooLarge', { name: file.name, limit: limit.text }));
                  return Upload.LIST_IGNORE;
                }
                void run(() => reviewApi.attach(applicationId, item.code, file), t('eval.attached', { name: file.name }));
                return false;
              }}
            >
              <Button size="small" icon={<UploadOutlined />} loading={busy} data-testid={`eval-attach-${item.code}`}>{t('eval.attach')}</Button>
            </Upload>
          </Tooltip>
          {reusable.length ? (
            <Dropdown menu={{ items: reusable.map((e) => ({ key: String(e.id), label: `${e.filename}（${e.item}）` })), onClick: ({ key }) => void run(() => reviewApi.reuse(applicationId, item.code, Number(key))) }}>
              <Button size="small" data-testid={`eval-reuse-${item.code}`}>{t('eval.reuseEarlier')}</Button>
            </Dropdown>
          ) : null}
        </Space>
      ) : null}
    </Space>
  );
}
