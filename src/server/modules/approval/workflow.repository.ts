/**
 * Queries over facilities joined with their reports for one data set and period: the approval
 * work list, approval updates, and completeness counts. Only here do those joins speak SQL.
 */
import { sql, type ExpressionBuilder, type Kysely } from 'kysely';
import type { ReportStatus } from '../../../domain/approval.js';
import type { DivisionLevel } from '../../../domain/org-unit.js';
import type { FacilityType } from '../../../domain/facility.js';
import type { DB } from '../../platform/db/database.js';
import { applyFacilityFilter, type FacilityFilter } from '../org-units/facility.repository.js';
import { chunks, FACILITY_LEVEL_COLUMN, inTransaction, reserveSeq } from '../../platform/db/sql-helpers.js';

export interface PeriodKey {
  dataSet: string;
  period: string;
}

export interface WorkItem {
  facilityCode: string;
  facilityName: string;
  facilityType: FacilityType;
  divisionCode: string;
  status: ReportStatus;
  approvalLevel: number | null;
  submittedAt: string | null;
  updatedAt: string;
}

export interface CompletenessCounts {
  child: string | null;
  expected: number;
  received: number;
  submitted: number;
  approved: number;
  onTime: number;
  late: number;
}

type FR = ExpressionBuilder<DB, 'facility' | 'report'>;

/** Reports that wait for approval at a level: submitted ones for the county, approved one level below for the others. */
function waitingFor(eb: FR, level: number) {
  return level === 3 ? eb('report.status', '=', 'SUBMITTED') : eb.and([eb('report.status', '=', 'APPROVED'), eb('report.approval_level', '=', level + 1)]);
}

export class WorkflowRepository {
  constructor(private readonly db: Kysely<DB>) {}

  /** Reports (with their facility) in the filter's facilities, optionally of one status. */
  async workList(k: PeriodKey, filter: FacilityFilter, status: ReportStatus | undefined, page: { offset: number; limit: number }, waitingForLevel?: number): Promise<{ items: WorkItem[]; total: number }> {
    let q = this.db
      .selectFrom('facility')
      .innerJoin('report', (j) => j.onRef('report.facility_code', '=', 'facility.code').on('report.data_set', '=', k.dataSet).on('report.period', '=', k.period))
      .where((eb) => applyFacilityFilter(eb as unknown as ExpressionBuilder<DB, 'facility'>, filter));
    if (status) q = q.where('report.status', '=', status);
    if (waitingForLevel !== undefined) q = q.where((eb) => waitingFor(eb, waitingForLevel));
    const [rows, count] = await Promise.all([
      q
        .select(['facility.code', 'facility.name', 'facility.type', 'facility.division_code', 'report.status', 'report.approval_level', 'report.submitted_at', 'report.updated_at'])
        .orderBy('facility.code')
        .offset(page.offset)
        .limit(page.limit)
        .execute(),
      q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    ]);
    return {
      total: Number(count.n),
      items: rows.map((r) => ({
        facilityCode: r.code,
        facilityName: r.name,
        facilityType: r.type as FacilityType,
        divisionCode: r.division_code,
        status: r.status as ReportStatus,
        approvalLevel: r.approval_level,
        submittedAt: r.submitted_at,
        updatedAt: r.updated_at,
      })),
    };
  }

  /** Facility codes in the filter whose report waits for approval at `level`. */
  async waitingFor(k: PeriodKey, filter: FacilityFilter, level: number): Promise<string[]> {
    const rows = await this.db
      .selectFrom('facility')
      .innerJoin('report', (j) => j.onRef('report.facility_code', '=', 'facility.code').on('report.data_set', '=', k.dataSet).on('report.period', '=', k.period))
      .where((eb) => applyFacilityFilter(eb as unknown as ExpressionBuilder<DB, 'facility'>, filter))
      .where((eb) => waitingFor(eb, level))
      .select('facility.code')
      .orderBy('facility.code')
      .execute();
    return rows.map((r) => r.code);
  }

