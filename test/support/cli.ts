/** Running the gtcm CLI in-process against a test store, capturing its output and exit code. */
import type { Config } from '../../src/server/platform/config.js';
import { main } from '../../src/cli/gtcm.js';

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `gtcm <args>` with the store of `config` (data dir and DATABASE_URL), and extra environment variables; with `null`, a command that needs no store. */
export async function runCli(config: Config | null, args: string[], env: Record<string, string> = {}): Promise<CliResult> {
  const saved = { url: process.env.DATABASE_URL, out: process.stdout.write, err: process.stderr.write };
  const savedEnv = Object.fromEntries(Object.keys(env).map((k) => [k, process.env[k]]));
  Object.assign(process.env, env);
  let stdout = '';
  let stderr = '';
  process.stdout.write = ((chunk: string | Uint8Array) => ((stdout += chunk.toString()), true)) as typeof process.stdout.write;
  process.stderr.write = ((chunk: string | Uint8Array) => ((stderr += chunk.toString()), true)) as typeof process.stderr.write;
  if (config?.databaseUrl) process.env.DATABASE_URL = config.databaseUrl;
  else delete process.env.DATABASE_URL;
  try {
    const code = await main(config ? [...args, '--data-dir', config.dataDir] : args);
    return { code, stdout, stderr };
  } finally {
    process.stdout.write = saved.out;
    process.stderr.write = saved.err;
    if (saved.url === undefined) delete process.env.DATABASE_URL;
    else process.env.DATABASE_URL = saved.url;
    for (const [k, v] of Object.entries(savedEnv)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  }
}

/** Parses the CLI's CSV (no quoted commas in these tests' data except where quoted). */
export function parseCsv(text: string): Record<string, string>[] {
  const lines = text.trim().split('\n');
  const header = lines[0].split(',');
  return lines.slice(1).map((l) => {
    const cells: string[] = [];
    let cur = '';
    let quoted = false;
    for (let i = 0; i < l.length; i++) {
      const ch = l[i];
      if (quoted) {
        if (ch === '"' && l[i + 1] === '"') (cur += '"'), i++;
        else if (ch === '"') quoted = false;
        else cur += ch;
      } else if (ch === '"') quoted = true;
      else if (ch === ',') cells.push(cur), (cur = '');
      else cur += ch;
    }
    cells.push(cur);
    return Object.fromEntries(header.map((h, i) => [h, cells[i] ?? '']));
  });
}
