/**
 * A byte-level look at CSV text before csv-parse builds its records: csv-parse keeps a whole
 * record (every field of a line) in memory before it hands it over, so a line of ten million
 * commas or one endless quoted field would be built in full. This guard counts the fields of
 * each record and the bytes of each field as the text streams past and refuses the file as
 * soon as a record has more fields than the column limit (E4016) or a field is so long that it
 * must exceed the cell limit (E4017). The exact checks, in characters, follow on the parsed cells.
 *
 * Quoting as csv-parse reads it (RFC 4180): a quote opens a quoted field only at the field's
 * start, "" inside it is a quote, and separators and line breaks inside it belong to the field.
 * The bytes of a separator, quote or line break never occur inside a UTF-8 multi-byte character.
 */
import { createReadStream } from 'node:fs';
import { AppError } from '../../../domain/errors.js';

const COMMA = 0x2c;
const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;

export interface CsvGuardLimits {
  importColumns: number;
  cellChars: number;
}

/** A scanner for one file: call it on each chunk in order; it answers the refusal, or null. */
export interface CsvGuard {
  (chunk: Buffer): AppError | null;
  /** The records seen so far (line breaks outside quotes, and a last unterminated line). */
  records(): number;
}

export function csvGuard(limits: CsvGuardLimits): CsvGuard {
  // A character is at most 3 UTF-8 bytes per UTF-16 unit, and quoting at most doubles a field
  // and adds two quotes: a field longer than this holds more than cellChars characters.
  const maxFieldBytes = limits.cellChars * 6 + 2;
  let inQuotes = false;
  let justClosed = false;
  let fields = 1;
  let fieldBytes = 0;
  let line = 1;
  let records = 0;
  let pending = false;
  const guard = (chunk: Buffer) => {
    for (let i = 0; i < chunk.length; i++) {
      const b = chunk[i];
      if (b === LF) line++;
      if (inQuotes) {
        if (b === QUOTE) {
          inQuotes = false;
          justClosed = true;
        }
        fieldBytes++;
      } else if (b === QUOTE && (fieldBytes === 0 || justClosed)) {
        inQuotes = true;
        justClosed = false;
        fieldBytes++;
      } else {
        justClosed = false;
        if (b === COMMA) {
          if (++fields > limits.importColumns) return new AppError('E4016', { limit: limits.importColumns, row: line });
          fieldBytes = 0;
          continue;
        }
        if (b === LF || b === CR) {
          if (b === LF) {
            records++;
            pending = false;
          }
          fields = 1;
          fieldBytes = 0;
          continue;
        }
        fieldBytes++;
      }
      pending = true;
      if (fieldBytes > maxFieldBytes) return new AppError('E4017', { limit: limits.cellChars, row: line });
    }
    return null;
  };
  return Object.assign(guard, { records: () => records + (pending ? 1 : 0) });
}

/**
 * Scans a CSV file on disk before it is imported: the same refusals as the guard (too many
 * fields, an endless field), and the number of records — line breaks outside quotes, a last
 * line without one counted (blank lines too, so it is an upper bound on the data rows + 1).
 */
/** How much of the file the pre-scan reads at a time (the import itself then reads in Node's 64 KiB). */
export const SCAN_CHUNK_BYTES = 1 << 20;

export async function scanCsv(path: string, limits: CsvGuardLimits): Promise<{ records: number; encoding: CsvEncoding }> {
  const guard = csvGuard(limits);
  // UTF-8 unless its bytes say otherwise; then GB18030 (GBK's superset), which Excel and WPS write
  // for "CSV" on a Chinese Windows. Node's own ICU decoder reads it: no dependency needed.
  const utf8 = new TextDecoder('utf-8', { fatal: true });
  let encoding: CsvEncoding = 'utf-8';
  for await (const chunk of createReadStream(path, { highWaterMark: SCAN_CHUNK_BYTES }) as AsyncIterable<Buffer>) {
    const refusal = guard(chunk);
    if (refusal) throw refusal;
    if (encoding === 'utf-8')
      try {
        utf8.decode(chunk, { stream: true });
      } catch {
        encoding = 'gb18030';
      }
  }
  if (encoding === 'utf-8')
    try {
      utf8.decode();
    } catch {
      encoding = 'gb18030';
    }
  return { records: guard.records(), encoding };
}

/** The text encodings a CSV import reads. */
export type CsvEncoding = 'utf-8' | 'gb18030';
