/**
 * The analytics engine's DuckDB file on disk: its WAL beside it, the half-built files of a
 * rebuild (`.building-<pid>`), and the copies a second process reads (`.copy-<pid>`) while
 * another — the server — holds the file's lock.
 */
import { copyFileSync, existsSync, readdirSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { processAlive as alive } from '../../../platform/server-lock.js';

export const removeDuckDb = (path: string) => {
  for (const p of [path, `${path}.wal`]) rmSync(p, { force: true });
};

/** Removes `own` and the files of `kind` left by processes that died (their pid is in the name). */
export function removeStale(file: string, kind: 'building' | 'copy', own: string): void {
  removeDuckDb(own);
  const dir = dirname(file);
  const prefix = `${basename(file)}.${kind}-`;
  for (const name of readdirSync(dir)) {
    const pid = Number(name.slice(prefix.length).replace(/\.wal$/, ''));
    if (name.startsWith(prefix) && Number.isInteger(pid) && !alive(pid)) rmSync(join(dir, name), { force: true });
  }
}

/** Whether DuckDB refused a file because another process holds its lock. */
export function isLockConflict(err: unknown): boolean {
  return /Could not set lock|Conflicting lock/i.test(String((err as Error)?.message ?? err));
}

/**
 * A private copy of the file (and its WAL) for this process: the CLI beside a running server
 * opens the copy and catches up from its watermark instead of rebuilding every table. A copy
 * taken while the server checkpoints may not open, or may not fit: then the caller rebuilds as
 * before. Returns the copy's path.
 */
export function copyForReading(file: string): string {
  const copy = `${file}.copy-${process.pid}`;
  removeStale(file, 'copy', copy);
  copyFileSync(file, copy);
  if (existsSync(`${file}.wal`)) copyFileSync(`${file}.wal`, `${copy}.wal`);
  return copy;
}
