/**
 * Spreadsheets the import does not read, told by their first bytes rather than their name: an
 * Excel 97–2003 workbook (.xls, an OLE2 compound file) or an OpenDocument sheet (.ods, a zip whose
 * first entry is `mimetype`). Both are refused with E4021 and the fix in words — save it as .xlsx —
 * instead of a parser's "invalid signature: 0xe011cfd0".
 */
import { open } from 'node:fs/promises';
import { AppError } from '../../../domain/errors.js';

const OLE2 = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

/** What the first bytes say: `xls`, `ods`, or null for anything else. */
export function otherSpreadsheet(head: Buffer): 'xls' | 'ods' | null {
  if (head.subarray(0, 8).equals(OLE2)) return 'xls';
  // A zip (PK\3\4) whose first entry, stored uncompressed, is `mimetype` naming an OpenDocument sheet.
  if (head.readUInt32LE(0) === 0x04034b50 && head.subarray(30, 38).toString('latin1') === 'mimetype' && head.includes('opendocument.spreadsheet', 38, 'latin1')) return 'ods';
  return null;
}

export async function refuseOtherSpreadsheets(path: string): Promise<void> {
  const f = await open(path, 'r');
  try {
    const head = Buffer.alloc(128);
    const { bytesRead } = await f.read(head, 0, head.length, 0);
    const kind = bytesRead >= 38 ? otherSpreadsheet(head.subarray(0, bytesRead)) : null;
    if (kind) throw new AppError('E4021', { field: 'file', kind: kind === 'xls' ? 'Excel 97–2003 (.xls)' : 'OpenDocument (.ods)' });
  } finally {
    await f.close();
  }
}
