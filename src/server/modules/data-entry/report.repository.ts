import type { Report } from '../../../domain/data-entry/report.js';
import type { ExpressionBuilder, Kysely } from 'kysely';
import type { ReportStatus } from '../../../domain/approval.js';
import type { DataValues } from '../../../domain/program.js';
import type { DB } from '../../platform/db/database.js';
import type { ReportTable } from './data-entry.tables.js';
import { applyFacilityFilter, type FacilityFilter } from '../org-units/facility.repository.js';
import { inTransaction, reserveSeq } from '../../platform/db/sql-helpers.js';
import { insertRows, selectWhereIn, type BulkColumn } from '../../platform/db/bulk-sql.js';

export type { Report } from '../../../domain/data-entry/report.js';

function toReport(r: ReportTable): Report {
  return {
    dataSet: r.data_set,
    period: r.period,
    facilityCode: r.facility_code,
    values: JSON.parse(r.data_values) as DataValues,
    status: r.status as ReportStatus,
    approvalLevel: r.approval_level,
    submittedAt: r.submitted_at,
    comment: r.comment,
    returnReason: r.return_reason,
    approvedAt: r.approved_at,
    approvedBy: r.approved_by,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    updatedBy: r.updated_by,
  };
}

/** The report table's columns as bulk writes give them (rowValues), with their PostgreSQL types. */
const REPORT_COLUMNS: BulkColumn[] = [
  { name: 'data_set', pg: 'text' },
  { name: 'period', pg: 'text' },
  { name: 'facility_code', pg: 'text' },
  { name: 'data_values', pg: 'text' },
  { name: 'status', pg: 'text' },
  { name: 'approval_level', pg: 'integer' },
  { name: 'submitted_at', pg: 'text' },
  { name: 'comment', pg: 'text' },
  { name: 'return_reason', pg: 'text' },
  { name: 'approved_at', pg: 'text' },
  { name: 'approved_by', pg: 'text' },
  { name: 'created_at', pg: 'text' },
  { name: 'updated_at', pg: 'text' },
  { name: 'updated_by', pg: 'text' },
  { name: 'seq', pg: 'bigint' },
];

/** What a write over an existing report replaces (created_at stays). */
const UPDATED = ['data_values', 'status', 'approval_level', 'submitted_at', 'comment', 'return_reason', 'approved_at', 'approved_by', 'updated_at', 'updated_by', 'seq'];

/** A report as the row of REPORT_COLUMNS, in their order. */
function rowValues(r: Report, seq: number): unknown[] {
  return [
    r.dataSet, r.period, r.facilityCode, JSON.stringify(r.values), r.status, r.approvalLevel, r.submittedAt, r.comment,
    r.returnReason, r.approvedAt, r.approvedBy, r.createdAt, r.updatedAt, r.updatedBy, seq,
  ];
}

export interface ReportKey {
  dataSet: string;
  period: string;
  facilityCode: string;
}

export class ReportRepository {
  constructor(private readonly db: Kysely<DB>) {}

  async insertMany(reports: Report[]): Promise<void> {
    if (reports.length === 0) return;
    await inTransaction(this.db, async (db) => {
      const first = await reserveSeq(db, reports.length);
      await insertRows(db, 'report', REPORT_COLUMNS, reports.map((r, i) => rowValues(r, first + i)));
    });
  }

  async get(k: ReportKey): Promise<Report | null> {
    const r = await this.db
      .selectFrom('report')
      .selectAll()
      .where('data_set', '=', k.dataSet)
      .where('period', '=', k.period)
      .where('facility_code', '=', k.facilityCode)
      .executeTakeFirst();
    return r ? toReport(r) : null;
  }

  async upsert(r: Report): Promise<void> {
    await this.upsertMany([r]);
  }