  /** Sets the approval state of these reports. */
  async setState(
    k: PeriodKey,
    facilityCodes: string[],
    s: { status: ReportStatus; approvalLevel: number | null; approvedAt: string | null; approvedBy: string | null; returnReason: string | null; updatedAt: string; updatedBy: string },
  ): Promise<void> {
    await inTransaction(this.db, async (db) => {
      for (const part of chunks(facilityCodes, 900)) {
        const seq = await reserveSeq(db, 1);
        await db
          .updateTable('report')
          .set({
            seq,
            status: s.status,
            approval_level: s.approvalLevel,
            approved_at: s.approvedAt,
            approved_by: s.approvedBy,
            return_reason: s.returnReason,
            updated_at: s.updatedAt,
            updated_by: s.updatedBy,
          })
          .where('data_set', '=', k.dataSet)
          .where('period', '=', k.period)
          .where('facility_code', 'in', part)
          .execute();
      }
    });
  }

  /**
   * Expected (facilities in the filter, which must bound them to those open in the period),
   * received, submitted, approved, on time and late — grouped by the child level's code
   * (or in one group when childLevel is null).
   */
  async completeness(k: PeriodKey, filter: FacilityFilter, childLevel: DivisionLevel | null, deadlineEnd: string): Promise<CompletenessCounts[]> {
    const childCol = childLevel ? sql.ref(`facility.${FACILITY_LEVEL_COLUMN[childLevel]}`) : sql`null`;
    const submitted = (eb: FR) => eb.or([eb('report.status', '=', 'SUBMITTED'), eb('report.status', '=', 'APPROVED')]);
    const count = (cond: (eb: FR) => ReturnType<FR['and']>) => (eb: FR) => eb.fn.sum<number>(eb.case().when(cond(eb)).then(1).else(0).end());
    let q = this.db
      .selectFrom('facility')
      .leftJoin('report', (j) => j.onRef('report.facility_code', '=', 'facility.code').on('report.data_set', '=', k.dataSet).on('report.period', '=', k.period))
      .where((eb) => applyFacilityFilter(eb as unknown as ExpressionBuilder<DB, 'facility'>, filter))
      .select([
        childCol.as('child'),
        (eb) => eb.fn.countAll<number>().as('expected'),
        (eb) => eb.fn.count<number>('report.facility_code').as('received'),
        (eb) => count((e) => e.and([submitted(e)]))(eb).as('submitted'),
        (eb) => count((e) => e.and([e('report.status', '=', 'APPROVED')]))(eb).as('approved'),
        (eb) => count((e) => e.and([submitted(e), e('report.submitted_at', '<=', deadlineEnd)]))(eb).as('on_time'),
        (eb) => count((e) => e.and([submitted(e), e('report.submitted_at', '>', deadlineEnd)]))(eb).as('late'),
      ]);
    if (childLevel) q = q.groupBy(`facility.${FACILITY_LEVEL_COLUMN[childLevel]}`);
    const rows = await q.execute();
    return rows.map((r) => ({
      child: (r.child as string | null) ?? null,
      expected: Number(r.expected),
      received: Number(r.received),
      submitted: Number(r.submitted ?? 0),
      approved: Number(r.approved ?? 0),
      onTime: Number(r.on_time ?? 0),
      late: Number(r.late ?? 0),
    }));
  }

  /** Facilities in the filter without a submitted (or approved) report, paginated. */
  async missing(k: PeriodKey, filter: FacilityFilter, page: { offset: number; limit: number }): Promise<{ items: { code: string; name: string; type: string; divisionCode: string }[]; total: number }> {
    const q = this.db
      .selectFrom('facility')
      .leftJoin('report', (j) => j.onRef('report.facility_code', '=', 'facility.code').on('report.data_set', '=', k.dataSet).on('report.period', '=', k.period))
      .where((eb) => applyFacilityFilter(eb as unknown as ExpressionBuilder<DB, 'facility'>, filter))
      .where((eb) => eb.or([eb('report.status', 'is', null), eb('report.status', '=', 'DRAFT'), eb('report.status', '=', 'RETURNED')]));
    const [rows, count] = await Promise.all([
      q.select(['facility.code', 'facility.name', 'facility.type', 'facility.division_code']).orderBy('facility.code').offset(page.offset).limit(page.limit).execute(),
      q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    ]);
    return { total: Number(count.n), items: rows.map((r) => ({ code: r.code, name: r.name, type: r.type, divisionCode: r.division_code })) };
  }
}
