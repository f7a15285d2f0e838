import { describe, expect, it } from 'vitest';
import { writtenReport, type Report, type ReportWrite } from './report.js';

const AT = '2025-02-01T00:00:00.000Z';
const write = (how: ReportWrite['how'], extra: Partial<ReportWrite> = {}): ReportWrite => ({
  dataSet: 'DS', period: '2024', facilityCode: 'F1', values: { a: 1 }, how, by: 'clerk', at: AT, ...extra,
});
const stored = (s: Partial<Report>): Report => ({
  dataSet: 'DS', period: '2024', facilityCode: 'F1', values: { a: 0 }, status: 'DRAFT', approvalLevel: null, submittedAt: null,
  comment: 'old note', returnReason: null, approvedAt: null, approvedBy: null, createdAt: '2025-01-01T00:00:00.000Z', updatedAt: '2025-01-01T00:00:00.000Z', updatedBy: 'x', ...s,
});
const approved = stored({ status: 'APPROVED', approvalLevel: 2, submittedAt: '2025-01-05T00:00:00.000Z', approvedAt: '2025-01-09T00:00:00.000Z', approvedBy: 'city' });

describe('writtenReport: one rule for entry and import', () => {
  it('a save of a new report makes a draft', () => {
    expect(writtenReport(null, write('save'))).toMatchObject({ status: 'DRAFT', submittedAt: null, approvalLevel: null, createdAt: AT, updatedBy: 'clerk' });
  });

  it('a submit (or an import) makes a submitted report, clearing a return reason', () => {
    const r = writtenReport(stored({ status: 'RETURNED', returnReason: 'fix it' }), write('submit'));
    expect(r).toMatchObject({ status: 'SUBMITTED', submittedAt: AT, returnReason: null });
  });

  it('a save of a returned report keeps its return reason, as a draft', () => {
    expect(writtenReport(stored({ status: 'RETURNED', returnReason: 'fix it' }), write('save'))).toMatchObject({ status: 'DRAFT', returnReason: 'fix it' });
  });

  it.each(['save', 'submit'] as const)('a correction (%s) of an approved report by a level above the lock keeps the approval', (how) => {
    const r = writtenReport(approved, write(how));
    expect(r).toMatchObject({ status: 'APPROVED', approvalLevel: 2, submittedAt: approved.submittedAt, approvedAt: approved.approvedAt, approvedBy: 'city', values: { a: 1 } });
  });

  it('keeps the stored comment unless a new one is given', () => {
    expect(writtenReport(stored({}), write('save')).comment).toBe('old note');
    expect(writtenReport(stored({}), write('save', { comment: 'new' })).comment).toBe('new');
  });
});
