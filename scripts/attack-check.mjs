#!/usr/bin/env node
/**
 * Replays the attacks of the hardening review (issue 9) against a running platform on this
 * machine and prints, for each, what the server answered and whether it stayed up and fast for
 * another user. Only loopback addresses are accepted as targets; every loop is bounded.
 *
 *   node scripts/attack-check.mjs [--url http://127.0.0.1:3000] [--password Demo@2024!]
 *
 * Needs the demo users (`gtcm init --demo`, e.g. `--small` for 云南). Start the server with
 * GTCM_LOGIN_RATE_PER_MINUTE=1000 so that the guesses reach the password check (with the default
 * 30 a minute most are refused by the rate limit first, which is also a pass). It locks the demo user
 * `viewer` (5 wrong guesses) and unlocks it again through `admin`; it creates one facility
 * named like a formula. Exit code 1 when any check fails.
 */
import { crc32, deflateRawSync } from 'node:zlib';

const strToU8 = (s) => Buffer.from(s, 'utf8');
/** A minimal zip (deflate, no extras): enough for an XLSX-shaped file. */
function zipSync(files) {
  const locals = [];
  const centrals = [];
  let offset = 0;
  for (const [name, data] of Object.entries(files)) {
    const n = Buffer.from(name);
    const body = deflateRawSync(data);
    const head = Buffer.alloc(30);
    head.writeUInt32LE(0x04034b50, 0);
    head.writeUInt16LE(20, 4);
    head.writeUInt16LE(8, 8);
    head.writeUInt32LE(crc32(data), 14);
    head.writeUInt32LE(body.length, 18);
    head.writeUInt32LE(data.length, 22);
    head.writeUInt16LE(n.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(crc32(data), 16);
    central.writeUInt32LE(body.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(n.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(head, n, body);
    centrals.push(central, n);
    offset += head.length + n.length + body.length;
  }
  const dir = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(centrals.length / 2, 8);
  end.writeUInt16LE(centrals.length / 2, 10);
  end.writeUInt32LE(dir.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, dir, end]);
}

const arg = (name, dflt) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : dflt;
};
const BASE = arg('url', 'http://127.0.0.1:3000');
const PASSWORD = arg('password', 'Demo@2024!');
const host = new URL(BASE).hostname;
if (!/^(127\.\d+\.\d+\.\d+|localhost|\[::1\])$/.test(host)) {
  console.error(`只对本机发起 / loopback targets only, not ${host}`);
  process.exit(2);
}

let failures = 0;
const report = (ok, name, detail) => {
  if (!ok) failures++;
  console.log(`${ok ? 'PASS' : 'FAIL'}  ${name}${detail ? ` — ${detail}` : ''}`);
};

async function call(method, path, { session, body, headers = {}, raw } = {}) {
  const h = { ...headers };
  if (session) {
    h.cookie = session.cookie;
    if (method !== 'GET') h['x-csrf-token'] = session.csrf;
  }
  if (body !== undefined && !raw) h['content-type'] = 'application/json';
  const t0 = performance.now();
  const res = await fetch(BASE + path, { method, headers: h, body: raw ?? (body === undefined ? undefined : JSON.stringify(body)) });
  const text = await res.text();
  let json = null;
  try {
    json = JSON.parse(text);
  } catch {}
  return { status: res.status, json, text, headers: res.headers, ms: performance.now() - t0 };
}

async function login(username, password = PASSWORD) {
  const r = await call('POST', '/api/auth/login', { body: { username, password } });
  if (r.status !== 200) throw new Error(`login ${username}: ${r.status} ${r.text}`);
  return { cookie: r.headers.getSetCookie().map((c) => c.split(';')[0]).join('; '), csrf: r.json.csrfToken };
}

const code = (r) => r.json?.error?.code ?? r.status;
/** Another user's request while an attack runs: the server is up and answers promptly. */
async function stillFast(session, label) {
  const r = await call('GET', '/api/auth/me', { session });
  report(r.status === 200, `${label}: another user is still served`, `${r.status} in ${r.ms.toFixed(0)} ms`);
}

const admin = await login('admin');
const other = await login('yunnan');
const viewer = await login('viewer');

// 1. Bounded analytics.
{
  const dup = Array(300).fill('2024').join(',');
  const r = await call('GET', `/api/analytics?periods=${dup}&level=township&area=53`, { session: viewer });
  report(r.status === 200 || r.status === 400, '300 duplicate periods at township level', `${code(r)}, ${(r.text.length / 1e6).toFixed(1)} MB in ${r.ms.toFixed(0)} ms`);
  const years = Array.from({ length: 152 }, (_, i) => 1900 + i).join(',');
  const many = await call('GET', `/api/analytics?periods=${years}&area=53`, { session: viewer });
  report(many.status === 400, '152 distinct years', String(code(many)));
  const old = await call('GET', '/api/analytics?periods=1925', { session: viewer });
  report(old.status === 400 && code(old) === 'E1003', 'periods=1925', String(code(old)));
  const st = await call('GET', '/api/analytics?periods=2024&statuses=NOPE', { session: viewer });
  report(st.status === 400 && code(st) === 'E1005', 'unknown statuses', String(code(st)));
  const answers = await Promise.all(Array.from({ length: 200 }, () => call('GET', '/api/analytics?periods=2024&level=county&area=53', { session: viewer })));
  const ok = answers.every((a) => a.status === 200 || (a.status === 503 && code(a) === 'E6007'));
  report(ok, '200 concurrent analytics requests', `${answers.filter((a) => a.status === 200).length} answered, ${answers.filter((a) => a.status === 503).length} busy`);
  await stillFast(other, 'after 200 concurrent analytics requests');
}

// 2. Bounded imports.
{
  const cols = Array.from({ length: 10_000 }, (_, i) => `x${i}`).join(',');
  const csv = `org_code,period,${cols}\n${'A,2024,' + '1,'.repeat(9_999)}1\n`;
  const r = await call('POST', '/api/imports?dryRun=true', { session: admin, raw: csv, headers: { 'content-type': 'text/csv' } });
  report(r.status === 400 && r.text.length < 10_000, 'CSV with 10,000 unknown columns', `${code(r)}, answer ${r.text.length} bytes`);
  const row = '<row><c t="inlineStr"><is><t>x</t></is></c></row>';
  const sheet = `<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${row.repeat(5_000_000)}</sheetData></worksheet>`;
  const bomb = zipSync({ '[Content_Types].xml': strToU8('<Types/>'), 'xl/worksheets/sheet1.xml': strToU8(sheet) });
  const during = call('GET', '/api/auth/me', { session: other });
  const b = await call('POST', '/api/imports?dryRun=true', { session: admin, raw: bomb, headers: { 'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' } });
  report(b.status === 400 && code(b) === 'E4015', `an XLSX of ${(bomb.length / 1e6).toFixed(2)} MB holding 5,000,000 rows`, `${code(b)} in ${b.ms.toFixed(0)} ms`);
  const d = await during;
  report(d.status === 200, 'another user during that import', `${d.status} in ${d.ms.toFixed(0)} ms`);
  const corrupt = await call('POST', '/api/imports?dryRun=true', { session: admin, raw: 'this is not a zip', headers: { 'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' } });
  report(corrupt.status === 400 && !/signature|0x/i.test(corrupt.text), 'a corrupt XLSX names no library internals', `${code(corrupt)}: ${corrupt.json?.error?.message}`);
  await stillFast(other, 'after the import attacks');
}

// 3. The lockout under parallel guesses, and one answer.
{
  const guesses = Array.from({ length: 40 }, (_, i) => `Wrong#${i}-guess`).concat([PASSWORD]);
  const answers = await Promise.all(guesses.map((p) => call('POST', '/api/auth/login', { body: { username: 'viewer', password: p } })));
  report(answers.every((a) => a.status !== 200), '41 parallel guesses with the right password last', `answers ${[...new Set(answers.map(code))].join(', ')}`);
  const unknown = await call('POST', '/api/auth/login', { body: { username: 'no-such-user', password: 'Wrong#guess-1' } });
  const wrong = await call('POST', '/api/auth/login', { body: { username: 'admin', password: 'Wrong#guess-1' } });
  report(unknown.text === wrong.text && unknown.status === wrong.status, 'unknown user and wrong password answer alike', `${unknown.ms.toFixed(0)} ms vs ${wrong.ms.toFixed(0)} ms`);
  const un = await call('POST', '/api/users/viewer/unlock', { session: admin });
  report(un.status === 200, 'admin unlocks viewer', String(un.status));
}

// 4. Paths, bodies, headers.
{
  const p = await call('GET', '/%61pi/metadata');
  report(p.status === 401, '/%61pi/metadata without login', String(code(p)));
  const lo = await call('POST', '/%61pi/auth/logout', { headers: { cookie: other.cookie } });
  report(lo.status === 403, 'POST /%61pi/auth/logout without a CSRF token', String(code(lo)));
  const deep = await call('POST', '/api/favourites', { session: viewer, raw: '['.repeat(50_000) + ']'.repeat(50_000), headers: { 'content-type': 'application/json' } });
  report(deep.status === 400 && code(deep) === 'E1006', 'JSON nested 50,000 deep', String(code(deep)));
  const h = await call('GET', '/api/health');
  const need = ['content-security-policy', 'x-frame-options', 'x-content-type-options', 'referrer-policy'];
  report(need.every((k) => h.headers.get(k)) && h.headers.get('cache-control') === 'no-store', 'security headers and no-store', need.map((k) => `${k}: ${h.headers.get(k) ? 'yes' : 'no'}`).join(', '));
}

// 5. Formulas in CSV exports.
{
  const made = await call('POST', '/api/facilities', { session: admin, body: { code: `ATTACK-${Date.now() % 100000}`, name: '=HYPERLINK("http://x.invalid","点此")', type: 'CHC', divisionCode: '530102001', ownership: 'PUBLIC', opened: '2000-01-01' } });
  const csv = await call('GET', '/api/analytics/gaps/export?indicator=tcm_hall_coverage&period=2024&area=530102&format=csv', { session: admin });
  report(made.status === 201 && !/(^|,)=HYPERLINK/m.test(csv.text), 'a facility named =HYPERLINK(…) in a CSV export', made.status === 201 ? 'written as text' : `create: ${code(made)}`);
}

// 6. A login flood.
{
  const answers = await Promise.all(Array.from({ length: 200 }, () => call('POST', '/api/auth/login', { body: { username: 'no-such-user', password: 'Wrong#guess-1' } })));
  const by = {};
  for (const a of answers) by[code(a)] = (by[code(a)] ?? 0) + 1;
  const slowest = Math.max(...answers.map((a) => a.ms));
  report(Object.keys(by).every((k) => ['E2002', 'E2012', 'E1010'].includes(k)), '200 logins at once', `${JSON.stringify(by)}, slowest ${slowest.toFixed(0)} ms`);
  await stillFast(other, 'during the login flood');
}

console.log(failures ? `\n${failures} failed` : '\nall passed');
process.exit(failures ? 1 : 0);
