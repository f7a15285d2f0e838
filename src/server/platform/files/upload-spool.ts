/**
 * An uploaded file is received whole into a temporary file before anything reads it: the import
 * (and its store transaction) starts only once the last byte is on disk, so a slow client holds
 * a socket and a file, never the store. The size is limited while receiving; a refused or
 * interrupted upload leaves no file behind.
 */
import { randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, readdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { AppError } from '../../../domain/errors.js';

/** The folder of the data directory that holds uploads while they are received and imported. */
export const UPLOAD_DIR = 'uploads';
/** A file this old is left over from a process that died: no upload or import lasts an hour. */
const STALE_MS = 60 * 60 * 1000;
const swept = new Set<string>();

/** A size as people read it: 200 MB, 1 GB, 512 KB, 900 B. */
export function formatBytes(n: number): string {
  const units: [string, number][] = [['GB', 1024 ** 3], ['MB', 1024 ** 2], ['KB', 1024]];
  for (const [unit, size] of units)
    if (n >= size) return `${(Math.round((n / size) * 10) / 10).toLocaleString('en-US')} ${unit}`;
  return `${n.toLocaleString('en-US')} B`;
}

export const uploadTooLarge = (limit: number) => new AppError('E4014', { limit: formatBytes(limit) });

export interface SpooledFile {
  path: string;
  bytes: number;
  /** Removes the file; safe to call more than once. */
  remove(): Promise<void>;
}

/**
 * Receives `body` into a new file in `dir`, at most `limit` bytes: more is E4014 (the rest of
 * the body is not read; the caller should close the connection), a body that ends early
 * (client gone, connection cut) is E4019. On any failure the file is removed.
 */
export async function spoolUpload(body: Readable, dir: string, limit: number): Promise<SpooledFile> {
  await mkdir(dir, { recursive: true });
  await sweep(dir);
  const path = join(dir, `upload-${process.pid}-${randomBytes(8).toString('hex')}.part`);
  const remove = () => rm(path, { force: true });
  try {
    const bytes = await receive(body, path, limit);
    return { path, bytes, remove };
  } catch (e) {
    await remove();
    throw e;
  }
}

/**
 * Copies the body into the file with backpressure. Unlike stream.pipeline, a refusal does not
 * destroy the body (that would reset the socket before the 413 answer is sent): reading stops.
 */
function receive(body: Readable, path: string, limit: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const out = createWriteStream(path, { flags: 'wx', mode: 0o600 });
    let bytes = 0;
    let settled = false;
    const settle = (e: Error | null) => {
      if (settled) return;
      settled = true;
      if (!e) return resolve(bytes);
      body.pause();
      body.unpipe();
      out.destroy();
      // The file is removed by the caller once the write stream has let go of it.
      out.once('close', () => reject(e));
      if (out.closed) reject(e);
    };
    const interrupted = () => settle(new AppError('E4019'));
    body.on('data', (chunk: Buffer) => {
      if (settled) return;
      bytes += chunk.length;
      if (bytes > limit) return settle(uploadTooLarge(limit));
      if (!out.write(chunk)) {
        body.pause();
        out.once('drain', () => settled || body.resume());
      }
    });
    body.once('end', () => settled || out.end());
    // An error after the answer was decided (the client resetting a refused upload) is ignored.
    body.on('error', interrupted);
    body.once('close', () => body.readableEnded || interrupted());
    body.once('aborted', interrupted);
    out.once('finish', () => settle(null));
    out.once('error', (e) => settle(e));
  });
}

/** Once per process and folder: removes the files that died with an earlier process. */
async function sweep(dir: string): Promise<void> {
  if (swept.has(dir)) return;
  swept.add(dir);
  const now = Date.now();
  for (const name of await readdir(dir).catch(() => [] as string[])) {
    const p = join(dir, name);
    const s = await stat(p).catch(() => null);
    if (s?.isFile() && now - s.mtimeMs > STALE_MS) await rm(p, { force: true }).catch(() => undefined);
  }
}
