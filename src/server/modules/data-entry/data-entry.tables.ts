/** data-entry: its tables. Reports (their values and workflow state) and the tombstones of deleted ones. They join the store's DB type by declaration merging. */

export interface ReportTable {
  data_set: string;
  period: string;
  facility_code: string;
  data_values: string;
  status: string;
  created_at: string;
  updated_at: string;
  updated_by: string;
  /** Highest level that approved: 3 county, 2 city, 1 province, 0 national; null when none. */
  approval_level: number | null;
  submitted_at: string | null;
  comment: string | null;
  return_reason: string | null;
  approved_at: string | null;
  approved_by: string | null;
  seq: number;
}

export interface ReportTombstoneTable {
  seq: number;
  data_set: string;
  period: string;
  facility_code: string;
}

declare module '../../platform/db/database.js' {
  interface DB {
    report: ReportTable;
    report_tombstone: ReportTombstoneTable;
  }
}
