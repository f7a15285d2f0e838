/** The evidence of applications: links from an item to a stored file, with the name it was uploaded under. */
import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/database.js';
import './evaluation.tables.js';

export interface Evidence {
  id: number;
  applicationId: number;
  item: string;
  sha256: string;
  filename: string;
  mediaType: string;
  sizeBytes: number;
  stage: string;
  uploadedBy: string;
  uploadedAt: string;
}

export type NewEvidence = Omit<Evidence, 'id' | 'mediaType' | 'sizeBytes'>;

export class EvidenceRepository {
  constructor(private readonly db: Kysely<DB>) {}

  private select() {
    return this.db
      .selectFrom('eval_evidence as e')
      .innerJoin('stored_file as f', 'f.sha256', 'e.sha256')
      .select(['e.id', 'e.application_id', 'e.item', 'e.sha256', 'e.filename', 'f.media_type', 'f.size_bytes', 'e.stage', 'e.uploaded_by', 'e.uploaded_at']);
  }

  private static toEvidence(r: { id: number; application_id: number; item: string; sha256: string; filename: string; media_type: string; size_bytes: number; stage: string; uploaded_by: string; uploaded_at: string }): Evidence {
    return {
      id: Number(r.id), applicationId: Number(r.application_id), item: r.item, sha256: r.sha256, filename: r.filename, mediaType: r.media_type,
      sizeBytes: Number(r.size_bytes), stage: r.stage, uploadedBy: r.uploaded_by, uploadedAt: r.uploaded_at,
    };
  }

  async insert(e: NewEvidence): Promise<Evidence> {
    const { id } = await this.db
      .insertInto('eval_evidence')
      .values({ application_id: e.applicationId, item: e.item, sha256: e.sha256, filename: e.filename, stage: e.stage, uploaded_by: e.uploadedBy, uploaded_at: e.uploadedAt })
      .returning('id')
      .executeTakeFirstOrThrow();
    return (await this.get(Number(id)))!;
  }

  async get(id: number): Promise<Evidence | null> {
    const r = await this.select().where('e.id', '=', id).executeTakeFirst();
    return r ? EvidenceRepository.toEvidence(r) : null;
  }

  /** The evidence of some applications, in upload order. */
  async of(applicationIds: number[]): Promise<Evidence[]> {
    if (!applicationIds.length) return [];
    const rows = await this.select().where('e.application_id', 'in', applicationIds).orderBy('e.id').execute();
    return rows.map(EvidenceRepository.toEvidence);
  }

  async count(applicationId: number): Promise<number> {
    const r = await this.db.selectFrom('eval_evidence').select((eb) => eb.fn.countAll<number>().as('n')).where('application_id', '=', applicationId).executeTakeFirstOrThrow();
    return Number(r.n);
  }

  async remove(id: number): Promise<void> {
    await this.db.deleteFrom('eval_evidence').where('id', '=', id).execute();
  }
}
