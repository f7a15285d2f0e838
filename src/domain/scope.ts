/**
 * A user's scope: the whole country, a division subtree, or one facility. Every read and write
 * is filtered by it. NBS codes embed their ancestors, so containment is a pure function.
 */
import type { FacilityType } from './facility.js';
import { ancestorCodes, levelOfCode, NATION_CODE, type DivisionLevel } from './org-unit.js';

export type Scope =
  | { kind: 'nation' }
  | { kind: 'division'; code: string; level: DivisionLevel }
  | { kind: 'facility'; code: string; divisionCode: string; type?: FacilityType };

/** 乡村一体化: a township health centre's user also reports for the village clinics of its township. */
export const MANAGED_TYPES: Partial<Record<FacilityType, FacilityType[]>> = { THC: ['VC'] };

/** The facilities a facility scope covers beside itself: the managed types in its township, or none. */
export function managedBy(scope: Scope): { townshipCode: string; types: FacilityType[] } | null {
  if (scope.kind !== 'facility' || !scope.type) return null;
  const types = MANAGED_TYPES[scope.type];
  return types ? { townshipCode: scope.divisionCode, types } : null;
}

/** An area of the hierarchy: level 0 is the country. */
export interface Area {
  level: 0 | DivisionLevel;
  code: string;
}

export const NATION_AREA: Area = { level: 0, code: NATION_CODE };

/** The area a division code (or `CN`) names, or null when the code is not one. */
export function areaOf(code: string): Area | null {
  if (code === NATION_CODE) return NATION_AREA;
  const level = levelOfCode(code);
  return level ? { level, code } : null;
}

/** Whether a division (by code) lies inside an area (itself included). */
export function divisionInArea(area: Area, divisionCode: string): boolean {
  if (area.level === 0) return true;
  return ancestorCodes(divisionCode)[area.level] === area.code;
}

/** Whether a division lies inside the scope. A facility scope contains no division. */
export function divisionInScope(scope: Scope, divisionCode: string): boolean {
  if (scope.kind === 'nation') return true;
  if (scope.kind === 'facility') return false;
  return divisionInArea(scope, divisionCode);
}

/** Whether a facility lies inside the scope (a facility scope: itself and the facilities it manages). */
export function facilityInScope(scope: Scope, facility: { code: string; divisionCode: string; type?: FacilityType }): boolean {
  if (scope.kind === 'facility') {
    if (scope.code === facility.code) return true;
    const m = managedBy(scope);
    return !!m && !!facility.type && m.types.includes(facility.type) && ancestorCodes(facility.divisionCode)[4] === m.townshipCode;
  }
  return divisionInScope(scope, facility.divisionCode);
}

/** Whether a scope lies wholly inside another (for creating users). */
export function scopeWithin(outer: Scope, inner: Scope): boolean {
  if (outer.kind === 'nation') return true;
  if (inner.kind === 'nation') return false;
  if (inner.kind === 'facility') return facilityInScope(outer, inner);
  return divisionInScope(outer, inner.code);
}

/** The area that a division scope covers, or the nation. (Facility scopes have no area.) */
export function scopeArea(scope: Scope): Area | null {
  if (scope.kind === 'nation') return NATION_AREA;
  if (scope.kind === 'division') return { level: scope.level, code: scope.code };
  return null;
}

/** The division code an audit record about a scope belongs to (`CN` for the nation). */
export function scopeAreaCode(scope: Scope): string {
  return scope.kind === 'nation' ? NATION_CODE : scope.kind === 'division' ? scope.code : scope.divisionCode;
}
