/** Options every command takes, and opening the context from them. */
import type { Command } from 'commander';
import { loadConfig } from '../../server/platform/config.js';
import { createContext, type AppContext } from '../../server/platform/context.js';

export interface GlobalOptions {
  dataDir?: string;
}

export function withGlobal(cmd: Command): Command {
  return cmd.option('--data-dir <dir>', '数据目录 / data directory (env GTCM_DATA_DIR, default ./data)');
}

/** Opens the store (migrating it) for one command and always closes it. */
export async function withContext<T>(opts: GlobalOptions & { port?: number }, fn: (ctx: AppContext) => Promise<T>): Promise<T> {
  const ctx = await createContext(loadConfig({ dataDir: opts.dataDir, port: opts.port }));
  try {
    return await fn(ctx);
  } finally {
    await ctx.close();
  }
}
