/**
 * The CLI from the careless operator's side: no password on the command line, the account
 * lifecycle, a restore refused while a server uses the store, and a `start` after a killed
 * `init --areas` that resumes for the same areas.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Config } from '../../../src/server/platform/config.js';
import { createContext } from '../../../src/server/platform/context.js';
import { claimServerLock, runningServers } from '../../../src/server/platform/server-lock.js';
import { ManualClock } from '../../../src/server/platform/clock.js';
import { parseCsv, runCli } from '../../support/cli.js';
import { STORE, storeConfig } from '../../support/test-context.js';

let config: Config;
let cleanup: () => Promise<void>;
const PASSWORD = 'Ops#Console-5521z';

beforeAll(async () => {
  ({ config, cleanup } = await storeConfig());
  expect((await runCli(config, ['init', '--areas', '530102'])).code).toBe(0);
});
afterAll(async () => cleanup());

const add = (username: string) => runCli(config, ['user', 'add', '--username', username, '--role', 'VIEWER', '--scope', '530102'], { GTCM_PASSWORD: PASSWORD });
const listed = async () => parseCsv((await runCli(config, ['user', 'list'])).stdout);

describe('passwords never on the command line', () => {
  it('refuses --password with E3004 and creates no user', async () => {
    const r = await runCli(config, ['user', 'add', '--username', 'cmdline', '--password', PASSWORD, '--role', 'VIEWER', '--scope', '530102']);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain('E3004');
    expect((await listed()).map((u) => u.username)).not.toContain('cmdline');
  });

  it('takes the password from GTCM_PASSWORD', async () => {
    expect((await add('fromenv')).code).toBe(0);
    expect((await listed()).find((u) => u.username === 'fromenv')).toMatchObject({ role: 'VIEWER', scope_code: '530102', disabled: 'false' });
  });

  it('refuses a common password from the environment with E2008', async () => {
    const r = await runCli(config, ['user', 'add', '--username', 'weakenv', '--role', 'VIEWER', '--scope', '530102'], { GTCM_PASSWORD: 'Password1!' });
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain('E2008');
  });
});

describe('the lifecycle from the CLI', () => {
  it('disables and enables a user', async () => {
    await add('cli-dis');
    expect((await runCli(config, ['user', 'disable', 'cli-dis'])).code).toBe(0);
    expect((await listed()).find((u) => u.username === 'cli-dis')!.disabled).toBe('true');
    expect((await runCli(config, ['user', 'enable', 'cli-dis'])).code).toBe(0);
    expect((await listed()).find((u) => u.username === 'cli-dis')!.disabled).toBe('false');
  });

  it('resets a password so that the user must change it', async () => {
    await add('cli-reset');
    const r = await runCli(config, ['user', 'reset-password', 'cli-reset'], { GTCM_PASSWORD: 'Temp#Reset-9931x' });
    expect(r.code).toBe(0);
    expect((await listed()).find((u) => u.username === 'cli-reset')!.must_change_password).toBe('true');
  });

  it('changes the scope of a user, and refuses an unknown user with E1103', async () => {
    await add('cli-move');
    expect((await runCli(config, ['user', 'update', 'cli-move', '--scope', '530102001'])).code).toBe(0);
    expect((await listed()).find((u) => u.username === 'cli-move')!.scope_code).toBe('530102001');
    const r = await runCli(config, ['user', 'unlock', 'nobody-at-all']);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain('E1103');
  });
});

describe('CSV exports from the CLI', () => {
  it('write a facility named like a formula as text, with a leading quote', async () => {
    const ctx = await createContext(config, { clock: new ManualClock() });
    try {
      const f = { code: 'FORMULA-1', name: '=HYPERLINK("http://x.invalid","点此")', type: 'CHC' as const, divisionCode: '530102001', ownership: 'PUBLIC' as const, opened: '2000-01-01', closed: null, attributes: {} };
      await ctx.store.repos.facilities.insert(f, new Date().toISOString());
    } finally {
      await ctx.close();
    }
    const rows = parseCsv((await runCli(config, ['export', 'facilities', '--area', '530102001'])).stdout);
    expect(rows.find((r) => r.code === 'FORMULA-1')!.name).toBe('\'=HYPERLINK("http://x.invalid","点此")');
  });
});

describe.skipIf(STORE !== 'sqlite')('restore and a running server', () => {
  it('refuses to restore while a server uses the data directory (E3003), and restores once it has stopped', async () => {
    const backup = join(config.dataDir, 'before.sqlite');
    expect((await runCli(config, ['backup', '--out', backup])).code).toBe(0);
    const release = claimServerLock(config.dataDir);
    try {
      const r = await runCli(config, ['restore', backup]);
      expect(r.code).not.toBe(0);
      expect(r.stderr).toContain('E3003');
      expect(r.stderr).toContain(String(process.pid));
    } finally {
      release();
    }
    expect((await runCli(config, ['restore', backup])).code).toBe(0);
  });

  it('ignores and removes the mark of a server process that died', () => {
    const dead = spawnSync(process.execPath, ['-e', '0']).pid!;
    claimServerLock(config.dataDir, dead);
    expect(runningServers(config.dataDir)).toEqual([]);
    expect(readdirSync(config.dataDir).some((f) => f === `server-${dead}.pid`)).toBe(false);
  });
});

describe('a start after a killed init --areas', () => {
  it('resumes the demo for the areas the store was initialised with, not the whole country', async () => {
    const { config: c, cleanup: done } = await storeConfig();
    try {
      const ctx = await createContext(c, { clock: new ManualClock() });
      // What a kill during the demo leaves: the hierarchy for 530102 and a demo asked for but not loaded.
      await ctx.services.init.init({ demo: false, seed: 1, areas: ['530102'] });
      await ctx.store.repos.state.set('demo_requested', '1');
      expect(await ctx.services.init.needsInit()).toBe(true);
      // `start` runs init again without --areas.
      const r = await ctx.services.init.init({ demo: true, seed: 1 });
      expect(r.demoLoaded).toBe(true);
      expect(r.facilities).toBeGreaterThan(0);
      expect(await ctx.services.init.needsInit()).toBe(false);
      await ctx.close();
    } finally {
      await done();
    }
    expect(existsSync(c.dataDir)).toBe(false);
  });
});
