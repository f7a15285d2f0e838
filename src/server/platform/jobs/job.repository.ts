/**
 * Jobs: rows with a kind and a time to run, claimed by exactly one node. On PostgreSQL the claim
 * takes the row with `FOR UPDATE SKIP LOCKED`, so two nodes polling together never take the same
 * job and never wait on each other; on SQLite (one process) the single writer makes the claim's
 * UPDATE atomic. A claim left `running` by a node that died is taken again after a lease.
 */
import { PostgresAdapter, sql, type Generated, type Kysely } from 'kysely';
import type { DB } from '../db/database.js';

export interface JobTable {
  id: Generated<number>;
  kind: string;
  run_at: string;
  state: string;
  locked_by: string | null;
  locked_at: string | null;
  attempts: Generated<number>;
  last_error: string | null;
  result: string | null;
  done_at: string | null;
}

declare module '../db/database.js' {
  interface DB {
    job: JobTable;
  }
}

export type JobState = 'pending' | 'running' | 'done' | 'failed';

export interface Job {
  id: number;
  kind: string;
  runAt: string;
  state: JobState;
  lockedBy: string | null;
  attempts: number;
  lastError: string | null;
  result: string | null;
  doneAt: string | null;
}

type Row = Omit<JobTable, 'id' | 'attempts'> & { id: number; attempts: number };
const toJob = (r: Row): Job => ({ id: Number(r.id), kind: r.kind, runAt: r.run_at, state: r.state as JobState, lockedBy: r.locked_by, attempts: Number(r.attempts), lastError: r.last_error, result: r.result, doneAt: r.done_at });

export class JobRepository {
  constructor(private readonly db: Kysely<DB>) {}

  /** Schedules a job once: a second schedule of the same kind and time is a no-op (the unique key), whichever node makes it. */
  async schedule(kind: string, runAt: string): Promise<void> {
    await this.db
      .insertInto('job')
      .values({ kind, run_at: runAt, state: 'pending' })
      .onConflict((oc) => oc.columns(['kind', 'run_at']).doNothing())
      .execute();
  }

  /** Claims the next due job (pending, or running past its lease) for `node`; null when none is due. */
  async claim(node: string, now: string, leaseExpired: string): Promise<Job | null> {
    const pg = this.db.getExecutor().adapter instanceof PostgresAdapter;
    const lock = pg ? sql`for update skip locked` : sql``;
    const r = await sql<Row>`
      update job set state = 'running', locked_by = ${node}, locked_at = ${now}, attempts = attempts + 1
      where id = (
        select id from job
        where (state = 'pending' and run_at <= ${now}) or (state = 'running' and locked_at < ${leaseExpired})
        order by run_at, id limit 1 ${lock}
      )
      returning *`.execute(this.db);
    return r.rows[0] ? toJob(r.rows[0]) : null;
  }

  async finish(id: number, node: string, state: 'done' | 'failed', at: string, detail: { result?: string; error?: string }): Promise<void> {
    await this.db
      .updateTable('job')
      .set({ state, done_at: at, result: detail.result ?? null, last_error: detail.error ?? null })
      .where('id', '=', id)
      .where('locked_by', '=', node)
      .execute();
  }

  /** Whether the kind has a run waiting or under way (one cheap row, read on every poll). */
  async hasOpen(kind: string): Promise<boolean> {
    const r = await this.db.selectFrom('job').select('id').where('kind', '=', kind).where('state', 'in', ['pending', 'running']).limit(1).executeTakeFirst();
    return r !== undefined;
  }

  /** Forgets finished runs older than `before`: a minutely kind would otherwise add 525,600 rows a year. */
  async pruneFinished(kind: string, before: string): Promise<void> {
    await this.db.deleteFrom('job').where('kind', '=', kind).where('state', 'in', ['done', 'failed']).where('run_at', '<', before).execute();
  }

  async list(kind?: string): Promise<Job[]> {
    let q = this.db.selectFrom('job').selectAll();
    if (kind) q = q.where('kind', '=', kind);
    return (await q.orderBy('run_at').orderBy('id').execute()).map((r) => toJob(r as Row));
  }
}
