/** Typed calls for the audit log (docs/API.md, GET /api/audit). */
import { api } from '../../shared/api.js';

export type AuditEntity = 'facility' | 'user' | 'report';

export interface AuditRecord {
  id: number | string;
  at: string;
  actor: string;
  action: string;
  entity: AuditEntity | string;
  entityKey: string;
  before: unknown;
  after: unknown;
}

export interface AuditQuery {
  entity?: AuditEntity;
  actor?: string;
  key?: string;
  page?: number;
  pageSize?: number;
}

export const auditApi = {
  list: (query: AuditQuery) => api.get<{ items: AuditRecord[]; total: number }>('/api/audit', { ...query }),
};
