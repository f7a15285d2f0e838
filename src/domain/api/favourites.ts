/**
 * API schemas of favourites (docs/API.md, "Favourites"): a user's saved analyses. Pure (zod only).
 */
import { z } from 'zod';

export const favourite = z.object({
  id: z.number().int(),
  name: z.string(),
  config: z.record(z.string(), z.unknown()).describe('whatever the analysis view saved'),
  pinned: z.boolean(),
  createdAt: z.string(),
});
export type FavouriteView = z.infer<typeof favourite>;

export const favouriteListAnswer = z.object({ items: z.array(favourite) });
export type FavouriteListAnswer = z.infer<typeof favouriteListAnswer>;

export const favouriteAnswer = z.object({ favourite });
export type FavouriteAnswer = z.infer<typeof favouriteAnswer>;

export const favouriteParams = z.object({ id: z.coerce.number().int().positive() });

const name = z.string().trim().min(1).max(60);
/** What the analysis view saved: any JSON object, at most 10 kB. */
const config = z.record(z.string(), z.unknown()).refine((c) => JSON.stringify(c).length <= 10_000, { message: 'config over 10 kB' });

export const newFavouriteBody = z.object({ name, config, pinned: z.boolean().optional() });
export type NewFavouriteBody = z.input<typeof newFavouriteBody>;

export const favouriteChangesBody = z.object({ name: name.optional(), pinned: z.boolean().optional() });
export type FavouriteChangesBody = z.input<typeof favouriteChangesBody>;
