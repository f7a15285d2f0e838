/**
 * Typed calls for imports (docs/API.md, "Import"): limits, the import itself, templates — typed by
 * the shared API schemas (src/domain/api/import-export.ts). No data set is named: the server's
 * default applies.
 */
import type { ImportErrorView, ImportLimits, ImportQuery, ImportSummaryView, ImportWarningView } from '../../../domain/api/import-export.js';
import { api } from '../../shared/api.js';

export type { ImportLimits };
export type ImportMode = NonNullable<ImportQuery['mode']>;
export type ImportSummary = ImportSummaryView;
/** An error or a warning of a row (warnings name their facility). */
export type ImportIssue = ImportErrorView | ImportWarningView;

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export const importApi = {
  limits: () => api.get<ImportLimits>('/api/imports/limits'),
  run: (file: File, mode: ImportMode, dryRun: boolean) =>
    api.postRaw<ImportSummary>('/api/imports', file, contentTypeOf(file), { mode, dryRun, filename: file.name }),
  template: (period: string, area?: string) => api.getBlob('/api/imports/template', { period, area }),
  /** The area's reports of the period in the import format (XLSX). */
  exportReports: (period: string, area?: string) => api.getBlob('/api/reports/export', { period, area }),
};

/** The content type the import endpoint expects for a file, from its name. */
export function contentTypeOf(file: File): string {
  return /\.xlsx$/i.test(file.name) ? XLSX_TYPE : 'text/csv';
}
