/**
 * API schemas of approval (docs/API.md, "Approval" and "Completeness and timeliness"): the work
 * list, approve, approve all, return; completeness by area and the facilities missing. Pure.
 * `dataSet` is optional everywhere: without it the programme's default data set (metadata) applies.
 */
import { z } from 'zod';
import { areaCode, dataSetCode, fileAnswer, i18nText, paged, pageQuery, periodCode } from './common.js';
import { reportStatus } from './data-entry.js';
import { facilityType } from './org-units.js';
import { QUALITY_MAX_FINDINGS } from '../approval/quality.js';

const key = { dataSet: dataSetCode.optional(), period: periodCode };
const facilityCodes = z.array(z.string().min(1).max(40)).min(1).max(5000);

// ---- approval

export const approvalListQuery = z.object({
  ...key,
  area: areaCode.optional(),
  status: reportStatus.optional(),
  waiting: z.enum(['true', 'false']).optional().describe('true: only the reports waiting for your level'),
  ...pageQuery(200),
});
export type ApprovalListQuery = z.input<typeof approvalListQuery>;

export const workItem = z.object({
  facilityCode: z.string(),
  facilityName: z.string(),
  facilityType,
  divisionCode: z.string(),
  divisionName: z.string(),
  status: reportStatus,
  approvalLevel: z.number().int().nullable(),
  submittedAt: z.string().nullable(),
  updatedAt: z.string(),
  canApprove: z.boolean(),
  canReturn: z.boolean(),
});
export type WorkItemView = z.infer<typeof workItem>;

export const approvalListAnswer = paged(workItem);
export type ApprovalListAnswer = z.infer<typeof approvalListAnswer>;

export const approveBody = z.object({ ...key, facilityCodes });
export type ApproveBody = z.input<typeof approveBody>;

export const approveAllBody = z.object({ ...key, area: areaCode.optional() });
export type ApproveAllBody = z.input<typeof approveAllBody>;

export const approvedAnswer = z.object({ approved: z.number().int() });
export type ApprovedAnswer = z.infer<typeof approvedAnswer>;

export const returnBody = z.object({ ...key, facilityCodes, reason: z.string().max(500) });
export type ReturnBody = z.input<typeof returnBody>;

export const returnedAnswer = z.object({ returned: z.number().int() });
export type ReturnedAnswer = z.infer<typeof returnedAnswer>;

// ---- completeness

export const completenessQuery = z.object({ ...key, area: areaCode.optional() });
export type CompletenessQuery = z.input<typeof completenessQuery>;

export const completenessRow = z.object({
  code: z.string(),
  name: z.string(),
  expected: z.number().int(),
  received: z.number().int(),
  submitted: z.number().int(),
  approved: z.number().int(),
  onTime: z.number().int(),
  late: z.number().int(),
});
export type CompletenessRowView = z.infer<typeof completenessRow>;

export const completenessAnswer = z.object({
  deadline: z.string().nullable().describe('YYYY-MM-DD; null when the data set has none'),
  area: completenessRow,
  children: z.array(completenessRow),
});
export type CompletenessAnswer = z.infer<typeof completenessAnswer>;

export const missingQuery = completenessQuery.extend(pageQuery(200));
export type MissingQuery = z.input<typeof missingQuery>;

export const missingFacility = z.object({ code: z.string(), name: z.string(), type: z.string(), divisionCode: z.string(), divisionName: z.string() });
export type MissingFacility = z.infer<typeof missingFacility>;

export const missingAnswer = paged(missingFacility);
export type MissingAnswer = z.infer<typeof missingAnswer>;

// ---- data-quality review (数据质量核查)

export const qualityKind = z.enum(['outlier', 'jump', 'rule']).describe('outlier: far from the county’s facilities of its type (modified z-score); jump: >3× or <⅓ of its previous period; rule: breaks a rule or leaves a required element empty');

export const qualityQuery = z.object({
  ...key,
  area: areaCode.optional().describe('a city, county or township (default: the caller’s scope)'),
  type: facilityType.optional(),
  kind: qualityKind.optional(),
});
export type QualityQuery = z.input<typeof qualityQuery>;

export const qualityExportQuery = qualityQuery.extend({ format: z.enum(['xlsx', 'csv']).default('xlsx') });

export const qualityFinding = z.object({
  kind: qualityKind,
  facilityCode: z.string(),
  facilityName: z.string(),
  facilityType,
  countyCode: z.string(),
  countyName: z.string(),
  townshipName: z.string().nullable(),
  element: z.string(),
  elementName: i18nText,
  value: z.number().nullable(),
  reference: z.number().nullable().describe('outlier: the median of the county’s facilities of the type; jump: the previous period’s value; rule: the other side of the rule'),
  score: z.number().nullable().describe('outlier: the modified z-score; jump: value ÷ previous'),
  rule: z.string().nullable(),
  message: z.string(),
  messageEn: z.string(),
  status: reportStatus,
});
export type QualityFindingView = z.infer<typeof qualityFinding>;

const kindCounts = z.object({ outlier: z.number().int(), jump: z.number().int(), rule: z.number().int() });

export const qualityAnswer = z.object({
  dataSet: z.string(),
  period: z.string(),
  previousPeriod: z.string(),
  area: z.object({ code: z.string(), name: z.string() }),
  reports: z.number().int().describe('reports reviewed'),
  counts: kindCounts,
  counties: z.array(kindCounts.extend({ code: z.string(), name: z.string() })).describe('findings per county, most first'),
  findings: z.array(qualityFinding).describe(`at most ${QUALITY_MAX_FINDINGS} findings, rule breaks first, the most extreme first`),
  truncated: z.boolean(),
});
export type QualityAnswer = z.infer<typeof qualityAnswer>;

export const qualityExportAnswer = fileAnswer('every finding as XLSX or CSV: 类别, 县（区）, 乡镇（街道）, 机构, 数据项, 值, 参照, 偏离程度, 说明');
