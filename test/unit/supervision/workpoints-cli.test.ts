import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as docx from 'docx';
import { describe, expect, it } from 'vitest';
import { exeFile, pdfFile, policyDocx } from '../../support/builders/files.js';
import { parse as parseCsv } from 'csv-parse/sync';
import { runCli } from '../../support/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'gtcm-wp-'));
const file = (name: string, bytes: Buffer | string) => {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return path;
};
const SEED_001 = fileURLToPath(new URL('../../../programs/grassroots-tcm/policies/2024-中医医政工作要点.txt', import.meta.url));
const parse = async (...args: string[]) => runCli(null, ['workpoints', 'parse', ...args]);

describe('gtcm workpoints parse', () => {
  it('prints {"items":[…]} with number, level, path, title and text in document order', async () => {
    const r = await parse(SEED_001);
    expect(r.code).toBe(0);
    const { items } = JSON.parse(r.stdout) as { items: Record<string, unknown>[] };
    expect(items).toHaveLength(13);
    expect(Object.keys(items[0]!)).toEqual(['number', 'level', 'path', 'title', 'text']);
    expect(items[9]).toMatchObject({ number: '（十）', level: 1, path: '（十）', title: '规范开展示范市（县）创建评审' });
  });

  it('--format csv prints the same items under a header', async () => {
    const r = await parse(SEED_001, '--format', 'csv');
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n')[0]).toBe('number,level,path,title,text');
    const rows = parseCsv(r.stdout, { columns: true }) as Record<string, string>[]; // a text may hold a line break, quoted
    expect(rows.map((x) => x.number)).toEqual(['（一）', '（二）', '（三）', '（四）', '（五）', '（六）', '（七）', '（八）', '（九）', '（十）', '（十一）', '（十二）', '（十三）']);
    expect(rows[1]).toMatchObject({ level: '1', title: '推进县级中医医院高质量发展' });
  });

  it('reads a text saved as GB18030 (Windows Notepad, WPS) like UTF-8', async () => {
    const encoded = Buffer.from([0xd2, 0xbb, 0xa1, 0xa2, 0xd7, 0xdc, 0xcc, 0xe5, 0xd2, 0xaa, 0xc7, 0xf3, 0x0a, 0xa3, 0xa8, 0xd2, 0xbb, 0xa3, 0xa9, 0xd6, 0xb8, 0xb5, 0xbc, 0xcb, 0xbc, 0xcf, 0xeb, 0xa1, 0xa3]); // 一、总体要求\n（一）指导思想。
    const r = await parse(file('gbk.txt', encoded));
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).items.map((i: { path: string; title: string }) => [i.path, i.title])).toEqual([
      ['一、', '总体要求'],
      ['一、/（一）', '指导思想'],
    ]);
  });

  it('reads a DOCX, including the numbers of Word\'s automatic numbering that are not in the text', async () => {
    const bytes = await policyDocx(
      [{ text: '关于推进基层中医药工作的通知' }, { text: '总体要求', level: 0 }, { text: '加强组织领导。', level: 1 }, { text: '强化督导检查。', level: 1 }, { text: '重点任务', level: 0 }, { text: '建设中医馆。', level: 1 }],
      [
        { format: docx.LevelFormat.CHINESE_COUNTING, text: '%1、' },
        { format: docx.LevelFormat.CHINESE_COUNTING, text: '（%2）' },
      ],
    );
    const r = await parse(file('plan.docx', bytes));
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).items.map((i: { path: string; title: string }) => [i.path, i.title])).toEqual([
      ['一、', '总体要求'],
      ['一、/（一）', '加强组织领导'],
      ['一、/（二）', '强化督导检查'],
      ['二、', '重点任务'],
      ['二、/（一）', '建设中医馆'],
    ]);
  });

  it('a text with no numbered items prints an empty list', async () => {
    const r = await parse(file('plain.txt', '会议强调，要坚持稳中求进。\n会议要求，狠抓落实。'));
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({ items: [] });
  });

  it('a file that is no text (a renamed .exe) is refused with E8001 and exit code 1', async () => {
    const r = await parse(file('plan.txt', exeFile()));
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('E8001');
    expect(r.stdout).toBe('');
  });

  it('reads the text of a PDF (seed 001 printed to PDF by Chromium): the same 13 items', async () => {
    const pdf = fileURLToPath(new URL('../../fixtures/policies/2024-中医医政工作要点.pdf', import.meta.url));
    const r = await parse(pdf);
    expect(r.code).toBe(0);
    const items = JSON.parse(r.stdout).items as { path: string; title: string }[];
    const fromText = JSON.parse((await parse(SEED_001)).stdout).items as { path: string; title: string }[];
    expect(items.map((i) => [i.path, i.title])).toEqual(fromText.map((i) => [i.path, i.title]));
  });

  it('a PDF without a text layer (a scan) is refused with a message that says what to do', async () => {
    const r = await parse(file('scan.pdf', pdfFile('')));
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('E8001');
    expect(r.stderr).toContain('DOCX');
  });

  it('a missing file is a clear error, not a stack trace', async () => {
    const r = await parse(join(dir, 'nope.txt'));
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('ENOENT');
    expect(r.stderr).not.toContain('    at ');
  });
});
