/** Who may read and write in assistance: by the area a record belongs to, inside the user's scope. Facility users see no assistance lists. */
import { AppError } from '../../../domain/errors.js';
import { ancestorCodes, NATION_CODE, NATION_NAME } from '../../../domain/org-unit.js';
import { ADMIN_ROLES, type Actor } from '../../platform/access/actor.js';
import type { Repositories } from '../../platform/registry.js';

/** The reader's area prefix and the in-scope test are supervision's (one rule for every module that lists by area). */
export { areaWithin, prefixOf } from '../supervision/supervision-access.js';

/** Refuses a reader who is not an administrator (E2101), and an area outside the scope (E2102). */
export function requireWriter(actor: Actor): void {
  if (!ADMIN_ROLES.includes(actor.role)) throw new AppError('E2101', { role: actor.role });
}

/** Names of areas (CN = 全国), looked up once each. */
export async function areaNames(repos: Repositories, codes: Iterable<string>): Promise<Map<string, string>> {
  const list = [...new Set(codes)].filter((c) => c !== NATION_CODE);
  const out = new Map<string, string>([[NATION_CODE, NATION_NAME]]);
  for (let i = 0; i < list.length; i += 500) for (const d of await repos.divisions.getMany(list.slice(i, i + 500))) out.set(d.code, d.name);
  return out;
}

/** The codes of an area and its ancestors (for names such as 云南省昆明市富民县). */
export function withAncestors(codes: Iterable<string>): string[] {
  const out = new Set<string>();
  for (const c of codes) {
    out.add(c);
    for (const a of Object.values(ancestorCodes(c))) if (a) out.add(a);
  }
  return [...out];
}

/** 省 + 县 name of a county (山西省五寨县). */
export function placeName(names: Map<string, string>, code: string): string {
  const a = ancestorCodes(code);
  const province = a[1] && a[1] !== code ? (names.get(a[1]) ?? '') : '';
  return `${province}${names.get(code) ?? code}`;
}
