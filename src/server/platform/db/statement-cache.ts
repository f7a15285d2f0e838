/**
 * Prepared statements kept for reuse on the embedded store. Kysely's SQLite driver prepares every
 * query it runs; a bulk write of 2,000 rows per statement then spends as long compiling the SQL
 * as SQLite spends storing the rows. The dialect is given this wrapper instead of the database:
 * the same SQL text gets the same compiled statement back (the most recent `size` texts are
 * kept), except while that statement is still being iterated (a streamed query), when a fresh
 * one is prepared. SQLite re-prepares a kept statement by itself after a schema change.
 *
 * Bounded twice: by count, and by the length of the kept texts — a compiled statement takes
 * about forty times its text (a 2,000-row INSERT of 15 columns, 62 kB of text, 2.6 MB), so 200
 * such statements of slightly different row counts would hold half a gigabyte. Bulk writes
 * therefore use a few row counts only (bulk-sql.ts), and a text longer than the whole budget is
 * prepared for its one use and not kept.
 */
import type { Database, Statement } from 'better-sqlite3';

export interface PreparingDatabase {
  prepare(sql: string): Statement;
  close(): void;
}

/** The kept texts' total length: about 40 MB of compiled statements. */
const TEXT_BUDGET = 1_000_000;

export function cachingStatements(db: Database, size = 200, textBudget = TEXT_BUDGET): PreparingDatabase {
  const kept = new Map<string, Statement>();
  let textLength = 0;
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
      if (!hit && sql.length <= textBudget) {
        kept.set(sql, stmt);
        textLength += sql.length;
        while (kept.size > size || textLength > textBudget) {
          const oldest = kept.keys().next().value!;
          kept.delete(oldest);
          textLength -= oldest.length;
        }
      }
      return stmt;
    },
    close(): void {
      kept.clear();
      textLength = 0;
      db.close();
    },
  };
}
