/**
 * Typed calls for approval and completeness (docs/API.md, "Approval"). The answers are typed by
 * the shared API schemas (src/domain/api/approval.ts); no data set is named, so the server's
 * default applies.
 */
import type {
  ApprovalListAnswer,
  ApprovalListQuery,
  ApprovedAnswer,
  CompletenessAnswer,
  CompletenessRowView,
  MissingAnswer,
  QualityAnswer,
  QualityQuery,
  ReturnedAnswer,
  WorkItemView,
} from '../../../domain/api/approval.js';
import { api } from '../../shared/api.js';

export type { MissingFacility } from '../../../domain/api/approval.js';
export type ApprovalRow = WorkItemView;
export type ApprovalQuery = Omit<ApprovalListQuery, 'dataSet'>;
export type CompletenessRow = CompletenessRowView;
export type Completeness = CompletenessAnswer;

export const approvalApi = {
  list: (q: ApprovalQuery) => api.get<ApprovalListAnswer>('/api/approvals', { ...q }),
  approve: (period: string, facilityCodes: string[]) => api.post<ApprovedAnswer>('/api/approvals/approve', { period, facilityCodes }),
  approveAll: (period: string, area?: string) => api.post<ApprovedAnswer>('/api/approvals/approve-all', { period, area }),
  returnReports: (period: string, facilityCodes: string[], reason: string) =>
    api.post<ReturnedAnswer>('/api/approvals/return', { period, facilityCodes, reason }),
};

export const completenessApi = {
  get: (period: string, area?: string) => api.get<Completeness>('/api/completeness', { period, area }),
  missing: (period: string, area: string | undefined, page: number, pageSize: number) =>
    api.get<MissingAnswer>('/api/completeness/missing', { period, area, page, pageSize }),
};

export type { QualityAnswer, QualityFindingView } from '../../../domain/api/approval.js';
export type QualityFilter = Omit<QualityQuery, 'dataSet'>;

/** The data-quality review (GET /api/quality) and its Excel file. */
export const qualityApi = {
  review: (q: QualityFilter) => api.get<QualityAnswer>('/api/quality', { ...q }),
  file: (q: QualityFilter) => api.getBlob('/api/quality/export', { ...q, format: 'xlsx' }),
};
