/**
 * API schemas of import (docs/API.md, "Import"): the upload and its summary, the template
 * download, the limits of one file. Pure (zod and src/domain only). `dataSet` is optional: without
 * it the programme's default data set (metadata) applies.
 */
import { z } from 'zod';
import { areaCode, dataSetCode, fileAnswer } from './common.js';

export const importQuery = z.object({
  mode: z.enum(['strict', 'partial']).default('strict').describe('strict: any rejected row stores nothing; partial: the valid rows are stored'),
  dryRun: z.enum(['true', 'false']).default('false'),
  dataSet: dataSetCode.optional(),
  filename: z.string().max(200).optional().describe("the file's name, when the content type does not tell CSV from XLSX"),
});
export type ImportQuery = z.input<typeof importQuery>;

/** The upload: the file itself as the raw body (text/csv or the XLSX type), received into a temporary file. */
export const importUploadBody = z.any().meta({ description: 'the CSV or XLSX file as the raw body', type: 'string', format: 'binary' });

export const importError = z.object({
  row: z.number().int(),
  column: z.string().nullable().describe("the column's meaning: org_code, period, an element code (codes joined by , for a rule), or an unknown header"),
  header: z.string().nullable().describe('the header as written in the file (headers joined by 、 for a rule)'),
  columnLetter: z.string().nullable().describe("the spreadsheet column: A, B, …, AA (letters joined by , for a rule)"),
  facilityCode: z.string().nullable().describe("the row's org_code as written (null for a file-level error)"),
  code: z.string(),
  message: z.string(),
  messageEn: z.string(),
});
export type ImportErrorView = z.infer<typeof importError>;

export const importWarning = importError.extend({ facilityCode: z.string() });
export type ImportWarningView = z.infer<typeof importWarning>;

export const importSummary = z.object({
  rows: z.number().int(),
  inserted: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  rejected: z.number().int(),
  skipped: z.number().int().describe('rows with no value at all (a blank template row): not read, not counted as unchanged'),
  errors: z.array(importError).describe('the first `errorsListed` errors, in file order'),
  errorsTotal: z.number().int(),
  errorsTruncated: z.boolean(),
  warnings: z.array(importWarning),
  warningsTotal: z.number().int(),
  warningsTruncated: z.boolean(),
  stored: z.boolean().describe('false for a dry run, or a strict import that rejected rows: nothing was stored'),
});
export type ImportSummaryView = z.infer<typeof importSummary>;

export const templateQuery = z.object({ dataSet: dataSetCode.optional(), period: z.string().min(4).max(10), area: areaCode.optional() });
export type TemplateQuery = z.input<typeof templateQuery>;

export const templateAnswer = fileAnswer('the XLSX template: one row per facility open in the period in the area, Chinese headers, data-validation lists');

/** GET /api/reports/export: an area's reports for a period in the import format. */
export const reportExportQuery = z.object({
  dataSet: dataSetCode.optional(),
  period: z.string().min(4).max(10),
  area: areaCode.optional(),
  format: z.enum(['xlsx', 'csv']).default('xlsx'),
});
export type ReportExportQuery = z.input<typeof reportExportQuery>;

export const reportExportAnswer = fileAnswer("the reports as XLSX (Chinese headers the importer reads, with 机构名称 and 机构类型) or CSV (the codes of `gtcm export reports`)");

/** What the import page tells before an upload: the bounds on one file. */
export const importLimits = z.object({
  uploadBytes: z.number().int(),
  uploadText: z.string().describe('uploadBytes as people read it ("200 MB"), the same text E4014 names'),
  rows: z.number().int(),
  columns: z.number().int(),
  cellChars: z.number().int(),
  xlsxUncompressedBytes: z.number().int(),
  errorsListed: z.number().int().describe('most errors (and warnings) an answer lists; the rest are counted'),
});
export type ImportLimits = z.infer<typeof importLimits>;
