/** Typed calls for data collection (docs/API.md, "Data collection (issue 3)"): reports, approval, import, completeness. */
import type { FacilityType } from '../domain/facility.js';
import type { DataValue, DataValues, ProgramMetadata } from '../domain/program.js';
import type { FacilityDto } from './features/org-units/org-units-api.js';
import { api } from './shared/api.js';

export const DATA_SET = 'GTCM_ANNUAL';

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

export type ImportMode = 'strict' | 'partial';

export interface ImportIssue {
  row?: number | null;
  column?: string | null;
  code: string;
  message: string;
  messageEn?: string;
  facilityCode?: string;
}

export interface ImportSummary {
  rows: number;
  inserted: number;
  updated: number;
  unchanged: number;
  rejected: number;
  /** The first errors (the server lists at most ImportLimits.errorsListed); errorsTotal counts them all. */
  errors: ImportIssue[];
  errorsTotal?: number;
  errorsTruncated?: boolean;
  warnings: ImportIssue[];
  warningsTotal?: number;
  warningsTruncated?: boolean;
  /** Whether anything was written (false for a dry run, or a strict import with rejected rows). */
  stored?: boolean;
}

/** The bounds on one import file (GET /api/imports/limits), from the server's configuration. */
export interface ImportLimits {
  uploadBytes: number;
  /** uploadBytes in words, e.g. "200 MB". */
  uploadText: string;
  rows: number;
  columns: number;
  cellChars: number;
  xlsxUncompressedBytes: number;
  errorsListed: number;
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

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const enc = encodeURIComponent;
const reportPath = (period: string, facility: string) => `/api/reports/${DATA_SET}/${enc(period)}/${enc(facility)}`;

export const metadataApi = {
  get: () => api.get<{ programs: ProgramMetadata[] }>('/api/metadata'),
};

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

export const approvalApi = {
  list: (q: ApprovalQuery) => api.get<{ items: ApprovalRow[]; total: number }>('/api/approvals', { dataSet: DATA_SET, ...q }),
  approve: (period: string, facilityCodes: string[]) =>
    api.post<{ approved: number }>('/api/approvals/approve', { dataSet: DATA_SET, period, facilityCodes }),
  approveAll: (period: string, area?: string) =>
    api.post<{ approved: number }>('/api/approvals/approve-all', { dataSet: DATA_SET, period, area }),
  returnReports: (period: string, facilityCodes: string[], reason: string) =>
    api.post<{ returned: number }>('/api/approvals/return', { dataSet: DATA_SET, period, facilityCodes, reason }),
};

export const importApi = {
  limits: () => api.get<ImportLimits>('/api/imports/limits'),
  run: (file: File, mode: ImportMode, dryRun: boolean) =>
    api.postRaw<ImportSummary>('/api/imports', file, contentTypeOf(file), { mode, dryRun, filename: file.name }),
  template: (period: string, area?: string) =>
    api.getBlob('/api/imports/template', { dataSet: DATA_SET, period, area }),
};

export const completenessApi = {
  get: (period: string, area?: string) =>
    api.get<Completeness>('/api/completeness', { dataSet: DATA_SET, period, area }),
  missing: (period: string, area: string | undefined, page: number, pageSize: number) =>
    api.get<{ items: MissingFacility[]; total: number }>('/api/completeness/missing', { dataSet: DATA_SET, period, area, page, pageSize }),
};

/** The content type the import endpoint expects for a file, from its name. */
export function contentTypeOf(file: File): string {
  return /\.xlsx$/i.test(file.name) ? XLSX_TYPE : 'text/csv';
}
