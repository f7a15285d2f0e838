/** The national demo's supervision: to come. */
import type { Clock } from '../../platform/clock.js';
import type { Store } from '../../platform/db/store.js';
import type { Progress } from '../../platform/progress.js';
import type { Services } from '../../platform/registry.js';

export async function loadSupervisionDemo(services: Services, store: Store, clock: Clock, seed: number, progress: Progress): Promise<void> {
  void services, store, clock, seed, progress;
}
