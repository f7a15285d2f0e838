/** Saved analyses (docs/API.md, /api/favourites): list, save, rename or pin, delete. */
import type { Favourite } from '../../../domain/favourite.js';
import type { FavouriteAnswer, FavouriteChangesBody, FavouriteListAnswer, NewFavouriteBody } from '../../../domain/api/favourites.js';
import { api } from '../../shared/api.js';

export type { Favourite };

export const favouritesApi = {
  list: () => api.get<FavouriteListAnswer>('/api/favourites'),
  create: (f: NewFavouriteBody) => api.post<FavouriteAnswer>('/api/favourites', f),
  update: (id: number, f: FavouriteChangesBody) => api.patch<FavouriteAnswer>(`/api/favourites/${id}`, f),
  remove: (id: number) => api.del<{ ok: true }>(`/api/favourites/${id}`),
};
