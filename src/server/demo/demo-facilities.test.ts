/** The facilities of a known county: codes, names (from the division names) and none above county level. */
import { describe, expect, it } from 'vitest';
import { facilitiesForDivision } from './demo-generator.js';
import { OPTS, SAMPLE_DIVISIONS } from './demo-national.fixture.js';

describe('facilities of a known county', () => {
  const sample = SAMPLE_DIVISIONS;

  it('gives sensible names, codes and dates for a known county', () => {
    const [chc] = facilitiesForDivision(sample[1], OPTS);
    expect(chc).toMatchObject({ code: 'CHC-530124100', name: '永定社区卫生服务中心', type: 'CHC', divisionCode: '530124100' });
    const [thc] = facilitiesForDivision(sample[2], OPTS);
    expect(thc.code).toBe('THC-530124101');
    expect(thc.name).toMatch(/^罗免镇(中心)?卫生院$/);
    const [vc] = facilitiesForDivision(sample[3], OPTS);
    expect(vc).toMatchObject({ code: 'VC-530124101201', name: '罗免村卫生室', type: 'VC' });
    const [chss] = facilitiesForDivision(sample[4], OPTS);
    expect(chss).toMatchObject({ code: 'CHSS-530124100006', name: '永定社区卫生服务站', type: 'CHSS' });
    // Most residents' committees have no station of their own (about one in five has).
    expect(facilitiesForDivision({ ...sample[4], code: '530124100001' }, OPTS)).toEqual([]);
    const vcs = ['东李村村委会', '京野村委会', '李悦庄村民委员会', '宝拉格嘎查委员会'].map(
      (name, i) =>
        facilitiesForDivision({ code: `53012410120${i}`, name, level: 5, parentCode: '530124101', kind: 'VILLAGERS_COMMITTEE' }, OPTS)[0]
          .name,
    );
    expect(vcs).toEqual(['东李村卫生室', '京野村卫生室', '李悦庄村卫生室', '宝拉格嘎查卫生室']);
    expect(facilitiesForDivision({ code: '53', name: '云南省', level: 1, parentCode: null, kind: 'PROVINCE' }, OPTS)).toEqual([]);
    expect(facilitiesForDivision({ code: '5301', name: '昆明市', level: 2, parentCode: '53', kind: 'PREFECTURE' }, OPTS)).toEqual([]);
  });
});
