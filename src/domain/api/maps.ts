/**
 * API schemas of maps (docs/API.md, "Maps"): the boundaries of an area's children, each feature
 * tied to its division code. Pure (zod only).
 */
import { z } from 'zod';

export const mapParams = z.object({ code: z.string().max(12).describe('CN or a province code (2 digits)') });

export const mapFeature = z.object({
  type: z.literal('Feature'),
  properties: z.object({
    code: z.string().nullable().describe('the division code; null when no division matches the name'),
    name: z.string(),
    role: z
      .enum(['area', 'outside', 'inset'])
      .describe('area: a division; outside: 台湾省, 香港, 澳门 (China, outside the programme: no data expected); inset: the 南海诸岛 inset with the 九段线'),
    dataCode: z.string().nullable().describe("the area at the map's level whose figure colours this feature (itself, or the 省直辖县级行政区划 a county stands in)"),
  }),
  geometry: z.unknown().describe('GeoJSON geometry (plain or ECharts-compressed, as the source holds it)'),
});
export type MapFeature = z.infer<typeof mapFeature>;

export const areaMap = z.object({
  code: z.string(),
  level: z.number().int().describe('the level of the features: 1 provinces, 2 cities, 3 county-level units'),
  source: z.string(),
  geojson: z.object({ type: z.literal('FeatureCollection'), features: z.array(mapFeature) }),
});
export type AreaMapView = z.infer<typeof areaMap>;
