/**
 * API schemas of data entry (docs/API.md, "Reports: entry, validation, submission"): a report
 * read, saved, submitted, validated, deleted, and its value history. Pure (zod and src/domain only).
 */
import { z } from 'zod';
import type { ReportStatus } from '../approval.js';
import { dataSetCode, periodCode } from './common.js';
import { facilityRecord } from './org-units.js';

export const REPORT_STATUSES = ['DRAFT', 'SUBMITTED', 'RETURNED', 'APPROVED'] as const satisfies readonly ReportStatus[];
export const reportStatus = z.enum(REPORT_STATUSES);

/** A stored value: a boolean, a number, text, or the option codes of a multi-select element. */
export const dataValue = z.union([z.boolean(), z.number(), z.string(), z.array(z.string())]);
export const dataValues = z.record(z.string(), dataValue);
export type DataValuesView = z.infer<typeof dataValues>;

/** Values as a client sends them: checked against each element's type by the service (E1403/E1404). */
const valuesInput = z.record(z.string(), z.unknown());
const comment = z.string().max(1000).optional();

export const report = z.object({
  dataSet: z.string(),
  period: z.string(),
  facilityCode: z.string(),
  values: dataValues,
  status: reportStatus,
  approvalLevel: z.number().int().nullable().describe('the highest level that approved: 3 county, 2 city, 1 province, 0 national'),
  submittedAt: z.string().nullable(),
  comment: z.string().nullable(),
  returnReason: z.string().nullable(),
  approvedAt: z.string().nullable(),
  approvedBy: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  updatedBy: z.string(),
});
export type ReportView = z.infer<typeof report>;

export const violation = z.object({
  rule: z.string(),
  elements: z.array(z.string()),
  severity: z.enum(['ERROR', 'WARNING']),
  message: z.string(),
  messageEn: z.string(),
});
export type ViolationView = z.infer<typeof violation>;

export const validationResult = z.object({ errors: z.array(violation), warnings: z.array(violation) });
export type ValidationView = z.infer<typeof validationResult>;

export const reportParams = z.object({ dataSet: dataSetCode, period: periodCode, facilityCode: z.string().min(1).max(40) });
export type ReportParams = z.infer<typeof reportParams>;

/** GET /api/reports/:dataSet/:period/:facilityCode. */
export const reportAnswer = z.object({
  report: report.nullable(),
  elements: z.array(z.string()).describe('the element codes that apply to the facility type, in form order'),
  facility: facilityRecord,
  previous: dataValues.nullable().describe("the previous period's values"),
  locked: z.boolean(),
  lockedReason: z.string().optional(),
  lockedReasonEn: z.string().optional(),
});
export type ReportAnswer = z.infer<typeof reportAnswer>;

export const saveReportBody = z.object({ values: valuesInput, comment });
export type SaveReportBody = z.input<typeof saveReportBody>;

export const submitReportBody = z.object({ values: valuesInput.optional(), comment });
export type SubmitReportBody = z.input<typeof submitReportBody>;

/** PUT (save a draft) and POST …/submit. */
export const reportWriteAnswer = z.object({ report, validation: validationResult });
export type ReportWriteAnswer = z.infer<typeof reportWriteAnswer>;

export const validateReportBody = z.object({ dataSet: dataSetCode, period: periodCode, facilityCode: z.string().min(1).max(40), values: valuesInput });
export type ValidateReportBody = z.input<typeof validateReportBody>;

export const validateReportAnswer = z.object({ validation: validationResult });
export type ValidateReportAnswer = z.infer<typeof validateReportAnswer>;

export const historyEntry = z.object({
  at: z.string(),
  actor: z.string(),
  action: z.string(),
  element: z.string(),
  before: dataValue.nullable().optional().describe('the value before (null when none)'),
  after: dataValue.nullable().optional().describe('the value after (null when removed)'),
});
export type HistoryEntryView = z.infer<typeof historyEntry>;

export const reportHistoryAnswer = z.object({ items: z.array(historyEntry) });
export type ReportHistoryAnswer = z.infer<typeof reportHistoryAnswer>;

// ---- reporting periods

export const reportingPeriodsQuery = z.object({ dataSet: dataSetCode.optional() });
export type ReportingPeriodsQuery = z.input<typeof reportingPeriodsQuery>;

export const reportingPeriod = z.object({
  code: z.string(),
  deadline: z.string().nullable().describe('YYYY-MM-DD; null when the data set has none'),
  open: z.boolean().describe('whether reports for it may be written today'),
  hasData: z.boolean().describe('whether any report of the data set exists for it'),
  completeness: z.number().nullable().describe("received ÷ expected in the caller's scope, for the periods from the newest down to the figures one; null for the others"),
});
export type ReportingPeriodView = z.infer<typeof reportingPeriod>;

export const reportingPeriodsAnswer = z.object({
  dataSet: z.string(),
  periodType: z.enum(['YEARLY', 'QUARTERLY', 'MONTHLY']),
  periods: z.array(reportingPeriod).describe('oldest first: from the first period collected to the one being collected'),
  collecting: z.string().describe('the period being collected: where entry, completeness, approval and the template open'),
  figures: z
    .string()
    .describe("where pages of figures open: the newest period holding reports whose reporting in the caller's scope is complete enough (completenessEnough reached, or the deadline passed with half of it); else the newest with reports; else the collecting one"),
  today: z.string().describe("the server's day in Beijing time (YYYY-MM-DD): deadlines count from it, not from the browser's clock"),
  completenessEnough: z.number().describe('GTCM_COMPLETENESS_ENOUGH as a fraction: below it a figure carries a banner, below half of it no target status is claimed'),
});
export type ReportingPeriodsAnswer = z.infer<typeof reportingPeriodsAnswer>;
