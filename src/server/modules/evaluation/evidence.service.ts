/**
 * Evidence (佐证材料, evaluation.md "Evidence"): files attached to an application's items — PDF,
 * JPG/PNG, DOCX/XLSX, told by their content (a renamed .exe is refused), at most
 * limits.evidenceBytes. The bytes live in the store, content-addressed by SHA-256, so every node
 * serves them and a file attached again — to another item, or in a later cycle — is stored once.
 * Whoever may read the application may read its evidence; the level acting at its stage attaches
 * and removes (a stage removes only what it attached). Every change is audited.
 */
import { createHash } from 'node:crypto';
import { AppError } from '../../../domain/errors.js';
import { allItems } from '../../../domain/evaluation/standard.js';
import type { Actor } from '../../platform/access/actor.js';
import type { AuditService } from '../../platform/audit/audit.service.js';
import type { Clock } from '../../platform/clock.js';
import type { Store } from '../../platform/db/store.js';
import { EVIDENCE_KINDS, requireKind } from '../../platform/files/content-kind.js';
import { formatBytes } from '../../platform/files/upload-spool.js';
import type { Application } from './evaluation.repository.js';
import type { Evidence } from './evidence.repository.js';
import type { ReviewService } from './review.service.js';

/** Files one application may hold (佐证材料 for some twenty items): past it E7026, nothing stored. */
export const MAX_FILES = 200;

export interface EvidenceFile {
  evidence: Evidence;
  content: Buffer;
}

/** A name as stored: no folders, no control characters, at most 200 characters; empty → 佐证材料. */
export function cleanFilename(name: string | undefined): string {
  const base = (name ?? '').split(/[\\/]/).pop()!.replace(/[\u0000-\u001f\u007f]/g, '').trim();
  return (base || '佐证材料').slice(-200);
}

export class EvidenceService {
  constructor(
    private readonly store: Store,
    private readonly reviews: ReviewService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly limitBytes: number,
  ) {}

  /** The size limit, as a number and as people read it (the web shows it before an upload). */
  limit(): { bytes: number; text: string; kinds: string[] } {
    return { bytes: this.limitBytes, text: formatBytes(this.limitBytes), kinds: EVIDENCE_KINDS.map((k) => k.label) };
  }

  /**
   * Refuses an upload before its bytes are received: who, which item, what declared size, and an
   * application that already holds MAX_FILES files. Answers the application.
   */
  async authorize(actor: Actor, applicationId: number, item: string, declaredBytes?: number): Promise<Application> {
    const { app, std } = await this.reviews.load(actor, applicationId);
    this.reviews.requireActing(actor, app);
    if (!allItems(std).some((i) => i.code === item)) throw new AppError('E7007', { field: 'item', value: item, item, rule: 'unknown item' });
    if (declaredBytes !== undefined && declaredBytes > this.limitBytes) throw new AppError('E4014', { field: 'file', limit: formatBytes(this.limitBytes) });
    if ((await this.store.repos.evidence.count(applicationId)) >= MAX_FILES) throw new AppError('E7026', { field: 'file', limit: MAX_FILES });
    return app;
  }

  async upload(actor: Actor, applicationId: number, item: string, filename: string | undefined, content: Buffer): Promise<Evidence> {
    const app = await this.authorize(actor, applicationId, item);
    if (content.length > this.limitBytes) throw new AppError('E4014', { field: 'file', limit: formatBytes(this.limitBytes) });
    const kind = await requireKind(content, EVIDENCE_KINDS);
    const sha256 = createHash('sha256').update(content).digest('hex');
    const at = this.clock.now().toISOString();
    return this.store.transaction(async (repos) => {
      const isNew = await repos.files.put({ sha256, sizeBytes: content.length, mediaType: kind.mime, content, createdAt: at });
      const e = await repos.evidence.insert({ applicationId, item, sha256, filename: cleanFilename(filename), stage: app.stage, uploadedBy: actor.username, uploadedAt: at });
      await this.audit.record(repos, actor, { action: 'attach', entity: 'eval_application', entityKey: String(applicationId), areaCode: app.subjectCode, after: { evidence: e.id, item, filename: e.filename, sha256, bytes: content.length, stored: isNew ? 'new' : 'already stored' } });
      return e;
    });
  }

