/** The program metadata (GET /api/metadata) and the one data set the web app collects. */
import type { ProgramMetadata } from '../../domain/program.js';
import { api } from './api.js';

export const DATA_SET = 'GTCM_ANNUAL';

export const metadataApi = {
  get: () => api.get<{ programs: ProgramMetadata[] }>('/api/metadata'),
};
