/** Request and response schemas of supervision (督导调度) and the inbox, shared by the server and the web. */
import { z } from 'zod';
import { fileAnswer } from './common.js';

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD');
const light = z.enum(['red', 'yellow', 'blue', 'green', 'done']);
const taskState = z.enum(['not_started', 'in_progress', 'done', 'closed']);
const cadence = z.enum(['monthly', 'quarterly']);
const areaCode = z.string().min(2).max(12);

export const workPoint = z.object({ number: z.string().max(40), level: z.number().int().min(1).max(12), path: z.string().max(400), title: z.string().max(2000), text: z.string().max(20_000) });
export type WorkPointView = z.infer<typeof workPoint>;

export const parseBody = z.object({ text: z.string().max(500_000) });
export const parseAnswer = z.object({ items: z.array(workPoint) });
export type ParseAnswer = z.infer<typeof parseAnswer>;

export const idParams = z.object({ id: z.coerce.number().int().positive() });

export const newPlanBody = z.object({ title: z.string().max(200), year: z.number().int().min(2000).max(2100), office: z.string().max(100).nullish(), text: z.string().max(500_000), items: z.array(workPoint).max(2000).optional() });
export type NewPlanBody = z.input<typeof newPlanBody>;
export const planItemsBody = z.object({ items: z.array(workPoint).max(2000), title: z.string().max(200).optional() });
export const publishBody = z.object({ paths: z.array(z.string().max(400)).max(2000).optional(), startDate: day.optional(), dueDate: day.optional(), cadence: cadence.nullish(), leadOffice: z.string().max(100).nullish() });
export type PublishBody = z.input<typeof publishBody>;

export const planView = z.object({ id: z.number(), title: z.string(), year: z.number(), areaCode: z.string(), office: z.string().nullable(), items: z.array(workPoint), status: z.enum(['draft', 'published']), createdBy: z.string(), createdAt: z.string(), publishedAt: z.string().nullable() });
export const plansAnswer = z.object({ items: z.array(planView.extend({ taskCount: z.number() })) });
export type PlansAnswer = z.infer<typeof plansAnswer>;

const owner = z.object({ areaCode, office: z.string().max(100).nullable() });
const milestone = z.object({ title: z.string().max(200), plannedDate: day, weight: z.number().positive().max(1000) });
const kpi = z.object({ indicator: z.string().max(80), threshold: z.number().min(0).max(1e9), areaCode, period: z.string().regex(/^\d{4}$/) });
const lightInfo = z.object({ light, planned: z.number().nullable(), overdueReports: z.array(z.string()), daysLeft: z.number(), reasons: z.array(z.object({ zh: z.string(), en: z.string() })) });

export const taskView = z.object({
  id: z.number(), planId: z.number(), parentId: z.number().nullable(), path: z.string(), number: z.string(), title: z.string(), text: z.string(),
  issuerArea: z.string(), issuerName: z.string(), leadArea: z.string(), leadName: z.string(), leadOffice: z.string().nullable(), coOwners: z.array(owner), responsible: z.array(z.string()),
  startDate: z.string(), dueDate: z.string(), state: taskState, percent: z.number(), cadence: cadence.nullable(), milestones: z.array(milestone), kpi: kpi.nullable(),
  escalatedAt: z.string().nullable(), doneAt: z.string().nullable(), closedAt: z.string().nullable(), createdAt: z.string(), updatedAt: z.string(),
  light, lightInfo, children: z.number(), lastReportAt: z.string().nullable(),
});
export type TaskViewDto = z.infer<typeof taskView>;

const file = z.object({ sha256: z.string(), filename: z.string(), bytes: z.number() });
export const progressView = z.object({ id: z.number(), taskId: z.number(), period: z.string(), text: z.string(), percent: z.number(), late: z.boolean(), files: z.array(file), reportedBy: z.string(), reportedAt: z.string() });
export const eventView = z.object({ id: z.number(), taskId: z.number().nullable(), rectId: z.number().nullable(), kind: z.string(), note: z.string(), detail: z.unknown(), by: z.string(), at: z.string() });
export const rollupView = z.object({ total: z.number(), byLight: z.record(light, z.number()), averagePercent: z.number().nullable(), behind: z.array(z.object({ id: z.number(), leadArea: z.string(), leadName: z.string(), light, percent: z.number() })) });
export const kpiView = kpi.extend({ indicatorName: z.string(), value: z.number().nullable(), met: z.boolean().nullable() });

