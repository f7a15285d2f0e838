/** Typed calls for supervision and the inbox (docs/API.md, "Supervision"), typed by the shared API schemas. */
import type {
  CascadeBody, FromGapsBody, GapCandidatesAnswer, GapQueryDto, InboxAnswer, NewPlanBody, NewRectBody, NotificationsAnswer, ParseAnswer, PlanAnswer, PlansAnswer, ProgressBody, PublishBody,
  RectDetailDto, RectsAnswer, RectViewDto, StatsAnswer, TaskChangesBody, TaskDetailDto, TasksAnswer, TaskViewDto, VisitBody, WorkPointView,
} from '../../../domain/api/supervision.js';
import { api } from '../../shared/api.js';

export type { GapCandidatesAnswer, InboxAnswer, PlanAnswer, PlansAnswer, RectDetailDto, RectViewDto, StatsAnswer, TaskDetailDto, TaskViewDto, WorkPointView };

export interface FileDto {
  sha256: string;
  filename: string;
  bytes: number;
}

export const supervisionApi = {
  parse: (text: string) => api.post<ParseAnswer>('/api/supervision/workpoints/parse', { text }),
  parseFile: (file: File) => api.postRaw<ParseAnswer & { text: string }>('/api/supervision/workpoints/parse-file', file, 'application/octet-stream', { filename: file.name }),
  plans: () => api.get<PlansAnswer>('/api/supervision/plans'),
  plan: (id: number) => api.get<PlanAnswer>(`/api/supervision/plans/${id}`),
  createPlan: (p: NewPlanBody) => api.post<PlanAnswer>('/api/supervision/plans', p),
  publish: (id: number, o: PublishBody) => api.post<PlanAnswer>(`/api/supervision/plans/${id}/publish`, o),
  tasks: (q: { planId?: number; light?: string; top?: boolean } = {}) => api.get<TasksAnswer>('/api/supervision/tasks', { planId: q.planId, light: q.light, top: q.top ? 'true' : undefined }),
  task: (id: number) => api.get<TaskDetailDto>(`/api/supervision/tasks/${id}`),
  updateTask: (id: number, c: TaskChangesBody) => api.patch<TaskDetailDto>(`/api/supervision/tasks/${id}`, c),
  cascade: (id: number, b: CascadeBody) => api.post<TasksAnswer>(`/api/supervision/tasks/${id}/cascade`, b),
  report: (id: number, b: ProgressBody) => api.post<{ id: number }>(`/api/supervision/tasks/${id}/progress`, b),
  /** Sends the file as it is: the server tells its type from the content. */
  attachToReport: (id: number, pid: number, file: File) => api.postRaw<FileDto>(`/api/supervision/tasks/${id}/progress/${pid}/files`, file, 'application/octet-stream', { filename: file.name }),
  attachToRect: (id: number, file: File) => api.postRaw<FileDto>(`/api/supervision/rect/${id}/files`, file, 'application/octet-stream', { filename: file.name }),
  taskFileUrl: (id: number, sha: string) => `/api/supervision/tasks/${id}/files/${sha}`,
  rectFileUrl: (id: number, sha: string) => `/api/supervision/rect/${id}/files/${sha}`,
  complete: (id: number, note: string) => api.post<TaskDetailDto>(`/api/supervision/tasks/${id}/complete`, { note }),
  verify: (id: number, note: string) => api.post<TaskDetailDto>(`/api/supervision/tasks/${id}/verify`, { note }),
  reopen: (id: number, note: string) => api.post<TaskDetailDto>(`/api/supervision/tasks/${id}/reopen`, { note }),
  extend: (id: number, dueDate: string, reason: string) => api.post<TaskDetailDto>(`/api/supervision/tasks/${id}/extend`, { dueDate, reason }),
  remind: (id: number, note: string) => api.post<{ notified: number }>(`/api/supervision/tasks/${id}/remind`, { note }),
  stats: (planId?: number) => api.get<StatsAnswer>('/api/supervision/stats', { planId }),
  ledger: (planId?: number) => api.getBlob('/api/supervision/ledger', { planId, format: 'xlsx' }),
  rects: (q: { state?: string } = {}) => api.get<RectsAnswer>('/api/supervision/rect', q),
  rect: (id: number) => api.get<RectDetailDto>(`/api/supervision/rect/${id}`),
  gaps: (q: GapQueryDto) => api.get<GapCandidatesAnswer>('/api/supervision/rect/gaps', q as Record<string, string>),
  fromGaps: (b: FromGapsBody) => api.post<{ items: RectViewDto[] }>('/api/supervision/rect/from-gaps', b),
  createRect: (b: NewRectBody) => api.post<RectViewDto>('/api/supervision/rect', b),
  visit: (b: VisitBody) => api.post<{ items: RectViewDto[] }>('/api/supervision/visits', b),
  submitRect: (id: number, completion: string) => api.post<RectViewDto>(`/api/supervision/rect/${id}/submit`, { completion }),
  verifyRect: (id: number, accept: boolean, note: string) => api.post<RectViewDto>(`/api/supervision/rect/${id}/verify`, { accept, note }),
  inbox: () => api.get<InboxAnswer>('/api/inbox'),
  notifications: () => api.get<NotificationsAnswer>('/api/notifications'),
  markRead: (ids?: number[]) => api.post<{ marked: number }>('/api/notifications/read', { ids }),
};
