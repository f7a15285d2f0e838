/** Request and response schemas of projects and funds (项目资金), shared by the server and the web. Amounts are yuan as text with 2 decimals. */
import { z } from 'zod';
import { fileAnswer, i18nText } from './common.js';
import { PROJECT_ACTIONS, PROJECT_STATUSES, TARGET_CATEGORIES, TARGET_SUBS } from '../funds/project.js';

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD');
const areaCode = z.string().min(2).max(12);
/** Yuan, at most 2 decimals (a reversal may be negative where allowed). */
export const yuan = z.string().regex(/^-?\d{1,13}(\.\d{1,2})?$/, 'yuan with at most 2 decimals');
const light = z.enum(['red', 'yellow', 'blue', 'green', 'done']);
const band = z.enum(['EXCELLENT', 'GOOD', 'FAIR', 'POOR']);
const warning = z.enum(['ok', 'behind', 'far_behind']);

export const BUDGET_SOURCES = ['CENTRAL', 'PROVINCIAL', 'MUNICIPAL', 'COUNTY'] as const;
export const BUDGET_SOURCE_NAMES: Record<(typeof BUDGET_SOURCES)[number], { zh: string; en: string }> = {
  CENTRAL: { zh: '中央', en: 'central' },
  PROVINCIAL: { zh: '省级', en: 'provincial' },
  MUNICIPAL: { zh: '市级', en: 'municipal' },
  COUNTY: { zh: '县级', en: 'county' },
};
export const budget = z.object({ CENTRAL: yuan, PROVINCIAL: yuan, MUNICIPAL: yuan, COUNTY: yuan });
export type Budget = z.infer<typeof budget>;

export const idParams = z.object({ id: z.coerce.number().int().positive() });

// ---- project types

const milestoneTemplate = z.object({ code: z.string(), name: i18nText, month: z.number(), weight: z.number() });
export const targetTemplate = z.object({ category: z.enum(TARGET_CATEGORIES), sub: z.enum(TARGET_SUBS), name: i18nText, unit: z.string(), direction: z.enum(['>=', '<=']), target: z.number(), indicator: z.string().optional() });
export const projectTypeView = z.object({
  code: z.string(),
  name: i18nText,
  source: z.string().optional(),
  subject: z.union([z.object({ kind: z.literal('FACILITY'), types: z.array(z.string()) }), z.object({ kind: z.literal('COUNTY'), list: z.string().optional() })]),
  months: z.number(),
  milestones: z.array(milestoneTemplate),
  acceptance: z.object({ standard: z.string() }),
  targets: z.array(targetTemplate),
});
export const projectTypesAnswer = z.object({ items: z.array(projectTypeView), regions: z.array(z.object({ code: z.string(), name: i18nText, prefixes: z.array(z.string()), counties: z.array(z.string()) })) });
export type ProjectTypesAnswer = z.infer<typeof projectTypesAnswer>;

// ---- projects

export const newProjectBody = z.object({
  type: z.string().min(1).max(40),
  subjectCode: z.string().min(2).max(30).describe('a facility code, or a county code for a county project'),
  name: z.string().min(1).max(200).optional(),
  startDate: day,
  endDate: day.optional().describe('default: the start plus the type\'s months'),
  budget: budget.partial().optional(),
  managerArea: areaCode.optional().describe('the level that approves, funds and accepts (default: the province)'),
});
export type NewProjectBody = z.input<typeof newProjectBody>;

export const milestoneView = z.object({ code: z.string(), name: z.string(), plannedDate: z.string(), weight: z.number(), doneDate: z.string().nullable() });
export const targetLeafView = z.object({
  id: z.string(),
  category: z.enum(TARGET_CATEGORIES),
  sub: z.enum(TARGET_SUBS),
  name: z.string(),
  unit: z.string(),
  direction: z.enum(['>=', '<=']),
  target: z.number(),
  indicator: z.string().optional(),
  actual: z.number().nullable(),
  /** Bound leaves: read live (period and source). */
  live: z.object({ period: z.string(), areaCode: z.string() }).nullable().optional(),
  completion: z.number().optional(),
});
export type TargetLeafView = z.infer<typeof targetLeafView>;

export const fundFigures = z.object({ allocated: yuan, spent: yuan, rate: z.number().nullable(), planned: z.number(), warning });
export type FundFigures = z.infer<typeof fundFigures>;

