/**
 * A report: one facility's values of one data set for one period, with its place in the
 * approval workflow; and what a write of new values does to it — the one rule that entry and
 * import share. Pure, no I/O.
 */
import type { ReportStatus } from '../approval.js';
import type { DataValues } from '../program.js';

export interface Report {
  dataSet: string;
  period: string;
  facilityCode: string;
  values: DataValues;
  status: ReportStatus;
  /** Highest level that approved: 3 county, 2 city, 1 province, 0 national; null when none. */
  approvalLevel: number | null;
  submittedAt: string | null;
  comment: string | null;
  returnReason: string | null;
  approvedAt: string | null;
  approvedBy: string | null;
  createdAt: string;
  updatedAt: string;
  updatedBy: string;
}

export interface ReportWrite {
  dataSet: string;
  period: string;
  facilityCode: string;
  values: DataValues;
  /** A new comment; when absent the stored one stays. */
  comment?: string | null;
  /** `save` keeps a draft; `submit` (entry's submit, and every import) sends it for approval. */
  how: 'save' | 'submit';
  by: string;
  at: string;
}

/**
 * The report after a write. The writer may edit (canEdit was checked): below an approval's lock
 * nobody writes, so an approved report is being corrected by a level above the lock, and **the
 * approval stays** (DECISIONS.md, "Approval locks") — whether the correction is saved, submitted
 * or imported. Otherwise a save makes a draft and a submit (or an import) a submitted report.
 */
export function writtenReport(before: Report | null, w: ReportWrite): Report {
  const keep = before?.status === 'APPROVED';
  const submit = w.how === 'submit';
  return {
    dataSet: w.dataSet,
    period: w.period,
    facilityCode: w.facilityCode,
    values: w.values,
    status: keep ? 'APPROVED' : submit ? 'SUBMITTED' : 'DRAFT',
    approvalLevel: keep ? before!.approvalLevel : null,
    submittedAt: keep ? before!.submittedAt : submit ? w.at : null,
    comment: w.comment ?? before?.comment ?? null,
    returnReason: keep || submit ? null : (before?.returnReason ?? null),
    approvedAt: keep ? before!.approvedAt : null,
    approvedBy: keep ? before!.approvedBy : null,
    createdAt: before?.createdAt ?? w.at,
    updatedAt: w.at,
    updatedBy: w.by,
  };
}
