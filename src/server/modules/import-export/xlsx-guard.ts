/**
 * An XLSX file is a zip archive, and a small one can inflate to gigabytes (a zip bomb). Before
 * exceljs reads one, two checks bound what it will inflate:
 *  1. the central directory (yauzl, entries read lazily): the declared uncompressed sizes of
 *     all parts together at most the limit; nothing is inflated, so an honest bomb costs a few
 *     reads of the directory;
 *  2. the parts as exceljs's own streaming reader (unzipper) sees them, in file order, inflated
 *     and counted but not kept, stopped as soon as the count passes the limit: this catches a
 *     directory that lies about the sizes, parts the directory does not list, and corrupt
 *     compressed data (on which exceljs would wait forever instead of failing).
 * Any other failure to read the archive is E4013 with a plain message; the library's own text
 * rides along as the error's `cause`, for the server log only.
 */
import { createReadStream } from 'node:fs';
import unzipper, { type Entry } from 'unzipper';
import yauzl from 'yauzl';
import { AppError } from '../../../domain/errors.js';
import { formatBytes } from '../../platform/files/upload-spool.js';

/** An XLSX file has a dozen parts or so; a thousand times that is no workbook. */
export const MAX_XLSX_ENTRIES = 10_000;

export function unreadableXlsx(cause?: unknown): AppError {
  const e = new AppError('E4013', {}, { zh: 'XLSX 文件已损坏，或不是 Excel 工作簿（请用 Excel 打开后另存为 .xlsx 再上传）', en: 'the XLSX file is damaged or not an Excel workbook (open it in Excel, save it as .xlsx and upload it again)' });
  if (cause !== undefined) e.cause = cause;
  return e;
}

const tooLarge = (limit: number) => new AppError('E4018', { limit: formatBytes(limit) });

/**
 * Throws E4018 when the XLSX file at `path` would inflate to more than `limit` bytes, E4013 when
 * it is no readable zip; answers the most rows any worksheet holds (`<row` elements, counted as
 * the parts inflate), so a sheet of five million rows is refused before a transaction opens.
 */
export async function checkXlsx(path: string, limit: number): Promise<{ rows: number }> {
  await checkDirectory(path, limit);
  return checkInflated(path, limit);
}

const SHEET = /^xl\/worksheets\/[^/]+\.xml$/i;

/** Counts `<row` in a stream of chunks (a match may straddle two chunks). */
function rowCounter() {
  let tail = '';
  let n = 0;
  return {
    add(chunk: Buffer) {
      const text = tail + chunk.toString('latin1');
      for (let i = text.indexOf('<row'); i >= 0; i = text.indexOf('<row', i + 4)) n++;
      tail = text.slice(-3);
    },
    get count() {
      return n;
    },
  };
}

function checkDirectory(path: string, limit: number): Promise<void> {
  return new Promise((resolve, reject) => {
    yauzl.open(path, { lazyEntries: true, autoClose: true, validateEntrySizes: true }, (err, zip) => {
      if (err || !zip) return reject(unreadableXlsx(err));
      let settled = false;
      const fail = (e: AppError) => {
        if (settled) return;
        settled = true;
        zip.close();
        reject(e);
      };
      if (zip.entryCount > MAX_XLSX_ENTRIES) return fail(unreadableXlsx(new Error(`${zip.entryCount} entries in the central directory`)));
      let total = 0;
      zip.on('entry', (entry: yauzl.Entry) => {
        total += entry.uncompressedSize;
        if (total > limit) fail(tooLarge(limit));
        else if (!settled) zip.readEntry();
      });
      zip.on('error', (e: Error) => fail(unreadableXlsx(e)));
      zip.on('end', () => {
        if (settled) return;
        settled = true;
        resolve();
      });
      zip.readEntry();
    });
  });
}

async function checkInflated(path: string, limit: number): Promise<{ rows: number }> {
  const file = createReadStream(path);
  const zip = unzipper.Parse({ forceStream: true });
  let current: Entry | null = null;
  let failure: unknown = null;
  // unzipper reports a corrupt part on the archive stream, not on the part being read: pass it on.
  const onError = (e: unknown) => {
    failure ??= e;
    current?.destroy(e as Error);
  };
  file.on('error', (e) => zip.destroy(e));
  zip.on('error', onError);
  file.pipe(zip);
  let total = 0;
  let entries = 0;
  let rows = 0;
  try {
    for await (const entry of zip as AsyncIterable<Entry>) {
      current = entry;
      if (++entries > MAX_XLSX_ENTRIES) throw unreadableXlsx(new Error(`more than ${MAX_XLSX_ENTRIES} local entries`));
      const counter = SHEET.test(entry.path) ? rowCounter() : null;
      for await (const chunk of entry as AsyncIterable<Buffer>) {
        total += chunk.length;
        if (total > limit) throw tooLarge(limit);
        counter?.add(chunk);
      }
      if (counter) rows = Math.max(rows, counter.count);
      current = null;
    }
    if (failure) throw failure;
    return { rows };
  } catch (e) {
    throw e instanceof AppError ? e : unreadableXlsx(failure ?? e);
  } finally {
    current?.destroy();
    zip.destroy();
    file.destroy();
  }
}
