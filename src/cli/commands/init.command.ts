import { randomBytes } from 'node:crypto';
import type { Command } from 'commander';
import type { AppContext } from '../../server/platform/context.js';
import { DEMO_PASSWORD, parseDemoYears } from '../../server/platform/init/init.service.js';
import { progressBar } from '../output.js';
import { withContext, withGlobal, type GlobalOptions } from './common.js';

export interface InitFlags extends GlobalOptions {
  demo?: boolean;
  seed?: string;
  areas?: string;
  small?: boolean;
  years?: string;
}

/**
 * Runs init and prints what it did; shared by `init` and `start`. Under the lock all nodes on the
 * store share: a second node starting beside the first waits for it (and, with `onlyIfNeeded`,
 * then finds the store initialised and does nothing).
 */
export async function runInit(ctx: AppContext, flags: InitFlags, opts: { onlyIfNeeded?: boolean } = {}): Promise<void> {
  await ctx.store.exclusive(
    'init',
    async () => {
      if (opts.onlyIfNeeded && !(await ctx.services.init.needsInit())) {
        process.stdout.write('另一节点已完成初始化 another node initialised the store\n');
        return;
      }
      await initLocked(ctx, flags);
    },
    () => process.stdout.write('另一节点正在初始化，等待 another node is initialising the store: waiting\n'),
  );
}

async function initLocked(ctx: AppContext, flags: InitFlags): Promise<void> {
  const areas = flags.small ? ['53'] : flags.areas?.split(',').map((s) => s.trim()).filter(Boolean);
  const seed = flags.seed === undefined ? 1 : Number(flags.seed);
  const t0 = Date.now();
  const years = flags.years ? parseDemoYears(flags.years) : undefined;
  const r = await ctx.services.init.init({ demo: !!flags.demo, seed, areas, years, progress: progressBar() });
  const secs = ((Date.now() - t0) / 1000).toFixed(1);
  const out = process.stdout;
  out.write(`存储 store: ${ctx.store.dialect} ${ctx.store.location}\n`);
  out.write(r.hierarchyLoaded ? `已载入行政区划 loaded divisions: ${r.divisions.toLocaleString('zh-CN')}\n` : '行政区划已存在 divisions already loaded\n');
  out.write(`机构 facilities: ${r.facilities.toLocaleString('zh-CN')}，年报 reports: ${r.reports.toLocaleString('zh-CN')}（${secs} s）\n`);
  if (r.demoLoaded) {
    out.write(`演示用户 demo users — 演示密码，仅供体验，正式使用前请停用或修改 demo passwords, for trying the platform only: disable or change them before real use (密码 password: ${DEMO_PASSWORD}):\n`);
    for (const u of r.users) out.write(`  ${u.username.padEnd(10)} ${u.role.padEnd(18)} ${u.scopeCode}\n`);
  } else if (!flags.demo) {
    const password = process.env.GTCM_ADMIN_PASSWORD || `Gtcm@${randomBytes(9).toString('base64url')}`;
    if (await ctx.services.init.ensureAdmin(password))
      out.write(`已创建系统管理员 created administrator: admin / ${process.env.GTCM_ADMIN_PASSWORD ? '(GTCM_ADMIN_PASSWORD)' : password}\n`);
  }
}

export function initCommand(program: Command): void {
  withGlobal(program.command('init'))
    .description('初始化存储：行政区划，可选演示数据 / initialise the store: hierarchy, optionally the national demo')
    .option('--demo', '生成全国演示数据 / generate the national demo data set')
    .option('--seed <n>', '演示数据随机种子 / demo seed', '1')
    .option('--areas <codes>', '只载入这些区划及其上级（逗号分隔），用于测试 / only these divisions, their subtrees and ancestors (comma-separated), for tests')
    .option('--small', '只载入云南省（53），快速体验 / only Yunnan (53), for a quick look')
    .option('--years <years>', '演示年报的年份，如 2015-2024（默认 2021-2024）/ the demo\'s report years, e.g. 2015-2024 (default 2021-2024)')
    .action(async (flags: InitFlags) => {
      await withContext(flags, (ctx) => runInit(ctx, flags));
    });
}
