/** CLI output: CSV/JSON writers with back-pressure, a progress bar, bilingual error lines. */
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { AppError } from '../domain/errors.js';
import { neutraliseCell } from '../domain/spreadsheet-cell.js';

export type Format = 'csv' | 'json';

function csvCell(v: unknown): string {
  if (v === null || v === undefined) return '';
  const s = String(neutraliseCell(v));
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** Writes rows to a file (`--out`) or stdout as CSV (UTF-8, header row) or a JSON array. */
export async function writeRows(rows: AsyncIterable<Record<string, unknown>>, columns: string[], format: Format, out?: string): Promise<number> {
  const stream: Writable = out ? createWriteStream(out, 'utf8') : process.stdout;
  const write = async (s: string) => {
    if (!stream.write(s)) await once(stream, 'drain');
  };
  let n = 0;
  if (format === 'csv') await write(columns.join(',') + '\n');
  else await write('[');
  let buf = '';
  for await (const r of rows) {
    buf += format === 'csv' ? columns.map((c) => csvCell(r[c])).join(',') + '\n' : (n ? ',\n' : '\n') + JSON.stringify(Object.fromEntries(columns.map((c) => [c, r[c] ?? null])));
    n++;
    if (buf.length > 1 << 16) {
      await write(buf);
      buf = '';
    }
  }
  await write(buf + (format === 'json' ? '\n]\n' : ''));
  if (out) {
    stream.end();
    await once(stream, 'finish');
  }
  return n;
}

/** A terminal progress bar on stderr; on a non-terminal, a line every 10%. */
export function progressBar(): (step: string, done: number, total: number) => void {
  const tty = process.stderr.isTTY;
  let lastStep = '';
  let lastTenth = -1;
  const started = Date.now();
  return (step, done, total) => {
    const frac = total ? done / total : 1;
    const secs = ((Date.now() - started) / 1000).toFixed(0);
    if (tty) {
      const width = 30;
      const full = Math.round(frac * width);
      process.stderr.write(`\r${step} [${'█'.repeat(full)}${'░'.repeat(width - full)}] ${(frac * 100).toFixed(0).padStart(3)}% ${done.toLocaleString('zh-CN')}/${total.toLocaleString('zh-CN')} ${secs}s`);
      if (done >= total) process.stderr.write('\n');
      return;
    }
    const tenth = Math.floor(frac * 10);
    if (step !== lastStep || tenth !== lastTenth) {
      process.stderr.write(`${step} ${(frac * 100).toFixed(0)}% (${done}/${total}) ${secs}s\n`);
      lastStep = step;
      lastTenth = tenth;
    }
  };
}

/** Prints an error as `错误 CODE: 中文 / English` and returns the exit code. */
export function reportError(e: unknown): number {
  if (e instanceof AppError) {
    const where = ['field', 'row', 'column'].filter((k) => e.detail[k] !== undefined).map((k) => `${k}=${String(e.detail[k])}`).join(' ');
    const value = e.detail.value !== undefined ? ` (${String(e.detail.value)})` : '';
    process.stderr.write(`错误 ${e.code}: ${e.zh}${value} / Error: ${e.en}${where ? ` [${where}]` : ''}\n`);
    return 1;
  }
  const msg = e instanceof Error ? e.message : String(e);
  process.stderr.write(`错误 E9000: 内部错误 / Error: internal error: ${msg}\n`);
  return 1;
}
