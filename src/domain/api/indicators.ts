/**
 * API schemas of the indicators (docs/API.md, "Analytics"): the indicator list, values, the
 * years with data, trends with projections, gap lists, exports, a facility's own values. The
 * serializer checks every answer against them and leaves out anything else. Pure.
 */
import { z } from 'zod';
import { areaCode, csvList, fileAnswer, i18nText, pageQuery } from './common.js';
import { facilityType, ownership } from './org-units.js';

/** The levels an analysis breaks an area down by (`level`). */
export const ANALYTICS_LEVELS = ['nation', 'province', 'city', 'county', 'township'] as const;
export const analyticsLevel = z.enum(ANALYTICS_LEVELS);
export type AnalyticsLevel = z.infer<typeof analyticsLevel>;

const op = z.enum(['=', '>=', '>', '<=', '<']);
/** A condition on one facility's report: an element compared with a value, or the number of options chosen. */
export const indicatorCondition = z.union([
  z.object({ element: z.string(), op, value: z.union([z.number(), z.boolean()]) }),
  z.object({ optionCount: z.string(), op, value: z.number() }),
]);

export const indicatorTarget = z.object({
  threshold: z.number(),
  comparison: z.enum(['>=', '<=']),
  deadline: z.string(),
  source: z.string(),
  clause: i18nText.optional(),
});

/** An indicator as metadata defines it (programs/<name>/indicators.json). */
export const indicator = z.object({
  code: z.string().regex(/^[a-z][a-z0-9_]*$/, 'a lower-case code: letters, digits, _'),
  group: z.string().optional(),
  name: i18nText,
  description: i18nText.optional(),
  kind: z.enum(['FACILITY_SHARE', 'RATIO', 'COUNTY_SHARE', 'FACT']),
  dataSet: z.string(),
  types: z.array(facilityType).optional(),
  numerator: z
    .union([
      indicatorCondition,
      z.object({ sum: z.string() }),
      z.object({ hasFacility: z.object({ types: z.array(facilityType), ownership: ownership.optional() }) }),
      z.object({ hasTitle: z.object({ title: z.string() }) }),
      z.object({ fact: z.string() }),
    ])
    .describe('FACILITY_SHARE: a condition on a report; RATIO: `{ sum }`; COUNTY_SHARE: `{ hasFacility }` or `{ hasTitle }`; FACT: `{ fact }`'),
  denominator: z
    .union([z.object({ sum: z.string() }), z.object({ fact: z.string() }), z.object({ facilities: z.object({ types: z.array(facilityType) }) })])
    .optional()
    .describe('RATIO: `{ sum }`; FACT: `{ fact }` or `{ facilities: { types } }`'),
  counties: z.object({ kinds: z.array(z.string()) }).optional(),
  targets: z.array(indicatorTarget),
  monitor: i18nText.optional(),
});
export type IndicatorView = z.infer<typeof indicator>;

export const indicatorListAnswer = z.object({ items: z.array(indicator) });
export type IndicatorListAnswer = z.infer<typeof indicatorListAnswer>;

// ---- values

const statuses = csvList.optional().describe('comma list of the report statuses that count (default all)');

export const valuesQuery = z.object({
  indicators: csvList.optional().describe('comma list (default all)'),
  periods: csvList.describe('comma list of years'),
  area: areaCode.optional(),
  level: analyticsLevel.optional(),
  statuses,
});
export type ValuesQuery = z.input<typeof valuesQuery>;

