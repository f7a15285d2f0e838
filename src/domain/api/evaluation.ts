/**
 * API schemas of evaluation (docs/API.md, "Evaluation"): the standards, and the automatic scores
 * of a standard's subjects under an area for a year. Pure (zod only).
 */
import { z } from 'zod';
import { standard } from '../evaluation/standard.js';
import { areaCode, fileAnswer, periodCode } from './common.js';

export const standardParams = z.object({ code: z.string().min(1).max(40) });
export const standardsAnswer = z.object({
  items: z.array(z.object({ code: z.string(), version: z.string(), name: z.object({ zh: z.string(), en: z.string() }), subject: z.string(), passLine: z.number(), scale: z.number() })),
});
export const standardAnswer = standard;

export const autoscoreQuery = z.object({
  standard: z.string().min(1).max(40),
  period: periodCode,
  area: areaCode.optional().describe('default: your scope'),
});
export type AutoscoreQuery = z.input<typeof autoscoreQuery>;

export const autoscoreRow = z.object({
  subjectCode: z.string(),
  subjectName: z.string(),
  item: z.string(),
  indicator: z.string().nullable().describe('the indicator read; the elements (a/b) for a facility’s own values; null for the completeness veto'),
  numerator: z.number().nullable(),
  denominator: z.number().nullable(),
  value: z.number().nullable().describe('numerator ÷ denominator, unrounded; null when not applicable'),
  points: z.number().nullable(),
  maxPoints: z.number().nullable(),
  applicable: z.boolean(),
  veto: z.boolean().nullable().describe('veto items: whether it fired; null elsewhere'),
  band: z.number().int().nullable().describe('INDICATOR_BANDS: the index of the band reached'),
});
export type AutoscoreRow = z.infer<typeof autoscoreRow>;

export const autoscoreAnswer = z.object({
  standard: z.string(),
  version: z.string(),
  period: z.string(),
  area: z.string(),
  subjects: z.number().int(),
  rows: z.array(autoscoreRow).describe('one per subject × automatic item, by subject code then item order'),
});
export type AutoscoreAnswer = z.infer<typeof autoscoreAnswer>;

// ---- cycles and the review of applications

const stage = z.enum(['SELF', 'CITY', 'PROVINCE', 'NATIONAL', 'PUBLICITY', 'NAMED', 'REJECTED']);
const reviewStage = z.enum(['SELF', 'CITY', 'PROVINCE', 'NATIONAL']);
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD');

export const newCycleBody = z.object({
  code: z.string().regex(/^[A-Z0-9_-]{3,40}$/),
  standard: z.string().min(1).max(40),
  name: z.string().min(1).max(100),
  firstYear: z.number().int().min(2000).max(2100),
  lastYear: z.number().int().min(2000).max(2100),
  assessmentYear: z.string().regex(/^\d{4}$/),
  applyFrom: day,
  applyTo: day,
  deadlines: z.partialRecord(stage, day).optional(),
  publicityDays: z.number().int().min(1).max(60).optional(),
});
export type NewCycleBody = z.infer<typeof newCycleBody>;

export const cycleView = newCycleBody.extend({ deadlines: z.partialRecord(stage, day), publicityDays: z.number().int(), createdAt: z.string() });
export const cyclesAnswer = z.object({ items: z.array(cycleView) });
export const cycleParams = z.object({ code: z.string().min(1).max(40) });
export const idParams = z.object({ id: z.coerce.number().int().positive() });

