/** Typed calls for imports (docs/API.md, "Data collection (issue 3)"): limits, the import itself, templates. */
import { api } from '../../shared/api.js';
import { DATA_SET } from '../../shared/metadata-api.js';

export type ImportMode = 'strict' | 'partial';

export interface ImportIssue {
  row?: number | null;
  column?: string | null;
  code: string;
  message: string;
  messageEn?: string;
  facilityCode?: string;
}

export interface ImportSummary {
  rows: number;
  inserted: number;
  updated: number;
  unchanged: number;
  rejected: number;
  /** The first errors (the server lists at most ImportLimits.errorsListed); errorsTotal counts them all. */
  errors: ImportIssue[];
  errorsTotal?: number;
  errorsTruncated?: boolean;
  warnings: ImportIssue[];
  warningsTotal?: number;
  warningsTruncated?: boolean;
  /** Whether anything was written (false for a dry run, or a strict import with rejected rows). */
  stored?: boolean;
}

/** The bounds on one import file (GET /api/imports/limits), from the server's configuration. */
export interface ImportLimits {
  uploadBytes: number;
  /** uploadBytes in words, e.g. "200 MB". */
  uploadText: string;
  rows: number;
  columns: number;
  cellChars: number;
  xlsxUncompressedBytes: number;
  errorsListed: number;
}

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export const importApi = {
  limits: () => api.get<ImportLimits>('/api/imports/limits'),
  run: (file: File, mode: ImportMode, dryRun: boolean) =>
    api.postRaw<ImportSummary>('/api/imports', file, contentTypeOf(file), { mode, dryRun, filename: file.name }),
  template: (period: string, area?: string) =>
    api.getBlob('/api/imports/template', { dataSet: DATA_SET, period, area }),
};

/** The content type the import endpoint expects for a file, from its name. */
export function contentTypeOf(file: File): string {
  return /\.xlsx$/i.test(file.name) ? XLSX_TYPE : 'text/csv';
}
