/** Request and response schemas of assistance (对口帮扶, 医疗队巡回, 能力建设, 定点帮扶县), shared by the server and the web. */
import { z } from 'zod';
import { ACTIVITY_KINDS, PAIRING_STATUSES, UNIT_KINDS, UNIT_STATUSES } from '../assistance/assistance.js';
import { BANDS } from '../funds/allocation.js';
import { isoDate, pageQuery, paged } from './common.js';

const year = z.number().int().min(2000).max(2100);
const text = (max: number) => z.string().max(max);
const names = z.array(z.string().trim().min(1).max(100)).max(100);
const count = z.number().int().min(0).max(10_000_000);
export const pairingStatus = z.enum(PAIRING_STATUSES);
export const band = z.enum(BANDS);
export const unitKind = z.enum(UNIT_KINDS);
export const unitStatus = z.enum(UNIT_STATUSES);
export const activityKind = z.enum(ACTIVITY_KINDS);

export const idParams = z.object({ id: z.coerce.number().int().positive() });
export const pairingYearParams = z.object({ id: z.coerce.number().int().positive(), year: z.coerce.number().int().min(2000).max(2100) });
export const activityParams = z.object({ id: z.coerce.number().int().positive(), activityId: z.coerce.number().int().positive() });
export const countyParams = z.object({ code: z.string().regex(/^\d{6}$/, '6-digit county code') });

// ── 对口帮扶 ──
export const pairingYearView = z.object({
  year: z.number(), staffSent: z.number(), specialties: z.array(z.string()), clinics: z.array(z.string()),
  score: z.number().nullable(), band: band.nullable(), comment: z.string().nullable(), assessedBy: z.string().nullable(), assessedAt: z.string().nullable(),
});
export type PairingYearDto = z.infer<typeof pairingYearView>;
export const pairingView = z.object({
  id: z.number(), helperCode: z.string(), helperName: z.string(), helperArea: z.string(), helperAreaName: z.string(),
  recipientCode: z.string(), recipientName: z.string(), areaCode: z.string(), areaName: z.string(),
  startYear: z.number(), endYear: z.number().nullable(), content: z.string(), status: pairingStatus,
  years: z.array(pairingYearView), staffSentTotal: z.number(), specialtiesBuilt: z.number(), clinicsBuilt: z.number(),
  lastAssessment: pairingYearView.nullable(), writable: z.boolean(), createdBy: z.string(), createdAt: z.string(), updatedAt: z.string(),
});
export type PairingDto = z.infer<typeof pairingView>;
export const pairingsQuery = z.object({ ...pageQuery(200), area: z.string().max(12).optional(), status: pairingStatus.optional(), year: z.coerce.number().int().min(2000).max(2100).optional(), text: z.string().max(100).optional() });
export type PairingsQuery = z.input<typeof pairingsQuery>;
export const pairingsAnswer = paged(pairingView);
export type PairingsAnswer = z.infer<typeof pairingsAnswer>;
export const newPairingBody = z.object({ helperCode: z.string().min(1).max(40), recipientCode: z.string().min(1).max(40), startYear: year, endYear: year.nullish(), content: text(4000), status: pairingStatus.optional() });
export type NewPairingBody = z.input<typeof newPairingBody>;
export const pairingChangesBody = z.object({ helperCode: z.string().min(1).max(40).optional(), startYear: year.optional(), endYear: year.nullish(), content: text(4000).optional(), status: pairingStatus.optional() });
export type PairingChangesBody = z.input<typeof pairingChangesBody>;
export const pairingYearBody = z.object({ staffSent: count, specialties: names.default([]), clinics: names.default([]) });
export type PairingYearBody = z.input<typeof pairingYearBody>;
export const assessmentBody = z.object({ year, score: z.number(), comment: text(2000).nullish() });
export type AssessmentBody = z.input<typeof assessmentBody>;

export const helpersAnswer = z.object({ items: z.array(z.object({ code: z.string(), name: z.string(), divisionCode: z.string(), placeName: z.string() })) });
export type HelpersAnswer = z.infer<typeof helpersAnswer>;

