/** Typed calls for approval and completeness (docs/API.md, "Data collection (issue 3)"). */
import type { FacilityType } from '../../../domain/facility.js';
import { api } from '../../shared/api.js';
import { DATA_SET } from '../../shared/metadata-api.js';
import type { ReportStatus } from '../data-entry/report-api.js';

export interface ApprovalRow {
  facilityCode: string;
  facilityName: string;
  facilityType: FacilityType;
  divisionName?: string;
  status: ReportStatus | null;
  approvalLevel?: number | null;
  submittedAt?: string | null;
  updatedAt?: string | null;
  canApprove: boolean;
  canReturn: boolean;
}

export interface ApprovalQuery {
  period: string;
  area?: string;
  status?: ReportStatus;
  page?: number;
  pageSize?: number;
}

export interface CompletenessRow {
  code: string;
  name: string;
  expected: number;
  received: number;
  submitted: number;
  approved: number;
  onTime: number;
  late: number;
}

export interface Completeness {
  deadline?: string | null;
  area: CompletenessRow;
  children: CompletenessRow[];
}

export interface MissingFacility {
  code: string;
  name: string;
  type: FacilityType;
  divisionCode: string;
  divisionName?: string;
}

export const approvalApi = {
  list: (q: ApprovalQuery) => api.get<{ items: ApprovalRow[]; total: number }>('/api/approvals', { dataSet: DATA_SET, ...q }),
  approve: (period: string, facilityCodes: string[]) =>
    api.post<{ approved: number }>('/api/approvals/approve', { dataSet: DATA_SET, period, facilityCodes }),
  approveAll: (period: string, area?: string) =>
    api.post<{ approved: number }>('/api/approvals/approve-all', { dataSet: DATA_SET, period, area }),
  returnReports: (period: string, facilityCodes: string[], reason: string) =>
    api.post<{ returned: number }>('/api/approvals/return', { dataSet: DATA_SET, period, facilityCodes, reason }),
};

export const completenessApi = {
  get: (period: string, area?: string) =>
    api.get<Completeness>('/api/completeness', { dataSet: DATA_SET, period, area }),
  missing: (period: string, area: string | undefined, page: number, pageSize: number) =>
    api.get<{ items: MissingFacility[]; total: number }>('/api/completeness/missing', { dataSet: DATA_SET, period, area, page, pageSize }),
};
