/** Typed calls for reports (docs/API.md, "Data collection (issue 3)"): read, save, submit, validate, history. */
import type { DataValue, DataValues } from '../../../domain/program.js';
import { api } from '../../shared/api.js';
import { DATA_SET } from '../../shared/metadata-api.js';
import type { FacilityDto } from '../org-units/org-units-api.js';

export type ReportStatus = 'DRAFT' | 'SUBMITTED' | 'RETURNED' | 'APPROVED';
export const REPORT_STATUSES: ReportStatus[] = ['DRAFT', 'SUBMITTED', 'RETURNED', 'APPROVED'];

export interface ReportDto {
  facilityCode: string;
  dataSet: string;
  period: string;
  values: DataValues;
  status: ReportStatus;
  approvalLevel?: number | null;
  comment?: string | null;
  returnReason?: string | null;
  submittedAt?: string | null;
  updatedAt?: string | null;
  updatedBy?: string | null;
}

export interface ReportAnswer {
  report: ReportDto | null;
  elements: string[];
  facility?: FacilityDto;
  previous?: DataValues | null;
  locked?: boolean;
  lockedReason?: string | null;
  lockedReasonEn?: string | null;
}

export interface Violation {
  rule: string;
  elements: string[];
  severity: 'ERROR' | 'WARNING';
  message: string;
  messageEn?: string;
}

export interface Validation {
  errors: Violation[];
  warnings: Violation[];
}

export interface HistoryEntry {
  at: string;
  actor: string;
  action: string;
  element: string;
  before: DataValue | null | undefined;
  after: DataValue | null | undefined;
}

const enc = encodeURIComponent;
const reportPath = (period: string, facility: string) => `/api/reports/${DATA_SET}/${enc(period)}/${enc(facility)}`;

export const reportApi = {
  get: (period: string, facility: string) => api.get<ReportAnswer>(reportPath(period, facility)),
  save: (period: string, facility: string, values: DataValues, comment?: string) =>
    api.put<{ report: ReportDto; validation?: Validation }>(reportPath(period, facility), { values, comment }),
  submit: (period: string, facility: string, values: DataValues, comment?: string) =>
    api.post<{ report: ReportDto; validation?: Validation }>(`${reportPath(period, facility)}/submit`, { values, comment }),
  validate: (period: string, facility: string, values: DataValues, signal?: AbortSignal) =>
    api.post<{ validation: Validation }>(
      '/api/reports/validate',
      { dataSet: DATA_SET, period, facilityCode: facility, values },
      { signal },
    ),
  history: (period: string, facility: string) => api.get<{ items: HistoryEntry[] }>(`${reportPath(period, facility)}/history`),
};
