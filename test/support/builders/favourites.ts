/** Typed builder for saved analyses (favourites). */
import type { TestContext } from '../test-context.js';

/** The choices of the analysis view, as the web app saves them (src/web/features/indicators/analysis-config.ts). */
export interface TestAnalysisConfig {
  indicators: string[];
  periods: string[];
  area: string;
  level: 'province' | 'city' | 'county' | 'township';
  display: 'table' | 'bar' | 'line' | 'map';
}

/** Saves a favourite for an existing user through the service, as that user. */
export async function createTestFavourite(ctx: TestContext, f: { username: string; name: string; config: TestAnalysisConfig; pinned?: boolean }): Promise<{ id: number; name: string }> {
  const actor = await ctx.services.auth.actorFor(f.username);
  const saved = await ctx.services.favourites.create(actor, { name: f.name, config: { ...f.config }, pinned: f.pinned ?? false });
  return { id: saved.id, name: saved.name };
}