export const taskDetail = taskView.extend({ progress: z.array(progressView), events: z.array(eventView), childTasks: z.array(taskView), rollup: rollupView, kpiView: kpiView.nullable() });
export type TaskDetailDto = z.infer<typeof taskDetail>;
export const planAnswer = z.object({ plan: planView.extend({ sourceText: z.string() }), tasks: z.array(taskView) });
export type PlanAnswer = z.infer<typeof planAnswer>;

export const tasksQuery = z.object({ planId: z.coerce.number().int().positive().optional(), light: light.optional(), top: z.enum(['true', 'false']).optional() });
export const tasksAnswer = z.object({ items: z.array(taskView) });
export type TasksAnswer = z.infer<typeof tasksAnswer>;

export const taskChangesBody = z.object({ title: z.string().max(2000).optional(), leadOffice: z.string().max(100).nullish(), coOwners: z.array(owner).max(100).optional(), responsible: z.array(z.string().max(100)).max(50).optional(), startDate: day.optional(), dueDate: day.optional(), cadence: cadence.nullish(), milestones: z.array(milestone).max(50).optional(), kpi: kpi.nullish() });
export type TaskChangesBody = z.input<typeof taskChangesBody>;
export const cascadeBody = z.object({ areas: z.array(areaCode).max(500).default([]), dueDate: day.optional() });
export type CascadeBody = z.input<typeof cascadeBody>;
export const progressBody = z.object({ text: z.string().max(10_000), percent: z.number().int().min(0).max(100), period: z.string().regex(/^\d{4}(-\d{2}|Q[1-4])$/).optional() });
export type ProgressBody = z.input<typeof progressBody>;
export const noteBody = z.object({ note: z.string().max(4000).default('') });
export const extendBody = z.object({ dueDate: day, reason: z.string().max(2000) });
export const remindAnswer = z.object({ notified: z.number() });

export const rectSource = z.enum(['gap', 'evaluation', 'visit', 'manual']);
export const rectView = z.object({
  id: z.number(), source: rectSource, sourceRef: z.string().nullable(), areaCode: z.string(), areaName: z.string(), facilityCode: z.string().nullable(), subjectName: z.string(), problem: z.string(), requirement: z.string(),
  issuerArea: z.string(), issuerName: z.string(), issuedBy: z.string(), deadline: z.string(), indicator: z.string().nullable(), indicatorName: z.string().nullable(), threshold: z.number().nullable(), period: z.string().nullable(),
  state: z.enum(['open', 'submitted', 'closed']), completion: z.string().nullable(), files: z.array(file), submittedBy: z.string().nullable(), submittedAt: z.string().nullable(), verifiedBy: z.string().nullable(), closedAt: z.string().nullable(),
  createdAt: z.string(), updatedAt: z.string(), light,
});
export type RectViewDto = z.infer<typeof rectView>;
export const liveCheck = z.object({ value: z.number().nullable(), met: z.boolean().nullable(), text: z.string() });
export const rectDetail = rectView.extend({ events: z.array(eventView), live: liveCheck.nullable() });
export type RectDetailDto = z.infer<typeof rectDetail>;
export const rectsQuery = z.object({ state: z.enum(['open', 'submitted', 'closed']).optional(), source: rectSource.optional() });
export const rectsAnswer = z.object({ items: z.array(rectView) });
export type RectsAnswer = z.infer<typeof rectsAnswer>;

