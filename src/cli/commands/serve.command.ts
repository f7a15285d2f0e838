import type { Command } from 'commander';
import { loadConfig } from '../../server/platform/config.js';
import { buildApp } from '../../server/platform/app.js';
import { createContext, type AppContext } from '../../server/platform/context.js';
import { runInit, type InitFlags } from './init.command.js';
import { withGlobal } from './common.js';
import { claimServerLock } from '../../server/platform/server-lock.js';

interface ServeFlags extends InitFlags {
  port?: string;
  host?: string;
}

/**
 * Where the context's log lines go (the store's connection failures, the start-up wait): the
 * terminal until the HTTP app exists, then the app's JSON log.
 */
class LogSink {
  write: (line: string) => void = (line) => process.stderr.write(`${new Date().toISOString()} ${line}\n`);
}

/** Serves until SIGINT/SIGTERM, then closes the HTTP server and the store. */
async function serve(ctx: AppContext, sink: LogSink): Promise<void> {
  await ctx.services.init.requireInitialised();
  const release = claimServerLock(ctx.config.dataDir);
  const app = await buildApp(ctx);
  sink.write = (line) => app.log.warn(line);
  ctx.engine.setLogger((msg, detail) => app.log.info(detail ?? {}, msg));
  await app.listen({ port: ctx.config.port, host: ctx.config.host });
  // The analytics tables persist in the data directory: a start opens them and catches up in the
  // background. Built for the first time (about a minute on the national demo) they compete with
  // the store for the first minute of browsing, and the dashboard waits for them.
  // A start that fails (the store unreachable for a while) is tried again after the engine's back-off.
  const startEngine = (): void => {
    ctx.engine.start().catch(() => setTimeout(startEngine, ctx.engine.retryInMs + 50).unref());
  };
  startEngine();
  // Jobs (reminders, escalation, the outbound channel): every node polls; the job table's row locks let exactly one run each.
  ctx.services.jobs.setLogger((line) => app.log.info(line));
  ctx.services.jobs.start(ctx.config.supervision.jobPollSeconds);
  app.log.info({ store: ctx.store.dialect, location: ctx.store.location, port: ctx.config.port }, `平台已启动 platform ready: http://localhost:${ctx.config.port}/`);
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await app.close();
  await ctx.close();
  release();
}

/** A serving node waits for its database (with back-off, GTCM_DB_START_WAIT_S) rather than exit. */
function open(flags: ServeFlags, sink: LogSink): Promise<AppContext> {
  return createContext(loadConfig({ dataDir: flags.dataDir, port: flags.port ? Number(flags.port) : undefined, host: flags.host }), {
    waitForStore: true,
    log: (line) => sink.write(line),
  });
}

export function serveCommand(program: Command): void {
  withGlobal(program.command('serve'))
    .description('启动 Web 服务 / serve the web app and API')
    .option('--port <port>', '端口 / port (env PORT, default 3000)')
    .option('--host <host>', '监听地址 / listen address (default 0.0.0.0)')
    .action(async (flags: ServeFlags) => {
      const sink = new LogSink();
      await serve(await open(flags, sink), sink);
    });

  withGlobal(program.command('start'))
    .description('首次运行时初始化（含全国演示数据），然后启动服务 / init with the national demo if needed, then serve')
    .option('--port <port>', '端口 / port (env PORT, default 3000)')
    .option('--host <host>', '监听地址 / listen address')
    .option('--seed <n>', '演示数据随机种子 / demo seed', '1')
    .option('--no-demo', '不生成演示数据 / without demo data')
    .option('--small', '只载入云南省（53）及其演示数据，快速体验 / only Yunnan (53) and its demo, for a quick look')
    .option('--years <years>', '演示年报的年份，如 2015-2024（默认 2021-2024）/ the demo\'s report years, e.g. 2015-2024 (default 2021-2024)')
    .action(async (flags: ServeFlags & { demo: boolean }) => {
      const sink = new LogSink();
      const ctx = await open(flags, sink);
      // Nodes started together on one empty database: runInit holds the nodes' init lock, so one
      // initialises and the others, once it is done, find nothing left to do.
      if (await ctx.services.init.needsInit()) await runInit(ctx, { ...flags, demo: flags.demo }, { onlyIfNeeded: true });
      await serve(ctx, sink);
    });
}
