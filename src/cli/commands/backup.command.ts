import { copyFileSync, existsSync, rmSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Command } from 'commander';
import { AppError } from '../../domain/errors.js';
import { loadConfig } from '../../server/platform/config.js';
import { openDatabase, SQLITE_FILE } from '../../server/platform/db/database.js';
import { Store } from '../../server/platform/db/store.js';
import { runningServers } from '../../server/platform/server-lock.js';
import { withContext, withGlobal, type GlobalOptions } from './common.js';

export function backupCommand(program: Command): void {
  withGlobal(program.command('backup'))
    .description('在线备份内置存储（SQLite）；PostgreSQL 请用 pg_dump / online backup of the embedded store; use pg_dump for PostgreSQL')
    .requiredOption('--out <file>', '备份文件 / backup file')
    .action(async (flags: GlobalOptions & { out: string }) => {
      await withContext(flags, async (ctx) => {
        const out = resolve(flags.out);
        if (!(await ctx.store.backup(out)))
          throw new AppError('E3001', { field: 'DATABASE_URL' }, { zh: 'PostgreSQL 存储请使用 pg_dump 备份', en: 'back up a PostgreSQL store with pg_dump' });
        process.stdout.write(`已备份 backed up: ${out} (${(statSync(out).size / 1e6).toFixed(1)} MB)\n`);
      });
    });

  withGlobal(program.command('restore'))
    .description('从备份恢复内置存储（先停止服务）/ restore the embedded store from a backup (stop the server first)')
    .argument('<file>', '备份文件 / backup file')
    .action(async (file: string, flags: GlobalOptions) => {
      const config = loadConfig({ dataDir: flags.dataDir });
      if (config.databaseUrl) throw new AppError('E3001', { field: 'DATABASE_URL' }, { zh: 'PostgreSQL 存储请使用 pg_restore', en: 'restore a PostgreSQL store with pg_restore' });
      // A running server keeps the replaced file open and writes on into it: refuse.
      const running = runningServers(config.dataDir);
      if (running.length) throw new AppError('E3003', { field: 'data-dir', value: config.dataDir, pid: running.join(', ') });
      const src = resolve(file);
      if (!existsSync(src)) throw new AppError('E3001', { field: 'file', value: src }, { zh: '备份文件不存在', en: 'backup file not found' });
      // Check that the file is a store of ours before replacing anything.
      const probe = new Store(openDatabase({ dataDir: config.dataDir, databaseUrl: null, file: src }));
      try {
        if ((await probe.repos.state.get('hierarchy')) === null) throw new Error('not initialised');
      } catch {
        throw new AppError('E3001', { field: 'file', value: src }, { zh: '不是有效的平台备份', en: 'not a valid platform backup' });
      } finally {
        await probe.close();
      }
      const target = join(config.dataDir, SQLITE_FILE);
      for (const suffix of ['-wal', '-shm']) rmSync(target + suffix, { force: true });
      copyFileSync(src, target);
      // The analytics tables describe the store that was replaced: the next start rebuilds them.
      if (config.analyticsFile) for (const p of [config.analyticsFile, `${config.analyticsFile}.wal`]) rmSync(p, { force: true });
      process.stdout.write(`已恢复 restored: ${src} → ${target}\n`);
    });
}