export const applicationView = z.object({
  id: z.number().int(),
  cycle: z.string(),
  subjectCode: z.string(),
  subjectName: z.string(),
  stage,
  decisionNote: z.string().nullable(),
  publicityUntil: z.string().nullable(),
  namedYear: z.number().int().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type ApplicationDto = z.infer<typeof applicationView>;
export const enrolBody = z.object({ subjectCode: z.string().min(1).max(20) });
export const applicationsQuery = z.object({ stage: stage.optional() });
export const applicationsAnswer = z.object({ items: z.array(applicationView) });

export const scoreBody = z.object({
  scores: z
    .array(z.object({ item: z.string().min(1).max(8), points: z.number().optional(), veto: z.boolean().optional(), notApplicable: z.boolean().optional(), note: z.string().max(2000).optional() }))
    .min(1)
    .max(200),
});
export const submitBody = z.object({ decision: z.enum(['pass', 'reject']), note: z.string().max(2000).optional() });
export const returnBody = z.object({ reason: z.string().max(2000) });
export const objectionBody = z.object({ text: z.string().max(4000) });
export const resolveBody = z.object({ resolution: z.string().max(4000) });

const itemScore = z.object({
  item: z.string(),
  applicable: z.boolean(),
  points: z.number().nullable(),
  max: z.number().nullable(),
  veto: z.boolean().nullable(),
  numerator: z.number().nullable(),
  denominator: z.number().nullable(),
  value: z.number().nullable(),
  band: z.number().nullable(),
});
const storedScore = z.object({ stage: z.string(), item: z.string(), points: z.number().nullable(), veto: z.boolean().nullable(), applicable: z.boolean(), note: z.string().nullable(), scoredBy: z.string(), scoredAt: z.string() });
const total = z.object({ total: z.number(), points: z.number(), maxPoints: z.number(), bonus: z.number(), vetoes: z.array(z.string()), sectionsBelow: z.array(z.string()), missing: z.array(z.string()), passed: z.boolean() });
export const objectionView = z.object({ id: z.number().int(), applicationId: z.number().int(), text: z.string(), receivedAt: z.string(), recordedBy: z.string(), resolution: z.string().nullable(), resolvedBy: z.string().nullable(), resolvedAt: z.string().nullable() });

export const evidenceView = z.object({
  id: z.number().int(),
  applicationId: z.number().int(),
  item: z.string(),
  sha256: z.string().describe('the SHA-256 of the content: the same file attached twice is stored once'),
  filename: z.string(),
  mediaType: z.string().describe('told by the content, not by the name'),
  sizeBytes: z.number().int(),
  stage: z.string().describe('the stage that attached it'),
  uploadedBy: z.string(),
  uploadedAt: z.string(),
});
export type EvidenceDto = z.infer<typeof evidenceView>;

export const applicationDetail = z.object({
  application: applicationView,
  cycle: cycleView,
  stages: z.array(reviewStage),
  items: z.array(z.object({ code: z.string(), automatic: z.boolean(), auto: itemScore.nullable(), stages: z.partialRecord(reviewStage, storedScore) })),
  totals: z.partialRecord(reviewStage, total),
  gaps: z.array(z.object({ item: z.string(), from: reviewStage, to: reviewStage, difference: z.number() })),
  objections: z.array(objectionView),
  experts: z.array(z.object({ id: z.number().int(), name: z.string(), provinceCode: z.string(), specialty: z.string() })).describe('the experts assigned at the national review'),
  evidence: z.array(evidenceView),
  canAct: z.boolean(),
});
export type ApplicationDetail = z.infer<typeof applicationDetail>;

// ---- between cycles: early warning and re-review

export const earlyWarningQuery = autoscoreQuery;
export const atRisk = z.object({
  subjectCode: z.string(),
  subjectName: z.string(),
  granted: z.number().int(),
  reviewDue: z.number().int().describe('the year the re-review is due (granted + 3)'),
  withdrawn: z.number().int().nullable().describe('the year the title was withdrawn (a failed re-review), when after the year asked'),
  automaticTotal: z.number().describe("the automatic items' points over their applicable maxima, scaled"),
  passLine: z.number(),
  vetoes: z.array(z.string()),
});
export type AtRiskView = z.infer<typeof atRisk>;
export const earlyWarningAnswer = z.object({ standard: z.string(), period: z.string(), holders: z.number().int(), items: z.array(atRisk) });
export type EarlyWarningAnswer = z.infer<typeof earlyWarningAnswer>;

export const reReviewBody = z.object({
  standard: z.string().min(1).max(40),
  subjectCode: z.string().min(1).max(20),
  year: z.number().int().min(2000).max(2100),
  passed: z.boolean(),
  note: z.string().max(2000),
});
export const titleView = z.object({ divisionCode: z.string(), title: z.string(), granted: z.number().int(), withdrawn: z.number().int().nullable(), source: z.string().nullable() });
export type ObjectionDto = z.infer<typeof objectionView>;

// ---- experts

export const expertView = z.object({ id: z.number().int(), name: z.string(), provinceCode: z.string(), specialty: z.string(), contact: z.string().nullable(), createdAt: z.string(), group: z.string().nullable().describe('the review group (评审组)'), username: z.string().nullable().describe('the platform user who is this expert') });
export type ExpertDto = z.infer<typeof expertView>;
export const expertsAnswer = z.object({ items: z.array(expertView) });
export const newExpertBody = z.object({ name: z.string().min(1).max(50), provinceCode: z.string().regex(/^\d{2}$/), specialty: z.string().min(1).max(100), contact: z.string().max(100).optional(), group: z.string().max(50).optional(), username: z.string().max(64).optional() });
export const conflictBody = z.object({ subjectCode: z.string().min(1).max(20), note: z.string().max(1000) });
export const assignBody = z.union([z.object({ expertId: z.number().int().positive() }), z.object({ group: z.string().min(1).max(50).describe('every member of the review group') })]);
export const assignedAnswer = z.object({ items: z.array(z.object({ applicationId: z.number().int(), expert: expertView, assignedBy: z.string(), assignedAt: z.string() })) });

// ---- outputs

export const resultsQuery = z.object({ stage: stage.optional().describe('PUBLICITY: the publicity list; NAMED: the naming list'), format: z.enum(['xlsx', 'csv']).default('xlsx') });
export const resultsAnswer = fileAnswer('the ranked results of the cycle in your area: 序号, 省份, 单位代码, 单位, 阶段, each stage\'s total, 是否达到合格线, 意见 — best last-stage total first');

// ---- evidence (佐证材料)

export const evidenceQuery = z.object({
  item: z.string().min(1).max(20).describe("the standard's item the file is evidence for"),
  filename: z.string().max(255).optional().describe('the name it is shown under (the type is told by the content)'),
});
export const evidenceUploadBody = z.any().meta({ description: 'the file as the raw body: PDF, JPG/PNG, DOCX or XLSX', type: 'string', format: 'binary' });
export const evidenceAnswer = z.object({ items: z.array(evidenceView) });
export const evidenceLimits = z.object({ bytes: z.number().int(), text: z.string().describe('the limit as people read it ("20 MB")'), kinds: z.array(z.string()) });
export const reuseBody = z.object({ item: z.string().min(1).max(20), evidenceId: z.number().int().positive().describe('evidence of an earlier application of the same unit') });
export const evidenceFileAnswer = fileAnswer('the file, with the type told by its content');

// ---- the on-site review (现场评审)

const sampleReason = z.enum(['GAP', 'COMPLETENESS', 'RANDOM']);
const checkResult = z.enum(['MET', 'PARTLY', 'NOT_MET']);
export const drawBody = z.object({
  random: z.number().int().min(0).max(1000).describe('units drawn at random beyond the risk-based ones'),
  seed: z.number().int().min(0).max(2_147_483_647).optional().describe('the same seed draws the same units; default from the time'),
  gapPoints: z.number().min(0).max(100).optional().describe('a self total this many points above the province’s is a risk (default 10)'),
  completenessBelow: z.number().min(0).max(1).optional().describe('report completeness below this share is a risk (default 0.98)'),
});
export const sampleView = z.object({
  applicationId: z.number().int(),
  subjectCode: z.string(),
  subjectName: z.string(),
  stage,
  reasons: z.array(sampleReason),
  detail: z.string(),
  checked: z.number().int().describe('items with a finding'),
  items: z.number().int(),
});
export const sampleAnswer = z.object({ items: z.array(sampleView) });
const onsiteCheck = z.object({ item: z.string(), result: checkResult, note: z.string().nullable(), checkedBy: z.string(), checkedAt: z.string() });
export const checklistAnswer = z.object({
  application: applicationView,
  sampled: z.object({ applicationId: z.number().int(), cycle: z.string(), reasons: z.array(sampleReason), detail: z.string(), seed: z.number().int(), drawnBy: z.string(), drawnAt: z.string() }).nullable(),
  items: z.array(z.object({ code: z.string(), methods: z.array(z.enum(['INTERVIEW', 'DOCUMENTS', 'DATA', 'SKILLS', 'SITE'])), check: onsiteCheck.nullable() })),
  canCheck: z.boolean(),
});
export type ChecklistAnswer = z.infer<typeof checklistAnswer>;
export type SampleDto = z.infer<typeof sampleView>;
export const checkBody = z.object({ checks: z.array(z.object({ item: z.string().min(1).max(20), result: checkResult, note: z.string().max(2000).optional() })).max(200) });

// ---- outputs: the ranked list (for the printed 公文) and the overview by stage

export const rankingQuery = z.object({ stage: stage.optional().describe('PUBLICITY: the publicity list; NAMED: the naming list') });
export const rankingAnswer = z.object({
  cycle: cycleView,
  stages: z.array(reviewStage),
  passLine: z.number(),
  issuer: z.string().describe('who issues the list: the caller’s level (国家中医药管理局, 云南省中医药管理局 …)'),
  issuedOn: z.string().describe('today in China: the date the list is issued on'),
  rows: z.array(z.object({
    rank: z.number().int(),
    provinceName: z.string(),
    subjectCode: z.string(),
    subjectName: z.string(),
    stage,
    totals: z.partialRecord(reviewStage, z.number()),
    passed: z.boolean().nullable(),
    note: z.string().nullable(),
    publicityUntil: z.string().nullable(),
    namedYear: z.number().int().nullable(),
  })),
});
export type RankingAnswer = z.infer<typeof rankingAnswer>;
export const overviewAnswer = z.object({
  cycle: cycleView,
  area: z.object({ code: z.string(), name: z.string() }),
  rows: z.array(z.object({ code: z.string(), name: z.string(), counts: z.partialRecord(stage, z.number().int()), total: z.number().int() })).describe('each child area of the caller’s (the nation: provinces) with its applications by stage'),
  totals: z.partialRecord(stage, z.number().int()),
});
export type OverviewAnswer = z.infer<typeof overviewAnswer>;
export const sheetQuery = z.object({ format: z.enum(['xlsx', 'csv']).default('xlsx') });
export const sheetAnswer = fileAnswer('the score sheet: 评分项, 内容, 类别, 分值, 自动得分, 依据, each stage\'s score, 佐证材料; the totals last');
