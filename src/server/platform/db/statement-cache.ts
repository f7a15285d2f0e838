/**
 * Prepared statements kept for reuse on the embedded store. Kysely's SQLite driver prepares every
 * query it runs; a bulk write of 2,000 rows per statement then spends as long compiling the SQL
 * as SQLite spends storing the rows. The dialect is given this wrapper instead of the database:
 * the same SQL text gets the same compiled statement back (the most recent `size` texts are
 * kept), except while that statement is still being iterated (a streamed query), when a fresh
 * one is prepared. SQLite re-prepares a kept statement by itself after a schema change.
 */
import type { Database, Statement } from 'better-sqlite3';

export interface PreparingDatabase {
  prepare(sql: string): Statement;
  close(): void;
}

export function cachingStatements(db: Database, size = 200): PreparingDatabase {
  const kept = new Map<string, Statement>();
  return {
    prepare(sql: string): Statement {
      const hit = kept.get(sql);
      if (hit && !hit.busy) {
        // Most recently used last: the first entry is the one to let go.
        kept.delete(sql);
        kept.set(sql, hit);
        return hit;
      }
      const stmt = db.prepare(sql);
      if (!hit) {
        kept.set(sql, stmt);
        if (kept.size > size) kept.delete(kept.keys().next().value!);
      }
      return stmt;
    },
    close(): void {
      kept.clear();
      db.close();
    },
  };
}