  /**
   * Attaches to this application a file already attached to another application of the same
   * subject (an earlier cycle's 规划文件): a link, no bytes copied.
   */
  async reuse(actor: Actor, applicationId: number, item: string, evidenceId: number): Promise<Evidence> {
    const app = await this.authorize(actor, applicationId, item);
    const from = await this.store.repos.evidence.get(evidenceId);
    const source = from && (await this.store.repos.evaluation.application(from.applicationId));
    if (!from || !source || source.subjectCode !== app.subjectCode) throw new AppError('E1015', { field: 'evidenceId', value: evidenceId });
    const at = this.clock.now().toISOString();
    return this.store.transaction(async (repos) => {
      const e = await repos.evidence.insert({ applicationId, item, sha256: from.sha256, filename: from.filename, stage: app.stage, uploadedBy: actor.username, uploadedAt: at });
      await this.audit.record(repos, actor, { action: 'attach', entity: 'eval_application', entityKey: String(applicationId), areaCode: app.subjectCode, after: { evidence: e.id, item, filename: e.filename, sha256: e.sha256, reusedFrom: evidenceId } });
      return e;
    });
  }

  /** The application's evidence, in upload order. */
  async list(actor: Actor, applicationId: number): Promise<Evidence[]> {
    await this.reviews.load(actor, applicationId);
    return this.store.repos.evidence.of([applicationId]);
  }

  /** The evidence of the subject's other applications (earlier cycles), to attach again. */
  async earlier(actor: Actor, applicationId: number): Promise<Evidence[]> {
    const { app } = await this.reviews.load(actor, applicationId);
    const others = (await this.store.repos.evaluation.applicationsOfSubject(app.subjectCode)).filter((a) => a.id !== applicationId);
    return this.store.repos.evidence.of(others.map((a) => a.id));
  }

  /** One evidence file with its bytes, for whoever may read its application. */
  async file(actor: Actor, evidenceId: number): Promise<EvidenceFile> {
    const e = await this.readable(actor, evidenceId);
    const f = await this.store.repos.files.content(e.sha256);
    if (!f) throw new AppError('E1015', { field: 'id', value: evidenceId });
    return { evidence: e, content: f.content };
  }

  /** Removes the link (the bytes stay while anything else links them): the acting level, for what its stage attached. */
  async remove(actor: Actor, evidenceId: number): Promise<void> {
    const e = await this.readable(actor, evidenceId);
    const { app } = await this.reviews.load(actor, e.applicationId);
    const stage = this.reviews.requireActing(actor, app);
    if (e.stage !== stage) throw new AppError('E7006', { field: 'stage', stage: e.stage });
    await this.store.transaction(async (repos) => {
      await repos.evidence.remove(evidenceId);
      await this.audit.record(repos, actor, { action: 'detach', entity: 'eval_application', entityKey: String(e.applicationId), areaCode: app.subjectCode, before: { evidence: e.id, item: e.item, filename: e.filename, sha256: e.sha256 } });
    });
  }

  /** The evidence, if its application is readable by the caller; otherwise not found, as for another county's application. */
  private async readable(actor: Actor, evidenceId: number): Promise<Evidence> {
    const e = await this.store.repos.evidence.get(evidenceId);
    if (!e) throw new AppError('E1015', { field: 'id', value: evidenceId });
    try {
      await this.reviews.load(actor, e.applicationId);
    } catch (err) {
      if (err instanceof AppError && err.code === 'E7004') throw new AppError('E1015', { field: 'id', value: evidenceId });
      throw err;
    }
    return e;
  }
}
