/**
 * API schemas of org-units (docs/API.md, "Divisions" and "Facilities"): the requests the routes
 * validate and the answers they serialise. Pure (zod and src/domain only).
 */
import { z } from 'zod';
import { FACILITY_TYPES, OWNERSHIPS } from '../facility.js';
import { DIVISION_LEVELS, KIND_NAMES, NATION_CODE, type DivisionKind } from '../org-unit.js';
import { areaCode, isoDate, paged, pageQuery } from './common.js';

const DIVISION_KINDS = Object.keys(KIND_NAMES) as [DivisionKind, ...DivisionKind[]];

export const facilityType = z.enum(FACILITY_TYPES);
export const ownership = z.enum(OWNERSHIPS);
export const divisionLevel = z.literal(DIVISION_LEVELS);
export const divisionKind = z.enum(DIVISION_KINDS);

// ---- divisions

export const division = z.object({
  code: z.string(),
  name: z.string(),
  level: divisionLevel,
  parentCode: z.string().nullable(),
  kind: divisionKind,
});
export type DivisionView = z.infer<typeof division>;

/** A division with the number of its children. */
export const divisionNode = division.extend({ childCount: z.number().int() });
export type DivisionNodeView = z.infer<typeof divisionNode>;

/** The virtual root `CN` above the provinces (a national user's top). */
export const nationNode = z.object({
  code: z.literal(NATION_CODE),
  name: z.string(),
  level: z.literal(0),
  kind: z.literal('NATION'),
  parentCode: z.null(),
  childCount: z.number().int(),
});
export type NationNodeView = z.infer<typeof nationNode>;

export const divisionOrNation = z.union([divisionNode, nationNode]);
export type DivisionOrNation = z.infer<typeof divisionOrNation>;

export const divisionParams = z.object({ code: z.string().min(1).max(20) });

/** GET /api/divisions/root: the top of the caller's tree; `path` its ancestors, top first. */
export const divisionRootAnswer = z.object({ root: divisionOrNation, path: z.array(division) });
export type DivisionRootAnswer = z.infer<typeof divisionRootAnswer>;

/** GET /api/divisions/:code: one division and its ancestors, top first. */
export const divisionAnswer = z.object({ division: divisionOrNation, path: z.array(division) });
export type DivisionAnswer = z.infer<typeof divisionAnswer>;

export const divisionChildrenAnswer = z.object({ items: z.array(divisionNode) });
export type DivisionChildrenAnswer = z.infer<typeof divisionChildrenAnswer>;

export const divisionSearchQuery = z.object({
  q: z.string().min(1).max(50),
  limit: z.coerce.number().int().min(1).max(50).default(20),
  level: z.coerce.number().int().min(1).max(5).optional(),
});
export type DivisionSearchQuery = z.input<typeof divisionSearchQuery>;

export const divisionSearchHit = division.extend({ pathNames: z.string().describe('the names from the province down, "省 / 市 / 县"') });
export type DivisionSearchHit = z.infer<typeof divisionSearchHit>;
export const divisionSearchAnswer = z.object({ items: z.array(divisionSearchHit) });
export type DivisionSearchAnswer = z.infer<typeof divisionSearchAnswer>;

/** Open facilities by type (every type named, 0 when none). */
export const typeCounts = z.record(facilityType, z.number().int());
export const areaCounts = z.object({ total: z.number().int(), byType: typeCounts });
export const facilityCountsAnswer = areaCounts.extend({
  children: z.array(areaCounts.extend({ code: z.string(), name: z.string(), level: z.number().int() })),
});
export type FacilityCountsAnswer = z.infer<typeof facilityCountsAnswer>;

// ---- facilities

/** A facility as stored, with the times of its registration and last change. */
export const facilityRecord = z.object({
  code: z.string(),
  name: z.string(),
  type: facilityType,
  divisionCode: z.string(),
  ownership,
  opened: z.string().describe('YYYY-MM-DD'),
  closed: z.string().nullable().describe('YYYY-MM-DD; null while open'),
  attributes: z.record(z.string(), z.unknown()),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type FacilityRecord = z.infer<typeof facilityRecord>;

/** A facility with the name of its division (lists and single answers). */
export const facilityView = facilityRecord.extend({ divisionName: z.string() });
export type FacilityView = z.infer<typeof facilityView>;

export const facilityParams = z.object({ code: z.string().min(1).max(40) });

export const facilityListQuery = z.object({
  area: areaCode.optional(),
  type: facilityType.optional(),
  q: z.string().max(50).optional(),
  status: z.enum(['open', 'closed', 'all']).default('all'),
  ...pageQuery(200),
});
export type FacilityListQuery = z.input<typeof facilityListQuery>;

export const facilityListAnswer = paged(facilityView);
export type FacilityListAnswer = z.infer<typeof facilityListAnswer>;

/** GET /api/facilities/:code: the facility and its division's ancestors and itself, top first. */
export const facilityDetailAnswer = z.object({ facility: facilityView, path: z.array(division) });
export type FacilityDetailAnswer = z.infer<typeof facilityDetailAnswer>;

/** The answer of a write: the facility as it now is. */
export const facilityAnswer = z.object({ facility: facilityView });
export type FacilityAnswer = z.infer<typeof facilityAnswer>;

const attributes = z.record(z.string(), z.unknown());
const facilityName = z.string().trim().min(1).max(100);

export const newFacilityBody = z.object({
  code: z.string().min(1).max(40),
  name: facilityName,
  type: facilityType,
  divisionCode: z.string().min(1).max(20),
  ownership,
  opened: isoDate,
  attributes: attributes.optional(),
});
export type NewFacilityBody = z.input<typeof newFacilityBody>;

export const facilityChangesBody = z.object({
  name: facilityName.optional(),
  ownership: ownership.optional(),
  divisionCode: z.string().min(1).max(20).optional(),
  opened: isoDate.optional(),
  attributes: attributes.optional(),
});
export type FacilityChangesBody = z.input<typeof facilityChangesBody>;

export const facilityCloseBody = z.object({ closed: isoDate });
export type FacilityCloseBody = z.input<typeof facilityCloseBody>;
