/**
 * The read-connection pool: never two queries at once on one connection, at most `size`
 * connections, a FIFO queue of `maxWaiting` leases and E6007 beyond it, closing that waits for
 * the leased connections; and a burst of 200 leases on a real DuckDB instance.
 */
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../../domain/errors.js';
import { ConnectionPool } from './connection-pool.js';

/** A fake instance whose connections count the queries running on them and answer when told. */
function fakeInstance() {
  const conns: { active: number; maxActive: number; closed: boolean; ran: string[] }[] = [];
  const pending: (() => void)[] = [];
  let running = 0;
  let maxRunning = 0;
  const instance = {
    connect: async () => {
      const c = { active: 0, maxActive: 0, closed: false, ran: [] as string[] };
      conns.push(c);
      return {
        runAndReadAll: (sql: string) => {
          if (c.closed) throw new Error('closed connection');
          c.active++;
          running++;
          c.maxActive = Math.max(c.maxActive, c.active);
          maxRunning = Math.max(maxRunning, running);
          c.ran.push(sql);
          return new Promise((resolve) =>
            pending.push(() => {
              c.active--;
              running--;
              resolve({ getRowObjectsJS: () => [{ sql }] });
            }),
          );
        },
        closeSync: () => {
          c.closed = true;
        },
      } as unknown as DuckDBConnection;
    },
  } as unknown as DuckDBInstance;
  /** Lets every query started so far finish, until none is left. */
  const drain = async () => {
    for (let i = 0; i < 1000; i++) {
      await new Promise((r) => setImmediate(r));
      const next = pending.shift();
      if (!next) {
        await new Promise((r) => setImmediate(r));
        if (!pending.length) return;
        continue;
      }
      next();
    }
  };
  return { instance, conns, drain, stats: () => ({ maxRunning }) };
}

describe('ConnectionPool', () => {
  it('runs at most `size` queries at once, one per connection, and refuses leases beyond the queue with E6007', async () => {
    const f = fakeInstance();
    const pool = new ConnectionPool(f.instance, { size: 2, maxWaiting: 3 });
    const results: Promise<unknown>[] = [];
    const refused: unknown[] = [];
    for (let i = 0; i < 8; i++) {
      // Each lease fires three queries without waiting for each: the lease must run them in turn.
      const p = pool.use((r) => Promise.all([r.all(`q${i}a`), r.all(`q${i}b`), r.all(`q${i}c`)]));
      results.push(p.catch((e) => (refused.push(e), 'refused')));
    }
    await f.drain();
    const out = await Promise.all(results);
    expect(f.conns).toHaveLength(2);
    for (const c of f.conns) expect(c.maxActive).toBe(1);
    expect(f.stats().maxRunning).toBe(2);
    // 2 running + 3 waiting were admitted; the other 3 were refused at once.
    expect(refused).toHaveLength(3);
    for (const e of refused) {
      expect(e).toBeInstanceOf(AppError);
      expect((e as AppError).code).toBe('E6007');
      expect((e as AppError).status).toBe(503);
    }
    expect(out.filter((x) => x !== 'refused')).toEqual(
      [0, 1, 2, 3, 4].map((i) => [[{ sql: `q${i}a` }], [{ sql: `q${i}b` }], [{ sql: `q${i}c` }]]),
    );
    // Once the burst is over, the pool serves again.
    const again = pool.use((r) => r.all('after'));
    await f.drain();
    expect(await again).toEqual([{ sql: 'after' }]);
  });

  it('a failing query gives the connection back and fails only its own lease', async () => {
    const instance = await DuckDBInstance.create(':memory:');
    const pool = new ConnectionPool(instance, { size: 1, maxWaiting: 5 });
    await expect(pool.use((r) => r.all('select * from no_such_table'))).rejects.toThrow(/no_such_table/);
    expect(await pool.use((r) => r.all<{ n: number }>('select 42::integer as n'))).toEqual([{ n: 42 }]);
    let drained = 0;
    const closing = new ConnectionPool(instance, { size: 1, maxWaiting: 5 }, () => drained++);
    closing.close();
    expect(drained).toBe(1);
    pool.close();
    instance.closeSync();
  });

  it('closing waits for the leased connections, fails the waiting leases and refuses new ones', async () => {
    const f = fakeInstance();
    let drained = 0;
    const pool = new ConnectionPool(f.instance, { size: 1, maxWaiting: 5 }, () => drained++);
    const held = pool.use((r) => r.all('held'));
    const waiting = pool.use((r) => r.all('waiting'));
    await new Promise((r) => setImmediate(r));
    pool.close();
    await expect(waiting).rejects.toThrow(/closed/);
    await expect(pool.use((r) => r.all('late'))).rejects.toThrow(/closed/);
    expect(drained).toBe(0);
    await f.drain();
    expect(await held).toEqual([{ sql: 'held' }]);
    expect(drained).toBe(1);
    expect(f.conns.every((c) => c.closed)).toBe(true);
  });

  it('200 concurrent leases on a real DuckDB instance all answer right', async () => {
    const instance = await DuckDBInstance.create(':memory:');
    const setup = await instance.connect();
    await setup.run('create table t as select range as a, (range % 7)::integer as b from range(20000)');
    const pool = new ConnectionPool(instance, { size: 2, maxWaiting: 200 });
    const answers = await Promise.all(
      Array.from({ length: 200 }, (_, i) =>
        pool.use(async (r) => {
          const [x, y] = await Promise.all([
            r.all<{ n: number }>('select count(*)::integer as n from t where b = $1', [i % 7]),
            r.all<{ s: number }>('select sum(a)::double as s from t where b = $1', [i % 7]),
          ]);
          return [x[0].n, y[0].s];
        }),
      ),
    );
    const expected = await Promise.all(
      [0, 1, 2, 3, 4, 5, 6].map(async (b) => {
        const rows = (await setup.runAndReadAll(`select count(*)::integer as n, sum(a)::double as s from t where b = ${b}`)).getRowObjectsJS();
        return [rows[0].n, rows[0].s];
      }),
    );
    answers.forEach((a, i) => expect(a).toEqual(expected[i % 7]));
    pool.close();
    setup.closeSync();
    instance.closeSync();
  });
});
