import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { mapHeaders, parseCell } from './import-format.js';
import type { ProgramMetadata } from './program.js';

const meta = JSON.parse(readFileSync(new URL('../../programs/grassroots-tcm/metadata.json', import.meta.url), 'utf8')) as ProgramMetadata;
const ds = meta.dataSets[0];
const elements = new Map(meta.dataElements.map((e) => [e.code, e]));
const optionSets = new Map(meta.optionSets.map((o) => [o.code, o]));
const el = (c: string) => elements.get(c)!;

describe('import headers', () => {
  it('accepts element codes and Chinese names, org_code/period aliases, and flags the rest', () => {
    const roles = mapHeaders(['\uFEFForg_code', '期间', '机构名称', 'visits', '中医诊疗人次', 'TCM_VISITS', 'beds'], ds, elements);
    expect(roles).toEqual([
      { kind: 'org_code' },
      { kind: 'period' },
      { kind: 'info' },
      { kind: 'element', code: 'visits' },
      { kind: 'element', code: 'tcm_visits' },
      { kind: 'element', code: 'tcm_visits' },
      { kind: 'unknown', header: 'beds' },
    ]);
  });
});

describe('import cells', () => {
  it('reads booleans as 1/0, true/false and 是/否', () => {
    for (const t of ['1', 'true', 'TRUE', '是']) expect(parseCell(t, el('has_tcm_hall'), optionSets)).toEqual({ ok: true, value: true });
    for (const t of ['0', 'false', '否']) expect(parseCell(t, el('has_tcm_hall'), optionSets)).toEqual({ ok: true, value: false });
    expect(parseCell('maybe', el('has_tcm_hall'), optionSets)).toEqual({ ok: false, code: 'E1403' });
  });

  it('reads non-negative integers only', () => {
    expect(parseCell(' 1200 ', el('visits'), optionSets)).toEqual({ ok: true, value: 1200 });
    expect(parseCell('12.0', el('visits'), optionSets)).toEqual({ ok: true, value: 12 });
    for (const t of ['-1', '1.5', '12a', '1,200']) expect(parseCell(t, el('visits'), optionSets)).toEqual({ ok: false, code: 'E1403' });
  });

  it('reads technique categories as codes or Chinese names with any of the separators', () => {
    expect(parseCell('针刺类、灸类;TUINA，cupping', el('technique_categories'), optionSets)).toEqual({ ok: true, value: ['ACUPUNCTURE', 'MOXIBUSTION', 'CUPPING', 'TUINA'] });
    expect(parseCell('针刺类;草药类', el('technique_categories'), optionSets)).toEqual({ ok: false, code: 'E4008' });
  });
});
