/** Who may read and act in supervision: by the area a task or item belongs to, inside the user's scope. */
import { AppError } from '../../../domain/errors.js';
import { NATION_CODE, NATION_NAME } from '../../../domain/org-unit.js';
import { divisionInScope, type Scope } from '../../../domain/scope.js';
import { ADMIN_ROLES, type Actor } from '../../platform/access/actor.js';
import type { Repositories } from '../../platform/registry.js';
import type { AreaPrefix } from './supervision.repository.js';

/** The area prefix a reader sees (null: the whole country); facility users see no supervision lists. */
export function prefixOf(actor: Actor): AreaPrefix {
  const s = actor.scope;
  if (s.kind === 'nation') return null;
  if (s.kind === 'division') return s.code;
  throw new AppError('E2102', { field: 'scope' });
}

/** Whether an area (a division code, or CN) lies inside the scope. */
export function areaWithin(scope: Scope, code: string): boolean {
  if (code === NATION_CODE) return scope.kind === 'nation';
  return divisionInScope(scope, code);
}

export const isAdmin = (actor: Actor) => ADMIN_ROLES.includes(actor.role);

/** The actor's own area code (CN for the nation), for what they issue. */
export function ownArea(actor: Actor): string {
  const s = actor.scope;
  if (s.kind === 'nation') return NATION_CODE;
  if (s.kind === 'division') return s.code;
  throw new AppError('E2102', { field: 'scope' });
}

/** Names of areas (CN = 全国), looked up once each. */
export async function areaNames(repos: Repositories, codes: Iterable<string>): Promise<Map<string, string>> {
  const list = [...new Set(codes)].filter((c) => c !== NATION_CODE);
  const out = new Map<string, string>([[NATION_CODE, NATION_NAME]]);
  for (let i = 0; i < list.length; i += 500) for (const d of await repos.divisions.getMany(list.slice(i, i + 500))) out.set(d.code, d.name);
  return out;
}