export const projectView = z.object({
  id: z.number(),
  type: z.string(),
  typeName: z.string(),
  name: z.string(),
  subjectCode: z.string(),
  subjectName: z.string(),
  areaCode: z.string(),
  areaName: z.string(),
  managerArea: z.string(),
  startDate: z.string(),
  endDate: z.string(),
  status: z.enum(PROJECT_STATUSES),
  terminatedReason: z.string().nullable(),
  budget,
  budgetTotal: yuan,
  milestones: z.array(milestoneView),
  percent: z.number(),
  light,
  planned: z.number().nullable(),
  reasons: z.array(i18nText),
  onSchedule: z.boolean(),
  funds: fundFigures,
  lastBand: band.nullable(),
  /** What the caller may do now. */
  actions: z.array(z.enum([...PROJECT_ACTIONS, 'report', 'accept', 'self_evaluate', 'edit_targets', 'spend'])),
  createdAt: z.string(),
});
export type ProjectView = z.infer<typeof projectView>;
export const projectsQuery = z.object({ status: z.enum(PROJECT_STATUSES).optional(), type: z.string().max(40).optional(), area: areaCode.optional() });
export const projectsAnswer = z.object({ items: z.array(projectView), counts: z.record(z.string(), z.number()) });
export type ProjectsAnswer = z.infer<typeof projectsAnswer>;

export const progressView = z.object({ id: z.number(), period: z.string(), percent: z.number(), text: z.string(), reportedBy: z.string(), reportedAt: z.string() });
export const selfEvalView = z.object({ id: z.number(), year: z.number(), score: z.number(), band, by: z.string(), at: z.string() });
export const acceptanceItemView = z.object({
  item: z.string(),
  section: z.string(),
  name: z.string(),
  kind: z.enum(['BASIC', 'BONUS', 'VETO']),
  mode: z.string(),
  automatic: z.boolean(),
  max: z.number().nullable(),
  points: z.number().nullable(),
  value: z.number().nullable(),
  veto: z.boolean().nullable(),
  applicable: z.boolean(),
});
export const acceptanceView = z.object({ id: z.number(), standard: z.string(), period: z.string(), total: z.number(), passed: z.boolean(), note: z.string().nullable(), by: z.string(), at: z.string(), items: z.array(acceptanceItemView) });
export const spendingView = z.object({ id: z.number(), projectId: z.number().nullable(), areaCode: z.string(), year: z.number(), spentOn: z.string(), amount: yuan, purpose: z.string(), voucher: z.string().nullable(), createdBy: z.string(), createdAt: z.string() });
export type SpendingView = z.infer<typeof spendingView>;
export const allocationView = z.object({ id: z.number(), batchId: z.number(), fund: z.string(), year: z.number(), kind: z.enum(['ADVANCE', 'FORMAL']), docNo: z.string(), areaCode: z.string(), areaName: z.string(), projectId: z.number().nullable(), amount: yuan });
export type AllocationView = z.infer<typeof allocationView>;

export const projectDetail = projectView.extend({
  targets: z.array(targetLeafView),
  progress: z.array(progressView),
  selfEvals: z.array(selfEvalView),
  acceptances: z.array(acceptanceView),
  allocations: z.array(allocationView),
  spendings: z.array(spendingView),
  acceptanceStandard: z.string(),
});
export type ProjectDetail = z.infer<typeof projectDetail>;

export const transitionBody = z.object({ action: z.enum(PROJECT_ACTIONS), reason: z.string().max(1000).optional() });
export const progressBody = z.object({ percent: z.number().min(0).max(100), text: z.string().min(1).max(5000), milestonesDone: z.array(z.object({ code: z.string(), doneDate: day })).max(50).optional(), period: z.string().max(10).optional() });
export type ProgressBody = z.input<typeof progressBody>;
export const targetsBody = z.object({ leaves: z.array(targetLeafView.pick({ id: true, category: true, sub: true, name: true, unit: true, direction: true, target: true, indicator: true, actual: true }).partial({ id: true })).max(60) });
export type TargetsBody = z.input<typeof targetsBody>;
export const selfEvalBody = z.object({ year: z.number().int().min(2000).max(2100) });
export const selfEvalAnswer = selfEvalView.extend({ leaves: z.array(z.object({ id: z.string(), completion: z.number(), points: z.number(), max: z.number() })), budget: z.object({ rate: z.number().nullable(), points: z.number(), max: z.number() }) });
export type SelfEvalAnswer = z.infer<typeof selfEvalAnswer>;

export const acceptanceSheet = z.object({ standard: z.string(), standardName: z.string(), period: z.string(), passLine: z.number(), items: z.array(acceptanceItemView) });
export type AcceptanceSheet = z.infer<typeof acceptanceSheet>;
export const acceptanceBody = z.object({
  period: z.string().max(10).optional(),
  entries: z.array(z.object({ item: z.string(), points: z.number().min(0).optional(), veto: z.boolean().optional(), notApplicable: z.boolean().optional() })).max(200),
  note: z.string().max(2000).optional(),
});
export type AcceptanceBody = z.input<typeof acceptanceBody>;

// ---- funds

export const FACTOR_SOURCES = ['FACILITIES_CHC_THC', 'FACILITIES_VC', 'FACILITIES_ALL', 'ELDERLY', 'VISITS', 'GAP'] as const;
export const factorSpec = z.object({ name: z.string().min(1).max(40), source: z.enum(FACTOR_SOURCES), indicator: z.string().max(60).optional().describe('GAP: the indicator whose gap to target is the factor') });
export type FactorSpec = z.infer<typeof factorSpec>;

