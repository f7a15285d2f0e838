/** Report status labels: 草稿 / 已提交 / 已退回 / 县级·市级·省级已审核 / 国家已接收 (approvalLevel 3 → 0). */
import { Tag } from 'antd';
import { useI18n, type MessageKey } from '../../shared/i18n.js';
import type { ReportStatus } from './report-api.js';

const COLORS: Record<string, string> = {
  NONE: 'default',
  DRAFT: 'default',
  SUBMITTED: 'processing',
  RETURNED: 'error',
  APPROVED3: 'cyan',
  APPROVED2: 'blue',
  APPROVED1: 'geekblue',
  APPROVED0: 'success',
};

/** The i18n key of a status (APPROVED is told apart by the level that approved it). */
export function statusKey(status: ReportStatus | null | undefined, approvalLevel?: number | null): string {
  if (!status) return 'NONE';
  if (status !== 'APPROVED') return status;
  const level = approvalLevel === null || approvalLevel === undefined ? 3 : Math.max(0, Math.min(3, approvalLevel));
  return `APPROVED${level}`;
}

export function useStatusLabel() {
  const { t } = useI18n();
  return (status: ReportStatus | null | undefined, approvalLevel?: number | null) =>
    t(`status.${statusKey(status, approvalLevel)}` as MessageKey);
}

export function ReportStatusTag(props: {
  status: ReportStatus | null | undefined;
  approvalLevel?: number | null;
  'data-testid'?: string;
}) {
  const label = useStatusLabel();
  const key = statusKey(props.status, props.approvalLevel);
  return (
    <Tag color={COLORS[key]} data-testid={props['data-testid']} data-status={key} style={{ marginInlineEnd: 0 }}>
      {label(props.status, props.approvalLevel)}
    </Tag>
  );
}
