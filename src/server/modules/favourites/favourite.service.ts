/** Saved analyses (favourites) per user, some pinned to the dashboard. Nobody sees another's. */
import { AppError } from '../../../domain/errors.js';
import type { Favourite } from './favourite.repository.js';
import type { Store } from '../../platform/db/store.js';
import type { Actor } from '../../platform/access/actor.js';
import type { Clock } from '../../platform/clock.js';

export const MAX_FAVOURITES = 100;

export class FavouriteService {
  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
  ) {}

  async list(actor: Actor): Promise<Favourite[]> {
    return this.store.repos.favourites.list(await this.userId(actor));
  }

  async create(actor: Actor, f: { name: string; config: Record<string, unknown>; pinned?: boolean }): Promise<Favourite> {
    const id = await this.userId(actor);
    return this.store.transaction(async (repos) => {
      if ((await repos.favourites.count(id)) >= MAX_FAVOURITES) throw new AppError('E1107', { limit: MAX_FAVOURITES });
      return repos.favourites.insert(id, { name: f.name.trim(), config: f.config, pinned: f.pinned ?? false }, this.clock.now().toISOString());
    });
  }

  async update(actor: Actor, favouriteId: number, f: { name?: string; pinned?: boolean }): Promise<Favourite> {
    const id = await this.userId(actor);
    if (!(await this.store.repos.favourites.update(id, favouriteId, { ...f, name: f.name?.trim() }))) throw new AppError('E1106', { field: 'id', value: favouriteId });
    return (await this.store.repos.favourites.get(id, favouriteId))!;
  }

  async remove(actor: Actor, favouriteId: number): Promise<void> {
    if (!(await this.store.repos.favourites.delete(await this.userId(actor), favouriteId))) throw new AppError('E1106', { field: 'id', value: favouriteId });
  }

  private async userId(actor: Actor): Promise<number> {
    const u = await this.store.repos.users.byUsername(actor.username);
    if (!u) throw new AppError('E1103', { field: 'username', value: actor.username });
    return u.id;
  }
}
