/**
 * Typed calls for reports (docs/API.md, "Reports"): read, save, submit, validate, history — typed
 * by the shared API schemas (src/domain/api/data-entry.ts). The data set is the one the server
 * answered the periods for (its default).
 */
import type {
  HistoryEntryView,
  ReportAnswer,
  ReportHistoryAnswer,
  ReportView,
  ReportWriteAnswer,
  ValidateReportAnswer,
  ValidationView,
  ViolationView,
} from '../../../domain/api/data-entry.js';
import type { DataValues } from '../../../domain/program.js';
import { api } from '../../shared/api.js';
import { reportingPeriods } from '../../shared/periods.js';

export { REPORT_STATUSES } from '../../../domain/api/data-entry.js';
export type { ReportStatus } from '../../../domain/approval.js';
export type { ReportAnswer };
export type ReportDto = ReportView;
export type Violation = ViolationView;
export type Validation = ValidationView;
export type HistoryEntry = HistoryEntryView;

const enc = encodeURIComponent;
const reportPath = (period: string, facility: string) => `/api/reports/${enc(reportingPeriods().dataSet)}/${enc(period)}/${enc(facility)}`;

export const reportApi = {
  get: (period: string, facility: string) => api.get<ReportAnswer>(reportPath(period, facility)),
  save: (period: string, facility: string, values: DataValues, comment?: string) =>
    api.put<ReportWriteAnswer>(reportPath(period, facility), { values, comment }),
  submit: (period: string, facility: string, values: DataValues, comment?: string) =>
    api.post<ReportWriteAnswer>(`${reportPath(period, facility)}/submit`, { values, comment }),
  validate: (period: string, facility: string, values: DataValues, signal?: AbortSignal) =>
    api.post<ValidateReportAnswer>('/api/reports/validate', { dataSet: reportingPeriods().dataSet, period, facilityCode: facility, values }, { signal }),
  history: (period: string, facility: string) => api.get<ReportHistoryAnswer>(`${reportPath(period, facility)}/history`),
};
