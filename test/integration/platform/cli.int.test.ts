import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Config } from '../../../src/server/platform/config.js';
import { readAllDivisions } from '../../../src/server/modules/org-units/china-division.source.js';
import { parseCsv, runCli } from '../../support/cli.js';
import { storeConfig } from '../../support/test-context.js';

const AREAS = ['530102', '530103'];
let config: Config;
let cleanup: () => Promise<void>;

beforeAll(async () => {
  ({ config, cleanup } = await storeConfig());
});
afterAll(async () => cleanup());

describe('gtcm CLI', () => {
  it('refuses to export before init, with a bilingual message and a non-zero exit', async () => {
    const r = await runCli(config, ['export', 'divisions']);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain('E3002');
    expect(r.stderr).toContain('gtcm init');
    expect(r.stderr).toMatch(/数据库尚未初始化/);
  });

  it('init --demo loads the hierarchy and demo data and prints the demo users', async () => {
    const r = await runCli(config, ['init', '--demo', '--areas', AREAS.join(',')]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Demo@2024!');
    for (const u of ['admin', 'nation', 'yunnan', 'wuhua', 'viewer']) expect(r.stdout).toContain(u);
  });

  it('a second init changes nothing', async () => {
    const before = await runCli(config, ['export', 'facilities']);
    const r = await runCli(config, ['init', '--demo', '--areas', AREAS.join(',')]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('already loaded');
    expect((await runCli(config, ['export', 'facilities'])).stdout).toBe(before.stdout);
  });

  it('export divisions gives code,name,level,parent_code,kind for exactly the loaded units', async () => {
    const r = await runCli(config, ['export', 'divisions']);
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n')[0]).toBe('code,name,level,parent_code,kind');
    const rows = parseCsv(r.stdout);
    const expected: string[] = [];
    for await (const d of readAllDivisions()) if (AREAS.some((a) => d.code.startsWith(a) || a.startsWith(d.code))) expected.push(d.code);
    expect(rows.map((x) => x.code).sort()).toEqual(expected.sort());
    const wuhua = rows.find((x) => x.code === '530102')!;
    expect(wuhua).toEqual({ code: '530102', name: '五华区', level: '3', parent_code: '5301', kind: '市辖区' });
    expect(rows.find((x) => x.code === '53')!.parent_code).toBe('');
  });

  it('export divisions --level filters one level; a bad level is refused', async () => {
    const rows = parseCsv((await runCli(config, ['export', 'divisions', '--level', '3'])).stdout);
    expect(rows.map((x) => x.code).sort()).toEqual(AREAS);
    const bad = await runCli(config, ['export', 'divisions', '--level', '7']);
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toContain('E3001');
  });

  it('export divisions --format json writes an array of the same rows', async () => {
    const out = join(tmpdir(), `gtcm-div-${process.pid}.json`);
    const r = await runCli(config, ['export', 'divisions', '--level', '3', '--format', 'json', '--out', out]);
    expect(r.code).toBe(0);
    const rows = JSON.parse(readFileSync(out, 'utf8'));
    expect(rows).toHaveLength(2);
    expect(rows[0]).toEqual({ code: '530102', name: '五华区', level: 3, parent_code: '5301', kind: '市辖区' });
  });

  it('export facilities filters by area and type', async () => {
    const r = await runCli(config, ['export', 'facilities', '--area', '530102', '--type', 'CHC']);
    expect(r.stdout.split('\n')[0]).toBe('code,name,type,division_code,ownership,opened,closed');
    const rows = parseCsv(r.stdout);
    expect(rows.length).toBeGreaterThan(5);
    for (const f of rows) {
      expect(f.type).toBe('CHC');
      expect(f.division_code.startsWith('530102')).toBe(true);
      expect(f.opened).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
  });

  it('export reports writes the import format with one column per element', async () => {
    const r = await runCli(config, ['export', 'reports', '--period', '2024', '--area', '530102']);
    expect(r.code).toBe(0);
    const header = r.stdout.split('\n')[0].split(',');
    expect(header.slice(0, 2)).toEqual(['org_code', 'period']);
    expect(header).toContain('has_tcm_hall');
    expect(header).toContain('technique_categories');
    expect(header).toHaveLength(2 + 14);
    const rows = parseCsv(r.stdout);
    expect(rows.length).toBeGreaterThan(10);
    for (const row of rows) {
      expect(row.period).toBe('2024');
      if (row.has_tcm_hall !== '') expect(['0', '1']).toContain(row.has_tcm_hall);
      if (row.technique_categories) expect(row.technique_categories).toMatch(/^[A-Z_]+(;[A-Z_]+)*$/);
    }
    // Every exported facility lies in the area.
    const facilities = new Set(parseCsv((await runCli(config, ['export', 'facilities', '--area', '530102'])).stdout).map((f) => f.code));
    for (const row of rows) expect(facilities.has(row.org_code)).toBe(true);
  });

  it('export reports needs a well-formed period', async () => {
    const r = await runCli(config, ['export', 'reports', '--period', '24']);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain('E1002');
  });

  it('user add creates a user; a weak password or an unknown scope is refused', async () => {
    const ok = await runCli(config, ['user', 'add', '--username', 'panlong', '--role', 'AREA_ADMIN', '--scope', '530103'], { GTCM_PASSWORD: 'Dianchi#Lake-2024' });
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain('盘龙区');
    const again = await runCli(config, ['user', 'add', '--username', 'panlong', '--role', 'AREA_ADMIN', '--scope', '530103'], { GTCM_PASSWORD: 'Dianchi#Lake-2024' });
    expect(again.code).not.toBe(0);
    expect(again.stderr).toContain('E1202');
    const weak = await runCli(config, ['user', 'add', '--username', 'weak', '--role', 'VIEWER', '--scope', 'CN'], { GTCM_PASSWORD: 'password' });
    expect(weak.code).not.toBe(0);
    expect(weak.stderr).toContain('E2006');
    expect(weak.stderr).toMatch(/密码至少 8 位/);
    const unknown = await runCli(config, ['user', 'add', '--username', 'nobody', '--role', 'VIEWER', '--scope', '999999'], { GTCM_PASSWORD: 'Lost#Scope-4410' });
    expect(unknown.code).not.toBe(0);
    expect(unknown.stderr).toContain('E1101');
  });

  it('unknown commands and missing options exit with the usage code', async () => {
    expect((await runCli(config, ['frobnicate'])).code).toBe(2);
    expect((await runCli(config, ['export', 'reports'])).code).toBe(2);
  });
});