  /** Inserts or replaces reports, many rows per statement. */
  async upsertMany(reports: Report[]): Promise<void> {
    if (reports.length === 0) return;
    await inTransaction(this.db, async (db) => {
      const first = await reserveSeq(db, reports.length);
      await insertRows(db, 'report', REPORT_COLUMNS, reports.map((r, i) => rowValues(r, first + i)), { keys: ['data_set', 'period', 'facility_code'], update: UPDATED });
    });
  }

  /** The reports of these facilities for one data set and period, by facility code. */
  async getMany(dataSet: string, period: string, facilityCodes: string[]): Promise<Map<string, Report>> {
    const out = new Map<string, Report>();
    const equal = { data_set: dataSet, period };
    for (const r of await selectWhereIn<ReportTable>(this.db, 'report', '*', equal, 'facility_code', facilityCodes)) out.set(r.facility_code, toReport(r));
    return out;
  }

  /** Only the values of these facilities' reports for one data set and period (what a check against the previous period needs). */
  async valuesMany(dataSet: string, period: string, facilityCodes: string[]): Promise<Map<string, DataValues>> {
    const out = new Map<string, DataValues>();
    const equal = { data_set: dataSet, period };
    const rows = await selectWhereIn<Pick<ReportTable, 'facility_code' | 'data_values'>>(this.db, 'report', ['facility_code', 'data_values'], equal, 'facility_code', facilityCodes);
    for (const r of rows) out.set(r.facility_code, JSON.parse(r.data_values) as DataValues);
    return out;
  }

  async delete(k: ReportKey): Promise<void> {
    await inTransaction(this.db, async (db) => {
      const seq = await reserveSeq(db, 1);
      await db.insertInto('report_tombstone').values({ seq, data_set: k.dataSet, period: k.period, facility_code: k.facilityCode }).execute();
      await db.deleteFrom('report').where('data_set', '=', k.dataSet).where('period', '=', k.period).where('facility_code', '=', k.facilityCode).execute();
    });
  }

  /** Reports written after a change-sequence number, in sequence order (analytics catch-up). */
  async changedSince(seq: number, limit: number): Promise<(Report & { seq: number })[]> {
    const rows = await this.db.selectFrom('report').selectAll().where('seq', '>', seq).orderBy('seq').limit(limit).execute();
    return rows.map((r) => ({ ...toReport(r), seq: Number(r.seq) }));
  }

  /** Reports deleted after a change-sequence number. */
  async deletedSince(seq: number): Promise<(ReportKey & { seq: number })[]> {
    const rows = await this.db.selectFrom('report_tombstone').selectAll().where('seq', '>', seq).orderBy('seq').execute();
    return rows.map((r) => ({ dataSet: r.data_set, period: r.period, facilityCode: r.facility_code, seq: Number(r.seq) }));
  }

  /** Every data set and period that has reports. */
  async periods(): Promise<{ dataSet: string; period: string }[]> {
    const rows = await this.db.selectFrom('report').select(['data_set', 'period']).distinct().orderBy('data_set').orderBy('period').execute();
    return rows.map((r) => ({ dataSet: r.data_set, period: r.period }));
  }

  async count(): Promise<number> {
    const r = await this.db.selectFrom('report').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    return Number(r.n);
  }

  /** Pages through the reports of a data set and period for the filter's facilities, by facility code. */
  async *iterate(k: { dataSet: string; period: string }, filter: FacilityFilter, pageSize = 20000): AsyncGenerator<Report> {
    let after = '';
    for (;;) {
      const rows = await this.db
        .selectFrom('facility')
        .innerJoin('report', (j) => j.onRef('report.facility_code', '=', 'facility.code').on('report.data_set', '=', k.dataSet).on('report.period', '=', k.period))
        .selectAll('report')
        .where('report.facility_code', '>', after)
        .where((eb) => applyFacilityFilter(eb as unknown as ExpressionBuilder<DB, 'facility'>, filter))
        .orderBy('report.facility_code')
        .limit(pageSize)
        .execute();
      for (const r of rows) yield toReport(r);
      if (rows.length < pageSize) return;
      after = rows[rows.length - 1].facility_code;
    }
  }
}
