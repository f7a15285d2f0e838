/**
 * A table as a file for Excel users: XLSX with Chinese headers, a frozen header row and number
 * formats (fractions shown as percentages), or CSV (UTF-8 with BOM, English column keys).
 *
 * Both are written as a stream while the answer is sent (ExcelJS's streaming writer keeps no
 * workbook in memory), a turn of the event loop every ROWS_PER_TURN rows. Cells are safe to open:
 * in CSV, text that would start a formula gets a leading `'` (neutraliseCell); in XLSX, text is
 * stored as text, never as a formula, and formula-like text is formatted as text (`@`) so that
 * editing the cell in Excel keeps it text.
 */
import { PassThrough, Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { FastifyReply } from 'fastify';
import { neutraliseCell, startsFormula } from '../../../domain/spreadsheet-cell.js';
import { XLSX_MIME } from '../../modules/import-export/table-reader.js';

export type TableFormat = 'xlsx' | 'csv';

export interface TableColumn {
  key: string;
  header: string;
  width?: number;
  /** Excel number format, e.g. `0.0%` for fractions. */
  numFmt?: string;
}

export interface TableFile {
  body: Readable;
  contentType: string;
  fileName: string;
}

export type Cell = string | number | boolean | null;

const ROWS_PER_TURN = 2_000;
const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/** One CSV cell: formula-like text neutralised, then quoted when it holds a quote, comma or line break. */
export function csvCell(v: Cell | undefined): string {
  if (v === null || v === undefined) return '';
  const s = String(neutraliseCell(v));
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** Formats an XLSX cell holding formula-like text as text, so that Excel never turns it into a formula. */
export function guardXlsxCell(cell: ExcelJS.Cell): void {
  if (typeof cell.value === 'string' && startsFormula(cell.value)) cell.numFmt = '@';
}

/** Rows made one by one as the writer asks for them, from memory or a stream of the store. */
export type Rows = Iterable<Record<string, Cell>> | AsyncIterable<Record<string, Cell>>;

async function* csvChunks(columns: TableColumn[], rows: Rows): AsyncGenerator<string> {
  let buf = '\ufeff' + columns.map((c) => c.key).join(',') + '\r\n';
  let n = 0;
  for await (const r of rows) {
    buf += columns.map((c) => csvCell(r[c.key])).join(',') + '\r\n';
    if (++n % ROWS_PER_TURN === 0) {
      yield buf;
      buf = '';
    }
  }
  yield buf;
}

async function writeXlsx(out: PassThrough, sheet: string, columns: TableColumn[], rows: Rows): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: true });
  wb.creator = '基层中医药服务能力监测评价平台';
  const ws = wb.addWorksheet(sheet.slice(0, 31), { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = columns.map((c) => ({ header: c.header, key: c.key, width: c.width ?? 14, style: c.numFmt ? { numFmt: c.numFmt } : undefined }));
  const head = ws.getRow(1);
  head.font = { bold: true };
  head.commit();
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
  let n = 0;
  for await (const r of rows) {
    const row = ws.addRow(Object.fromEntries(columns.map((c) => [c.key, r[c.key] ?? null])));
    row.eachCell(guardXlsxCell);
    row.commit();
    if (++n % ROWS_PER_TURN === 0) await nextTurn();
  }
  ws.commit();
  await wb.commit();
}

/** Sends a table file as a download named after it. */
/** What a table-file route produces (its OpenAPI `produces`). */
export const TABLE_FILE_TYPES = [XLSX_MIME, 'text/csv'];

export function sendTableFile(reply: FastifyReply, f: TableFile): FastifyReply {
  return reply
    .header('content-type', f.contentType)
    .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(f.fileName)}`)
    .send(f.body);
}

export function tableFile(name: string, sheet: string, columns: TableColumn[], rows: Rows, format: TableFormat): TableFile {
  if (format === 'csv') return { body: Readable.from(csvChunks(columns, rows)), contentType: 'text/csv; charset=utf-8', fileName: `${name}.csv` };
  const out = new PassThrough();
  writeXlsx(out, sheet, columns, rows).catch((e: Error) => out.destroy(e));
  return { body: out, contentType: XLSX_MIME, fileName: `${name}.xlsx` };
}
