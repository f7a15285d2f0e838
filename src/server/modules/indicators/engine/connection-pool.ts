/**
 * Read connections to the engine's DuckDB instance, each running one query at a time. A
 * DuckDBConnection is not for concurrent use (DuckDB's client docs: a connection is locked while
 * it queries, use one per thread of work; duckdb-node-neo#257: concurrent queries on one
 * connection segfault); the engine shared one between every request, and 200 concurrent
 * requests crashed the server. Several connections on one instance are the documented way.
 *
 * A request leases one connection for all its queries (a lease runs them one after another even
 * if the caller does not wait for each); leases beyond the pool wait in a FIFO queue of bounded
 * length, and beyond that are refused at once with E6007 (503): a burst costs its excess a quick
 * answer, not memory and latency without end.
 */
import type { DuckDBConnection, DuckDBInstance } from '@duckdb/node-api';
import { AppError } from '../../../../domain/errors.js';

export type SqlParam = string | number | boolean | null;

/** What the indicator queries need: run a query, get plain JS rows. */
export interface SqlReader {
  all<T = Record<string, unknown>>(sql: string, params?: SqlParam[]): Promise<T[]>;
}

export interface PoolOptions {
  /** Connections running queries at once. */
  size: number;
  /** Leases that may wait for a connection; one more is refused with E6007. */
  maxWaiting: number;
}

/** Runs a query on a connection and returns plain JS rows (numbers, strings, booleans, null). */
export async function readAll<T>(conn: DuckDBConnection, sql: string, params: SqlParam[] = []): Promise<T[]> {
  const reader = await conn.runAndReadAll(sql, params as never);
  return reader.getRowObjectsJS() as T[];
}

interface Waiter {
  resolve(c: DuckDBConnection): void;
  reject(e: Error): void;
}

export class ConnectionPool {
  private idle: DuckDBConnection[] = [];
  private waiting: Waiter[] = [];
  /** Connections made and not yet closed (idle or leased). */
  private made = 0;
  private closed = false;

  constructor(
    private readonly instance: DuckDBInstance,
    readonly opts: PoolOptions,
    /** Called once the pool is closed and its last leased connection is back and closed. */
    private readonly onDrained: () => void = () => {},
  ) {}

  /** Leases a connection for `fn`'s queries; gives it back when `fn` and its queries are done. */
  async use<T>(fn: (r: SqlReader) => Promise<T>): Promise<T> {
    const conn = await this.acquire();
    let last: Promise<unknown> = Promise.resolve();
    const reader: SqlReader = {
      all: <R>(sql: string, params: SqlParam[] = []) => {
        const p = last.then(() => readAll<R>(conn, sql, params));
        last = p.catch(() => {});
        return p;
      },
    };
    try {
      return await fn(reader);
    } finally {
      await last;
      this.release(conn);
    }
  }

  /** How many leases wait for a connection now. */
  get queued(): number {
    return this.waiting.length;
  }

  private async acquire(): Promise<DuckDBConnection> {
    if (this.closed) throw new Error('analytics tables closed');
    const idle = this.idle.pop();
    if (idle) return idle;
    if (this.made < this.opts.size) {
      this.made++;
      try {
        return await this.instance.connect();
      } catch (e) {
        this.made--;
        throw e;
      }
    }
    if (this.waiting.length >= this.opts.maxWaiting) throw new AppError('E6007', { limit: this.opts.maxWaiting });
    return new Promise<DuckDBConnection>((resolve, reject) => this.waiting.push({ resolve, reject }));
  }

  private release(conn: DuckDBConnection): void {
    const next = this.waiting.shift();
    if (next) return next.resolve(conn);
    if (!this.closed) {
      this.idle.push(conn);
      return;
    }
    conn.closeSync();
    if (--this.made === 0) this.onDrained();
  }

  /** Closes the idle connections now and the leased ones when they come back; waiting leases fail. */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    for (const w of this.waiting.splice(0)) w.reject(new Error('analytics tables closed'));
    for (const c of this.idle.splice(0)) {
      c.closeSync();
      this.made--;
    }
    if (this.made === 0) this.onDrained();
  }
}