// ── 医疗队巡回 ──
export const teamView = z.object({ id: z.number(), name: z.string(), leadCode: z.string(), leadName: z.string(), areaCode: z.string(), areaName: z.string(), tours: z.number(), writable: z.boolean() });
export type TeamDto = z.infer<typeof teamView>;
export const teamsAnswer = z.object({ items: z.array(teamView) });
export type TeamsAnswer = z.infer<typeof teamsAnswer>;
export const newTeamBody = z.object({ name: z.string().min(1).max(200), leadCode: z.string().min(1).max(40) });
export type NewTeamBody = z.input<typeof newTeamBody>;
export const tourStopBody = z.object({ countyCode: z.string().regex(/^\d{6}$/), visits: count.default(0), freeClinics: count.default(0), trained: count.default(0) });
export const tourBody = z.object({ teamId: z.number().int().positive(), startDate: isoDate, endDate: isoDate, note: text(4000).default(''), stops: z.array(tourStopBody).min(1).max(100) });
export type TourBody = z.input<typeof tourBody>;
export const tourChangesBody = tourBody.omit({ teamId: true });
export type TourChangesBody = z.input<typeof tourChangesBody>;
export const tourStopView = z.object({ countyCode: z.string(), countyName: z.string(), placeName: z.string(), visits: z.number(), freeClinics: z.number(), trained: z.number() });
export const tourView = z.object({
  id: z.number(), teamId: z.number(), teamName: z.string(), leadName: z.string(), startDate: z.string(), endDate: z.string(), note: z.string(),
  stops: z.array(tourStopView), totals: z.object({ visits: z.number(), freeClinics: z.number(), trained: z.number() }), writable: z.boolean(), createdBy: z.string(), createdAt: z.string(),
});
export type TourDto = z.infer<typeof tourView>;
export const toursQuery = z.object({ teamId: z.coerce.number().int().positive().optional(), county: z.string().regex(/^\d{6}$/).optional() });
export const toursAnswer = z.object({ items: z.array(tourView) });
export type ToursAnswer = z.infer<typeof toursAnswer>;

// ── 能力建设 ──
export const activityView = z.object({ id: z.number(), unitId: z.number(), kind: activityKind, day: z.string(), topic: z.string(), people: z.number(), note: z.string(), createdBy: z.string(), createdAt: z.string() });
export type ActivityDto = z.infer<typeof activityView>;
export const unitView = z.object({
  id: z.number(), kind: unitKind, name: z.string(), areaCode: z.string(), areaName: z.string(), level: z.number(), facilityCode: z.string().nullable(), facilityName: z.string().nullable(),
  techniques: z.array(z.string()), startYear: z.number(), endYear: z.number().nullable(), status: unitStatus, note: z.string(),
  trainings: z.number(), drills: z.number(), people: z.number(), lastActivity: z.string().nullable(), writable: z.boolean(), createdAt: z.string(), updatedAt: z.string(),
});
export type UnitDto = z.infer<typeof unitView>;
export const unitsQuery = z.object({ ...pageQuery(200), kind: unitKind.optional(), area: z.string().max(12).optional(), text: z.string().max(100).optional() });
export type UnitsQuery = z.input<typeof unitsQuery>;
export const unitsAnswer = paged(unitView).extend({ counts: z.record(unitKind, z.number()) });
export type UnitsAnswer = z.infer<typeof unitsAnswer>;
export const unitDetail = unitView.extend({ activities: z.array(activityView) });
export type UnitDetailDto = z.infer<typeof unitDetail>;
export const newUnitBody = z.object({
  kind: unitKind, name: z.string().trim().min(1).max(200), areaCode: z.string().regex(/^\d{2}(\d{2}){0,2}$/), facilityCode: z.string().max(40).nullish(), techniques: names.default([]),
  startYear: year, endYear: year.nullish(), status: unitStatus.default('OPERATING'), note: text(4000).default(''),
});
export type NewUnitBody = z.input<typeof newUnitBody>;
export const unitChangesBody = newUnitBody.omit({ kind: true, areaCode: true }).partial();
export type UnitChangesBody = z.input<typeof unitChangesBody>;
export const newActivityBody = z.object({ kind: activityKind, day: isoDate, topic: z.string().trim().min(1).max(200), people: count, note: text(2000).default('') });
export type NewActivityBody = z.input<typeof newActivityBody>;

// ── 定点帮扶县 ──
export const indicatorValue = z.object({ indicator: z.string(), name: z.object({ zh: z.string(), en: z.string() }), period: z.string(), value: z.number().nullable(), numerator: z.number(), denominator: z.number(), target: z.number().nullable(), met: z.boolean().nullable() });
export const countySummary = z.object({ code: z.string(), name: z.string(), placeName: z.string(), designated: z.boolean(), pairings: z.number(), tours: z.number(), units: z.number() });
export type CountySummaryDto = z.infer<typeof countySummary>;
export const countiesAnswer = z.object({ items: z.array(countySummary) });
export type CountiesAnswer = z.infer<typeof countiesAnswer>;
export const countyPage = z.object({
  county: countySummary,
  figures: z.object({ staffSent: z.number(), specialtiesBuilt: z.number(), clinicsBuilt: z.number(), tourVisits: z.number(), tourFreeClinics: z.number(), tourTrained: z.number(), trainings: z.number(), peopleTrained: z.number() }),
  pairings: z.array(pairingView),
  tours: z.array(tourView),
  units: z.array(unitView),
  indicators: z.array(indicatorValue),
});
export type CountyPageDto = z.infer<typeof countyPage>;
