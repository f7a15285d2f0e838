/**
 * Boundary files for the choropleth maps. The default source is the province and city GeoJSON
 * that ECharts 4 shipped (the npm package `echarts4-maps`, an alias of echarts@4.9.0); a
 * deployment that must use an approved base map (审图号) points GTCM_MAP_DIR at a directory of
 * `CN.json` and `<province code>.json` files instead. Either way the files are plain or
 * ECharts-compressed GeoJSON, decoded here once.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

export interface RawFeature {
  type: 'Feature';
  id?: string;
  properties: { name?: string; adcode?: string | number; code?: string | number; id?: string | number; [k: string]: unknown };
  geometry: { type: string; coordinates: unknown; encodeOffsets?: unknown };
}

export interface RawMap {
  features: RawFeature[];
  source: string;
}

/** ECharts 4 file names of the provinces (2-digit NBS codes). */
const PROVINCE_FILES: Record<string, string> = {
  '11': 'beijing', '12': 'tianjin', '13': 'hebei', '14': 'shanxi', '15': 'neimenggu', '21': 'liaoning', '22': 'jilin',
  '23': 'heilongjiang', '31': 'shanghai', '32': 'jiangsu', '33': 'zhejiang', '34': 'anhui', '35': 'fujian', '36': 'jiangxi',
  '37': 'shandong', '41': 'henan', '42': 'hubei', '43': 'hunan', '44': 'guangdong', '45': 'guangxi', '46': 'hainan',
  '50': 'chongqing', '51': 'sichuan', '52': 'guizhou', '53': 'yunnan', '54': 'xizang', '61': 'shanxi1', '62': 'gansu',
  '63': 'qinghai', '64': 'ningxia', '65': 'xinjiang',
};

function echarts4Dir(): string | null {
  try {
    const pkg = createRequire(import.meta.url).resolve('echarts4-maps/package.json');
    return join(dirname(pkg), 'map', 'json');
  } catch {
    return null;
  }
}

/** The file for `CN` or a province code, or null when the source has none. */
export function mapFile(code: string, mapDir: string | null): { path: string; source: string } | null {
  if (mapDir) {
    const path = join(mapDir, `${code}.json`);
    return existsSync(path) ? { path, source: `GTCM_MAP_DIR` } : null;
  }
  const dir = echarts4Dir();
  if (!dir) return null;
  const name = code === 'CN' ? 'china' : PROVINCE_FILES[code] && `province/${PROVINCE_FILES[code]}`;
  if (!name) return null;
  const path = join(dir, `${name}.json`);
  return existsSync(path) ? { path, source: 'echarts4-maps (echarts@4.9.0)' } : null;
}

/**
 * What ECharts 4 adds to its own `china` map and the bundled file lacks, read from the same
 * package: the schematic 南海诸岛 inset (lib/coord/geo/fix/nanhai.js: a frame, the 九段线 and the
 * coast, in its own coordinates) and 钓鱼岛 (fix/diaoyuIsland.js, a polygon of 台湾). Null when the
 * package is missing or its files no longer hold them.
 */
export function bundledChinaFixes(): { nanhai: { points: number[][][]; origin: [number, number] }; diaoyu: number[][][] } | null {
  const dir = echarts4Dir();
  if (!dir) return null;
  const fix = join(dir, '..', '..', 'lib', 'coord', 'geo', 'fix');
  const array = (text: string, name: string) => {
    const m = new RegExp(`var ${name} = (\\[[\\d.,\\s\\[\\]-]*\\]);`).exec(text);
    return m ? (JSON.parse(m[1]) as unknown) : null;
  };
  try {
    const nanhai = readFileSync(join(fix, 'nanhai.js'), 'utf8');
    const diaoyu = readFileSync(join(fix, 'diaoyuIsland.js'), 'utf8');
    const points = array(nanhai, 'points') as number[][][] | null;
    const origin = array(nanhai, 'geoCoord') as [number, number] | null;
    const island = array(diaoyu, 'points') as number[][][] | null;
    return points && origin && island ? { nanhai: { points, origin }, diaoyu: island } : null;
  } catch {
    return null;
  }
}

export function readMap(code: string, mapDir: string | null): RawMap | null {
  const f = mapFile(code, mapDir);
  if (!f) return null;
  const json = JSON.parse(readFileSync(f.path, 'utf8')) as { features: RawFeature[]; UTF8Encoding?: boolean; UTF8Scale?: number };
  if (json.UTF8Encoding) decode(json.features, json.UTF8Scale ?? 1024);
  return { features: json.features, source: f.source };
}

/**
 * ECharts' compressed GeoJSON: each ring is a string of zigzag-encoded deltas from the ring's
 * offset, two characters per point (the inverse of ECharts 4's own encoder, lib/coord/geo/parseGeoJson.js).
 */
function decode(features: RawFeature[], scale: number): void {
  for (const f of features) {
    const g = f.geometry;
    const offsets = g.encodeOffsets as number[][] | number[][][];
    const coords = g.coordinates as string[] | string[][];
    if (g.type === 'Polygon') g.coordinates = (coords as string[]).map((ring, i) => decodeRing(ring, (offsets as number[][])[i], scale));
    else if (g.type === 'MultiPolygon')
      g.coordinates = (coords as string[][]).map((poly, i) => poly.map((ring, j) => decodeRing(ring, (offsets as number[][][])[i][j], scale)));
    delete g.encodeOffsets;
  }
}

function decodeRing(ring: string, offset: number[], scale: number): number[][] {
  const out: number[][] = [];
  let [px, py] = offset;
  for (let i = 0; i < ring.length; i += 2) {
    let x = ring.charCodeAt(i) - 64;
    let y = ring.charCodeAt(i + 1) - 64;
    x = (x >> 1) ^ -(x & 1);
    y = (y >> 1) ^ -(y & 1);
    px += x;
    py += y;
    out.push([Math.round((px / scale) * 1e4) / 1e4, Math.round((py / scale) * 1e4) / 1e4]);
  }
  return out;
}
