/**
 * MODULES: the one list the app (routes), the context (services) and the store (repositories)
 * loop over. Order matters for services: a module sees the services of those listed before it.
 * Adding a module = its folder + one line here.
 */
import type { ServerModule } from '../platform/registry.js';
import { approval } from './approval/index.js';
import { dataEntry } from './data-entry/index.js';
import { evaluation } from './evaluation/index.js';
import { favourites } from './favourites/index.js';
import { identity } from './identity/index.js';
import { importExport } from './import-export/index.js';
import { indicators } from './indicators/index.js';
import { maps } from './maps/index.js';
import { orgUnits } from './org-units/index.js';
import { supervision } from './supervision/index.js';
import { projectsFunds } from './projects-funds/index.js';
import { assistance } from './assistance/index.js';

export const MODULES: readonly ServerModule[] = [orgUnits, identity, dataEntry, approval, importExport, indicators, maps, favourites, evaluation, supervision, projectsFunds, assistance];
