/**
 * Backup and restore of the embedded store, for the CLI like every other command: an online
 * copy while the store is in use; a restore that checks the file is a store of ours and refuses
 * while a server uses the data directory (it would keep the replaced file open and write on into
 * it). PostgreSQL is backed up with pg_dump instead.
 */
import { copyFileSync, existsSync, rmSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { AppError } from '../../../domain/errors.js';
import type { Config } from '../config.js';
import { runningServers } from '../server-lock.js';
import { openDatabase, SQLITE_FILE } from './database.js';
import { Store } from './store.js';

export class BackupService {
  constructor(
    private readonly config: Config,
    private readonly store: Store | null,
  ) {}

  /** Writes a consistent copy of the embedded store; answers its size in bytes. */
  async backup(dest: string): Promise<{ file: string; bytes: number }> {
    const out = resolve(dest);
    if (!this.store || !(await this.store.backup(out)))
      throw new AppError('E3001', { field: 'DATABASE_URL' }, { zh: 'PostgreSQL 存储请使用 pg_dump 备份', en: 'back up a PostgreSQL store with pg_dump' });
    return { file: out, bytes: statSync(out).size };
  }

  /** Replaces the embedded store with a backup (the store must not be open: call it without a context). */
  async restore(file: string): Promise<{ from: string; to: string }> {
    const config = this.config;
    if (config.databaseUrl) throw new AppError('E3001', { field: 'DATABASE_URL' }, { zh: 'PostgreSQL 存储请使用 pg_restore', en: 'restore a PostgreSQL store with pg_restore' });
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
    return { from: src, to: target };
  }
}