export const indicatorRow = z.object({
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
export type IndicatorRowView = z.infer<typeof indicatorRow>;

export const valuesAnswer = z.object({ rows: z.array(indicatorRow) });
export type ValuesAnswer = z.infer<typeof valuesAnswer>;

export const periodsAnswer = z.object({ periods: z.array(z.string()) });

/** GET /api/analytics/status: whether the analytics tables are being built (after a restart without them), how far, how long yet. */
export const engineStatusAnswer = z.object({
  state: z.enum(['starting', 'building', 'ready']),
  percent: z.number().nullable().describe('rows read of the rows to read, 0–100'),
  etaSeconds: z.number().nullable().describe('an estimate of the seconds left (null until it can be told)'),
  seq: z.number().describe('the change sequence the tables have caught up to'),
});
export type EngineStatusAnswer = z.infer<typeof engineStatusAnswer>;
export type PeriodsAnswer = z.infer<typeof periodsAnswer>;

// ---- trends

export const trendQuery = z.object({
  indicators: csvList.optional(),
  years: csvList.optional().describe('comma list; default every year holding reports'),
  area: areaCode.optional(),
  level: analyticsLevel.optional(),
  statuses,
});
export type TrendQuery = z.input<typeof trendQuery>;

export const trendSeries = z.object({
  areaCode: z.string(),
  areaName: z.string(),
  indicator: z.string(),
  points: z.array(z.object({ period: z.string(), value: z.number().nullable(), met: z.boolean().nullable() })),
  projection: z.object({ year: z.number(), value: z.number(), willMiss: z.boolean().nullable() }).nullable(),
});
export type TrendSeriesView = z.infer<typeof trendSeries>;

export const trendAnswer = z.object({ series: z.array(trendSeries) });
export type TrendAnswer = z.infer<typeof trendAnswer>;

// ---- gaps

export const gapsQuery = z.object({
  indicator: z.string().max(60),
  period: z.string().max(10),
  area: areaCode.optional(),
  ...pageQuery(1000),
  statuses,
});
export type GapsQuery = z.input<typeof gapsQuery>;

export const gapRow = z.object({
  code: z.string(),
  name: z.string(),
  type: z.string().nullable().describe('facility type; null for a county-level unit'),
  divisionCode: z.string(),
  divisionName: z.string(),
  value: z.number().nullable(),
  reported: z.boolean(),
  provinceName: z.string().nullable(),
  cityName: z.string().nullable(),
  countyName: z.string().nullable(),
  townshipName: z.string().nullable(),
});
export type GapRowView = z.infer<typeof gapRow>;

/** How a gap row's value reads: 是/否 (a yes/no condition), a number (a count condition), a ratio, or none (a county-level unit). */
export const GAP_VALUE_KINDS = ['boolean', 'number', 'ratio', 'none'] as const;

export const gapsAnswer = z.object({
  valueKind: z.enum(GAP_VALUE_KINDS),
  items: z.array(gapRow),
  total: z.number(),
  target: z.number().nullable(),
  page: z.number(),
  pageSize: z.number(),
});
export type GapsAnswer = z.infer<typeof gapsAnswer>;

/** GET /api/analytics/gaps/areas: how many fall short in each area one level below the view (county by default). */
export const gapAreasQuery = z.object({
  indicator: z.string().max(60),
  period: z.string().max(10),
  area: areaCode.optional(),
  level: z.enum(['city', 'county', 'township']).optional().describe('default: counties below a province or city, townships below a county'),
});
export type GapAreasQuery = z.input<typeof gapAreasQuery>;

export const gapAreasAnswer = z.object({
  level: z.enum(['city', 'county', 'township']),
  items: z.array(z.object({ areaCode: z.string(), areaName: z.string(), gaps: z.number().int() })).describe('most gaps first'),
});
export type GapAreasAnswer = z.infer<typeof gapAreasAnswer>;

// ---- exports

export const exportFormat = z.enum(['xlsx', 'csv']).default('xlsx');

export const valuesExportQuery = valuesQuery.extend({ format: exportFormat });
export type ValuesExportQuery = z.input<typeof valuesExportQuery>;

export const gapsExportQuery = z.object({ indicator: z.string().max(60), period: z.string().max(10), area: areaCode.optional(), format: exportFormat });
export type GapsExportQuery = z.input<typeof gapsExportQuery>;

export const valuesExportAnswer = fileAnswer('the values as XLSX (Chinese headers) or CSV, the columns of `gtcm export indicators`');
export const gapsExportAnswer = fileAnswer('every gap row as XLSX (Chinese headers) or CSV');

// ---- one facility

export const facilityValuesParams = z.object({ code: z.string().max(40) });

export const facilityValuesAnswer = z.object({
  items: z.array(z.record(z.string(), z.unknown())).describe("per period, the facility's own values and flags as the engine holds them"),
});
export type FacilityValuesAnswer = z.infer<typeof facilityValuesAnswer>;
