import { describe, expect, it } from 'vitest';
import { areaOf, divisionInScope, facilityInScope, scopeWithin, type Scope } from './scope.js';

const nation: Scope = { kind: 'nation' };
const wuhua: Scope = { kind: 'division', code: '530102', level: 3 };
const yunnan: Scope = { kind: 'division', code: '53', level: 1 };
const clinic: Scope = { kind: 'facility', code: 'VC-530102001001', divisionCode: '530102001001' };

describe('scope', () => {
  it('contains its own subtree and nothing beside it', () => {
    expect(divisionInScope(wuhua, '530102')).toBe(true);
    expect(divisionInScope(wuhua, '530102001001')).toBe(true);
    expect(divisionInScope(wuhua, '530103')).toBe(false);
    expect(divisionInScope(wuhua, '5301')).toBe(false);
    expect(divisionInScope(wuhua, '53')).toBe(false);
    expect(divisionInScope(nation, '110101')).toBe(true);
  });

  it('does not confuse codes that share leading digits across levels', () => {
    // 530102 is a county; 5301020 is not a code at all, and 531021... belongs elsewhere.
    expect(divisionInScope(wuhua, '531021')).toBe(false);
    expect(divisionInScope({ kind: 'division', code: '5301', level: 2 }, '530102')).toBe(true);
  });

  it('gives a facility scope exactly its facility', () => {
    expect(facilityInScope(clinic, { code: 'VC-530102001001', divisionCode: '530102001001' })).toBe(true);
    expect(facilityInScope(clinic, { code: 'VC-530102001002', divisionCode: '530102001002' })).toBe(false);
    expect(divisionInScope(clinic, '530102001001')).toBe(false);
  });

  it('nests scopes', () => {
    expect(scopeWithin(yunnan, wuhua)).toBe(true);
    expect(scopeWithin(wuhua, yunnan)).toBe(false);
    expect(scopeWithin(wuhua, clinic)).toBe(true);
    expect(scopeWithin(wuhua, nation)).toBe(false);
    expect(scopeWithin(nation, clinic)).toBe(true);
  });

  it('reads area codes', () => {
    expect(areaOf('CN')).toEqual({ level: 0, code: 'CN' });
    expect(areaOf('530102')).toEqual({ level: 3, code: '530102' });
    expect(areaOf('5301021')).toBeNull();
  });
});

describe('乡村一体化: a township health centre covers its village clinics', () => {
  const thc: Scope = { kind: 'facility', code: 'THC-530124100', divisionCode: '530124100', type: 'THC' };
  const chc: Scope = { kind: 'facility', code: 'CHC-530102001', divisionCode: '530102001', type: 'CHC' };

  it('covers the village clinics of its own township only', () => {
    expect(facilityInScope(thc, { code: 'VC-530124100201', divisionCode: '530124100201', type: 'VC' })).toBe(true);
    expect(facilityInScope(thc, { code: 'CHSS-530124100001', divisionCode: '530124100001', type: 'CHSS' })).toBe(false);
    expect(facilityInScope(thc, { code: 'VC-530124101201', divisionCode: '530124101201', type: 'VC' })).toBe(false);
    expect(facilityInScope(thc, { code: 'THC-530124101', divisionCode: '530124101', type: 'THC' })).toBe(false);
  });

  it('gives a community health centre itself only', () => {
    expect(facilityInScope(chc, { code: 'CHSS-530102001001', divisionCode: '530102001001', type: 'CHSS' })).toBe(false);
    expect(facilityInScope(chc, { code: 'CHC-530102001', divisionCode: '530102001', type: 'CHC' })).toBe(true);
  });

  it('gives a village clinic itself only', () => {
    const vc: Scope = { kind: 'facility', code: 'VC-530124100201', divisionCode: '530124100201', type: 'VC' };
    expect(facilityInScope(vc, { code: 'VC-530124100202', divisionCode: '530124100202', type: 'VC' })).toBe(false);
  });
});
