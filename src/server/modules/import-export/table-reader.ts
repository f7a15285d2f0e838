/**
 * Streams the rows of an uploaded table as arrays of cell text with their row numbers (as a
 * spreadsheet shows them: the header is row 1, an empty line is a row, a cell over several lines
 * is in one): CSV (UTF-8, with or without BOM) through
 * csv-parse, XLSX (the first worksheet) through exceljs's streaming reader. The limits hold
 * while streaming: columns (E4016), characters in a cell (E4017) and data rows (E4015). An XLSX
 * file must have passed checkXlsx (xlsx-guard.ts) first.
 */
import { Transform, type Readable } from 'node:stream';
import { parse } from 'csv-parse';
import ExcelJS from 'exceljs';
import { AppError } from '../../../domain/errors.js';
import type { Limits } from '../../platform/config.js';
import { csvGuard, type CsvEncoding } from './csv-guard.js';
import { echo } from './import-issues.js';
import { unreadableXlsx } from './xlsx-guard.js';

export type ReadLimits = Pick<Limits, 'importRows' | 'importColumns' | 'cellChars' | 'echoChars'>;

export type TableFormat = 'csv' | 'xlsx';

export interface TableRow {
  row: number;
  cells: string[];
}

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Spreadsheet types the import does not read (E4021: save as .xlsx), by content type. */
export const OTHER_SPREADSHEETS: Record<string, string> = {
  'application/vnd.ms-excel': 'Excel 97–2003 (.xls)',
  'application/vnd.oasis.opendocument.spreadsheet': 'OpenDocument (.ods)',
};

/** The kind of an upload the import does not read, from its content type or its name (null: another). */
export function otherSpreadsheetType(contentType: string, filename?: string): string | null {
  const type = contentType.split(';')[0].trim().toLowerCase();
  if (OTHER_SPREADSHEETS[type]) return OTHER_SPREADSHEETS[type];
  const name = (filename ?? '').toLowerCase();
  if (name.endsWith('.xls')) return OTHER_SPREADSHEETS['application/vnd.ms-excel'];
  if (name.endsWith('.ods')) return OTHER_SPREADSHEETS['application/vnd.oasis.opendocument.spreadsheet'];
  return null;
}

/** The format from a content type or a file name. */
export function formatOf(contentTypeOrName: string): TableFormat | null {
  const s = contentTypeOrName.toLowerCase();
  if (s.includes('spreadsheetml') || s.endsWith('.xlsx')) return 'xlsx';
  if (s.includes('csv') || s.endsWith('.csv') || s.startsWith('text/plain')) return 'csv';
  return null;
}

/**
 * Decodes strictly in the file's encoding (UTF-8, or GB18030 as Excel and WPS write "CSV" on a
 * Chinese Windows, found by scanCsv): bytes that are neither are refused instead of read as
 * garbage. The bytes pass the CSV guard first (in the same stage, so no more of the file is in
 * flight than before).
 */
function decodeStrictly(limits: ReadLimits, encoding: CsvEncoding): Transform {
  const decoder = new TextDecoder(encoding, { fatal: true });
  const guard = csvGuard(limits);
  const fail = () =>
    new AppError('E4013', { row: 0 }, { zh: '文件编码无法识别（既不是 UTF-8 也不是 GBK），请在 Excel 或 WPS 中另存为 XLSX 或“CSV UTF-8”', en: 'the file is neither UTF-8 nor GBK: save it as XLSX or "CSV UTF-8"' });
  return new Transform({
    readableObjectMode: false,
    transform(chunk: Buffer, _enc, done) {
      const refused = guard(chunk);
      if (refused) return done(refused);
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

async function* readCsv(input: Readable, limits: ReadLimits, encoding: CsvEncoding): AsyncGenerator<TableRow> {
  const decoded = input.pipe(decodeStrictly(limits, encoding));
  // Rows are numbered as Excel and WPS show the file: one row per record, empty lines included (they
  // come through as records and are dropped below with the other blank ones), a cell with line
  // breaks inside its quotes still one row. (csv-parse's `info` counted lines instead — two for a
  // CRLF inside quotes — and cost a third of the parse: an object per record.)
  const parser = decoded.pipe(parse({ bom: true, relax_column_count: true, skip_empty_lines: false, trim: false }));
  input.on('error', (e) => decoded.destroy(e));
  decoded.on('error', (e) => parser.destroy(e));
  let row = 0;
  for await (const record of parser as AsyncIterable<string[]>) {
    row++;
    // A line of separators only (Excel writes them for formatted empty rows) is no row.
    if (record.some((c) => c.trim() !== '')) yield { row, cells: record };
  }
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
      // Formatted empty cells at the end of a row are no columns.
      while (cells.length && cells[cells.length - 1] === '') cells.pop();
      if (cells.some((c) => c.trim() !== '')) yield { row: row.number, cells };
    }
    return; // the first worksheet only
  }
}

/** Rows of the table, the header first; an unreadable file throws E4013 (the reader's own text as its `cause`). */
export async function* readTable(input: Readable, format: TableFormat, limits: ReadLimits, encoding: CsvEncoding = 'utf-8'): AsyncGenerator<TableRow> {
  let header: string[] | null = null;
  let rows = 0;
  try {
    for await (const r of format === 'csv' ? readCsv(input, limits, encoding) : readXlsx(input)) {
      if (r.cells.length > limits.importColumns) throw new AppError('E4016', { limit: limits.importColumns, row: r.row });
      for (let i = 0; i < r.cells.length; i++)
        if (r.cells[i].length > limits.cellChars) throw new AppError('E4017', { limit: limits.cellChars, row: r.row, column: columnName(header, i, limits.echoChars) });
      if (!header) header = r.cells;
      else if (++rows > limits.importRows) throw new AppError('E4015', { limit: limits.importRows, row: r.row });
      yield r;
    }
  } catch (e) {
    if (e instanceof AppError) throw e;
    throw format === 'csv' ? unreadableCsv(e) : unreadableXlsx(e);
  } finally {
    input.destroy();
  }
}

/** A column as the error names it: its header (shortened), or its position. */
function columnName(header: string[] | null, i: number, max: number): string {
  const h = header?.[i]?.trim();
  return h ? echo(h, max) : `#${i + 1}`;
}

/** csv-parse's errors in plain words, with the line; its own message goes to the log only. */
function unreadableCsv(cause: unknown): AppError {
  const c = cause as { code?: string; lines?: number };
  const line = typeof c?.lines === 'number' && c.lines > 0 ? c.lines : undefined;
  const at = { zh: line ? `（第 ${line} 行附近）` : '', en: line ? ` (near line ${line})` : '' };
  const quotes = typeof c?.code === 'string' && c.code.includes('QUOTE');
  const e = new AppError('E4013', line ? { row: line } : {}, quotes
    ? { zh: `CSV 格式错误：引号不成对${at.zh}`, en: `malformed CSV: unbalanced quotes${at.en}` }
    : { zh: `CSV 格式错误${at.zh}`, en: `malformed CSV${at.en}` });
  e.cause = cause;
  return e;
}
