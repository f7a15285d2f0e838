import { describe, expect, it } from 'vitest';
import { ancestorCodes, classifyDivision, levelOfCode } from './org-unit.js';

describe('classifyDivision', () => {
  it.each([
    ['五华区', 'DISTRICT'],
    ['富民县', 'COUNTY'],
    ['石林彝族自治县', 'AUTONOMOUS_COUNTY'],
    ['太仆寺旗', 'BANNER'],
    ['鄂温克族自治旗', 'AUTONOMOUS_BANNER'],
    ['安宁市', 'COUNTY_CITY'],
    ['大柴旦行政委员会', 'OTHER'],
  ])('county level %s → %s', (name, kind) => expect(classifyDivision(3, name)).toBe(kind));

  it.each([
    ['华山街道', 'SUBDISTRICT'],
    ['漓东街道办事处', 'SUBDISTRICT'],
    ['东于镇', 'TOWN'],
    ['南高乡', 'TOWNSHIP'],
    ['贡宝拉格苏木', 'TOWNSHIP'],
    ['南磨房地区', 'OTHER'],
  ])('township level %s → %s', (name, kind) => expect(classifyDivision(4, name)).toBe(kind));

  it.each([
    ['多福巷社区居委会', 'RESIDENTS_COMMITTEE'],
    ['银闸社区', 'RESIDENTS_COMMITTEE'],
    ['某某居民委员会', 'RESIDENTS_COMMITTEE'],
    ['石桥村委会', 'VILLAGERS_COMMITTEE'],
    ['石桥村民委员会', 'VILLAGERS_COMMITTEE'],
    ['某某嘎查委员会', 'VILLAGERS_COMMITTEE'],
    ['某某农场生活区', 'OTHER'],
  ])('village level %s → %s', (name, kind) => expect(classifyDivision(5, name)).toBe(kind));
});

describe('codes', () => {
  it('knows the level of an NBS code by its length', () => {
    expect([levelOfCode('53'), levelOfCode('5301'), levelOfCode('530102'), levelOfCode('530102001'), levelOfCode('530102001001')]).toEqual([1, 2, 3, 4, 5]);
    expect(levelOfCode('53010')).toBeNull();
    expect(levelOfCode('CN')).toBeNull();
    expect(levelOfCode('VC-530102001001')).toBeNull();
  });

  it('derives every ancestor from the code', () => {
    expect(ancestorCodes('530102001002')).toEqual({ 1: '53', 2: '5301', 3: '530102', 4: '530102001', 5: '530102001002' });
    expect(ancestorCodes('5301')).toEqual({ 1: '53', 2: '5301' });
  });
});
