/** Typed calls for projects and funds (项目资金), typed by the shared API schemas. */
import type {
  AcceptanceBody, AcceptanceSheet, AllocateBody, BatchDetail, BatchView, ExecutionAnswer, FactorTableAnswer, FactorTableBody, ManualBatchBody, NewProjectBody, PreviewAnswer, PreviewBody,
  ProgressBody, ProjectDetail, ProjectsAnswer, ProjectTypesAnswer, ProjectView, SelfEvalAnswer, SpendingBody, SpendingView, TargetLeafView, TargetsBody,
} from '../../../domain/api/projects-funds.js';
import { api } from '../../shared/api.js';
import { reportingPeriods } from '../../shared/periods.js';

export type { AcceptanceSheet, BatchDetail, BatchView, ExecutionAnswer, FactorTableAnswer, PreviewAnswer, ProjectDetail, ProjectsAnswer, ProjectTypesAnswer, ProjectView, TargetLeafView };

export const projectsApi = {
  types: () => api.get<ProjectTypesAnswer>('/api/projects/types'),
  list: (q: { status?: string; type?: string; area?: string } = {}) => api.get<ProjectsAnswer>('/api/projects', q),
  create: (b: NewProjectBody) => api.post<ProjectView>('/api/projects', b),
  detail: (id: number) => api.get<ProjectDetail>(`/api/projects/${id}`),
  transition: (id: number, action: string, reason?: string) => api.post<ProjectView>(`/api/projects/${id}/transition`, { action, reason }),
  report: (id: number, b: ProgressBody) => api.post<ProjectView>(`/api/projects/${id}/progress`, b),
  setTargets: (id: number, b: TargetsBody) => api.put<{ items: TargetLeafView[] }>(`/api/projects/${id}/targets`, b),
  selfEvaluate: (id: number, year: number) => api.post<SelfEvalAnswer>(`/api/projects/${id}/self-evaluation`, { year }),
  acceptanceSheet: (id: number) => api.get<AcceptanceSheet>(`/api/projects/${id}/acceptance`),
  accept: (id: number, b: AcceptanceBody) => api.post<ProjectDetail>(`/api/projects/${id}/acceptance`, b),
};

export const fundsApi = {
  factors: (b: FactorTableBody) => api.post<FactorTableAnswer>('/api/funds/factors', b),
  factorFile: (file: File, kind: 'factors' | 'bands') => api.postRaw<{ columns: string[]; rows: { areaCode: string; factors: Record<string, string> }[]; bands: Record<string, string> }>('/api/funds/factors/file', file, 'application/octet-stream', { kind }),
  preview: (b: PreviewBody) => api.post<PreviewAnswer>('/api/funds/preview', b),
  allocate: (b: AllocateBody) => api.post<BatchDetail>('/api/funds/batches/by-factors', b),
  manualBatch: (b: ManualBatchBody) => api.post<BatchDetail>('/api/funds/batches', b),
  batches: () => api.get<{ items: BatchView[] }>('/api/funds/batches'),
  batch: (id: number) => api.get<BatchDetail>(`/api/funds/batches/${id}`),
  spend: (b: SpendingBody) => api.post<SpendingView>('/api/funds/spending', b),
  execution: (q: { area?: string; year?: number } = {}) => api.get<ExecutionAnswer>('/api/funds/execution', q),
  ledger: (q: { batch?: number; area?: string; year?: number }) => api.getBlob('/api/funds/ledger', { ...q, format: 'xlsx' }),
};

export const STATUS_TEXT: Record<string, { zh: string; en: string; color: string }> = {
  DECLARED: { zh: '申报', en: 'Declared', color: 'default' },
  APPROVED: { zh: '立项', en: 'Approved', color: 'cyan' },
  BUILDING: { zh: '建设中', en: 'Building', color: 'blue' },
  ACCEPTANCE: { zh: '验收', en: 'Acceptance', color: 'purple' },
  COMPLETED: { zh: '完成', en: 'Completed', color: 'green' },
  TERMINATED: { zh: '终止', en: 'Terminated', color: 'red' },
};
export const WARNING_TEXT: Record<string, { zh: string; en: string; color: string }> = {
  ok: { zh: '正常', en: 'On plan', color: 'green' },
  behind: { zh: '执行滞后', en: 'Behind plan', color: 'gold' },
  far_behind: { zh: '严重滞后', en: 'Far behind', color: 'red' },
};
export const BAND_TEXT: Record<string, { zh: string; en: string; color: string }> = {
  EXCELLENT: { zh: '优', en: 'Excellent', color: 'green' },
  GOOD: { zh: '良', en: 'Good', color: 'blue' },
  FAIR: { zh: '中', en: 'Fair', color: 'gold' },
  POOR: { zh: '差', en: 'Poor', color: 'red' },
};
export const ACTION_TEXT: Record<string, { zh: string; en: string }> = {
  approve: { zh: '立项', en: 'Approve' },
  start: { zh: '开工建设', en: 'Start construction' },
  apply_acceptance: { zh: '申请验收', en: 'Apply for acceptance' },
  terminate: { zh: '终止', en: 'Terminate' },
};
export const yuanText = (y: string | number) => Number(y).toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
export const pct = (v: number | null | undefined) => (v === null || v === undefined ? '—' : `${(v * 100).toFixed(1)}%`);
/** The server's day and year (its clock, not the browser's): what dates default to and are checked against. */
export const serverToday = () => reportingPeriods().today;
export const serverYear = () => Number(serverToday().slice(0, 4));
