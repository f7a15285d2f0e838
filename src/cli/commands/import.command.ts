import { existsSync } from 'node:fs';
import { Command, Option } from 'commander';
import { AppError } from '../../domain/errors.js';
import { SYSTEM_ACTOR } from '../../server/platform/access/actor.js';
import { formatOf } from '../../server/modules/import-export/table-reader.js';
import { withContext, withGlobal, type GlobalOptions } from './common.js';

interface ImportFlags extends GlobalOptions {
  dryRun?: boolean;
  mode: 'strict' | 'partial';
  as?: string;
  dataSet?: string;
}

/** Exit code of an import that rejected rows. */
export const EXIT_REJECTED = 1;

export function importCommand(program: Command): void {
  withGlobal(program.command('import'))
    .description('导入年报（CSV 或 XLSX）/ import reports from CSV or XLSX; prints a JSON summary')
    .argument('<file>', 'CSV (UTF-8) 或 XLSX 文件 / file')
    .option('--dry-run', '只检查，不保存 / check only, store nothing')
    .addOption(new Option('--mode <mode>', 'strict：有拒绝行则全部不保存；partial：保存有效行 / strict stores nothing if any row is rejected; partial stores the valid rows').choices(['strict', 'partial']).default('strict'))
    .option('--as <username>', '以该用户身份导入（默认系统管理员）/ import as this user (default: system administrator)')
    .option('--data-set <code>', '数据集（默认为项目的第一个数据集）/ data set (default: the programme\'s first)')
    .action(async (file: string, flags: ImportFlags) => {
      if (!existsSync(file)) throw new AppError('E4013', { field: 'file', value: file }, { zh: '文件不存在', en: 'file not found' });
      const format = formatOf(file);
      if (!format) throw new AppError('E4013', { field: 'file', value: file }, { zh: '请使用 .csv 或 .xlsx 文件', en: 'use a .csv or .xlsx file' });
      const code = await withContext(flags, async (ctx) => {
        await ctx.services.init.requireInitialised();
        const actor = flags.as ? await ctx.services.auth.actorFor(flags.as) : SYSTEM_ACTOR;
        // The same checks and caps as an upload (the file is local: the upload size does not apply).
        const limits = ctx.config.limits;
        let s;
        try {
          s = await ctx.services.imports.importFile(actor, file, { format, mode: flags.mode, dryRun: !!flags.dryRun, dataSet: flags.dataSet, limits });
        } catch (e) {
          // The reader's own words, for the administrator at the console (the web never shows them).
          if (e instanceof AppError && e.cause instanceof Error) process.stderr.write(`gtcm import: ${e.cause.message}\n`);
          throw e;
        }
        const { rows, inserted, updated, unchanged, rejected, errors, errorsTotal, errorsTruncated, warnings, warningsTotal, warningsTruncated } = s;
        process.stdout.write(JSON.stringify({ rows, inserted, updated, unchanged, rejected, errors, errorsTotal, errorsTruncated, warnings, warningsTotal, warningsTruncated }) + '\n');
        return rejected > 0 || errorsTotal > 0 ? EXIT_REJECTED : 0;
      });
      if (code) throw new CommandExit(code);
    });
}

/** Ends the command with an exit code after its output was printed. */
export class CommandExit extends Error {
  constructor(readonly exitCode: number) {
    super(`exit ${exitCode}`);
  }
}
