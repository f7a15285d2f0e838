/** Typed calls for evaluation (docs/API.md, "Evaluation"), typed by the shared API schemas. */
import type { AutoscoreAnswer, AutoscoreRow } from '../../../domain/api/evaluation.js';
import type { Standard } from '../../../domain/evaluation/standard.js';
import { api } from '../../shared/api.js';

export type { AutoscoreAnswer, AutoscoreRow, Standard };

export interface StandardSummary {
  code: string;
  version: string;
  name: { zh: string; en: string };
  subject: string;
  passLine: number;
  scale: number;
}

export const evaluationApi = {
  standards: () => api.get<{ items: StandardSummary[] }>('/api/evaluation/standards'),
  standard: (code: string) => api.get<Standard>(`/api/evaluation/standards/${encodeURIComponent(code)}`),
  autoscore: (standard: string, period: string, area?: string) => api.get<AutoscoreAnswer>('/api/evaluation/autoscore', { standard, period, area }),
};
