/** The programme metadata (GET /api/metadata), typed by the shared API schema (src/domain/api/platform.ts). */
import type { MetadataAnswer } from '../../domain/api/platform.js';
import { api } from './api.js';

export const metadataApi = {
  get: () => api.get<MetadataAnswer>('/api/metadata'),
};
