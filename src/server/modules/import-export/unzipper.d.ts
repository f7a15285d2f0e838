/** The parts of unzipper (exceljs's zip reader, 0.10) we use: the XLSX guard's streaming parser, and (in tests) its directory reader. */
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

  /** A zip file read from its central directory (tests read .docx files with it). */
  export interface CentralDirectory {
    files: { path: string; buffer(): Promise<Buffer> }[];
  }
  export const Open: { file(path: string): Promise<CentralDirectory> };

  const unzipper: { Parse: typeof Parse; Open: typeof Open };
  export default unzipper;
}
