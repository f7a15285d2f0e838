/**
 * API schemas of evaluation (docs/API.md, "Evaluation"): the standards, and the automatic scores
 * of a standard's subjects under an area for a year. Pure (zod only).
 */
import { z } from 'zod';
import { standard } from '../evaluation/standard.js';
import { areaCode, periodCode } from './common.js';

export const standardParams = z.object({ code: z.string().min(1).max(40) });
export const standardsAnswer = z.object({
  items: z.array(z.object({ code: z.string(), version: z.string(), name: z.object({ zh: z.string(), en: z.string() }), subject: z.string(), passLine: z.number(), scale: z.number() })),
});
export const standardAnswer = standard;

export const autoscoreQuery = z.object({
  standard: z.string().min(1).max(40),
  period: periodCode,
  area: areaCode.optional().describe('default: your scope'),
});
export type AutoscoreQuery = z.input<typeof autoscoreQuery>;

export const autoscoreRow = z.object({
  subjectCode: z.string(),
  subjectName: z.string(),
  item: z.string(),
  indicator: z.string().nullable().describe('the indicator read; the elements (a/b) for a facility’s own values; null for the completeness veto'),
  numerator: z.number().nullable(),
  denominator: z.number().nullable(),
  value: z.number().nullable().describe('numerator ÷ denominator, unrounded; null when not applicable'),
  points: z.number().nullable(),
  maxPoints: z.number().nullable(),
  applicable: z.boolean(),
  veto: z.boolean().nullable().describe('veto items: whether it fired; null elsewhere'),
  band: z.number().int().nullable().describe('INDICATOR_BANDS: the index of the band reached'),
});
export type AutoscoreRow = z.infer<typeof autoscoreRow>;

export const autoscoreAnswer = z.object({
  standard: z.string(),
  version: z.string(),
  period: z.string(),
  area: z.string(),
  subjects: z.number().int(),
  rows: z.array(autoscoreRow).describe('one per subject × automatic item, by subject code then item order'),
});
export type AutoscoreAnswer = z.infer<typeof autoscoreAnswer>;
