/** The demo's projects and funds (filled in below). */
import type { Services } from '../../platform/registry.js';
import type { Store } from '../../platform/db/store.js';
import type { Clock } from '../../platform/clock.js';
import type { Progress } from '../../platform/progress.js';

export async function loadProjectsFundsDemo(_services: Services, _store: Store, _clock: Clock, _seed: number, _progress: Progress): Promise<void> {}
