/** Saved analyses (docs/API.md, /api/favourites): list, save, rename or pin, delete. */
import type { Favourite } from '../../../domain/favourite.js';
import { api } from '../../shared/api.js';

export type { Favourite };

export const favouritesApi = {
  list: () => api.get<{ items: Favourite[] }>('/api/favourites'),
  create: (f: { name: string; config: Record<string, unknown>; pinned?: boolean }) => api.post<{ favourite: Favourite }>('/api/favourites', f),
  update: (id: number, f: { name?: string; pinned?: boolean }) => api.patch<{ favourite: Favourite }>(`/api/favourites/${id}`, f),
  remove: (id: number) => api.del<{ ok: true }>(`/api/favourites/${id}`),
};
