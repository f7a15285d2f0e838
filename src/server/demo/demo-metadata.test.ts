/** The demo's hard-coded metadata agrees with programs/grassroots-tcm/metadata.json. */
import { describe, expect, it } from 'vitest';
import { FACILITY_TYPES } from '../../domain/facility.js';
import { elementsFor } from '../../domain/program.js';
import { DEMO_ELEMENTS, TECHNIQUE_CATEGORIES } from './demo-generator.js';
import { dataSet, elements, optionSets } from './demo-national.fixture.js';

describe('metadata agreement', () => {
  it('hard-coded element lists equal elementsFor(GTCM_ANNUAL, type) for every type', () => {
    for (const type of FACILITY_TYPES) expect(DEMO_ELEMENTS[type]).toEqual(elementsFor(dataSet, type));
  });
  it('technique categories are the option set, in its order', () => {
    const set = optionSets.get(elements.get('technique_categories')!.optionSet!)!;
    expect([...TECHNIQUE_CATEGORIES]).toEqual(set.options.map((o) => o.code));
  });
});
