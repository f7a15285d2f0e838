/** Turns a stored scope code (CN, a division code, a facility code) into a Scope, checking it exists. */
import { AppError } from '../../../domain/errors.js';
import { levelOfCode, NATION_CODE, NATION_NAME } from '../../../domain/org-unit.js';
import type { Scope } from '../../../domain/scope.js';
import type { Repositories } from '../db/store.js';

export interface ResolvedScope {
  scope: Scope;
  name: string;
  /** 0 for the nation, 1–5 for a division, null for a facility. */
  level: number | null;
}

export async function resolveScope(repos: Repositories, code: string): Promise<ResolvedScope> {
  if (code === NATION_CODE) return { scope: { kind: 'nation' }, name: NATION_NAME, level: 0 };
  const level = levelOfCode(code);
  if (level) {
    const d = await repos.divisions.get(code);
    if (!d) throw new AppError('E1101', { field: 'scopeCode', value: code });
    return { scope: { kind: 'division', code, level }, name: d.name, level };
  }
  const f = await repos.facilities.get(code);
  if (!f) throw new AppError('E1102', { field: 'scopeCode', value: code });
  return { scope: { kind: 'facility', code, divisionCode: f.divisionCode, type: f.type }, name: f.name, level: null };
}
