/** Saves a Blob as a file (template downloads, error lists). */
import { neutraliseCell } from '../../domain/spreadsheet-cell.js';

export function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.style.display = 'none';
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** A CSV (UTF-8 with BOM, so Excel reads Chinese correctly) from rows of cells. */
export function csvBlob(rows: (string | number | null | undefined)[][]): Blob {
  const cell = (v: string | number | null | undefined) => {
    const s = v === null || v === undefined ? '' : String(neutraliseCell(v));
    return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  const text = rows.map((r) => r.map(cell).join(',')).join('\r\n');
  return new Blob(['\ufeff', text], { type: 'text/csv;charset=utf-8' });
}