export const gapQuery = z.object({ indicator: z.string().max(80), period: z.string().regex(/^\d{4}$/), area: areaCode.optional(), level: z.enum(['province', 'city', 'county', 'township', 'facilities']).optional() });
export type GapQueryDto = z.input<typeof gapQuery>;
export const gapCandidatesAnswer = z.object({ target: z.number().nullable(), items: z.array(z.object({ areaCode: z.string(), facilityCode: z.string().nullable(), name: z.string(), value: z.number().nullable(), target: z.number().nullable() })) });
export type GapCandidatesAnswer = z.infer<typeof gapCandidatesAnswer>;
export const fromGapsBody = gapQuery.extend({ codes: z.array(z.string().max(40)).max(5000), deadline: day, requirement: z.string().max(2000).optional() });
export type FromGapsBody = z.input<typeof fromGapsBody>;
export const newRectBody = z.object({ areaCode, problem: z.string().max(4000), requirement: z.string().max(4000), deadline: day, indicator: z.string().max(80).nullish(), threshold: z.number().nullish(), period: z.string().regex(/^\d{4}$/).nullish(), source: z.enum(['evaluation', 'manual']).optional(), sourceRef: z.string().max(100).nullish() });
export type NewRectBody = z.input<typeof newRectBody>;
export const visitBody = z.object({ areaCode, visitDate: day, team: z.string().max(500), summary: z.string().max(10_000), findings: z.array(z.object({ problem: z.string().max(4000), requirement: z.string().max(4000), deadline: day, areaCode: areaCode.optional() })).max(200) });
export type VisitBody = z.input<typeof visitBody>;
export const visitAnswer = z.object({ visit: z.object({ id: z.number(), areaCode: z.string(), visitDate: z.string(), team: z.string(), summary: z.string() }), items: z.array(rectView) });
export const submitRectBody = z.object({ completion: z.string().max(10_000) });
export const verifyRectBody = z.object({ accept: z.boolean(), note: z.string().max(4000).default('') });
export const rectsCreatedAnswer = z.object({ items: z.array(rectView) });

export const inboxEntry = z.object({ kind: z.string(), title: z.string(), detail: z.string(), deadline: z.string().nullable(), light: light.nullable(), link: z.string(), count: z.number().optional() });
export type InboxEntryDto = z.infer<typeof inboxEntry>;
export const inboxAnswer = z.object({ entries: z.array(inboxEntry), count: z.number(), unread: z.number() });
export type InboxAnswer = z.infer<typeof inboxAnswer>;
export const notificationView = z.object({ id: z.number(), kind: z.string(), title: z.string(), body: z.string(), link: z.string(), createdAt: z.string(), readAt: z.string().nullable() });
export const notificationsAnswer = z.object({ items: z.array(notificationView), unread: z.number() });
export type NotificationsAnswer = z.infer<typeof notificationsAnswer>;
export const markReadBody = z.object({ ids: z.array(z.number().int()).max(1000).optional() });
export const markedAnswer = z.object({ marked: z.number() });

export const statsAnswer = z.object({
  byLight: z.record(light, z.number()),
  units: z.array(z.object({ areaCode: z.string(), areaName: z.string(), tasks: z.number(), done: z.number(), onTime: z.number(), overdue: z.number(), onTimeRate: z.number().nullable() })),
  overdue: z.array(taskView),
});
export type StatsAnswer = z.infer<typeof statsAnswer>;

export const ledgerQuery = z.object({ planId: z.coerce.number().int().positive().optional(), format: z.enum(['xlsx', 'csv']).default('xlsx') });
export const ledgerAnswer = fileAnswer('督办台账: 编号, 任务, 下达单位, 牵头单位, 牵头处室, 协办单位, 开始日期, 截止日期, 状态, 完成进度(%), 督办灯, 说明, 最近报送 — one row per task you may read');
export const statsQuery = z.object({ planId: z.coerce.number().int().positive().optional() });
export const fileParams = z.object({ id: z.coerce.number().int().positive(), sha256: z.string().regex(/^[0-9a-f]{64}$/) });
export const progressFileParams = z.object({ id: z.coerce.number().int().positive(), pid: z.coerce.number().int().positive() });
export const filenameQuery = z.object({ filename: z.string().max(300).optional() });
export const attachmentView = z.object({ sha256: z.string(), filename: z.string(), bytes: z.number() });
export const uploadBody = z.any().meta({ description: 'the file as the raw body: PDF, JPG/PNG, DOCX or XLSX (told by its content)', type: 'string', format: 'binary' });
export const attachmentFileAnswer = fileAnswer('the attachment, with the type told by its content');
