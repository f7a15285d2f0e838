/** Typed calls for evaluation (docs/API.md, "Evaluation"), typed by the shared API schemas. */
import type { AutoscoreAnswer, AutoscoreRow } from '../../../domain/api/evaluation.js';
import type { Standard } from '../../../domain/evaluation/standard.js';
import { api } from '../../shared/api.js';

export type { AutoscoreAnswer, AutoscoreRow, Standard };

export interface StandardSummary {
  code: string;
  version: string;
  name: { zh: string; en: string };
  subject: string;
  passLine: number;
  scale: number;
}

export const evaluationApi = {
  standards: () => api.get<{ items: StandardSummary[] }>('/api/evaluation/standards'),
  standard: (code: string) => api.get<Standard>(`/api/evaluation/standards/${encodeURIComponent(code)}`),
  autoscore: (standard: string, period: string, area?: string) => api.get<AutoscoreAnswer>('/api/evaluation/autoscore', { standard, period, area }),
};

import type { ApplicationDetail, ApplicationDto, AtRiskView, ChecklistAnswer, EarlyWarningAnswer, EvidenceDto, ExpertDto, NewCycleBody, ObjectionDto, OverviewAnswer, RankingAnswer, SampleDto } from '../../../domain/api/evaluation.js';
export type { OverviewAnswer, RankingAnswer, ApplicationDetail, ApplicationDto, AtRiskView, ChecklistAnswer, EarlyWarningAnswer, EvidenceDto, ExpertDto, NewCycleBody, ObjectionDto, SampleDto };
export type CycleDto = ApplicationDetail['cycle'];
export interface ScoreInput {
  item: string;
  points?: number;
  veto?: boolean;
  notApplicable?: boolean;
  note?: string;
}

export const reviewApi = {
  cycles: () => api.get<{ items: CycleDto[] }>('/api/evaluation/cycles'),
  createCycle: (c: NewCycleBody) => api.post<CycleDto>('/api/evaluation/cycles', c),
  applications: (cycle: string, stage?: string) => api.get<{ items: ApplicationDto[] }>(`/api/evaluation/cycles/${encodeURIComponent(cycle)}/applications`, { stage }),
  enrol: (cycle: string, subjectCode: string) => api.post<ApplicationDto>(`/api/evaluation/cycles/${encodeURIComponent(cycle)}/applications`, { subjectCode }),
  application: (id: number) => api.get<ApplicationDetail>(`/api/evaluation/applications/${id}`),
  score: (id: number, scores: ScoreInput[]) => api.put<ApplicationDetail>(`/api/evaluation/applications/${id}/scores`, { scores }),
  submit: (id: number, decision: 'pass' | 'reject', note?: string) => api.post<ApplicationDto>(`/api/evaluation/applications/${id}/submit`, { decision, note }),
  returnTo: (id: number, reason: string) => api.post<ApplicationDto>(`/api/evaluation/applications/${id}/return`, { reason }),
  object: (id: number, text: string) => api.post<ObjectionDto>(`/api/evaluation/applications/${id}/objections`, { text }),
  resolve: (objectionId: number, resolution: string) => api.post<ObjectionDto>(`/api/evaluation/objections/${objectionId}/resolve`, { resolution }),
  name: (id: number) => api.post<ApplicationDto>(`/api/evaluation/applications/${id}/name`),
  earlyWarning: (standard: string, period: string, area?: string) => api.get<EarlyWarningAnswer>('/api/evaluation/early-warning', { standard, period, area }),
  results: (cycle: string, stage?: string) => api.getBlob(`/api/evaluation/cycles/${encodeURIComponent(cycle)}/results`, { stage, format: 'xlsx' }),
  experts: () => api.get<{ items: ExpertDto[] }>('/api/evaluation/experts'),
  addExpert: (e: { name: string; provinceCode: string; specialty: string; contact?: string; group?: string; username?: string }) => api.post<ExpertDto>('/api/evaluation/experts', e),
  declareConflict: (expertId: number, subjectCode: string, note: string) => api.post<unknown>(`/api/evaluation/experts/${expertId}/conflicts`, { subjectCode, note }),
  assign: (id: number, expertId: number) => api.post<unknown>(`/api/evaluation/applications/${id}/experts`, { expertId }),
  evidenceLimits: () => api.get<{ bytes: number; text: string; kinds: string[] }>('/api/evaluation/evidence/limits'),
  /** Sends the file as it is: the server tells its type from the content. */
  attach: (id: number, item: string, file: File) => api.postRaw<EvidenceDto>(`/api/evaluation/applications/${id}/evidence`, file, 'application/octet-stream', { item, filename: file.name }),
  earlierEvidence: (id: number) => api.get<{ items: EvidenceDto[] }>(`/api/evaluation/applications/${id}/evidence/earlier`),
  reuse: (id: number, item: string, evidenceId: number) => api.post<EvidenceDto>(`/api/evaluation/applications/${id}/evidence/reuse`, { item, evidenceId }),
  detach: (evidenceId: number) => api.del<unknown>(`/api/evaluation/evidence/${evidenceId}`),
  evidenceUrl: (evidenceId: number) => `/api/evaluation/evidence/${evidenceId}/file`,
  sheet: (id: number) => api.getBlob(`/api/evaluation/applications/${id}/sheet`, { format: 'xlsx' }),
  ranking: (cycle: string, stage?: string) => api.get<RankingAnswer>(`/api/evaluation/cycles/${encodeURIComponent(cycle)}/ranking`, { stage }),
  overview: (cycle: string) => api.get<OverviewAnswer>(`/api/evaluation/cycles/${encodeURIComponent(cycle)}/overview`),
  sample: (cycle: string) => api.get<{ items: SampleDto[] }>(`/api/evaluation/cycles/${encodeURIComponent(cycle)}/onsite-sample`),
  drawSample: (cycle: string, b: { random: number; seed?: number }) => api.post<{ items: SampleDto[] }>(`/api/evaluation/cycles/${encodeURIComponent(cycle)}/onsite-sample`, b),
  checklist: (id: number) => api.get<ChecklistAnswer>(`/api/evaluation/applications/${id}/onsite`),
  check: (id: number, checks: { item: string; result: 'MET' | 'PARTLY' | 'NOT_MET'; note?: string }[]) => api.put<ChecklistAnswer>(`/api/evaluation/applications/${id}/onsite`, { checks }),
  assignGroup: (id: number, group: string) => api.post<unknown>(`/api/evaluation/applications/${id}/experts`, { group }),
  reReview: (b: { standard: string; subjectCode: string; year: number; passed: boolean; note: string }) => api.post<unknown>('/api/evaluation/re-reviews', b),
};
