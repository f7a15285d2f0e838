/**
 * A table as a file for Excel users: XLSX with Chinese headers, a frozen header row and number
 * formats (fractions shown as percentages), or CSV (UTF-8 with BOM, English column keys).
 */
import ExcelJS from 'exceljs';
import { XLSX_MIME } from '../import/table-reader.js';

export type TableFormat = 'xlsx' | 'csv';

export interface TableColumn {
  key: string;
  header: string;
  width?: number;
  /** Excel number format, e.g. `0.0%` for fractions. */
  numFmt?: string;
}

export interface TableFile {
  body: Buffer;
  contentType: string;
  fileName: string;
}

type Cell = string | number | boolean | null;

function csvCell(v: Cell): string {
  if (v === null) return '';
  const s = String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export async function tableFile(name: string, sheet: string, columns: TableColumn[], rows: Record<string, Cell>[], format: TableFormat): Promise<TableFile> {
  if (format === 'csv') {
    const lines = [columns.map((c) => c.key).join(','), ...rows.map((r) => columns.map((c) => csvCell(r[c.key] ?? null)).join(','))];
    return { body: Buffer.from('\ufeff' + lines.join('\r\n') + '\r\n', 'utf8'), contentType: 'text/csv; charset=utf-8', fileName: `${name}.csv` };
  }
  const wb = new ExcelJS.Workbook();
  wb.creator = '基层中医药服务能力监测评价平台';
  const ws = wb.addWorksheet(sheet.slice(0, 31), { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = columns.map((c) => ({ header: c.header, key: c.key, width: c.width ?? 14, style: c.numFmt ? { numFmt: c.numFmt } : undefined }));
  ws.getRow(1).font = { bold: true };
  for (const r of rows) ws.addRow(Object.fromEntries(columns.map((c) => [c.key, r[c.key] ?? null])));
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
  return { body: Buffer.from(await wb.xlsx.writeBuffer()), contentType: XLSX_MIME, fileName: `${name}.xlsx` };
}
