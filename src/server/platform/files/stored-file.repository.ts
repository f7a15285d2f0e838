/**
 * Stored files: the bytes of uploaded files (evaluation evidence, progress-report attachments)
 * in the store itself, keyed by their SHA-256 — so every node serves every file (nodes stay
 * stateless, a backup holds them) and the same file uploaded twice, in any cycle, is stored once.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../db/database.js';

export interface StoredFileTable {
  sha256: string;
  size_bytes: number;
  media_type: string;
  content: Buffer;
  created_at: string;
}

declare module '../db/database.js' {
  interface DB {
    stored_file: StoredFileTable;
  }
}

export interface StoredFile {
  sha256: string;
  sizeBytes: number;
  mediaType: string;
}

export class StoredFileRepository {
  constructor(private readonly db: Kysely<DB>) {}

  /** Stores the bytes unless a file with the same SHA-256 is already there; true when they were new. */
  async put(f: StoredFile & { content: Buffer; createdAt: string }): Promise<boolean> {
    const r = await this.db
      .insertInto('stored_file')
      .values({ sha256: f.sha256, size_bytes: f.sizeBytes, media_type: f.mediaType, content: f.content, created_at: f.createdAt })
      .onConflict((oc) => oc.column('sha256').doNothing())
      .executeTakeFirst();
    return Number(r.numInsertedOrUpdatedRows ?? 0) > 0;
  }

  async content(sha256: string): Promise<(StoredFile & { content: Buffer }) | null> {
    const r = await this.db.selectFrom('stored_file').select(['sha256', 'size_bytes', 'media_type', 'content']).where('sha256', '=', sha256).executeTakeFirst();
    return r ? { sha256: r.sha256, sizeBytes: Number(r.size_bytes), mediaType: r.media_type, content: Buffer.from(r.content) } : null;
  }

  /** How many files are stored and their bytes (for the operator and the de-duplication test). */
  async totals(): Promise<{ files: number; bytes: number }> {
    const r = await this.db.selectFrom('stored_file').select((eb) => [eb.fn.countAll<number>().as('files'), eb.fn.sum<number>('size_bytes').as('bytes')]).executeTakeFirstOrThrow();
    return { files: Number(r.files), bytes: Number(r.bytes ?? 0) };
  }
}
