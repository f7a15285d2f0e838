/**
 * Streams the rows of an uploaded table as arrays of cell text with their row numbers (as a
 * spreadsheet shows them: the header is row 1): CSV (UTF-8, with or without BOM) through
 * csv-parse, XLSX (the first worksheet) through exceljs's streaming reader.
 */
import { Transform, type Readable } from 'node:stream';
import { parse } from 'csv-parse';
import ExcelJS from 'exceljs';
import { AppError } from '../../domain/errors.js';

export type TableFormat = 'csv' | 'xlsx';

export interface TableRow {
  row: number;
  cells: string[];
}

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The format from a content type or a file name. */
export function formatOf(contentTypeOrName: string): TableFormat | null {
  const s = contentTypeOrName.toLowerCase();
  if (s.includes('spreadsheetml') || s.endsWith('.xlsx')) return 'xlsx';
  if (s.includes('csv') || s.endsWith('.csv') || s.startsWith('text/plain')) return 'csv';
  return null;
}

/**
 * Decodes strictly as UTF-8: a file saved in another encoding (GBK, as Excel writes "CSV" on a
 * Chinese Windows) is refused instead of read as garbage.
 */
function utf8Only(): Transform {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const fail = () => new AppError('E4013', { row: 0 }, { zh: '文件不是 UTF-8 编码（请在 Excel 中另存为“CSV UTF-8”或 XLSX）', en: 'the file is not UTF-8 (save it as "CSV UTF-8" or XLSX)' });
  return new Transform({
    readableObjectMode: false,
    transform(chunk: Buffer, _enc, done) {
      try {
        done(null, decoder.decode(chunk, { stream: true }));
      } catch {
        done(fail());
      }
    },
    flush(done) {
      try {
        done(null, decoder.decode());
      } catch {
        done(fail());
      }
    },
  });
}

async function* readCsv(input: Readable): AsyncGenerator<TableRow> {
  const decoded = input.pipe(utf8Only());
  const parser = decoded.pipe(parse({ bom: true, relax_column_count: true, skip_empty_lines: true, info: true, trim: false }));
  input.on('error', (e) => decoded.destroy(e));
  decoded.on('error', (e) => parser.destroy(e));
  for await (const rec of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>)
    // A line of separators only (Excel writes them for formatted empty rows) is no row.
    if (rec.record.some((c) => c.trim() !== '')) yield { row: rec.info.lines, cells: rec.record };
}

function cellText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return String(v);
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object') {
    if ('richText' in v) return v.richText.map((t) => t.text).join('');
    if ('text' in v && typeof v.text === 'string') return v.text;
    if ('result' in v) return cellText(v.result as ExcelJS.CellValue);
  }
  return String(v);
}

async function* readXlsx(input: Readable): AsyncGenerator<TableRow> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(input, { sharedStrings: 'cache', hyperlinks: 'ignore', styles: 'ignore', worksheets: 'emit' });
  for await (const sheet of reader) {
    for await (const row of sheet) {
      const values = row.values as ExcelJS.CellValue[];
      const cells: string[] = [];
      for (let i = 1; i < values.length; i++) cells.push(cellText(values[i]));
      if (cells.some((c) => c.trim() !== '')) yield { row: row.number, cells };
    }
    return; // the first worksheet only
  }
}

/** Rows of the table; an unreadable file throws E4013. */
export async function* readTable(input: Readable, format: TableFormat): AsyncGenerator<TableRow> {
  try {
    yield* format === 'csv' ? readCsv(input) : readXlsx(input);
  } catch (e) {
    if (e instanceof AppError) throw e;
    throw new AppError('E4013', { row: 0 }, { zh: (e as Error).message, en: (e as Error).message });
  }
}
