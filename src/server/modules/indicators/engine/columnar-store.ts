/**
 * The analytics engine's columnar tables in DuckDB (in process): the facility dimension with its
 * ancestor codes at every level, the divisions, and one wide fact table of reports with a column
 * per data element (multi-selects as the number of options chosen), and the titles divisions hold. Only this file and
 * indicator-queries.ts speak DuckDB SQL.
 *
 * One connection writes (the engine's catch-up, one run at a time); queries run on a small pool
 * of read connections (connection-pool.ts), never two at once on one connection.
 */
import { availableParallelism } from 'node:os';
import { DuckDBConnection, DuckDBDataChunkWriter, DuckDBInstance, JSToDuckDBValueConverter } from '@duckdb/node-api';
import { ancestorCodes, type Division } from '../../../../domain/org-unit.js';
import type { Facility } from '../../../../domain/facility.js';
import type { DivisionTitle } from '../../../../domain/title.js';
import type { ProgramFact } from './program-facts.js';
import type { DataElement, DataValues } from '../../../../domain/program.js';
import type { Report } from '../../data-entry/report.repository.js';
import { ConnectionPool, readAll, type PoolOptions, type SqlParam, type SqlReader } from './connection-pool.js';

export interface FactColumn {
  code: string;
  sqlType: 'BOOLEAN' | 'DOUBLE' | 'INTEGER';
}

/** One fact column per element that indicators can use (text is left out). */
export function factColumns(elements: Iterable<DataElement>): FactColumn[] {
  const out: FactColumn[] = [];
  for (const e of elements) {
    if (e.valueType === 'BOOLEAN') out.push({ code: e.code, sqlType: 'BOOLEAN' });
    else if (e.valueType === 'INTEGER' || e.valueType === 'NUMBER') out.push({ code: e.code, sqlType: 'DOUBLE' });
    else if (e.valueType === 'MULTI_OPTION') out.push({ code: e.code, sqlType: 'INTEGER' });
  }
  return out;
}

const q = (id: string) => `"${id.replace(/"/g, '""')}"`;

/** The facility columns each report row carries a copy of (as f_type, f_opened, …). */
export const FACILITY_COPY = ['type', 'opened', 'closed', 'province', 'city', 'county', 'township', 'village'];
const copyFrom = (alias: string) => FACILITY_COPY.map((c) => `${alias}.${c}`).join(', ');

/** Read connections: as many as the cores DuckDB's own threads share (2–4), and a queue of 64 requests. */
export const DEFAULT_POOL: PoolOptions = { size: Math.min(4, Math.max(2, availableParallelism())), maxWaiting: 64 };

export class ColumnarStore {
  private readonly pool: ConnectionPool;
  private closed = false;

  private constructor(
    instance: DuckDBInstance,
    /** The writing connection: the engine's catch-up and rebuild, one at a time. */
    private readonly conn: DuckDBConnection,
    readonly columns: FactColumn[],
    pool: PoolOptions,
  ) {
    // The instance closes once the writer is closed and the last query has given its connection back.
    this.pool = new ConnectionPool(instance, pool, () => instance.closeSync());
  }

  /** In memory (no path), or in a DuckDB file that keeps the tables between runs. */
  static async open(columns: FactColumn[], path?: string, pool: PoolOptions = DEFAULT_POOL): Promise<ColumnarStore> {
    const instance = await DuckDBInstance.create(path ?? ':memory:');
    const conn = await instance.connect();
    if (path) await conn.run(`set force_compression = 'uncompressed'`);
    const s = new ColumnarStore(instance, conn, columns, pool);
    if (!path || !(await s.hasTables())) await s.createTables();
    return s;
  }

  /**
   * Runs `fn`'s queries on one read connection of the pool (waiting for one if all are busy);
   * 503 E6007 when too many requests wait already.
   */
  read<T>(fn: (r: SqlReader) => Promise<T>): Promise<T> {
    return this.pool.use(fn);
  }

