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
import { AppError } from '../../domain/errors.js';

const COMMA = 0x2c;
const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;

export interface CsvGuardLimits {
  importColumns: number;
  cellChars: number;
}

/** A scanner for one file: call it on each chunk in order; it answers the refusal, or null. */
export function csvGuard(limits: CsvGuardLimits): (chunk: Buffer) => AppError | null {
  // A character is at most 3 UTF-8 bytes per UTF-16 unit, and quoting at most doubles a field
  // and adds two quotes: a field longer than this holds more than cellChars characters.
  const maxFieldBytes = limits.cellChars * 6 + 2;
  let inQuotes = false;
  let justClosed = false;
  let fields = 1;
  let fieldBytes = 0;
  let line = 1;
  return (chunk) => {
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
          fields = 1;
          fieldBytes = 0;
          continue;
        }
        fieldBytes++;
      }
      if (fieldBytes > maxFieldBytes) return new AppError('E4017', { limit: limits.cellChars, row: line });
    }
    return null;
  };
}