export const factorTableBody = z.object({ area: areaCode.optional().describe('the allocating level (default: the caller\'s own)'), level: z.enum(['province', 'city', 'county']).optional().describe('the areas that receive (default: the level below; counties under a municipality)'), period: z.string().max(10).optional(), factors: z.array(factorSpec).min(1).max(10) });
export type FactorTableBody = z.input<typeof factorTableBody>;
export const factorRow = z.object({ areaCode: z.string(), areaName: z.string(), factors: z.record(z.string(), z.string()) });
export const factorTableAnswer = z.object({ area: z.string(), period: z.string(), columns: z.array(z.string()), rows: z.array(factorRow) });
export type FactorTableAnswer = z.infer<typeof factorTableAnswer>;

export const previewBody = z.object({
  area: areaCode.optional(),
  total: z.string().max(20),
  columns: z.array(z.string().min(1).max(40)).min(1).max(20),
  rows: z.array(factorRow.pick({ areaCode: true, factors: true })).min(1).max(5000),
  weights: z.record(z.string(), z.string().max(20)),
  /** Adjust by each area's last performance band (from the projects' self-evaluations, or `bands`). */
  performance: z.boolean().default(true),
  bands: z.record(z.string(), band).optional(),
});
export type PreviewBody = z.input<typeof previewBody>;
export const previewRow = z.object({ areaCode: z.string(), areaName: z.string(), factors: z.record(z.string(), z.string()), baseShare: z.number(), band: band.nullable(), share: z.number(), amount: yuan });
export type PreviewRow = z.infer<typeof previewRow>;
export const previewAnswer = z.object({ total: yuan, rows: z.array(previewRow) });
export type PreviewAnswer = z.infer<typeof previewAnswer>;

export const BATCH_KINDS = ['ADVANCE', 'FORMAL'] as const;
export const BATCH_KIND_NAMES = { ADVANCE: { zh: '提前下达', en: 'advance' }, FORMAL: { zh: '正式下达', en: 'formal' } } as const;
const batchHead = z.object({ fund: z.string().min(1).max(100), year: z.number().int().min(2000).max(2100), kind: z.enum(BATCH_KINDS), docNo: z.string().min(1).max(100) });
export const allocateBody = previewBody.and(batchHead);
export type AllocateBody = z.input<typeof allocateBody>;
export const manualBatchBody = batchHead.extend({
  area: areaCode.optional(),
  lines: z.array(z.object({ areaCode: areaCode.optional(), projectId: z.number().int().positive().optional(), amount: yuan })).min(1).max(5000),
});
export type ManualBatchBody = z.input<typeof manualBatchBody>;

export const batchView = z.object({ id: z.number(), fund: z.string(), year: z.number(), kind: z.enum(BATCH_KINDS), docNo: z.string(), fromArea: z.string(), fromName: z.string(), total: yuan, method: z.enum(['FACTOR', 'MANUAL']), createdBy: z.string(), createdAt: z.string(), allocated: yuan, spent: yuan });
export type BatchView = z.infer<typeof batchView>;
export const batchesAnswer = z.object({ items: z.array(batchView) });
export const batchDetail = batchView.extend({ basis: z.unknown().nullable(), allocations: z.array(allocationView) });
export type BatchDetail = z.infer<typeof batchDetail>;

export const spendingBody = z.object({ projectId: z.number().int().positive().optional(), areaCode: areaCode.optional(), year: z.number().int().min(2000).max(2100).optional(), spentOn: day, amount: yuan, purpose: z.string().min(1).max(500), voucher: z.string().max(100).optional() });
export type SpendingBody = z.input<typeof spendingBody>;

export const executionQuery = z.object({ area: areaCode.optional(), year: z.coerce.number().int().min(2000).max(2100).optional() });
export const executionRow = fundFigures.extend({ areaCode: z.string(), areaName: z.string(), projects: z.number() });
export type ExecutionRow = z.infer<typeof executionRow>;
export const executionAnswer = z.object({ area: z.string(), year: z.number(), total: fundFigures, rows: z.array(executionRow) });
export type ExecutionAnswer = z.infer<typeof executionAnswer>;
export const ledgerQuery = z.object({ batch: z.coerce.number().int().positive().optional(), area: areaCode.optional(), year: z.coerce.number().int().min(2000).max(2100).optional(), format: z.enum(['xlsx', 'csv']).default('xlsx') });
export const fundLedgerAnswer = fileAnswer('资金台账: 日期, 类别, 资金名称, 年度, 文号, 区划代码, 地区, 项目, 金额（元）, 用途, 凭证号 — every allocation and spending record of the batch, or of the area\'s year');