  /** One query on a read connection (as `read`). */
  all<T = Record<string, unknown>>(sql: string, params: SqlParam[] = []): Promise<T[]> {
    return this.read((r) => r.all<T>(sql, params));
  }

  /** Runs the writes of `fn` in one transaction: queries on the read connections see all of them or none. */
  async transaction(fn: () => Promise<void>): Promise<void> {
    await this.conn.run('begin transaction');
    try {
      await fn();
    } catch (e) {
      await this.conn.run('rollback');
      throw e;
    }
    await this.conn.run('commit');
  }

  private async hasTables(): Promise<boolean> {
    const [r] = await readAll<{ n: number }>(this.conn, `select count(*)::integer as n from information_schema.tables where table_name = 'engine_state'`);
    return r.n > 0;
  }

  /** What the engine keeps beside the tables (its watermark, what it was built from). */
  async getState(key: string): Promise<string | null> {
    const [r] = await readAll<{ value: string }>(this.conn, 'select value from engine_state where key = $1', [key]);
    return r?.value ?? null;
  }

  async setState(key: string, value: string): Promise<void> {
    await this.conn.run('insert or replace into engine_state values ($1, $2)', [key, value]);
  }

  /** Writes everything to the file now (DuckDB otherwise does so when its log grows). */
  async checkpoint(): Promise<void> {
    await this.conn.run('checkpoint');
  }

  private async createTables(): Promise<void> {
    await this.conn.run(`create table engine_state(key varchar primary key, value varchar)`);
    await this.conn.run(`create table facility_dim(code varchar, name varchar, type varchar, ownership varchar, opened varchar, closed varchar,
      division varchar, province varchar, city varchar, county varchar, township varchar, village varchar)`);
    await this.conn.run(`create table title_fact(division_code varchar, title varchar, granted integer, withdrawn integer)`);
    await this.conn.run(`create table program_fact(source varchar, kind varchar, area varchar, province varchar, city varchar, county varchar, township varchar,
      year integer, subject varchar, subject_name varchar, value double)`);
    await this.conn.run(`create table division_dim(code varchar, name varchar, level integer, kind varchar, province varchar, city varchar, county varchar, township varchar)`);
    const facts = this.columns.map((c) => `${q(c.code)} ${c.sqlType}`).join(', ');
    const reportCols = `data_set varchar, period varchar, facility_code varchar, status varchar, approval_level integer${facts ? `, ${facts}` : ''}`;
    // Reports carry their facility's type, dates and ancestors (f_…), so the indicator scan
    // reads one table; facility changes are copied into them (upsertFacilities).
    await this.conn.run(`create table report_fact(${reportCols}, ${FACILITY_COPY.map((c) => `f_${c} varchar`).join(', ')})`);
    await this.conn.run(`create table report_stage(${reportCols})`);
  }

  async appendDivisions(divisions: Division[]): Promise<void> {
    await this.append('division_dim', divisions.map((d) => {
      const a = ancestorCodes(d.code);
      return [d.code, d.name, d.level, d.kind, a[1] ?? null, a[2] ?? null, a[3] ?? null, a[4] ?? null];
    }));
  }

  /** Replaces every title (a few thousand rows at most: simpler than tracking single changes). */
  async replaceTitles(titles: DivisionTitle[]): Promise<void> {
    await this.conn.run('delete from title_fact');
    await this.append('title_fact', titles.map((t) => [t.divisionCode, t.title, t.granted, t.withdrawn]));
  }

  /** Replaces every fact of one source (a few thousand rows: simpler than tracking single changes). */
  async replaceFacts(source: string, facts: ProgramFact[]): Promise<void> {
    await this.conn.run('delete from program_fact where source = $1', [source]);
    await this.append('program_fact', facts.map((f) => {
      const a = ancestorCodes(f.areaCode);
      return [source, f.kind, f.areaCode, a[1] ?? null, a[2] ?? null, a[3] ?? null, a[4] ?? null, f.year, f.subject, f.subjectName, f.value];
    }));
  }

