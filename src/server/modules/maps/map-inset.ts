/**
 * The national map as a Chinese official map is drawn: the 南海诸岛 with the 九段线 in an inset
 * at the lower right (no standard map leaves them out), and 台湾省, 香港 and 澳门 drawn as part of
 * China though the programme's NBS tree holds no reports for them.
 *
 * The inset comes from the boundary source: a file that draws the South China Sea where it lies
 * (a standard map's islands and 九段线, south of Hainan) has those parts moved into the inset,
 * scaled; the bundled ECharts 4 files carry no South China Sea, so their own schematic inset (the
 * one ECharts 4 adds to its `china` map) is used.
 */
import type { RawFeature } from './map-source.js';

type Ring = number[][];
/** A polygon (outer ring, holes) or a line: the parts a geometry is split into. */
type Part = { kind: 'polygon'; rings: Ring[] } | { kind: 'line'; points: Ring };

/** South of Hainan's southern tip (18.15°N), between the Gulf of Tonkin and the Philippines. */
const SOUTH_SEA = { minLon: 104, maxLon: 126, maxLat: 17.5 };
/** Square degrees: what is left of a sea feature outside the sea may be a speck, not a main island (海南岛 is ~6). */
const STRAY_AREA = 0.5;
const area = (b: { minX: number; minY: number; maxX: number; maxY: number }) => (b.maxX - b.minX) * (b.maxY - b.minY);
/** The inset's height as a share of the main map's height. */
const INSET_HEIGHT = 0.2;

/** China's areas outside the NBS 2023 tree of the programme, by code prefix and name. */
const OUTSIDE = [
  { prefix: '71', names: ['台湾'], name: '台湾省' },
  { prefix: '81', names: ['香港'], name: '香港特别行政区' },
  { prefix: '82', names: ['澳门'], name: '澳门特别行政区' },
];

/** The official name of a feature that stands for 台湾, 香港 or 澳门, or null. */
export function outsideArea(f: RawFeature): string | null {
  const raw = String(f.properties.adcode ?? f.properties.code ?? '');
  const name = String(f.properties.name ?? '');
  const hit = OUTSIDE.find((o) => (/^\d{6}$/.test(raw) && raw.startsWith(o.prefix)) || o.names.some((n) => name.startsWith(n)));
  return hit?.name ?? null;
}

function partsOf(g: RawFeature['geometry']): Part[] {
  const c = g.coordinates as never;
  switch (g.type) {
    case 'Polygon':
      return [{ kind: 'polygon', rings: c }];
    case 'MultiPolygon':
      return (c as Ring[][]).map((rings) => ({ kind: 'polygon', rings }));
    case 'LineString':
      return [{ kind: 'line', points: c }];
    case 'MultiLineString':
      return (c as Ring[]).map((points) => ({ kind: 'line', points }));
    default:
      return [];
  }
}

function geometryOf(parts: Part[]): RawFeature['geometry'] {
  const polygons = parts.filter((p) => p.kind === 'polygon').map((p) => (p as { rings: Ring[] }).rings);
  const lines = parts.filter((p) => p.kind === 'line').map((p) => (p as { points: Ring }).points);
  if (lines.length === 0) return polygons.length === 1 ? { type: 'Polygon', coordinates: polygons[0] } : { type: 'MultiPolygon', coordinates: polygons };
  if (polygons.length === 0) return lines.length === 1 ? { type: 'LineString', coordinates: lines[0] } : { type: 'MultiLineString', coordinates: lines };
  // A feature mixing lines and polygons: the lines as thin polygons are not worth it; keep the polygons.
  return { type: 'MultiPolygon', coordinates: polygons };
}

const pointsOf = (p: Part): Ring => (p.kind === 'polygon' ? p.rings[0] : p.points);
const inSouthSea = (p: Part) =>
  pointsOf(p).every(([x, y]) => x >= SOUTH_SEA.minLon && x <= SOUTH_SEA.maxLon && y < SOUTH_SEA.maxLat);

function bbox(rings: Ring[]): { minX: number; minY: number; maxX: number; maxY: number } {
  let [minX, minY, maxX, maxY] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const r of rings)
    for (const [x, y] of r) {
      minX = Math.min(minX, x);
      maxX = Math.max(maxX, x);
      minY = Math.min(minY, y);
      maxY = Math.max(maxY, y);
    }
  return { minX, minY, maxX, maxY };
}

const round = (v: number) => Math.round(v * 1e4) / 1e4;

/** A rectangle's outline as a thin polygon (outer ring and the inner one as its hole). */
function frame(x0: number, y0: number, x1: number, y1: number, w: number): Ring[] {
  const rect = (a: number, b: number, c: number, d: number) => [[a, b], [c, b], [c, d], [a, d], [a, b]].map(([x, y]) => [round(x), round(y)]);
  return [rect(x0, y0, x1, y1), rect(x0 + w, y0 + w, x1 - w, y1 - w).reverse()];
}

