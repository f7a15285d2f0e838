import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkValue, elementsFor, type ProgramMetadata } from './program.js';

const meta = JSON.parse(readFileSync(new URL('../../programs/grassroots-tcm/metadata.json', import.meta.url), 'utf8')) as ProgramMetadata;
const ds = meta.dataSets.find((d) => d.code === 'GTCM_ANNUAL')!;
const el = (code: string) => meta.dataElements.find((e) => e.code === code)!;
const optionSets = new Map(meta.optionSets.map((o) => [o.code, o]));

describe('GTCM_ANNUAL metadata', () => {
  it('applies each element to the facility types PRODUCT.md names', () => {
    expect(elementsFor(ds, 'VC')).toEqual(['has_tcm_pavilion', 'provides_tcm', 'technique_categories', 'physicians', 'tcm_physicians', 'visits', 'tcm_visits', 'tcm_nondrug_visits', 'tcm_education_sessions']);
    expect(elementsFor(ds, 'THC')).toContain('has_tcm_hall');
    expect(elementsFor(ds, 'THC')).toContain('elderly_residents');
    expect(elementsFor(ds, 'THC')).not.toContain('provides_tcm');
    expect(elementsFor(ds, 'COUNTY_TCM_HOSPITAL')).toEqual(['physicians', 'tcm_physicians', 'visits', 'tcm_visits', 'tcm_nondrug_visits']);
  });

  it('has the ten technique categories', () => {
    expect(optionSets.get('TCM_TECHNIQUE_CATEGORY')!.options).toHaveLength(10);
  });
});

describe('checkValue', () => {
  it('checks types and ranges', () => {
    expect(checkValue(el('has_tcm_hall'), true, optionSets)).toEqual({ ok: true, value: true });
    expect(checkValue(el('has_tcm_hall'), 1, optionSets)).toEqual({ ok: false, problem: 'E1403' });
    expect(checkValue(el('visits'), 12, optionSets)).toEqual({ ok: true, value: 12 });
    expect(checkValue(el('visits'), -1, optionSets)).toEqual({ ok: false, problem: 'E1403' });
    expect(checkValue(el('visits'), 1.5, optionSets)).toEqual({ ok: false, problem: 'E1403' });
    expect(checkValue(el('visits'), '12', optionSets)).toEqual({ ok: false, problem: 'E1403' });
  });

  it('stores technique categories in option-set order without duplicates', () => {
    expect(checkValue(el('technique_categories'), ['TUINA', 'ACUPUNCTURE', 'TUINA'], optionSets)).toEqual({ ok: true, value: ['ACUPUNCTURE', 'TUINA'] });
    expect(checkValue(el('technique_categories'), ['HERBS'], optionSets)).toEqual({ ok: false, problem: 'E1404' });
  });
});