  /** Replaces these facilities' rows (pass `fresh` when the table is known not to hold them). */
  async upsertFacilities(facilities: Facility[], fresh = false): Promise<void> {
    if (facilities.length === 0) return;
    if (!fresh) await this.deleteWhereIn('facility_dim', 'code', facilities.map((f) => f.code));
    await this.append('facility_dim', facilities.map((f) => {
      const a = ancestorCodes(f.divisionCode);
      return [f.code, f.name, f.type, f.ownership, f.opened, f.closed, f.divisionCode, a[1] ?? null, a[2] ?? null, a[3] ?? null, a[4] ?? null, a[5] ?? null];
    }));
    if (fresh) return;
    // A facility moved, closed or retyped: its reports follow.
    const codes = facilities.map((f) => f.code);
    for (let i = 0; i < codes.length; i += 5000) {
      const part = codes.slice(i, i + 5000);
      await this.conn.run(
        `update report_fact set ${FACILITY_COPY.map((c) => `f_${c} = f.${c}`).join(', ')} from facility_dim f
         where report_fact.facility_code = f.code and f.code in (${part.map((_, j) => `$${j + 1}`).join(', ')})`,
        part,
      );
    }
  }

  /** Replaces these reports' rows (pass `fresh` when the table is known not to hold them). */
  async upsertReports(reports: Report[], fresh = false): Promise<void> {
    if (reports.length === 0) return;
    if (!fresh) await this.deleteReports(reports);
    await this.append('report_stage', reports.map((r) => [r.dataSet, r.period, r.facilityCode, r.status, r.approvalLevel, ...this.factValues(r.values)]));
    await this.conn.run(`insert into report_fact select s.*, ${copyFrom('f')} from report_stage s left join facility_dim f on f.code = s.facility_code`);
    await this.conn.run('delete from report_stage');
  }

  async deleteReports(keys: { dataSet: string; period: string; facilityCode: string }[]): Promise<void> {
    if (keys.length === 0) return;
    for (let i = 0; i < keys.length; i += 5000) {
      const part = keys.slice(i, i + 5000);
      const values = part.map((_, j) => `($${3 * j + 1}, $${3 * j + 2}, $${3 * j + 3})`).join(', ');
      await this.conn.run(
        `delete from report_fact where (data_set, period, facility_code) in (select * from (values ${values}) v(d, p, f))`,
        part.flatMap((k) => [k.dataSet, k.period, k.facilityCode]),
      );
    }
  }

  private factValues(v: DataValues): (boolean | number | null)[] {
    return this.columns.map((c) => {
      const x = v[c.code];
      if (x === undefined) return null;
      if (c.sqlType === 'INTEGER') return Array.isArray(x) ? x.length : null;
      if (c.sqlType === 'BOOLEAN') return typeof x === 'boolean' ? x : null;
      return typeof x === 'number' ? x : null;
    });
  }

  private async deleteWhereIn(table: string, col: string, codes: string[]): Promise<void> {
    for (let i = 0; i < codes.length; i += 5000) {
      const part = codes.slice(i, i + 5000);
      await this.conn.run(`delete from ${table} where ${col} in (${part.map((_, j) => `$${j + 1}`).join(', ')})`, part);
    }
  }

  private async append(table: string, rows: unknown[][]): Promise<void> {
    const appender = await this.conn.createAppender(table);
    const writer = DuckDBDataChunkWriter.forAppender(appender, { converter: JSToDuckDBValueConverter });
    for (const r of rows) writer.appendRow(r as never[]);
    writer.flush();
    appender.closeSync();
  }

  /** Closes the writer and the idle readers now, the instance when the last running query is done. */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.conn.closeSync();
    this.pool.close();
  }
}
