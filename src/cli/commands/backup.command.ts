/** `gtcm backup` and `gtcm restore`: through the platform's backup service, like every command. */
import type { Command } from 'commander';
import { loadConfig } from '../../server/platform/config.js';
import { BackupService } from '../../server/platform/db/backup.service.js';
import { withContext, withGlobal, type GlobalOptions } from './common.js';

export function backupCommand(program: Command): void {
  withGlobal(program.command('backup'))
    .description('在线备份内置存储（SQLite）；PostgreSQL 请用 pg_dump / online backup of the embedded store; use pg_dump for PostgreSQL')
    .requiredOption('--out <file>', '备份文件 / backup file')
    .action(async (flags: GlobalOptions & { out: string }) => {
      await withContext(flags, async (ctx) => {
        const r = await ctx.services.backup.backup(flags.out);
        process.stdout.write(`已备份 backed up: ${r.file} (${(r.bytes / 1e6).toFixed(1)} MB)\n`);
      });
    });

  withGlobal(program.command('restore'))
    .description('从备份恢复内置存储（先停止服务）/ restore the embedded store from a backup (stop the server first)')
    .argument('<file>', '备份文件 / backup file')
    .action(async (file: string, flags: GlobalOptions) => {
      // The store stays closed: restore replaces its file.
      const r = await new BackupService(loadConfig({ dataDir: flags.dataDir }), null).restore(file);
      process.stdout.write(`已恢复 restored: ${r.from} → ${r.to}\n`);
    });
}
