/** Typed calls for the audit log (docs/API.md, GET /api/audit), typed by the shared API schemas (src/domain/api/platform.ts). */
import type { AuditAnswer, AuditEntryView, AuditQuery } from '../../../domain/api/platform.js';
import { api } from '../../shared/api.js';

/** The entities the page filters by (the log holds others too; they show by their code). */
export type AuditEntity = 'facility' | 'user' | 'report';
export type AuditRecord = AuditEntryView;
export type { AuditQuery };

export const auditApi = {
  list: (query: AuditQuery) => api.get<AuditAnswer>('/api/audit', { ...query }),
};
