import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cachingStatements, type PreparingDatabase } from './statement-cache.js';

let dir: string;
let raw: Database.Database;
let db: PreparingDatabase;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'gtcm-stmt-'));
  raw = new Database(join(dir, 'x.sqlite'));
  raw.exec('create table t(n integer)');
  raw.exec('insert into t values (1), (2), (3)');
  db = cachingStatements(raw, 2);
});
afterEach(() => {
  if (raw.open) raw.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('prepared statements kept for reuse (the embedded store)', () => {
  it('the same SQL text gets the same compiled statement back', () => {
    expect(db.prepare('select n from t')).toBe(db.prepare('select n from t'));
  });

  it('a statement still being iterated is not handed out again: a fresh one is prepared', () => {
    const first = db.prepare('select n from t order by n');
    const it = first.iterate();
    it.next();
    const second = db.prepare('select n from t order by n');
    expect(second).not.toBe(first);
    expect(second.all()).toEqual([{ n: 1 }, { n: 2 }, { n: 3 }]);
    it.return?.();
  });

  it('only the most recently used texts are kept', () => {
    const a = db.prepare('select 1');
    const b = db.prepare('select 2');
    db.prepare('select 1'); // used again: now the most recent
    db.prepare('select 3'); // lets go of `select 2`
    expect(db.prepare('select 1')).toBe(a);
    expect(db.prepare('select 2')).not.toBe(b);
  });

  it('a text longer than the whole text budget is prepared for its one use and not kept', () => {
    const small = cachingStatements(raw, 10, 40);
    const long = 'select n from t where n in (1, 2, 3, 4, 5, 6, 7, 8, 9)';
    expect(small.prepare(long)).not.toBe(small.prepare(long));
  });

  it('kept texts beyond the text budget let the oldest go', () => {
    const small = cachingStatements(raw, 10, 40);
    const a = small.prepare('select n from t where n = 1'); // 27 characters
    const b = small.prepare('select 2'); // 35 in all
    small.prepare('select 3'); // 43: `a` goes
    expect(small.prepare('select 2')).toBe(b);
    expect(small.prepare('select n from t where n = 1')).not.toBe(a);
  });

  it('a kept statement sees a change of the schema (SQLite prepares it again)', () => {
    const read = db.prepare('select * from t order by n');
    expect(read.all()).toEqual([{ n: 1 }, { n: 2 }, { n: 3 }]);
    raw.exec('alter table t add column m text');
    raw.exec("update t set m = 'x'");
    expect(db.prepare('select * from t order by n').all()[0]).toEqual({ n: 1, m: 'x' });
  });

  it('close closes the database', () => {
    db.close();
    expect(raw.open).toBe(false);
  });
});
