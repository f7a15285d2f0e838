/** The part of unzipper (exceljs's zip reader, 0.10) that the XLSX guard uses: its streaming parser. */
declare module 'unzipper' {
  import type { Duplex, PassThrough } from 'node:stream';

  export interface Entry extends PassThrough {
    path: string;
    type: 'File' | 'Directory';
    /** From the local file header: sizes may be 0 when a data descriptor follows the data. */
    vars: { compressedSize: number; uncompressedSize: number; flags: number; compressionMethod: number };
    autodrain(): unknown;
  }

  /** With forceStream, an object-mode stream of the entries in file order, each a stream of its inflated data. */
  export function Parse(opts?: { forceStream?: boolean; verbose?: boolean }): Duplex;

  const unzipper: { Parse: typeof Parse };
  export default unzipper;
}
