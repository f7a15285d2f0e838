/**
 * Response schemas of the analytics, map and favourite endpoints: the OpenAPI document shows
 * them, and the serializer checks every answer against them (and leaves out anything else).
 */
import { z } from 'zod';

const i18n = z.object({ zh: z.string(), en: z.string() });

export const indicatorSchema = z.object({
  code: z.string(),
  group: z.string().optional(),
  name: i18n,
  description: i18n.optional(),
  kind: z.enum(['FACILITY_SHARE', 'RATIO', 'COUNTY_SHARE']),
  dataSet: z.string(),
  types: z.array(z.string()).optional(),
  numerator: z.unknown().describe('a condition on a report, `{ sum }`, `{ hasFacility }` or `{ hasTitle }` (programs/*/indicators.json)'),
  denominator: z.object({ sum: z.string() }).optional(),
  counties: z.object({ kinds: z.array(z.string()) }).optional(),
  targets: z.array(z.object({ threshold: z.number(), comparison: z.enum(['>=', '<=']), deadline: z.string(), source: z.string(), clause: i18n.optional() })),
  monitor: i18n.optional(),
});

export const indicatorRowSchema = z.object({
  areaCode: z.string(),
  areaName: z.string(),
  period: z.string(),
  indicator: z.string(),
  numerator: z.number(),
  denominator: z.number(),
  value: z.number().nullable().describe('a fraction 0–1; null when the denominator is 0'),
  target: z.number().nullable(),
  met: z.boolean().nullable(),
  gap: z.number().nullable().describe('how far short of the target (0 when met)'),
  expectedReports: z.number(),
  reportedReports: z.number(),
});

export const trendSchema = z.object({
  areaCode: z.string(),
  areaName: z.string(),
  indicator: z.string(),
  points: z.array(z.object({ period: z.string(), value: z.number().nullable(), met: z.boolean().nullable() })),
  projection: z.object({ year: z.number(), value: z.number(), willMiss: z.boolean().nullable() }).nullable(),
});

export const gapsSchema = z.object({
  items: z.array(
    z.object({
      code: z.string(),
      name: z.string(),
      type: z.string().nullable().describe('facility type; null for a county-level unit'),
      divisionCode: z.string(),
      divisionName: z.string(),
      value: z.number().nullable(),
      reported: z.boolean(),
    }),
  ),
  total: z.number(),
  target: z.number().nullable(),
  page: z.number(),
  pageSize: z.number(),
});

export const areaMapSchema = z.object({
  code: z.string(),
  level: z.number(),
  source: z.string(),
  geojson: z.object({
    type: z.literal('FeatureCollection'),
    features: z.array(z.object({ type: z.literal('Feature'), properties: z.object({ code: z.string().nullable(), name: z.string() }), geometry: z.unknown() })),
  }),
});

export const favouriteSchema = z.object({
  id: z.number(),
  name: z.string(),
  config: z.record(z.string(), z.unknown()),
  pinned: z.boolean(),
  createdAt: z.string(),
});