export interface InsetFeature {
  type: 'Feature';
  properties: { name: string };
  geometry: RawFeature['geometry'];
}

/** A feature that only draws the sea's lines (the 九段线, a frame): no area of its own. */
const isDecoration = (f: RawFeature) => /^(|九段线|南海诸岛|国界线?)$/.test(String(f.properties.name ?? '').trim());

/**
 * Moves the parts of the features that lie in the South China Sea into a framed inset at the
 * lower right of the rest, scaled; `heightShare` is the inset's height as a share of the rest's;
 * `beside` puts it right of the rest (a province's main island) instead of in its corner (the sea
 * off the country's south-east coast).
 * A feature keeps its moved parts (三沙市 stays 三沙市, in the inset); a feature that only drew
 * lines there (the 九段线) becomes part of the inset. Null inset when the file draws nothing there.
 */
export function southSeaInset(features: RawFeature[], heightShare = INSET_HEIGHT, beside = false): { features: RawFeature[]; inset: InsetFeature | null } {
  const split = features.map((f) => {
    const parts = partsOf(f.geometry);
    const sea = parts.filter(inSouthSea);
    const rest = parts.filter((p) => !inSouthSea(p));
    // A feature of the sea (三沙市) with a stray speck or two elsewhere moves whole.
    const stray = sea.length >= 4 * rest.length && rest.length > 0 && area(bbox(rest.map(pointsOf))) < STRAY_AREA;
    return stray ? { f, sea: parts, rest: [] } : { f, sea, rest };
  });
  const moved = split.flatMap((x) => x.sea);
  if (moved.length === 0) return { features, inset: null };

  const main = bbox(split.flatMap((x) => x.rest.map(pointsOf)));
  const src = bbox(moved.map(pointsOf));
  const pad = 0.06 * Math.max(src.maxX - src.minX, src.maxY - src.minY);
  const [sx0, sy0, sx1, sy1] = [src.minX - pad, src.minY - pad, src.maxX + pad, src.maxY + pad];
  const height = heightShare * (main.maxY - main.minY);
  const scale = height / (sy1 - sy0);
  const width = (sx1 - sx0) * scale;
  const [x0, y0] = [beside ? main.maxX + width * 0.1 : main.maxX - width, main.minY];
  const place = (r: Ring): Ring => r.map(([x, y]) => [round(x0 + (x - sx0) * scale), round(y0 + (y - sy0) * scale)]);
  const placed = (p: Part): Part => (p.kind === 'polygon' ? { kind: 'polygon', rings: p.rings.map(place) } : { kind: 'polygon', rings: thinPolygon(place(p.points), height / 400) });

  const out: RawFeature[] = [];
  const lines: Ring[][] = [];
  for (const { f, sea, rest } of split) {
    if (sea.length === 0) out.push(f);
    else if (rest.length === 0 && isDecoration(f)) lines.push(...sea.map((p) => (placed(p) as { rings: Ring[] }).rings));
    else out.push({ ...f, geometry: geometryOf([...rest, ...sea.map(placed)]) });
  }
  lines.push(frame(x0, y0, x0 + width, y0 + height, height / 120));
  return { features: out, inset: { type: 'Feature', properties: { name: '南海诸岛' }, geometry: { type: 'MultiPolygon', coordinates: lines } } };
}

/** A line drawn as a polygon of width `w` (map series fill regions; a bare line would not show). */
function thinPolygon(points: Ring, w: number): Ring[] {
  const offset = (sign: number) =>
    points.map(([x, y], i) => {
      const [ax, ay] = points[Math.max(0, i - 1)];
      const [bx, by] = points[Math.min(points.length - 1, i + 1)];
      const len = Math.hypot(bx - ax, by - ay) || 1;
      return [round(x - (sign * w * (by - ay)) / len), round(y + (sign * w * (bx - ax)) / len)];
    });
  const ring = [...offset(1), ...offset(-1).reverse()];
  return [[...ring, ring[0]]];
}

/** The ECharts 4 schematic inset (lib/coord/geo/fix/nanhai.js of echarts@4.9.0) as a feature. */
export function schematicInset(points: Ring[], origin: [number, number]): InsetFeature {
  const polygons = points.map((ring) => [ring.map(([x, y]) => [round(x / 10.5 + origin[0]), round(y / (-10.5 / 0.75) + origin[1])])]);
  return { type: 'Feature', properties: { name: '南海诸岛' }, geometry: { type: 'MultiPolygon', coordinates: polygons } };
}
