/** `gtcm user …`: users and their lifecycle, for operators (acting as the system). */
import { Command, Option } from 'commander';
import { ROLES, type Role } from '../../domain/user.js';
import { SYSTEM_ACTOR } from '../../server/platform/access/actor.js';
import type { LifecycleAction, UserView } from '../../server/modules/identity/user.service.js';
import type { AppContext } from '../../server/platform/context.js';
import { writeRows, type Format } from '../output.js';
import { withContext, withGlobal, type GlobalOptions } from './common.js';
import { readPassword, type PasswordFlags } from './password-input.js';

const PASSWORD_HELP = '密码从提示、--password-stdin 或环境变量 GTCM_PASSWORD 读取，不写在命令行上 / the password comes from a prompt, --password-stdin or GTCM_PASSWORD, never the command line';

const withPassword = (cmd: Command) =>
  cmd
    .option('--password-stdin', '从标准输入读取密码（第一行）/ read the password from standard input (first line)')
    .addOption(new Option('--password <p>', '已不支持：密码会出现在进程列表中 / refused: it would show in the process list').hideHelp());

const line = (u: UserView) =>
  `${u.username} ${u.role} ${u.scopeCode} (${u.scopeName})${u.disabled ? ' 已停用 disabled' : ''}${u.mustChangePassword ? ' 须改密码 must change password' : ''}`;

async function run(flags: GlobalOptions, fn: (ctx: AppContext) => Promise<void>): Promise<void> {
  await withContext(flags, async (ctx) => {
    await ctx.services.init.requireInitialised();
    await fn(ctx);
  });
}

const LIFECYCLE: [string, LifecycleAction, string][] = [
  ['disable', 'disable', '停用账号并结束其会话 / disable an account and end its sessions'],
  ['enable', 'enable', '启用账号 / enable an account'],
  ['unlock', 'unlock', '解除登录锁定 / unlock an account locked by failed logins'],
  ['end-sessions', 'end_sessions', '结束该用户的全部会话 / end all sessions of a user'],
];

export function userCommand(program: Command): void {
  const user = program.command('user').description('用户管理 / users');
  withPassword(withGlobal(user.command('add')))
    .description(`新增用户 / add a user. ${PASSWORD_HELP}`)
    .requiredOption('--username <u>', '用户名 / username')
    .addOption(new Option('--role <role>', '角色 / role').choices([...ROLES]).makeOptionMandatory())
    .requiredOption('--scope <code>', '管辖范围：CN、行政区划代码或机构编码 / scope: CN, a division code or a facility code')
    .option('--display-name <name>', '显示名 / display name')
    .action(async (flags: GlobalOptions & PasswordFlags & { username: string; role: Role; scope: string; displayName?: string }) => {
      const password = await readPassword(flags);
      await run(flags, async (ctx) => {
        const u = await ctx.services.users.create(SYSTEM_ACTOR, { username: flags.username, password, role: flags.role, scopeCode: flags.scope, displayName: flags.displayName });
        process.stdout.write(`已创建用户 created user: ${line(u)}\n`);
      });
    });

  withGlobal(user.command('list'))
    .description('列出用户 / list users')
    .addOption(new Option('--format <f>', '输出格式 / output format').choices(['csv', 'json']).default('csv'))
    .action(async (flags: GlobalOptions & { format: Format }) => {
      await run(flags, async (ctx) => {
        const columns = ['username', 'display_name', 'role', 'scope_code', 'scope_name', 'disabled', 'locked_until', 'must_change_password'];
        // Every user, read a page at a time.
        async function* rows() {
          const size = 1000;
          for (let page = 1, seen = 0, total = Infinity; seen < total; page++) {
            const r = await ctx.services.users.page(SYSTEM_ACTOR, page, size);
            total = r.items.length ? r.total : seen;
            seen += r.items.length;
            for (const u of r.items)
              yield { username: u.username, display_name: u.displayName, role: u.role, scope_code: u.scopeCode, scope_name: u.scopeName, disabled: u.disabled, locked_until: u.lockedUntil ?? '', must_change_password: u.mustChangePassword };
          }
        }
        await writeRows(rows(), columns, flags.format);
      });
    });

  for (const [name, action, description] of LIFECYCLE)
    withGlobal(user.command(name))
      .description(description)
      .argument('<username>', '用户名 / username')
      .action(async (username: string, flags: GlobalOptions) => {
        await run(flags, async (ctx) => {
          const u = await ctx.services.users.act(SYSTEM_ACTOR, username, action);
          process.stdout.write(`已完成 done (${name}): ${line(u)}\n`);
        });
      });

  withPassword(withGlobal(user.command('reset-password')))
    .description(`重置密码，用户下次登录须修改 / reset a password; the user changes it at next login. ${PASSWORD_HELP}`)
    .argument('<username>', '用户名 / username')
    .action(async (username: string, flags: GlobalOptions & PasswordFlags) => {
      const password = await readPassword(flags);
      await run(flags, async (ctx) => {
        const u = await ctx.services.users.resetPassword(SYSTEM_ACTOR, username, password);
        process.stdout.write(`已重置密码，会话已结束 password reset, sessions ended: ${line(u)}\n`);
      });
    });

  withGlobal(user.command('update'))
    .description('修改显示名、角色或管辖范围（结束其会话）/ change display name, role or scope (ends the sessions)')
    .argument('<username>', '用户名 / username')
    .addOption(new Option('--role <role>', '角色 / role').choices([...ROLES]))
    .option('--scope <code>', '管辖范围 / scope')
    .option('--display-name <name>', '显示名 / display name')
    .action(async (username: string, flags: GlobalOptions & { role?: Role; scope?: string; displayName?: string }) => {
      await run(flags, async (ctx) => {
        const u = await ctx.services.users.update(SYSTEM_ACTOR, username, { role: flags.role, scopeCode: flags.scope, displayName: flags.displayName });
        process.stdout.write(`已修改 updated: ${line(u)}\n`);
      });
    });
}
