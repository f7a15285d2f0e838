/**
 * node-postgres's pool, made to survive its database. A pool without an `'error'` listener ends
 * the process when an idle connection is reset (a network reset, `pg_terminate_backend`, a restart
 * or fail-over of PostgreSQL); a checked-out connection that breaks between two statements does
 * the same. Here every connection has a listener, a connection that failed is destroyed when it
 * is given back instead of being lent again, and new ones are opened as needed — so the node
 * recovers by itself when the database returns. Waiting for a connection, connecting and each
 * statement are bounded (`DbTimeouts`).
 */
import pg from 'pg';

export interface DbTimeouts {
  /** Opening a connection, or waiting for a free one in the pool (GTCM_DB_CONNECT_TIMEOUT_S, default 5 s). */
  connectMs: number;
  /** One statement, on the server (statement_timeout) and on the client when the network stalls (GTCM_DB_STATEMENT_TIMEOUT_S, default 15 s). */
  statementMs: number;
  /** Connections per node (GTCM_DB_POOL_MAX, default 10). */
  poolMax: number;
}

export const DEFAULT_DB_TIMEOUTS: DbTimeouts = { connectMs: 5_000, statementMs: 15_000, poolMax: 10 };

export type DbLog = (msg: string, detail?: Record<string, unknown>) => void;

/** Connection-level failures: the connection is gone (or never came) and the database may come back. */
const CONNECTION_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN']);
/** PostgreSQL's SQLSTATEs for a server going away or not taking connections (class 08, 57P0x, 53300). */
const SERVER_UNAVAILABLE = /^(08...|57P01|57P02|57P03|53300)$/;
const CONNECTION_MESSAGES = /Connection terminated|connection error|timeout exceeded when trying to connect|Client was closed|not queryable|Connection refused/i;

/** Whether an error means the store is unreachable ('down') or too slow to answer ('timeout'); null: anything else. */
export function storeFailure(err: unknown): 'down' | 'timeout' | null {
  const e = err as { code?: unknown; message?: unknown } | null;
  if (!e || typeof e !== 'object') return null;
  const code = typeof e.code === 'string' ? e.code : '';
  const message = typeof e.message === 'string' ? e.message : '';
  if (code === '57014' || /Query read timeout/i.test(message)) return 'timeout';
  if (CONNECTION_CODES.has(code) || SERVER_UNAVAILABLE.test(code) || CONNECTION_MESSAGES.test(message)) return 'down';
  return null;
}

interface QueryableClient {
  query(sql: string, params?: readonly unknown[]): Promise<unknown>;
  release(): void;
}

export class GuardedPool {
  readonly pool: pg.Pool;
  private readonly guarded = new WeakSet<pg.PoolClient>();
  private readonly broken = new WeakSet<pg.PoolClient>();
  private failing = false;

  constructor(connectionString: string, timeouts: DbTimeouts, private readonly log: DbLog) {
    this.pool = new pg.Pool({
      connectionString,
      max: timeouts.poolMax,
      connectionTimeoutMillis: timeouts.connectMs,
      // 0: no bound (migrations). A second more on the client: the server's own timeout answers
      // first while the network is up; the client's answers when it stalls.
      ...(timeouts.statementMs > 0 ? { statement_timeout: timeouts.statementMs, query_timeout: timeouts.statementMs + 1_000 } : {}),
      keepAlive: true,
      keepAliveInitialDelayMillis: 10_000,
    });
    // An idle connection that breaks: pg-pool removes it; without this listener the process ends.
    this.pool.on('error', (err) => this.failed(err));
  }

  async connect(): Promise<QueryableClient> {
    let client: pg.PoolClient;
    try {
      client = await this.pool.connect();
    } catch (e) {
      this.failed(e);
      throw e;
    }
    if (this.failing) {
      this.failing = false;
      this.log('数据库连接已恢复 database connection restored');
    }
    if (!this.guarded.has(client)) {
      this.guarded.add(client);
      // A lent connection that breaks between statements emits 'error' on the client itself.
      client.on('error', (err) => {
        this.broken.add(client);
        this.failed(err);
      });
    }
    return {
      query: async (sql, params) => {
        try {
          return await client.query(sql, params as unknown[]);
        } catch (e) {
          if (storeFailure(e)) this.broken.add(client);
          throw e;
        }
      },
      // A broken connection is destroyed, not lent again (a timed-out one may still be busy).
      release: () => client.release(this.broken.has(client) ? new Error('connection failed') : undefined),
    };
  }

  private failed(err: unknown): void {
    if (this.failing) return;
    this.failing = true;
    this.log('数据库连接失败，将在下次请求时重连 database connection failed; reconnecting on the next request', { err: String((err as Error)?.message ?? err) });
  }

  end(): Promise<void> {
    return this.pool.end();
  }
}
