/** Saved analyses (docs/API.md, /api/favourites): list, save, rename or pin, delete. */
import type { Favourite } from '../../../domain/favourite.js';
import type { FavouriteChangesBody, NewFavouriteBody } from '../../../domain/api/favourites.js';
import { api } from '../../shared/api.js';

export type { Favourite };

export const favouritesApi = {
  list: () => api.get<{ items: Favourite[] }>('/api/favourites'),
  create: (f: NewFavouriteBody) => api.post<{ favourite: Favourite }>('/api/favourites', f),
  update: (id: number, f: FavouriteChangesBody) => api.patch<{ favourite: Favourite }>(`/api/favourites/${id}`, f),
  remove: (id: number) => api.del<{ ok: true }>(`/api/favourites/${id}`),
};
