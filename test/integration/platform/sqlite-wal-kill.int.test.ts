/**
 * kill -9 with a non-empty WAL (SQLite): a process commits reports one by one (their pages still
 * in the WAL, not yet checkpointed into the database file) and then holds a large transaction
 * whose pages have spilled into the WAL uncommitted. Killed there, the store must reopen intact,
 * with every committed report and nothing of the open transaction.
 */
import { spawn } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { NATION_AREA } from '../../../src/domain/scope.js';
import { ManualClock } from '../../../src/server/platform/clock.js';
import { createContext } from '../../../src/server/platform/context.js';
import { SQLITE_FILE } from '../../../src/server/platform/db/database.js';
import { FIXTURE_AREAS, STORE, storeConfig } from '../../support/test-context.js';

describe.skipIf(STORE !== 'sqlite')('kill -9 with committed and uncommitted pages in the WAL (SQLite)', () => {
  it('reopens with every committed report and none of the open transaction', async () => {
    const { config, cleanup } = await storeConfig();
    try {
      const own = await createContext(config, { clock: new ManualClock() });
      await own.services.init.init({ demo: true, seed: 1, areas: FIXTURE_AREAS });
      const codes = (await own.store.repos.facilities.list({ area: NATION_AREA }, { offset: 0, limit: 5000 })).items.map((f) => f.code);
      const reportsBefore = await own.store.repos.reports.count();
      await own.close();
      const committed = codes.slice(0, 60);
      const uncommitted = codes.slice(60);
      writeFileSync(join(config.dataDir, 'committed.json'), JSON.stringify(committed));
      writeFileSync(join(config.dataDir, 'open.json'), JSON.stringify(uncommitted));

      const wal = join(config.dataDir, `${SQLITE_FILE}-wal`);
      const child = spawn(process.execPath, ['--import', 'tsx', 'test/support/fixtures/wal-writer.ts', config.dataDir, join(config.dataDir, 'committed.json'), join(config.dataDir, 'open.json')], {
        cwd: process.cwd(),
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      const said: string[] = [];
      let stderr = '';
      // The WAL's sizes as the writer saw them: after its last commit, and with its transaction open.
      let walAfterCommits = 0;
      let walAtKill = 0;
      child.stderr.on('data', (d) => (stderr += d));
      const opened = new Promise<void>((resolve, reject) => {
        child.stdout.on('data', (d: Buffer) => {
          for (const line of String(d).split('\n').filter(Boolean)) {
            said.push(line);
            if (line.startsWith('wal ')) walAfterCommits = Number(line.slice(4));
            if (line.startsWith('open ')) {
              walAtKill = Number(line.slice(5));
              resolve();
            }
          }
        });
        child.on('exit', (code) => reject(new Error(`the writer ended (${code}) before its transaction was open: ${stderr}`)));
      });
      await opened;
      const exited = new Promise((r) => child.on('exit', r));
      child.kill('SIGKILL');
      await exited;

      // The WAL held the commits, not yet checkpointed, and then the open transaction's pages.
      expect(walAfterCommits).toBeGreaterThan(0);
      expect(walAtKill).toBeGreaterThan(walAfterCommits);
      expect(existsSync(wal)).toBe(true);
      expect(said.filter((l) => l.startsWith('committed ')).length).toBe(committed.length);

      const raw = new SqliteDatabase(join(config.dataDir, SQLITE_FILE));
      expect(raw.pragma('integrity_check')).toEqual([{ integrity_check: 'ok' }]);
      raw.close();
      const again = await createContext(config, { clock: new ManualClock() });
      try {
        expect(await again.store.repos.reports.count()).toBe(reportsBefore + committed.length);
        const stored = await again.store.repos.reports.getMany('GTCM_ANNUAL', '2025', committed);
        expect([...stored.values()].map((r) => (r.values as Record<string, unknown>).tcm_visits).sort()).toEqual(committed.map((_, i) => 100 + i).sort());
        for (const period of ['2025', '2026', '2027']) expect((await again.store.repos.reports.getMany('GTCM_ANNUAL', period, uncommitted)).size).toBe(0);
      } finally {
        await again.close();
      }
    } finally {
      await cleanup();
    }
  }, 120_000);
});
