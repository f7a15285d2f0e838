import { Command, Option } from 'commander';
import { ROLES, type Role } from '../../domain/user.js';
import { SYSTEM_ACTOR } from '../../server/services/actor.js';
import { withContext, withGlobal, type GlobalOptions } from './common.js';

export function userCommand(program: Command): void {
  const user = program.command('user').description('用户管理 / users');
  withGlobal(user.command('add'))
    .description('新增用户 / add a user')
    .requiredOption('--username <u>', '用户名 / username')
    .requiredOption('--password <p>', '密码（≥8 位，4 类字符中至少 3 类）/ password (≥ 8 chars, 3 of 4 classes)')
    .addOption(new Option('--role <role>', '角色 / role').choices([...ROLES]).makeOptionMandatory())
    .requiredOption('--scope <code>', '管辖范围：CN、行政区划代码或机构编码 / scope: CN, a division code or a facility code')
    .option('--display-name <name>', '显示名 / display name')
    .action(async (flags: GlobalOptions & { username: string; password: string; role: Role; scope: string; displayName?: string }) => {
      await withContext(flags, async (ctx) => {
        await ctx.services.init.requireInitialised();
        const u = await ctx.services.users.create(SYSTEM_ACTOR, {
          username: flags.username,
          password: flags.password,
          role: flags.role,
          scopeCode: flags.scope,
          displayName: flags.displayName,
        });
        process.stdout.write(`已创建用户 created user: ${u.username} ${u.role} ${u.scopeCode} (${u.scopeName})\n`);
      });
    });
}
