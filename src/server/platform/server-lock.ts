/**
 * Marks a data directory as in use by a running server (`server-<pid>.pid`), so that commands
 * that replace the store (`gtcm restore`) can refuse while it runs instead of reporting success
 * and then losing every later write. Files left by processes that died are ignored and removed.
 */
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const PREFIX = 'server-';
const SUFFIX = '.pid';

/** Whether a process of that id runs (EPERM: it runs, as another user). */
export const processAlive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/** Marks the directory in use by this process; returns the release function. */
export function claimServerLock(dataDir: string, pid = process.pid): () => void {
  mkdirSync(dataDir, { recursive: true });
  const file = join(dataDir, `${PREFIX}${pid}${SUFFIX}`);
  writeFileSync(file, `${pid}\n`);
  return () => rmSync(file, { force: true });
}

/** The processes serving from this directory now (stale marks of dead processes are removed). */
export function runningServers(dataDir: string): number[] {
  let names: string[];
  try {
    names = readdirSync(dataDir);
  } catch {
    return [];
  }
  const pids: number[] = [];
  for (const name of names) {
    if (!name.startsWith(PREFIX) || !name.endsWith(SUFFIX)) continue;
    const pid = Number(name.slice(PREFIX.length, -SUFFIX.length));
    if (!Number.isInteger(pid) || pid <= 0) continue;
    if (processAlive(pid)) pids.push(pid);
    else rmSync(join(dataDir, name), { force: true });
  }
  return pids;
}
