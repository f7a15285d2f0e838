/**
 * Evidence of progress reports and rectification items: the platform's stored files (content-
 * addressed by SHA-256, as the evaluation's evidence — a file attached twice is stored once), the
 * kinds told by content (PDF, JPG/PNG, DOCX, XLSX), at most limits.evidenceBytes.
 */
import { createHash } from 'node:crypto';
import { AppError } from '../../../domain/errors.js';
import type { Repositories } from '../../platform/db/store.js';
import { EVIDENCE_KINDS, requireKind } from '../../platform/files/content-kind.js';
import { formatBytes } from '../../platform/files/upload-spool.js';
import { cleanFilename } from '../evaluation/evidence.service.js';
import type { ProgressFile } from './supervision.repository.js';

/** Files one report or item may hold. */
export const MAX_ATTACHMENTS = 20;

/** Checks and stores the bytes (inside the caller's transaction); answers the attachment. */
export async function storeAttachment(repos: Repositories, held: ProgressFile[], filename: string | undefined, content: Buffer, limitBytes: number, at: string): Promise<ProgressFile> {
  if (content.length > limitBytes) throw new AppError('E4014', { field: 'file', limit: formatBytes(limitBytes) });
  if (held.length >= MAX_ATTACHMENTS) throw new AppError('E7026', { field: 'file', limit: MAX_ATTACHMENTS });
  const kind = await requireKind(content, EVIDENCE_KINDS);
  const sha256 = createHash('sha256').update(content).digest('hex');
  await repos.files.put({ sha256, sizeBytes: content.length, mediaType: kind.mime, content, createdAt: at });
  return { sha256, filename: cleanFilename(filename), bytes: content.length };
}

/** The bytes of an attachment the caller may read (one of `held`), or E1015. */
export async function readAttachment(repos: Repositories, held: ProgressFile[], sha256: string): Promise<{ file: ProgressFile; content: Buffer; mediaType: string }> {
  const file = held.find((f) => f.sha256 === sha256);
  const stored = file && (await repos.files.content(sha256));
  if (!file || !stored) throw new AppError('E1015', { field: 'sha256', value: sha256 });
  return { file, content: stored.content, mediaType: stored.mediaType };
}
